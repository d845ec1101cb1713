/*
 * file.c - opening inputs, whole-file reads and atomic writes.
 *
 * The one place where planverk opens files (file.h says what it
 * guarantees).  It keeps two pieces of process state: the inputs read so
 * far, so that an output can never replace one of them, and the name of
 * the temporary file being written, so that a signal handler can remove
 * it.  planverk is single-threaded.
 *
 * PLANVERK_TEST_WRITE_PAUSE=MS makes the writer wait that long after the
 * temporary file is written and before it is renamed, so that the tests
 * can send a signal at that moment (tests/cmd/output.sh).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "mem.h"

/* ---- inputs (and outputs) of the run ---- */

struct input {
	dev_t dev;
	ino_t ino;
	char *name;   /* as it was given */
	char *real;   /* realpath(), or NULL */
	int output;   /* written by this run, not read */
};

static struct input *inputs;
static size_t ninputs, cap_inputs;

static void
input_record(const char *path, const struct stat *st, int output)
{
	struct input *in;
	size_t i;

	for (i = 0; i < ninputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return;
	PV_GROW(inputs, cap_inputs, ninputs + 1);
	in = &inputs[ninputs++];
	in->dev = st->st_dev;
	in->ino = st->st_ino;
	in->name = pv_xstrdup(path);
	in->real = realpath(path, NULL);
	in->output = output;
}

void
pv_inputs_forget(void)
{
	size_t i;

	for (i = 0; i < ninputs; i++) {
		free(inputs[i].name);
		free(inputs[i].real);
	}
	free(inputs);
	inputs = NULL;
	ninputs = cap_inputs = 0;
}

/* The input that is this file (by identity, else by real path), or NULL. */
static const struct input *
input_find(const struct stat *st, const char *real)
{
	size_t i;

	for (i = 0; i < ninputs; i++)
		if (st != NULL && inputs[i].dev == st->st_dev &&
		    inputs[i].ino == st->st_ino)
			return &inputs[i];
	for (i = 0; i < ninputs; i++)
		if (real != NULL && inputs[i].real != NULL &&
		    strcmp(inputs[i].real, real) == 0)
			return &inputs[i];
	return NULL;
}

/* ---- reading ---- */

static const char not_regular[] = "not a regular file (a FIFO, device or "
    "socket); planverk reads only regular files";
static const char is_folder[] = "is a folder, not a file";

/* As pv_open_input; *sys is set when *why is the system's reason. */
static int
open_regular(const char *path, struct stat *st, const char **why, int *sys)
{
	int fd, fl;

	*sys = 0;
	/* Look before opening: opening a device can itself do things. */
	if (stat(path, st) == 0 && !S_ISREG(st->st_mode)) {
		*why = S_ISDIR(st->st_mode) ? is_folder : not_regular;
		return -1;
	}
	/* Non-blocking: a FIFO put there since cannot make us wait. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC))
	    == -1) {
		*why = strerror(errno);
		*sys = 1;
		return -1;
	}
	if (fstat(fd, st) == -1) {
		*why = strerror(errno);
		*sys = 1;
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		*why = S_ISDIR(st->st_mode) ? is_folder : not_regular;
		close(fd);
		return -1;
	}
	if ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
		*why = strerror(errno);
		*sys = 1;
		close(fd);
		return -1;
	}
	input_record(path, st, 0);
	return fd;
}

int
pv_open_input(const char *path, size_t *size, const char **why)
{
	struct stat st;
	int fd, sys;

	if ((fd = open_regular(path, &st, why, &sys)) != -1 && size != NULL)
		*size = (size_t)st.st_size;
	return fd;
}

FILE *
pv_fopen_input(const char *path, const char **why)
{
	FILE *f;
	int fd;

	if ((fd = pv_open_input(path, NULL, why)) == -1)
		return NULL;
	if ((f = fdopen(fd, "rb")) == NULL) {
		*why = strerror(errno);
		close(fd);
	}
	return f;
}

enum pv_status
pv_read_file(const char *path, char **data, size_t *len, struct pv_diags *d)
{
	struct stat st;
	const char *why;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t r;
	int fd, sys;

	*data = NULL;
	*len = 0;
	if ((fd = open_regular(path, &st, &why, &sys)) == -1) {
		pv_diag(d, PV_ERROR, path, 0, 0, "%s%s", sys ? "cannot open: "
		    : "", why);
		return PV_EINPUT;
	}
	/* Refused from its size, before a byte is read. */
	if (st.st_size > (off_t)PV_MAX_INPUT_FILE) {
		pv_diag(d, PV_ERROR, path, 0, 0, "file is larger than %u MiB "
		    "(%lld bytes); refusing to read it",
		    PV_MAX_INPUT_FILE / (1024u * 1024u), (long long)st.st_size);
		close(fd);
		return PV_EINPUT;
	}
	cap = (size_t)st.st_size + 1;
	if (cap < 4096)
		cap = 4096;
	buf = pv_xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			buf = pv_xrealloc(buf, cap);
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			pv_diag(d, PV_ERROR, path, 0, 0, "cannot read: %s",
			    strerror(errno));
			free(buf);
			close(fd);
			return PV_EINPUT;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		/* A file that grows while we read it. */
		if (n > PV_MAX_INPUT_FILE) {
			pv_diag(d, PV_ERROR, path, 0, 0,
			    "file is larger than %u MiB; refusing to read it",
			    PV_MAX_INPUT_FILE / (1024u * 1024u));
			free(buf);
			close(fd);
			return PV_EINPUT;
		}
	}
	close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return PV_OK;
}

char *
pv_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return pv_xstrdup(".");
	if (slash == path)
		return pv_xstrdup("/");
	return pv_xstrndup(path, (size_t)(slash - path));
}

char *
pv_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return pv_xasprintf("%s%s", dir, name);
	return pv_xasprintf("%s/%s", dir, name);
}

/* ---- writing ---- */

/*
 * Check that an output may be written at path: *target is then set
 * (caller frees).  *exists says whether it exists.
 */
static enum pv_status
output_target(const char *path, char **target, int *exists,
    struct pv_diags *d)
{
	const struct input *in;
	struct stat st;
	char *real = NULL, *dir, *rdir;
	const char *base;

	*target = NULL;
	*exists = 0;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			/* Renaming over a link would replace the link, and
			 * writing through one can land anywhere (/dev/stdout
			 * is one, to /proc/self/fd/1): neither. */
			struct stat to;

			if (stat(path, &to) == 0 && (in = input_find(&to,
			    NULL)) != NULL)
				goto is_input;
			pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: it is a "
			    "symbolic link; name the file itself, or standard "
			    "output with '-'");
			return PV_EINTERNAL;
		}
		if (S_ISDIR(st.st_mode)) {
			pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: it is a "
			    "folder; give a file name");
			return PV_EINTERNAL;
		}
		if (!S_ISREG(st.st_mode)) {
			pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: not a "
			    "regular file (a device, FIFO or socket); planverk "
			    "writes only regular files, or standard output "
			    "with '-'");
			return PV_EINTERNAL;
		}
		real = realpath(path, NULL);
		*exists = 1;
		in = input_find(&st, real);
	} else if (errno == ENOENT) {
		/* Missing: compare where it would be with the inputs, which
		 * may have been moved or removed since they were read. */
		dir = pv_dirname(path);
		base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		if ((rdir = realpath(dir, NULL)) != NULL)
			real = pv_path_join(rdir, base);
		free(rdir);
		free(dir);
		in = input_find(NULL, real);
	} else {
		pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return PV_EINTERNAL;
	}
	if (in != NULL) {
is_input:
		pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: it is %s of "
		    "this run (%s); refusing to overwrite it", in->output ?
		    "another output" : "an input", in->name);
		free(real);
		return PV_EUSAGE;
	}
	free(real);
	*target = pv_xstrdup(path);
	return PV_OK;
}

enum pv_status
pv_output_check(const char *path, struct pv_diags *d)
{
	char *target;
	int exists;
	enum pv_status st;

	if (strcmp(path, "-") == 0)
		return PV_OK;
	st = output_target(path, &target, &exists, d);
	free(target);
	return st;
}

/* The temporary file being written, for the signal handler. */
static char tmp_path[PATH_MAX + 32];
static volatile sig_atomic_t tmp_live;
static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
static struct sigaction old_actions[NFATAL];

static void
on_fatal_signal(int sig)
{
	int e = errno;

	if (tmp_live)
		(void)unlink(tmp_path);
	tmp_live = 0;
	/* SA_RESETHAND has restored the default action: the signal, blocked
	 * while we run, ends the process when we return. */
	(void)raise(sig);
	errno = e;
}

static void
signals_catch(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NFATAL; i++) {
		sigaction(fatal_signals[i], NULL, &old_actions[i]);
		/* A signal the caller ignores (nohup) stays ignored. */
		if (old_actions[i].sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
	}
}

static void
signals_restore(void)
{
	size_t i;

	for (i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &old_actions[i], NULL);
}

/* Block (how = SIG_BLOCK) or unblock the signals that remove the file. */
static void
signals_mask(int how)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NFATAL; i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(how, &set, NULL);
}

static int
write_all(int fd, const char *p, size_t len)
{
	size_t off = 0;
	ssize_t w;

	while (off < len) {
		w = write(fd, p + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

static void
test_pause(void)
{
	const char *s = getenv("PLANVERK_TEST_WRITE_PAUSE");
	struct timespec ts;
	long ms;

	if (s == NULL || (ms = strtol(s, NULL, 10)) <= 0 || ms > 60000)
		return;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		continue;
}

static enum pv_status
write_output(const char *path, const void *data, size_t len, int excl,
    struct pv_diags *d)
{
	char *target = NULL, *dir, *tmp;
	const char *what = "cannot write";
	enum pv_status st;
	int fd = -1, exists, e;
	mode_t mask;

	if (strcmp(path, "-") == 0) {
		struct stat so;
		const struct input *in;

		/* `-o - >>plan.json` would append to an input. */
		if (fstat(STDOUT_FILENO, &so) == 0 && S_ISREG(so.st_mode) &&
		    (in = input_find(&so, NULL)) != NULL) {
			pv_diag(d, PV_ERROR, NULL, 0, 0, "cannot write to "
			    "standard output: it is %s of this run (%s)",
			    in->output ? "another output" : "an input",
			    in->name);
			return PV_EUSAGE;
		}
		/* After anything already printed there through stdio. */
		(void)fflush(stdout);
		if (write_all(STDOUT_FILENO, data, len) == -1) {
			pv_diag(d, PV_ERROR, NULL, 0, 0, "cannot write to "
			    "standard output: %s", strerror(errno));
			return PV_EINTERNAL;
		}
		return PV_OK;
	}
	if ((st = output_target(path, &target, &exists, d)) != PV_OK)
		return st;
	if (excl && exists) {
		pv_diag(d, PV_ERROR, path, 0, 0, "exists; not overwriting it");
		free(target);
		return PV_EUSAGE;
	}
	dir = pv_dirname(target);
	tmp = pv_xasprintf("%s/.planverk-XXXXXX", dir);
	free(dir);
	if (strlen(tmp) >= sizeof(tmp_path)) {
		pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: the path is "
		    "too long");
		free(tmp);
		free(target);
		return PV_EINTERNAL;
	}
	signals_catch();
	signals_mask(SIG_BLOCK);
	if ((fd = mkstemp(tmp)) != -1) {
		memcpy(tmp_path, tmp, strlen(tmp) + 1);
		tmp_live = 1;
	}
	e = errno;
	signals_mask(SIG_UNBLOCK);
	if (fd == -1) {
		signals_restore();
		pv_diag(d, PV_ERROR, path, 0, 0,
		    "cannot create a temporary file beside it: %s", strerror(e));
		free(tmp);
		free(target);
		return PV_EINTERNAL;
	}
	if (write_all(fd, data, len) == -1)
		goto fail;
	/* Outputs are ordinary files: rw-r--r-- less the user's umask. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) == -1 || fsync(fd) == -1)
		goto fail;
	e = close(fd);
	fd = -1;
	if (e == -1)
		goto fail;
	test_pause();
	/* Right before the rename, look again: what is there now? */
	{
		char *again;
		int ex2;

		if ((st = output_target(path, &again, &ex2, d)) != PV_OK)
			goto refused;
		e = strcmp(again, target) != 0 || (excl && ex2);
		free(again);
		if (e) {
			pv_diag(d, PV_ERROR, path, 0, 0, excl && ex2 ?
			    "exists; not overwriting it" : "cannot write: it "
			    "changed while the output was written");
			st = PV_EUSAGE;
			goto refused;
		}
	}
	signals_mask(SIG_BLOCK);
	if (excl) {
		/* link() never replaces an existing file. */
		if (link(tmp, target) == 0) {
			e = 0;
			(void)unlink(tmp);
		} else if (errno == EEXIST) {
			e = EEXIST;
		} else {
			e = rename(tmp, target) == -1 ? errno : 0;
		}
	} else {
		e = rename(tmp, target) == -1 ? errno : 0;
	}
	if (e != 0) {
		(void)unlink(tmp);
	} else {
		/* Later outputs of the run must not replace this one. */
		struct stat done;

		if (stat(target, &done) == 0)
			input_record(target, &done, 1);
	}
	tmp_live = 0;
	signals_mask(SIG_UNBLOCK);
	signals_restore();
	free(tmp);
	free(target);
	if (e == EEXIST && excl) {
		pv_diag(d, PV_ERROR, path, 0, 0, "exists; not overwriting it");
		return PV_EUSAGE;
	}
	if (e != 0) {
		pv_diag(d, PV_ERROR, path, 0, 0, "%s: %s", what, strerror(e));
		return PV_EINTERNAL;
	}
	return PV_OK;
fail:
	e = errno;
	pv_diag(d, PV_ERROR, path, 0, 0, "%s: %s", what, strerror(e));
	st = PV_EINTERNAL;
refused:
	if (fd != -1)
		close(fd);
	signals_mask(SIG_BLOCK);
	(void)unlink(tmp);
	tmp_live = 0;
	signals_mask(SIG_UNBLOCK);
	signals_restore();
	free(tmp);
	free(target);
	return st;
}

enum pv_status
pv_write_file_atomic(const char *path, const void *data, size_t len,
    struct pv_diags *d)
{
	return write_output(path, data, len, 0, d);
}

enum pv_status
pv_write_file_new(const char *path, const void *data, size_t len,
    struct pv_diags *d)
{
	return write_output(path, data, len, 1, d);
}
