/*
 * jpath.h - JSON paths for diagnostics ("body[2].content[0].goals[1]"),
 * built up and taken down as a stage walks a document.
 */
#ifndef PV_JPATH_H
#define PV_JPATH_H

#include <stddef.h>

#include "buf.h"

/* Append ".key" (or "key" at the start); returns the length to pop to. */
size_t jpath_push_key(struct pv_buf *, const char *key);
/* Append "[i]"; returns the length to pop to. */
size_t jpath_push_index(struct pv_buf *, size_t i);
/* Cut the path back to a length returned by a push. */
void jpath_pop(struct pv_buf *, size_t old);

#endif
