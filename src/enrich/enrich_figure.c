/*
 * enrich_figure.c - a figure block: an image with its alt text, a
 * decorative image, or a note standing in for a figure of the original
 * that the transcription cannot include.
 *
 * Alt text is what a screen reader says instead of the image, so an image
 * without it is an input error at its JSON member, unless the author says
 * the image only decorates ("decorative": true); then the XHTML gets
 * alt="", which parse and layout read as decoration (a PDF artifact).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "enrich_int.h"

/* Does s hold only white space (or nothing)?  Unicode's spaces count, the
 * set of the schema's "\s" in Python's jsonschema (what
 * tests/cmd/schema-editors.sh compares with): a no-break space alone
 * describes nothing either. */
static int
blank(const char *s)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = pv_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			return 0;
		if (!(cp == ' ' || (cp >= 0x09 && cp <= 0x0D) ||
		    (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 ||
		    cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 &&
		    cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0x202F || cp == 0x205F || cp == 0x3000))
			return 0;
		i += k;
	}
	return 1;
}

/* The figure's alt text for the view: what it says, "" when decorative,
 * NULL after an error (reported at the member concerned). */
static const char *
figure_alt(struct enrich *e, const cJSON *fig)
{
	static const char *const fix = "describe what the image shows, for "
	    "screen readers, or mark the figure \"decorative\": true";
	int decorative = en_bool(e, fig, "decorative", 0);
	const cJSON *alt = en_get(e, fig, "alt", EN_STRING, EN_OPTIONAL);
	size_t old;

	if (alt == NULL && cJSON_GetObjectItemCaseSensitive(fig, "alt") !=
	    NULL)
		return NULL; /* not text: en_get said so */
	if (decorative) {
		if (alt == NULL || blank(alt->valuestring))
			return "";
		old = en_path_key(e, "alt");
		en_error(e, alt, "a decorative figure has no alt text: remove "
		    "\"alt\", or remove \"decorative\": true if the image "
		    "shows something a reader needs");
		en_path_pop(e, old);
		return NULL;
	}
	if (alt == NULL) {
		en_error(e, fig, "\"alt\" is missing: %s", fix);
		return NULL;
	}
	if (blank(alt->valuestring)) {
		old = en_path_key(e, "alt");
		en_error(e, alt, "is empty: %s", fix);
		en_path_pop(e, old);
		return NULL;
	}
	return alt->valuestring;
}

cJSON *
enrich_figure(struct enrich *e, const cJSON *fig)
{
	cJSON *v = view_block("figure");
	const char *img, *alt, *note;
	char *path;

	/* A figure of the original that the transcription cannot include:
	 * its caption and a note of what it showed, printed as a boxed
	 * note, never a sentence pointing at nothing. */
	note = en_string(e, fig, "note", EN_OPTIONAL);
	if (note != NULL && cJSON_GetObjectItemCaseSensitive(fig, "image") ==
	    NULL) {
		const char *cap = en_string(e, fig, "caption", EN_REQUIRED);

		view_false(v, "image");
		view_str(v, "alt", "");
		view_str(v, "caption", cap ? cap : "");
		view_str(v, "note", note);
		view_false(v, "width");
		return v;
	}
	view_false(v, "note");
	img = en_string(e, fig, "image", EN_REQUIRED);
	alt = figure_alt(e, fig);

	if (img != NULL && img[0] == '\0') {
		size_t old = en_path_key(e, "image");

		en_error(e, cJSON_GetObjectItemCaseSensitive(fig, "image"),
		    "names no image file");
		en_path_pop(e, old);
		img = NULL;
	}
	if (img != NULL) {
		path = en_image_path(e, fig, "image", img);
		view_str(v, "image", path);
		free(path);
	} else {
		view_str(v, "image", "");
	}
	view_str(v, "alt", alt ? alt : "");
	view_member(e, v, fig, "caption");
	view_member(e, v, fig, "width");
	return v;
}
