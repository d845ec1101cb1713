/*
 * common.c - helpers shared by the fuzz harnesses (see fuzz.h).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/util/mem.h"
#include "fuzz.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

const char *
fuzz_home(void)
{
	const char *h = getenv("PLANVERK_HOME");

	return h != NULL && *h != '\0' ? h : FUZZ_SRCDIR;
}

char *
fuzz_path(const char *rel)
{
	return pv_xasprintf("%s/%s", fuzz_home(), rel);
}

const char *
fuzz_scratch_dir(void)
{
	return access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
}

const char *
fuzz_scratch(const char *tag, const uint8_t *data, size_t size)
{
	static char path[256];
	size_t off = 0;
	int fd;

	snprintf(path, sizeof(path), "%s/planverk-fuzz-%s-%ld",
	    fuzz_scratch_dir(), tag, (long)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1)
		abort();
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);

		if (w <= 0)
			abort();
		off += (size_t)w;
	}
	close(fd);
	return path;
}
