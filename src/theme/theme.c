/*
 * theme.c - the built-in default theme, and freeing a theme.
 *
 * The defaults are the house style: A4, Open Sans, a dark blue accent,
 * calm grey running header and footer.  Every value a theme file can set
 * has its default here, so a theme file only says what differs.  Nothing
 * here reads files; theme_load.c does that.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"
#include "theme.h"

#define MM(x) ((x) * 72.0 / 25.4)

static void
text_set(struct theme_text *t, const char *family, double size,
    double leading, uint32_t color, int bold, double before, double after)
{
	t->family = pv_xstrdup(family);
	t->size = size;
	t->leading = leading;
	t->color = color;
	t->bold = bold;
	t->italic = 0;
	t->space_before = before;
	t->space_after = after;
}

struct theme *
theme_default(void)
{
	struct theme *t = pv_xcalloc(1, sizeof(*t));
	const uint32_t ink = 0x222222, accent = 0x1F3B5A, grey = 0x5F6B78;

	t->file = NULL;
	t->page_width = MM(210);
	t->page_height = MM(297);
	t->margin_top = MM(25);
	t->margin_bottom = MM(25);
	t->margin_left = MM(25);
	t->margin_right = MM(25);
	t->justify = 1;
	t->number_headings = 1;

	text_set(&t->body, "Open Sans", 10.5, 15, ink, 0, 0, 6);
	text_set(&t->h[0], "Open Sans", 18, 23, accent, 1, 22, 8);
	text_set(&t->h[1], "Open Sans", 14, 19, accent, 1, 16, 6);
	text_set(&t->h[2], "Open Sans", 12, 16, accent, 1, 12, 4);
	text_set(&t->h[3], "Open Sans", 10.5, 15, accent, 1, 10, 3);
	text_set(&t->table, "Open Sans", 9.5, 13, ink, 0, 0, 3);
	text_set(&t->table_header, "Open Sans", 9.5, 13, accent, 1, 0, 3);
	text_set(&t->caption, "Open Sans", 9, 12.5, grey, 0, 4, 4);
	t->caption.italic = 1;
	text_set(&t->header, "Open Sans", 8, 10, grey, 0, 0, 0);
	text_set(&t->footer, "Open Sans", 8, 10, grey, 0, 0, 0);
	text_set(&t->code, "DejaVu Sans Mono", 9.5, 15, 0x333333, 0, 0, 0);
	text_set(&t->cover_title, "Open Sans", 28, 35, accent, 1, 0, 12);
	text_set(&t->cover_subtitle, "Open Sans", 15, 21, 0x3A4A5C, 0, 0, 6);
	text_set(&t->cover_meta, "Open Sans", 11, 16, 0x3A4A5C, 0, 0, 2);
	text_set(&t->toc, "Open Sans", 10.5, 15, ink, 0, 3, 3);

	t->accent = accent;
	t->link_color = 0x1A5A96;
	t->table_rule = 0xA9B6C3;
	t->table_header_fill = 0xE4EBF2;
	t->table_stripe_fill = 0xFFFFFFFF;
	t->box_fill = 0xEEF3F8;
	t->cell_padding = 4;
	t->list_indent = 18;
	t->paragraph_indent = 0;
	t->logo = NULL;
	t->header_on_first_page = 0;
	t->wide_tables_landscape = 1;
	return t;
}

static void
text_free(struct theme_text *t)
{
	free(t->family);
	t->family = NULL;
}

void
theme_free(struct theme *t)
{
	int i;

	if (t == NULL)
		return;
	free(t->file);
	text_free(&t->body);
	for (i = 0; i < 4; i++)
		text_free(&t->h[i]);
	text_free(&t->table);
	text_free(&t->table_header);
	text_free(&t->caption);
	text_free(&t->header);
	text_free(&t->footer);
	text_free(&t->code);
	text_free(&t->cover_title);
	text_free(&t->cover_subtitle);
	text_free(&t->cover_meta);
	text_free(&t->toc);
	free(t->logo);
	free(t);
}
