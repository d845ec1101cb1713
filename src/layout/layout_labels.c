/*
 * layout_labels.c - the few words layout writes itself, by language.
 *
 * "Innhold" over the table of contents and "Side 3 av 24" in the footer,
 * in bokmål, nynorsk and North Sami.  Any other language gets bokmål: the
 * documents are Norwegian public documents even when a part is not.
 */
#include <string.h>

#include "layout.h"

static const struct layout_labels nb = { "Innhold", "Side %d av %d",
	"Diagram. Tallene står i tabellen under." };
static const struct layout_labels nn = { "Innhald", "Side %d av %d",
	"Diagram. Tala står i tabellen under." };
static const struct layout_labels se = { "Sisdoallu", "Siidu %d / %d",
	"Diagrámma. Logut leat vuolábeale tabeallas." };

const struct layout_labels *
layout_labels_for(const char *lang)
{
	if (lang == NULL)
		return &nb;
	/* "nn", "nn-NO", "no-nn"... only the primary subtag counts. */
	if (strncmp(lang, "nn", 2) == 0 && (lang[2] == '\0' || lang[2] == '-'))
		return &nn;
	if (strncmp(lang, "se", 2) == 0 && (lang[2] == '\0' || lang[2] == '-'))
		return &se;
	return &nb;
}
