#!/usr/bin/env python3
"""Run the official Mustache spec suite against `planverk template`.

usage: run-spec.py [-v] [--planverk CMD] SPEC_DIR [SPEC_DIR...]

Every *.json file of each SPEC_DIR (the specs/ folder of
github.com/mustache/spec), the optional ~*.json modules too, is a list of
tests.  The tests of ~lambdas.json are counted as skipped (planverk has no
lambdas); every other file is run.  For each test the template, the data and
the partials are written to a fresh temporary folder and rendered with

    planverk template T.mustache --data D.json --partials P

and standard output is compared with "expected".  Prints every failing test
and a last line "N passed, M failed, S skipped in F files (NAME COUNT, ...)";
exits 1 when a test failed, or when no test ran (an empty or missing
folder is a failure, not a success).

The spec files are third-party and not kept in this repository: fetch them
into a folder such as /tmp/mustache-spec (see tests/spec/README).

$PLANVERK (or --planverk) is the command to run, split on spaces, so that it
may be "valgrind -q --error-exitcode=99 build/planverk".
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

# Files whose tests are counted but not run, and why.
SKIP = {"~lambdas.json": "no lambdas"}


def run_test(cmd, test, tmp, timeout):
    tdir = tempfile.mkdtemp(dir=tmp)
    pdir = os.path.join(tdir, "partials")
    os.mkdir(pdir)
    tfile = os.path.join(tdir, "template.mustache")
    dfile = os.path.join(tdir, "data.json")
    with open(tfile, "w", encoding="utf-8", newline="") as f:
        f.write(test["template"])
    with open(dfile, "w", encoding="utf-8") as f:
        json.dump(test.get("data"), f)
    for name, text in test.get("partials", {}).items():
        with open(os.path.join(pdir, name + ".mustache"), "w",
                  encoding="utf-8", newline="") as f:
            f.write(text)
    try:
        p = subprocess.run(cmd + ["template", tfile, "--data", dfile,
                                  "--partials", pdir],
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "", "timed out", -1
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    # A missing partial warns on stderr but is not an error (spec).
    ok = p.returncode == 0 and out == test["expected"]
    return ok, out, err, p.returncode


def main(argv):
    verbose = False
    cmd = shlex.split(os.environ.get("PLANVERK", "build/planverk"))
    dirs = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-v":
            verbose = True
        elif a == "--planverk":
            i += 1
            cmd = shlex.split(argv[i])
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            dirs.append(a)
        i += 1
    if not dirs:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    passed = failed = skipped = 0
    per_file = []
    for d in dirs:
        if not os.path.isdir(d):
            print("run-spec.py: %s: no such folder (see tests/spec/README)"
                  % d)
            print("0 passed, 1 failed: no spec folder %s" % d)
            return 1
    with tempfile.TemporaryDirectory(prefix="mustache-spec-") as tmp:
        for d in dirs:
            for fname in sorted(os.listdir(d)):
                if not fname.endswith(".json"):
                    continue
                with open(os.path.join(d, fname), encoding="utf-8") as f:
                    spec = json.load(f)
                if fname in SKIP:
                    n = len(spec["tests"])
                    per_file.append((os.path.join(d, fname), 0, 0, n))
                    skipped += n
                    continue
                fp = ff = 0
                for test in spec["tests"]:
                    ok, out, err, rc = run_test(cmd, test, tmp, 30)
                    if ok:
                        fp += 1
                        continue
                    ff += 1
                    print("FAIL %s: %s" % (fname, test["name"]))
                    print("  template: %r" % test["template"])
                    if test.get("partials"):
                        print("  partials: %r" % test["partials"])
                    print("  expected: %r" % test["expected"])
                    print("  got:      %r (exit %d)" % (out, rc))
                    if err:
                        print("  stderr:   %r" % err)
                per_file.append((os.path.join(d, fname), fp, ff, 0))
                passed += fp
                failed += ff
    if verbose:
        for name, fp, ff, fs in per_file:
            print("%-50s %3d passed, %d failed, %d skipped"
                  % (name, fp, ff, fs))
    files = []
    for name, fp, ff, fs in per_file:
        base = os.path.basename(name)[:-len(".json")]
        if fs:
            files.append("%s %d skipped: %s"
                         % (base, fs, SKIP[os.path.basename(name)]))
        elif ff:
            files.append("%s %d/%d" % (base, fp, fp + ff))
        else:
            files.append("%s %d" % (base, fp))
    print("%d passed, %d failed, %d skipped in %d files (%s)"
          % (passed, failed, skipped, len(per_file), ", ".join(files)))
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
