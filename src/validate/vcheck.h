/*
 * vcheck.h - internals of the validate stage shared by its files.
 */
#ifndef PV_VCHECK_H
#define PV_VCHECK_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "../load/load.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/jpath.h"

struct schema;

struct vc_id {
	const char *kind;   /* borrowed from the schema */
	const char *value;  /* borrowed from the document */
	const cJSON *node;
	char *path;         /* owned */
	size_t seq;         /* document order */
};

/* Where a diagnostic of a trial points, found only if it is printed. */
struct vc_where {
	const cJSON *node;
	int at_key;
};

/*
 * One branch of an anyOf/oneOf tried quietly: its diagnostics (without
 * positions), where each points, and the ids and references it found.
 * Only the branch that is kept reaches the document's diagnostics.
 */
struct vc_trial {
	struct pv_diags d;
	struct vc_where *where;
	size_t nwhere, cap_where;
	struct vc_id *ids, *refs;
	size_t nids, nrefs;
};

struct vctx {
	struct schema *schema;
	struct loaded_json *doc;
	struct pv_diags *d;
	struct vc_trial *trial; /* when set, errors go there */
	struct pv_buf path;     /* "body[2].content[0]" */
	size_t nerrors;
	struct vc_id *ids, *refs;
	size_t nids, cap_ids, nrefs, cap_refs;
};

void vc_error(struct vctx *, const cJSON *node, int at_key,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
#define vc_path_push_key(c, k) jpath_push_key(&(c)->path, (k))
#define vc_path_push_index(c, i) jpath_push_index(&(c)->path, (i))
#define vc_path_pop(c, old) jpath_pop(&(c)->path, (old))
void vc_quote(const cJSON *, char *out, size_t size);

void vc_check_format(struct vctx *, const cJSON *v, const char *format,
    const char *msg);
void vc_unknown_member(struct vctx *, const cJSON *props, const cJSON *m);
void vc_one_key_error(struct vctx *, const cJSON *schema, const cJSON *v,
    int count);
/* Members of an object that had errors of their own: the checks across
 * members skip them rather than reason from a bad value. */
struct vc_bad {
	const cJSON **v;
	size_t n, cap;
};
int vc_is_bad(const struct vc_bad *, const cJSON *member);
/* A whole number in [lo, hi] (no conversion of a double out of range). */
int vc_int_in(const cJSON *, double lo, double hi, int *out);
void vc_format_number(double, char *out, size_t size);

void vc_check_order(struct vctx *, const cJSON *schema, const cJSON *v,
    const struct vc_bad *);
void vc_check_week_date(struct vctx *, const cJSON *schema, const cJSON *v,
    const struct vc_bad *);
void vc_collect_ids(struct vctx *, const cJSON *schema, const cJSON *v);
void vc_check_refs(struct vctx *);
void vc_free(struct vctx *);

#endif
