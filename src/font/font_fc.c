/*
 * font_fc.c - system fonts by family and style, through fontconfig.
 *
 * A theme may name a family the font map (fonts/fonts.json) does not
 * list, such as "Noto Serif": when it is installed, fontconfig finds its
 * files.  The map and the project's fonts/ folder stay first; this is
 * asked only for a family the map lacks.  Only a match whose family is
 * the one asked for is taken (fontconfig would otherwise offer any font
 * at all), so an unknown family is still an error.  The same installed
 * fonts give the same files: fontconfig's choice depends on nothing else.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>

#include "../util/mem.h"
#include "font_int.h"

/* The file of family in one style, or NULL when fontconfig has no font
 * of that family. */
static char *
match(FcConfig *cfg, const char *family, int bold, int italic)
{
	FcPattern *pat, *res;
	FcResult r;
	FcChar8 *file = NULL, *fam = NULL;
	char *out = NULL;
	int i, same = 0;

	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD :
	    FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC :
	    FC_SLANT_ROMAN);
	FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	res = FcFontMatch(cfg, pat, &r);
	FcPatternDestroy(pat);
	if (res == NULL)
		return NULL;
	for (i = 0; FcPatternGetString(res, FC_FAMILY, i, &fam) ==
	    FcResultMatch; i++)
		if (strcasecmp((const char *)fam, family) == 0)
			same = 1;
	if (same && FcPatternGetString(res, FC_FILE, 0, &file) ==
	    FcResultMatch)
		out = pv_xstrdup((const char *)file);
	FcPatternDestroy(res);
	return out;
}

int
font_fc_family(const char *family, char *files[4])
{
	FcConfig *cfg;
	int k;

	memset(files, 0, 4 * sizeof(files[0]));
	if ((cfg = FcInitLoadConfigAndFonts()) == NULL)
		return 0;
	for (k = 0; k < 4; k++)
		files[k] = match(cfg, family, k == FONT_BOLD ||
		    k == FONT_BOLD_ITALIC, k == FONT_ITALIC ||
		    k == FONT_BOLD_ITALIC);
	FcConfigDestroy(cfg);
	if (files[FONT_REGULAR] == NULL) {
		for (k = 0; k < 4; k++) {
			free(files[k]);
			files[k] = NULL;
		}
		return 0;
	}
	return 1;
}
