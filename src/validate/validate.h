/*
 * validate.h - the validate stage: a loaded document checked against its
 * type's JSON Schema.
 *
 * The schema language is a documented subset of JSON Schema 2020-12
 * (docs/schema-subset.md): type, properties, required,
 * additionalProperties, items, prefixItems-free arrays with min/maxItems,
 * enum, const, minimum, maximum, exclusiveMinimum, multipleOf-free
 * numbers, min/maxLength, pattern (POSIX extended regular expressions),
 * format (date, email, uri), $ref into $defs, anyOf and oneOf, and
 * min/maxProperties.  Three planverk keywords add what a schema cannot
 * say: "x-id" (this string is an id of kind K; ids of one kind are
 * unique), "x-ref" (this string names an existing id of kind K) and
 * "x-order" (["from", "to"]: the first member may not come after the
 * second).  Every problem is reported, not just the first, each as
 * file:line:col: path: message.
 */
#ifndef PV_VALIDATE_H
#define PV_VALIDATE_H

#include "../load/load.h"
#include "../util/diag.h"

#define VALIDATE_MAX_ERRORS 200 /* then "and N more" */

struct schema;

enum pv_status schema_load(const char *path, struct schema **,
    struct pv_diags *);
void schema_free(struct schema *);
/* The schema's text, as published by `planverk schema TYPE`. */
const char *schema_text(const struct schema *, size_t *len);

/* Check a document; PV_OK when it is valid, PV_EINPUT otherwise. */
enum pv_status validate_document(const struct schema *,
    struct loaded_json *, struct pv_diags *);

#endif
