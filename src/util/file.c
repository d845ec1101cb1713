/*
 * file.c - whole-file reads and atomic writes.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "mem.h"

enum pv_status
pv_read_file(const char *path, char **data, size_t *len, struct pv_diags *d)
{
	struct stat st;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t r;
	int fd;

	*data = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY)) == -1) {
		pv_diag(d, PV_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return PV_EINPUT;
	}
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode)) {
		pv_diag(d, PV_ERROR, path, 0, 0, "%s",
		    S_ISDIR(st.st_mode) ? "is a folder, not a file"
		    : strerror(errno));
		close(fd);
		return PV_EINPUT;
	}
	for (;;) {
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 65536;
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
	if (buf == NULL)
		buf = pv_xmalloc(1);
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

enum pv_status
pv_write_file_atomic(const char *path, const void *data, size_t len,
    struct pv_diags *d)
{
	char *dir = pv_dirname(path);
	char *tmp = pv_xasprintf("%s/.planverk-XXXXXX", dir);
	const char *p = data;
	size_t off = 0;
	ssize_t w;
	int fd;

	free(dir);
	if ((fd = mkstemp(tmp)) == -1) {
		pv_diag(d, PV_ERROR, path, 0, 0,
		    "cannot create a temporary file beside it: %s",
		    strerror(errno));
		free(tmp);
		return PV_EINTERNAL;
	}
	while (off < len) {
		w = write(fd, p + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	/* Outputs are ordinary files: rw-r--r-- less the user's umask. */
	{
		mode_t mask = umask(0);

		umask(mask);
		if (fchmod(fd, 0666 & ~mask) == -1)
			goto fail;
	}
	if (fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return PV_OK;
fail:
	pv_diag(d, PV_ERROR, path, 0, 0, "cannot write: %s", strerror(errno));
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	return PV_EINTERNAL;
}
