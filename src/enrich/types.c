/*
 * types.c - the one table of enrichment modules, by document type.
 *
 * A type computes what only it needs in one module (kompetanseplan.c,
 * ...), called with the shared state set up by enrich_document (labels,
 * language, the document's folder).  A type without a module of its own
 * (one a municipality adds with --templates) gets the plan model of
 * kompetanseplan: meta, numbered sections of blocks, budget.
 */
#include <string.h>

#include "enrich_int.h"

static const struct {
	const char *type;
	enrich_type_fn module;
} types[] = {
	{ "arsrapport", enrich_arsrapport },
	{ "behovsmelding", enrich_behovsmelding },
	{ "kompetanseplan", enrich_kompetanseplan },
	{ "langsiktig-plan", enrich_langsiktig_plan },
};

enrich_type_fn
enrich_type_module(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].type, type) == 0)
			return types[i].module;
	return enrich_kompetanseplan;
}
