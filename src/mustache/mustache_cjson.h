/*
 * mustache_cjson.h - the Mustache data interface for cJSON trees.
 *
 * Pass &mustache_cjson_ops and a (const cJSON *) root to mustache_render.
 * Falsy for sections: false, null, an empty list and an empty string;
 * numbers (0 too) and objects (empty ones too) are truthy.  Numbers print
 * as integers when they are whole ("85", not "85.0") and otherwise with
 * the fewest digits that read back as the same double ("1.21").
 */
#ifndef PV_MUSTACHE_CJSON_H
#define PV_MUSTACHE_CJSON_H

#include "mustache.h"

extern const struct mustache_data_ops mustache_cjson_ops;

#endif
