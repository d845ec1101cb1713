/*
 * diag.h - the one channel for problems found by any stage.
 *
 * Stages never print or exit: they append diagnostics to a list and return
 * a status.  The command decides how to show them.  Every diagnostic names
 * the file and, where known, the line and column, so that a user can go
 * straight to the place and fix it.
 */
#ifndef PV_DIAG_H
#define PV_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Exit statuses of the command, and the status every stage returns. */
enum pv_status {
	PV_OK = 0,
	PV_EINPUT = 1,    /* the user's data, template, document or theme */
	PV_EUSAGE = 2,    /* the command line */
	PV_EINTERNAL = 3, /* I/O, resources, or a bug of ours */
};

enum pv_level {
	PV_WARNING,
	PV_ERROR,
};

struct pv_diag {
	enum pv_level level;
	char *file;   /* may be NULL */
	int line;     /* 1-based; 0 when unknown */
	int col;      /* 1-based; 0 when unknown */
	char *msg;
};

struct pv_diags {
	struct pv_diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

#if defined(__GNUC__)
#define PV_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PV_PRINTF(a, b)
#endif

void pv_diags_init(struct pv_diags *);
void pv_diags_free(struct pv_diags *);
void pv_diag(struct pv_diags *, enum pv_level, const char *file, int line,
    int col, const char *fmt, ...) PV_PRINTF(6, 7);
void pv_vdiag(struct pv_diags *, enum pv_level, const char *file, int line,
    int col, const char *fmt, va_list) PV_PRINTF(6, 0);
/* Move every diagnostic of src to the end of dst; src is left empty. */
void pv_diags_move(struct pv_diags *dst, struct pv_diags *src);

/*
 * Where a diagnostic points: its line and column, except that one about
 * a whole file (a file and no line: missing, unreadable, too large) is
 * at line 1, column 1, so that editors and CI annotators, which read
 * FILE:LINE:COL, can jump to it.  0 stays 0 when there is no file.
 */
void pv_diag_place(const struct pv_diag *, int *line, int *col);

/*
 * Format one diagnostic as "file:line:col: error: message" (pv_diag_place;
 * a column or, without a file, the place that is unknown is left out).
 * Returns a string the caller frees.
 */
char *pv_diag_format(const struct pv_diag *);

/* Line and column (both 1-based, column counted in characters) of a
 * byte offset into a text. */
void pv_offset_to_linecol(const char *text, size_t len, size_t offset,
    int *line, int *col);

#endif
