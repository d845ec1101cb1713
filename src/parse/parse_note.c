/*
 * parse_note.c - where footnotes (span class="footnote") may stand,
 * checked once the tree is whole.
 *
 * A footnote's content is the note that layout sets at the foot of the
 * page; at its place layout prints the note's number.  A heading's text
 * goes into the table of contents, the bookmarks and the running header,
 * where a number would mean nothing, so a footnote there is an error, as
 * is one inside another (a note has no foot of its own) and one on the
 * cover (a page without a foot area).
 */
#include "parse_int.h"

void
note_check(struct parse *p, const struct doc_node *root)
{
	const struct doc_node *n = root, *a;

	while (n != NULL && !p->halt) {
		if (n->kind == DOC_SPAN && (n->classes & DOC_C_FOOTNOTE)) {
			for (a = n->parent; a != NULL; a = a->parent) {
				if (a->kind == DOC_H) {
					parse_error(p, n->line, 0, "a footnote "
					    "(span class=\"footnote\") may not "
					    "stand in a heading <h%d>: put it "
					    "in the text after it", a->level);
					break;
				}
				if (a->kind == DOC_SPAN &&
				    (a->classes & DOC_C_FOOTNOTE)) {
					parse_error(p, n->line, 0, "a footnote "
					    "(span class=\"footnote\") may not "
					    "stand inside another footnote "
					    "(line %d)", a->line);
					break;
				}
				if (a->kind == DOC_DIV &&
				    (a->classes & DOC_C_COVER)) {
					parse_error(p, n->line, 0, "a footnote "
					    "(span class=\"footnote\") may not "
					    "stand on the cover (div "
					    "class=\"cover\")");
					break;
				}
			}
		}
		n = doc_next(n);
	}
}
