/*
 * cmd_watch.c - `planverk watch PLAN.json [-o OUT.pdf]`: build, then
 * build again whenever the plan, the plan an annual report is on, the
 * type's templates, the theme or the fonts change.  Linux only (inotify,
 * signalfd).
 *
 * Each build runs in a child process exactly as `planverk build` would
 * (cmd_build_one): a crash, a leak or an exit in one build never ends
 * the watcher, and the PDF is only replaced when a build succeeds (the
 * atomic write).  The watcher watches folders, not files, because
 * editors save by writing a new file and renaming it over the old one;
 * the events are filtered by name.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../src/font/font.h"
#include "../../src/load/load.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"
#include "cmd.h"
#include "cmd_opts.h"

/* Quiet after the last event before a rebuild: an editor's save (write
 * a temporary file, rename, touch) is one rebuild, not three. */
#define DEBOUNCE_MS 150

#define DIR_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
    IN_CREATE | IN_DELETE | IN_ONLYDIR)

/* A watched folder, and which names in it matter (name NULL: all). */
struct wdir {
	int wd;
	char *path;
};
struct filter {
	int wd;
	char *name;
};

struct watcher {
	int ifd;
	struct wdir *dirs;
	size_t ndirs, capdirs;
	struct filter *filters;
	size_t nfilters, capfilters;
	const char *plan, *theme;
	char *output;
	char *type, *ref;	/* from the plan's last readable version */
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: planverk watch PLAN.json [-o OUT.pdf] [--theme THEME.json]\n"
	    "                      [--lang LANG] [--strict] [--templates DIR]\n"
	    "\n"
	    "Builds the plan's PDF as `planverk build` does, then again each\n"
	    "time the plan, the plan an annual report is on (meta.plan), the\n"
	    "type's templates, the theme or the fonts change.  A failed build\n"
	    "prints its problems and keeps the last good PDF.  Ctrl-C stops.\n"
	    "Linux only (inotify).\n"
	    "\n"
	    "  -o OUT.pdf          the PDF (default: PLAN.pdf beside the plan),\n"
	    "                      or a folder (FOLDER/PLAN.pdf)\n"
	    "  --theme THEME.json  page, fonts, colours (docs/theme.md)\n"
	    "  --lang LANG         labels in another language than meta.lang\n"
	    "  --strict            every warning is an error\n"
	    "  --templates DIR     DIR/<type>/ replaces files of the type\n"
	    "\n"
	    "Exit status: 0 stopped by a signal, 2 usage, 3 internal error.\n");
}

/* "HH:MM:SS" of the wall clock, for the lines a user reads. */
static void
stamp(char out[16])
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, 16, "%H:%M:%S", &tm) == 0)
		strcpy(out, "--:--:--");
}

/* The watch descriptor of a folder, added once; -1 when it cannot be
 * watched (it does not exist yet: tried again after the next build). */
static int
watch_dir(struct watcher *w, const char *dir)
{
	size_t i;
	int wd;

	for (i = 0; i < w->ndirs; i++)
		if (strcmp(w->dirs[i].path, dir) == 0)
			return w->dirs[i].wd;
	if ((wd = inotify_add_watch(w->ifd, dir, DIR_EVENTS)) < 0)
		return -1;
	/* Two paths of one folder give the same descriptor: keep both
	 * names, the descriptor is what events carry. */
	PV_GROW(w->dirs, w->capdirs, w->ndirs + 1);
	w->dirs[w->ndirs].wd = wd;
	w->dirs[w->ndirs++].path = pv_xstrdup(dir);
	return wd;
}

static void
add_filter(struct watcher *w, const char *dir, const char *name)
{
	int wd = watch_dir(w, dir);

	if (wd < 0)
		return;
	PV_GROW(w->filters, w->capfilters, w->nfilters + 1);
	w->filters[w->nfilters].wd = wd;
	w->filters[w->nfilters++].name = name ? pv_xstrdup(name) : NULL;
}

/* One file: its folder, events for its name only. */
static void
watch_file(struct watcher *w, const char *path)
{
	char *dir = pv_dirname(path);

	add_filter(w, dir, cmd_basename(path));
	free(dir);
}

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The plan's type and meta.plan, when the plan reads as JSON; a broken
 * plan keeps the last ones (the user is typing). */
static void
read_plan(struct watcher *w)
{
	struct pv_diags d;
	char *text;
	size_t len;
	cJSON *root, *type, *ref;

	pv_diags_init(&d);
	if (pv_read_file(w->plan, &text, &len, &d) != PV_OK) {
		pv_diags_free(&d);
		return;
	}
	root = cJSON_ParseWithLength(text, len);
	free(text);
	pv_diags_free(&d);
	if (root == NULL)
		return;
	type = cJSON_GetObjectItemCaseSensitive(root, "type");
	ref = cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(root, "meta"), "plan");
	free(w->type);
	w->type = cJSON_IsString(type) && cmd_type_name_ok(type->valuestring)
	    ? pv_xstrdup(type->valuestring) : NULL;
	free(w->ref);
	w->ref = NULL;
	if (cJSON_IsString(ref) && ref->valuestring[0] != '\0') {
		/* relative to the report, as enrich reads it */
		char *dir = pv_dirname(w->plan);

		w->ref = ref->valuestring[0] == '/' || strcmp(dir, ".") == 0 ?
		    pv_xstrdup(ref->valuestring) :
		    pv_path_join(dir, ref->valuestring);
		free(dir);
	}
	cJSON_Delete(root);
}

/* fonts/ of the data folder (fonts.json and the files beside it), and
 * the folder of each file the font map names, wherever it was found. */
static void
watch_fonts(struct watcher *w)
{
	char *dir = pv_path_join(cmd_data_dir(), "fonts");
	char *map = pv_path_join(dir, "fonts.json"), *text, *path;
	struct pv_diags d;
	size_t len;
	cJSON *root, *fam, *file;

	add_filter(w, dir, NULL);
	pv_diags_init(&d);
	if (pv_read_file(map, &text, &len, &d) == PV_OK) {
		root = cJSON_ParseWithLength(text, len);
		free(text);
		cJSON_ArrayForEach(fam, cJSON_GetObjectItemCaseSensitive(root,
		    "families")) {
			cJSON_ArrayForEach(file, fam) {
				if (!cJSON_IsString(file))
					continue;
				path = font_find_file(dir, file->valuestring);
				if (path != NULL)
					watch_file(w, path);
				free(path);
			}
		}
		cJSON_Delete(root);
	}
	pv_diags_free(&d);
	free(map);
	free(dir);
}

/* What the next build reads: computed again after each build, since the
 * plan may now name another type or another plan. */
static void
watch_inputs(struct watcher *w)
{
	size_t i;

	for (i = 0; i < w->nfilters; i++)
		free(w->filters[i].name);
	w->nfilters = 0;
	read_plan(w);
	watch_file(w, w->plan);
	if (w->ref != NULL)
		watch_file(w, w->ref);
	if (w->type != NULL) {
		char *tdir = cmd_type_dir(w->type);

		if (tdir != NULL)
			add_filter(w, tdir, NULL);
		free(tdir);
		if (cmd_templates_dir != NULL) {
			/* DIR/<type>/ made after the start counts too */
			add_filter(w, cmd_templates_dir, w->type);
			tdir = pv_path_join(cmd_templates_dir, w->type);
			if (is_dir(tdir))
				add_filter(w, tdir, NULL);
			free(tdir);
		}
	}
	if (w->theme != NULL)
		watch_file(w, w->theme);
	watch_fonts(w);
}

/* Whether an event is about a file a build reads.  In a folder watched
 * whole, hidden files (editors' swap files, our own .planverk-*
 * temporaries), backups (name~) and the PDF itself do not count. */
static int
relevant(const struct watcher *w, const struct inotify_event *ev)
{
	const char *outname = cmd_basename(w->output);
	size_t i, n;

	if (ev->mask & IN_Q_OVERFLOW)
		return 1;	/* events were lost: rebuild to be sure */
	if (ev->len == 0)
		return 0;
	n = strlen(ev->name);
	for (i = 0; i < w->nfilters; i++) {
		if (w->filters[i].wd != ev->wd)
			continue;
		if (w->filters[i].name != NULL) {
			if (strcmp(w->filters[i].name, ev->name) == 0)
				return 1;
		} else if (ev->name[0] != '.' && ev->name[n - 1] != '~' &&
		    strcmp(ev->name, outname) != 0) {
			return 1;
		}
	}
	return 0;
}

/* Read what inotify has; 1 when a rebuild is due. */
static int
read_events(struct watcher *w)
{
	_Alignas(struct inotify_event) char buf[8192];
	ssize_t n;
	size_t off, i;
	int due = 0;

	while ((n = read(w->ifd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < (size_t)n;) {
			const struct inotify_event *ev =
			    (const struct inotify_event *)(buf + off);

			if (ev->mask & IN_IGNORED) {
				/* the folder went away: forget it, so that
				 * a new one of that name is watched again */
				for (i = 0; i < w->ndirs; i++)
					if (w->dirs[i].wd == ev->wd) {
						free(w->dirs[i].path);
						w->dirs[i] = w->dirs[--w->ndirs];
						i--;
					}
			} else if (relevant(w, ev)) {
				due = 1;
			}
			off += sizeof(*ev) + ev->len;
		}
	}
	return due;
}

/* A build in a child process, as `planverk build` would run it; the
 * child prints its own "built" line, with the page count it knows. */
static pid_t
start_build(const struct watcher *w, const struct build_request *tmpl,
    const sigset_t *oldmask)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		struct build_request br = *tmpl;
		size_t npages = 0;
		double t0 = cmd_now_ms();
		char ts[16];
		int rc;

		close(w->ifd);
		/* A Ctrl-C then ends the build (its temporary file
		 * removed by the writer's handler), as in `build`. */
		sigprocmask(SIG_SETMASK, oldmask, NULL);
		/* What the watcher read is no input of this build:
		 * an old plan's inode may be the PDF's now. */
		pv_inputs_forget();
		br.npages = &npages;
		rc = cmd_build_one(&br);
		if (rc == PV_OK) {
			stamp(ts);
			printf("%s built %s (%zu page%s, %.0f ms)\n", ts,
			    w->output, npages, npages == 1 ? "" : "s",
			    cmd_now_ms() - t0);
		}
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	return pid;
}

static void
report_failure(const struct watcher *w, int status)
{
	char ts[16];
	struct stat st;

	stamp(ts);
	if (WIFSIGNALED(status))
		printf("%s failed (the build was killed by signal %d)", ts,
		    WTERMSIG(status));
	else
		printf("%s failed", ts);
	if (stat(w->output, &st) == 0)
		printf(": the last good %s is kept\n", w->output);
	else
		printf(": no %s written yet\n", w->output);
	fflush(stdout);
}

/* The loop: events, a quiet spell, a build; until SIGINT or SIGTERM. */
static int
watch_loop(struct watcher *w, const struct build_request *br)
{
	sigset_t set, oldmask;
	struct pollfd fds[2];
	struct signalfd_siginfo si;
	pid_t child = 0;
	int pending = 1, status, sfd;
	double deadline = cmd_now_ms();

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &oldmask);
	if ((sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC)) < 0) {
		fprintf(stderr, "planverk watch: signalfd: %s\n",
		    strerror(errno));
		sigprocmask(SIG_SETMASK, &oldmask, NULL);
		return PV_EINTERNAL;
	}
	watch_inputs(w);
	fds[0].fd = w->ifd;
	fds[0].events = POLLIN;
	fds[1].fd = sfd;
	fds[1].events = POLLIN;
	for (;;) {
		int timeout = -1;
		double t = cmd_now_ms();

		if (pending && child == 0)
			timeout = deadline > t ? (int)(deadline - t) + 1 : 0;
		if (poll(fds, 2, timeout) < 0 && errno != EINTR) {
			fprintf(stderr, "planverk watch: poll: %s\n",
			    strerror(errno));
			break;
		}
		if (fds[0].revents & POLLIN && read_events(w)) {
			pending = 1;
			deadline = cmd_now_ms() + DEBOUNCE_MS;
		}
		while (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
			if (si.ssi_signo != SIGCHLD)
				goto stop;
			if (child > 0 && waitpid(child, &status, WNOHANG) ==
			    child) {
				child = 0;
				if (!WIFEXITED(status) || WEXITSTATUS(status))
					report_failure(w, status);
				/* the plan may name another type now */
				watch_inputs(w);
			}
		}
		if (pending && child == 0 && cmd_now_ms() >= deadline) {
			pending = 0;
			if ((child = start_build(w, br, &oldmask)) < 0) {
				fprintf(stderr, "planverk watch: cannot start "
				    "a build: %s\n", strerror(errno));
				child = 0;
			}
		}
	}
stop:
	/* An interrupted build removes its temporary file on SIGTERM. */
	if (child > 0) {
		kill(child, SIGTERM);
		while (waitpid(child, &status, 0) < 0 && errno == EINTR)
			;
	}
	close(sfd);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	return PV_OK;
}

int
cmd_watch(int argc, char **argv)
{
	struct build_request br;
	struct watcher w;
	struct stat st;
	size_t i;
	int rc, nargs;
	const struct cmd_opt opts[] = {
		{ NULL, 'o', 1, &br.output, NULL, NULL },
		{ "theme", 0, 1, &br.theme, NULL, NULL },
		{ "lang", 0, 1, &br.lang, NULL, NULL },
		{ "strict", 0, 0, NULL, &br.strict, NULL },
		{ "templates", 0, 1, NULL, NULL, cmd_set_templates_dir },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	const struct cmd_opts spec = { "watch", opts, usage, 0 };

	memset(&br, 0, sizeof(br));
	memset(&w, 0, sizeof(w));
	if ((rc = cmd_opts_parse(&spec, argc, argv, &nargs)) !=
	    CMD_OPTS_GO_ON)
		return rc;
	if (nargs > 1)
		return cmd_usage_error("watch", "one plan at a time ('%s' and "
		    "'%s')", argv[1], argv[2]);
	br.input = argv[1];
	if (br.input == NULL)
		return cmd_usage_error("watch", "no plan given");
	if (stat(br.input, &st) != 0)
		return cmd_usage_error("watch", "cannot read the plan '%s': %s",
		    br.input, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return cmd_usage_error("watch", "the plan '%s' is not a file",
		    br.input);
	if (br.output != NULL && strcmp(br.output, "-") == 0)
		return cmd_usage_error("watch", "-o - is for build; watch "
		    "writes a file it can keep");
	if (br.theme != NULL && stat(br.theme, &st) != 0)
		return cmd_usage_error("watch", "the theme '%s' does not "
		    "exist", br.theme);
	if (br.lang != NULL && !cmd_type_name_ok(br.lang))
		return cmd_usage_error("watch", "--lang takes a language code "
		    "such as nb, nn or se, not '%s'", br.lang);
	w.plan = br.input;
	/* A language the type lacks: a usage error now, as build says
	 * it, rather than a failure at every save. */
	read_plan(&w);
	if (br.lang != NULL && w.type != NULL) {
		char *tdir = cmd_type_dir(w.type), *known = NULL;

		rc = tdir == NULL || cmd_type_has_lang(tdir, br.lang, &known) ?
		    PV_OK : cmd_usage_error("watch", "--lang takes one of the "
		    "languages of the type's labels (%s), not '%s'", known,
		    br.lang);
		free(known);
		free(tdir);
		if (rc != PV_OK) {
			free(w.type);
			free(w.ref);
			return rc;
		}
	}
	if ((w.ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0) {
		fprintf(stderr, "planverk watch: cannot watch files: %s\n",
		    strerror(errno));
		return PV_EINTERNAL;
	}
	w.theme = br.theme;
	w.output = cmd_build_output(br.input, br.output);
	br.output = w.output;
	rc = watch_loop(&w, &br);
	close(w.ifd);
	for (i = 0; i < w.nfilters; i++)
		free(w.filters[i].name);
	for (i = 0; i < w.ndirs; i++)
		free(w.dirs[i].path);
	free(w.filters);
	free(w.dirs);
	free(w.output);
	free(w.type);
	free(w.ref);
	return rc;
}
