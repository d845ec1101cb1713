/*
 * test_font.c - the font module: the map, the search, our TrueType
 * reader's metrics and coverage, and hostile font files.
 *
 * Runs from the top of the tree (tests/run.sh does), with the Debian
 * fonts-open-sans package installed (make deps).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_util.h"
#include "../../src/font/font.h"
#include "../../src/font/font_int.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"

#define MAP "fonts/fonts.json"

static char tmpdir[] = "/tmp/pv-test-font-XXXXXX";

static int
setup(void **state)
{
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = pv_xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);

	free(cmd);
	return rc == 0 ? 0 : -1;
}


static void
write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* A map in the temporary folder with one family "T" -> file. */
static char *
write_map(const char *file)
{
	char *map = pv_xasprintf("%s/map.json", tmpdir);
	char *text = pv_xasprintf("{\"families\": {\"T\": {\"regular\": "
	    "\"%s\"}}}", file);

	write_file(map, text, strlen(text));
	free(text);
	return map;
}

static void
test_open_sans(void **state)
{
	static const uint32_t cps[] = {
		'a', 0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5, 0x14B, 0x167, 0x111,
		0x10D, 0x161, 0x17E, 0xE1,
	};
	struct fontset *fs;
	struct pv_diags d;
	int r, b, i2, bi;
	size_t k;

	pv_diags_init(&d);
	assert_int_equal(fontset_new(MAP, NULL, &fs, &d), PV_OK);
	r = fontset_face(fs, "Open Sans", FONT_REGULAR, "test", &d);
	b = fontset_face(fs, "Open Sans", FONT_BOLD, "test", &d);
	i2 = fontset_face(fs, "Open Sans", FONT_ITALIC, "test", &d);
	bi = fontset_face(fs, "open sans", FONT_BOLD_ITALIC, "test", &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(r, 0);
	assert_int_equal(b, 1);
	assert_int_equal(i2, 2);
	assert_int_equal(bi, 3);
	/* Asking again gives the same face, not a new one. */
	assert_int_equal(fontset_face(fs, "Open Sans", FONT_BOLD, NULL, &d),
	    b);
	assert_int_equal(fontset_face_count(fs), 4);

	for (k = 0; k < sizeof(cps) / sizeof(cps[0]); k++) {
		assert_true(font_has_glyph(fs, r, cps[k]));
		assert_true(font_advance(fs, r, cps[k]) > 0);
		assert_true(font_advance(fs, bi, cps[k]) > 0);
		assert_int_not_equal(font_glyph(fs, r, cps[k]), 0);
	}
	/* Open Sans has no CJK; the .notdef width stands in. */
	assert_false(font_has_glyph(fs, r, 0x4E00));
	assert_int_equal(font_glyph(fs, r, 0x4E00), 0);
	assert_int_equal(font_advance(fs, r, 0x4E00),
	    font_advance(fs, r, 0x10FFFF));
	assert_false(font_has_glyph(fs, r, 0x1F600));

	/* Known values: unitsPerEm 2048, 'a' 1139 units, space 532. */
	assert_int_equal(font_units_per_em(fs, r), 2048);
	assert_int_equal(font_advance(fs, r, 'a'), 1139 * 1000 / 2048);
	assert_int_equal(font_advance(fs, r, ' '), 532 * 1000 / 2048);
	assert_true(font_advance(fs, b, 'a') > font_advance(fs, r, 'a'));
	assert_true(font_ascent(fs, r) > 700 && font_ascent(fs, r) < 1200);
	assert_true(font_descent(fs, r) < -150 && font_descent(fs, r) > -400);
	assert_true(font_line_gap(fs, r) >= 0);
	assert_true(font_cap_height(fs, r) > 600 &&
	    font_cap_height(fs, r) < 800);
	assert_string_equal(font_postscript_name(fs, r), "OpenSans");
	assert_string_equal(font_postscript_name(fs, bi),
	    "OpenSans-BoldItalic");
	assert_non_null(strstr(font_path(fs, b), "OpenSans-Bold.ttf"));
	{
		size_t len;

		assert_non_null(font_data(fs, r, &len));
		assert_true(len > 100000);
	}
	/* A bad face index is answered, not crashed on. */
	assert_int_equal(font_advance(fs, 99, 'a'), 0);
	assert_int_equal(font_advance(fs, -1, 'a'), 0);
	assert_null(font_path(fs, 99));
	fontset_free(fs);
	pv_diags_free(&d);
}

static void
test_dejavu(void **state)
{
	struct fontset *fs;
	struct pv_diags d;
	int m;

	pv_diags_init(&d);
	assert_int_equal(fontset_new(MAP, "fonts", &fs, &d), PV_OK);
	m = fontset_face(fs, "DejaVu Sans Mono", FONT_REGULAR, NULL, &d);
	/* fonts-dejavu-core is installed by make deps: without it this
	 * test fails, it is never skipped. */
	if (m < 0)
		fail_msg("DejaVu Sans Mono is not installed: run make deps "
		    "(it installs fonts-dejavu-core)");
	assert_int_equal(font_advance(fs, m, 'i'), font_advance(fs, m, 'W'));
	assert_true(font_has_glyph(fs, m, 0x14B));
	fontset_free(fs);
	pv_diags_free(&d);
}

static void
test_unknown_family(void **state)
{
	struct fontset *fs;
	struct pv_diags d;

	pv_diags_init(&d);
	assert_int_equal(fontset_new(MAP, NULL, &fs, &d), PV_OK);
	assert_int_equal(fontset_face(fs, "Comic Sans", FONT_REGULAR,
	    "theme.json", &d), -1);
	assert_int_equal(d.errors, 1);
	assert_true(diag_has(&d, "theme.json:1:1: error: unknown font family "
	    "\"Comic Sans\"; the font map fonts/fonts.json has: Open Sans"));
	fontset_free(fs);
	pv_diags_free(&d);
}

static void
test_missing_file(void **state)
{
	struct fontset *fs;
	struct pv_diags d;
	char *map = write_map("NoSuchFont-Regular.ttf");

	pv_diags_init(&d);
	assert_int_equal(fontset_new(map, NULL, &fs, &d), PV_OK);
	assert_int_equal(fontset_face(fs, "T", FONT_BOLD, "theme.json", &d),
	    -1);
	assert_true(diag_has(&d, "theme.json:1:1: error: font file "
	    "NoSuchFont-Regular.ttf (T bold, from "));
	assert_true(diag_has(&d, "not found in"));
	fontset_free(fs);
	pv_diags_free(&d);
	free(map);
}

static void
test_bad_maps(void **state)
{
	static const char *const bad[] = {
		"[]",
		"{\"families\": 3}",
		"{\"families\": {\"X\": \"a.ttf\"}}",
		"{\"families\": {\"X\": {\"bold\": \"a.ttf\"}}}",
		"{\"families\": {\"X\": {\"regular\": 1}}}",
		("{\"families\": {\"X\": {\"regular\": \"a.ttf\", "
		    "\"oblique\": \"b.ttf\"}}}"),
		"{\"families\": {",
	};
	char *map = pv_xasprintf("%s/bad.json", tmpdir);
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct fontset *fs = NULL;
		struct pv_diags d;

		pv_diags_init(&d);
		write_file(map, bad[i], strlen(bad[i]));
		assert_int_equal(fontset_new(map, NULL, &fs, &d), PV_EINPUT);
		assert_null(fs);
		assert_true(d.errors > 0);
		assert_true(diag_has(&d, map));
		pv_diags_free(&d);
	}
	{
		struct fontset *fs = NULL;
		struct pv_diags d;
		char *none = pv_xasprintf("%s/none.json", tmpdir);

		pv_diags_init(&d);
		assert_int_equal(fontset_new(none, NULL, &fs, &d), PV_EINPUT);
		assert_true(diag_has(&d, none));
		pv_diags_free(&d);
		free(none);
	}
	free(map);
}

/* Load `data` as family T's font through the public interface. */
static int
load_bytes(const void *data, size_t len, struct pv_diags *d, char **pathp)
{
	struct fontset *fs;
	char *path = pv_xasprintf("%s/t.ttf", tmpdir);
	char *map = write_map(path);
	int face;

	write_file(path, data, len);
	assert_int_equal(fontset_new(map, NULL, &fs, d), PV_OK);
	face = fontset_face(fs, "T", FONT_REGULAR, NULL, d);
	if (face >= 0) {
		/* Whatever loaded must answer without reading outside. */
		uint32_t c;

		for (c = 0; c < 0x300; c++)
			(void)font_advance(fs, face, c);
		(void)font_advance(fs, face, 0x1F600);
	}
	fontset_free(fs);
	free(map);
	*pathp = path;
	return face;
}

static unsigned char *
read_open_sans(size_t *len)
{
	struct pv_diags d;
	char *data, *path;

	pv_diags_init(&d);
	path = font_find_file("fonts", "OpenSans-Regular.ttf");
	assert_non_null(path);
	assert_int_equal(pv_read_file(path, &data, len, &d), PV_OK);
	free(path);
	pv_diags_free(&d);
	return (unsigned char *)data;
}

static void
test_bad_files(void **state)
{
	static const char text[] = "This is a text file, not a font.\n";
	static const unsigned char otto[] = "OTTO\0\x09\0\x80\0\x03\0\x10";
	struct pv_diags d;
	unsigned char *font;
	size_t len;
	char *path;

	pv_diags_init(&d);
	assert_int_equal(load_bytes(text, sizeof(text) - 1, &d, &path), -1);
	assert_true(diag_has(&d, path));
	assert_true(diag_has(&d, "does not start like a font"));
	free(path);
	pv_diags_free(&d);

	pv_diags_init(&d);
	/* OpenType with CFF outlines is read now; a cut-off one is still
	 * refused, by what is wrong with it. */
	assert_int_equal(load_bytes(otto, sizeof(otto), &d, &path), -1);
	assert_true(diag_has(&d, "cut off"));
	free(path);
	pv_diags_free(&d);

	pv_diags_init(&d);
	assert_int_equal(load_bytes("", 0, &d, &path), -1);
	assert_true(diag_has(&d, path));
	free(path);
	pv_diags_free(&d);

	/* Truncated in the middle of the tables. */
	font = read_open_sans(&len);
	pv_diags_init(&d);
	assert_int_equal(load_bytes(font, len / 2, &d, &path), -1);
	assert_true(diag_has(&d, path));
	assert_true(diag_has(&d, "truncated"));
	free(path);
	pv_diags_free(&d);
	/* The whole file loads through the same path. */
	pv_diags_init(&d);
	assert_int_equal(load_bytes(font, len, &d, &path), 0);
	assert_int_equal(d.n, 0);
	free(path);
	pv_diags_free(&d);
	free(font);
}

/* The OS/2 fsType of a copy of Open Sans set to `fs_type`. */
static unsigned char *
open_sans_licensed(uint16_t fs_type, size_t *len)
{
	unsigned char *font = read_open_sans(len);
	struct font_face f;
	size_t off, n;

	memset(&f, 0, sizeof(f));
	f.data = font;
	f.len = *len;
	assert_true(ttf_find_table(&f, "OS/2", &off, &n));
	assert_true(n >= 10);
	/* The table checksum is not checked by anyone who reads it. */
	font[off + 8] = (unsigned char)(fs_type >> 8);
	font[off + 9] = (unsigned char)fs_type;
	return font;
}

/*
 * What the licence says goes: a font with restricted embedding, or one
 * for bitmap embedding only, is refused with the file named; preview &
 * print or editable embedding is fine, even beside the restricted bit;
 * a font that must not be subset loads, and says so to emit.
 */
static void
test_licence(void **state)
{
	static const struct {
		uint16_t fs_type;
		int ok;
	} cases[] = {
		{ 0x0000, 1 }, { 0x0002, 0 }, { 0x0004, 1 }, { 0x0008, 1 },
		{ 0x0006, 1 }, { 0x0200, 0 }, { 0x0204, 0 }, { 0x0100, 1 },
	};
	struct pv_diags d;
	unsigned char *font;
	size_t len, i;
	char *path;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		font = open_sans_licensed(cases[i].fs_type, &len);
		pv_diags_init(&d);
		assert_int_equal(load_bytes(font, len, &d, &path),
		    cases[i].ok ? 0 : -1);
		if (!cases[i].ok) {
			assert_true(diag_has(&d, path));
			assert_true(diag_has(&d, "licence"));
			assert_true(diag_has(&d, "forbids embedding"));
		} else {
			assert_int_equal(d.n, 0);
		}
		free(path);
		pv_diags_free(&d);
		free(font);
	}
}

/* Parse a copy of bytes in memory, the way fontset_face does. */
static int
parse_copy(const unsigned char *data, size_t len)
{
	struct font_face *f = pv_xcalloc(1, sizeof(*f));
	struct pv_diags d;
	int ok;

	pv_diags_init(&d);
	f->path = pv_xstrdup("fuzz.ttf");
	/* An exact-size copy, so that a read past the end is seen by
	 * AddressSanitizer and valgrind. */
	f->data = pv_xmalloc(len ? len : 1);
	memcpy(f->data, data, len);
	f->len = len;
	ok = ttf_parse(f, &d) == PV_OK;
	if (ok) {
		struct fontset fs;
		uint16_t g[64];
		unsigned char *sub;
		size_t n, k;
		uint32_t c;

		for (c = 0; c < 0x20000; c += 7)
			(void)f->adv[c <= 0xFFFF ? f->bmp[c] :
			    ttf_cmap_lookup(f, c)];
		/* A subset of whatever loaded never reads outside. */
		memset(&fs, 0, sizeof(fs));
		fs.faces[0] = f;
		fs.nfaces = 1;
		for (k = 0; k < 64; k++)
			g[k] = (uint16_t)(k * 13);
		sub = font_subset(&fs, 0, g, 64, &n);
		free(sub);
	} else {
		assert_true(d.errors > 0);
		assert_true(diag_has(&d, "fuzz.ttf"));
	}
	ttf_face_free(f);
	pv_diags_free(&d);
	return ok;
}

/* The glyph data of glyph g in a TrueType file (short or long loca, as
 * head.indexToLocFormat says). */
static size_t
subset_glyph_len(const unsigned char *p, size_t n, uint16_t g)
{
	struct font_face f;
	size_t off, len, hoff, hlen;
	const unsigned char *l;
	int lng;

	memset(&f, 0, sizeof(f));
	f.data = (unsigned char *)p;
	f.len = n;
	assert_true(ttf_find_table(&f, "head", &hoff, &hlen));
	lng = p[hoff + 51] == 1;
	assert_true(ttf_find_table(&f, "loca", &off, &len));
	if (!lng) {
		assert_true(len >= 2 * ((size_t)g + 2));
		l = p + off + 2 * (size_t)g;
		return 2 * (((size_t)l[2] << 8 | l[3]) -
		    ((size_t)l[0] << 8 | l[1]));
	}
	assert_true(len >= 4 * ((size_t)g + 2));
	l = p + off + 4 * (size_t)g;
	return ((size_t)l[4] << 24 | (size_t)l[5] << 16 | (size_t)l[6] << 8 |
	    l[7]) - ((size_t)l[0] << 24 | (size_t)l[1] << 16 |
	    (size_t)l[2] << 8 | l[3]);
}

static void
test_subset(void **state)
{
	struct fontset *fs;
	struct pv_diags d;
	struct font_face *sf;
	uint16_t g[2];
	unsigned char *sub;
	size_t n, full, off, len;
	int r;

	pv_diags_init(&d);
	assert_int_equal(fontset_new(MAP, NULL, &fs, &d), PV_OK);
	r = fontset_face(fs, "Open Sans", FONT_REGULAR, NULL, &d);
	assert_true(r >= 0);
	/* Å is a composite of A and a ring: asking for Å keeps A. */
	g[0] = font_glyph(fs, r, 0xC5);
	g[1] = font_glyph(fs, r, 'k');
	sub = font_subset(fs, r, g, 2, &n);
	assert_non_null(sub);
	(void)font_data(fs, r, &full);
	assert_true(n < full / 4);
	assert_true(subset_glyph_len(sub, n, g[0]) > 0);
	assert_true(subset_glyph_len(sub, n, g[1]) > 0);
	assert_true(subset_glyph_len(sub, n, font_glyph(fs, r, 'A')) > 0);
	assert_int_equal(subset_glyph_len(sub, n, font_glyph(fs, r, 'z')), 0);

	/* The subset is a font our reader accepts, with the same glyph
	 * numbering and the same advances for what it kept. */
	sf = pv_xcalloc(1, sizeof(*sf));
	sf->path = pv_xstrdup("subset.ttf");
	sf->data = sub;
	sf->len = n;
	/* No cmap in a subset: the reader must refuse it, by name. */
	assert_int_equal(ttf_parse(sf, &d), PV_EINPUT);
	assert_true(diag_has(&d, "no 'cmap' table"));
	assert_true(ttf_find_table(sf, "post", &off, &len));
	assert_int_equal(len, 32);
	assert_false(ttf_find_table(sf, "name", &off, &len));
	assert_true(ttf_find_table(sf, "glyf", &off, &len));
	{
		const struct font_face *of = fs->faces[r];
		size_t ooff, olen;

		assert_true(ttf_find_table(sf, "hmtx", &off, &len));
		assert_true(ttf_find_table(of, "hmtx", &ooff, &olen));
		assert_memory_equal(sub + off + 4 * (size_t)g[1],
		    of->data + ooff + 4 * (size_t)g[1], 4);
		/* A glyph left out has no metrics. */
		g[0] = font_glyph(fs, r, 'z');
		assert_int_equal(sub[off + 4 * (size_t)g[0]] |
		    sub[off + 4 * (size_t)g[0] + 1], 0);
	}
	/* The whole file sums to 0xB1B0AFBA, as TrueType requires. */
	{
		uint32_t sum = 0;
		size_t i;

		for (i = 0; i + 4 <= n; i += 4)
			sum += (uint32_t)sub[i] << 24 |
			    (uint32_t)sub[i + 1] << 16 |
			    (uint32_t)sub[i + 2] << 8 | sub[i + 3];
		assert_int_equal(sum, 0xB1B0AFBAu);
	}
	ttf_face_free(sf);
	assert_null(font_subset(fs, 7, g, 2, &n));
	fontset_free(fs);
	pv_diags_free(&d);
}

/* Offset of the directory entry of table `tag` in a font. */
static size_t
dir_entry(const unsigned char *p, const char *tag)
{
	size_t i, n = (size_t)p[4] << 8 | p[5];

	for (i = 0; i < n; i++)
		if (memcmp(p + 12 + 16 * i, tag, 4) == 0)
			return 12 + 16 * i;
	fail_msg("no table '%s'", tag);
	return 0;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
set32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* A damaged copy of Open Sans fails to load, naming the file and what is
 * damaged, the way a user meets it (through a font map). */
static void
expect_damaged(const unsigned char *font, size_t len, const char *msg)
{
	struct pv_diags d;
	char *path, *line, *got;

	pv_diags_init(&d);
	assert_int_equal(load_bytes(font, len, &d, &path), -1);
	line = pv_xasprintf("%s:1:1: error: damaged font: %s", path, msg);
	got = d.n > 0 ? pv_diag_format(&d.v[0]) : pv_xstrdup("nothing");
	if (strncmp(got, line, strlen(line)) != 0)
		fail_msg("expected \"%s\", got \"%s\"", line, got);
	free(got);
	free(line);
	free(path);
	pv_diags_free(&d);
}

/*
 * Tables whose offset or length run past the end of the file, a loca
 * that points outside glyf, a glyph count loca cannot hold: each an
 * error naming the font file and the table, never a glyph silently left
 * out of the PDF.
 */
static void
test_damaged_tables(void **state)
{
	static const char *const tags[] = { "glyf", "loca", "head", "cmap",
	    "fpgm", "prep", "cvt " };
	unsigned char *font, *copy;
	size_t len, i, e, loca;
	char msg[100];

	font = read_open_sans(&len);
	copy = pv_xmalloc(len);
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		memcpy(copy, font, len);
		e = dir_entry(copy, tags[i]);
		set32(copy + e + 12, get32(copy + e + 12) + (uint32_t)len);
		snprintf(msg, sizeof(msg), "table '%s' runs past the end of "
		    "the file", tags[i]);
		expect_damaged(copy, len, msg);
		memcpy(copy, font, len);
		set32(copy + e + 8, (uint32_t)len - 2);
		expect_damaged(copy, len, msg);
	}
	/* Truncated in the middle of glyf. */
	e = dir_entry(font, "glyf");
	expect_damaged(font, get32(font + e + 8) + 100,
	    "table 'glyf' runs past the end of the file (a truncated file?)");
	/* loca offsets past glyf, or going back. */
	memcpy(copy, font, len);
	loca = get32(copy + dir_entry(copy, "loca") + 8);
	memset(copy + loca + 20, 0xFF, 4);
	expect_damaged(copy, len, "table 'loca' gives glyph");
	memcpy(copy, font, len);
	memset(copy + loca + 2, 0, 2);
	memset(copy + loca + 4, 0, 2);
	copy[loca + 3] = 0x40;
	expect_damaged(copy, len, "table 'loca' gives glyph 2 an offset "
	    "before the glyph in front of it");
	/* maxp claims 65535 glyphs. */
	memcpy(copy, font, len);
	e = get32(copy + dir_entry(copy, "maxp") + 8);
	copy[e + 4] = copy[e + 5] = 0xFF;
	expect_damaged(copy, len, "table 'loca' has");
	free(copy);
	free(font);
}

/* Where glyph g lies in a font: loca's entry for it, and its first byte
 * in the file. */
struct glyph_at {
	size_t loca;            /* file offset of loca */
	size_t glyf;            /* file offset of glyf */
	int long_loca;
};

static size_t
glyph_start(const unsigned char *p, const struct glyph_at *at, unsigned g)
{
	const unsigned char *l = p + at->loca;

	if (at->long_loca)
		return at->glyf + get32(l + 4 * (size_t)g);
	return at->glyf + 2 * (size_t)(l[2 * g] << 8 | l[2 * g + 1]);
}

/* The first composite glyph of a font (numberOfContours < 0). */
static unsigned
first_composite(const unsigned char *p, const struct glyph_at *at)
{
	size_t e = get32(p + dir_entry(p, "maxp") + 8);
	unsigned g, n = (unsigned)(p[e + 4] << 8 | p[e + 5]);

	for (g = 0; g < n; g++)
		if (glyph_start(p, at, g + 1) - glyph_start(p, at, g) >= 16 &&
		    (p[glyph_start(p, at, g)] & 0x80))
			return g;
	fail_msg("no composite glyph in the font");
	return 0;
}

/*
 * A composite glyph whose component records are damaged (a record
 * running past the glyph's end, a component that is not a glyph of the
 * font, a glyph built of itself) is an error naming the font file and
 * the glyph when the font is loaded: the subsetter used to drop such
 * components silently, and the PDF showed a letter without its accent.
 */
static void
test_damaged_composite(void **state)
{
	unsigned char *font, *copy;
	struct glyph_at at;
	size_t len, head, rec;
	unsigned g;
	char msg[160];

	font = read_open_sans(&len);
	copy = pv_xmalloc(len);
	head = get32(font + dir_entry(font, "head") + 8);
	at.long_loca = font[head + 50] == 0 && font[head + 51] == 1;
	at.loca = get32(font + dir_entry(font, "loca") + 8);
	at.glyf = get32(font + dir_entry(font, "glyf") + 8);
	g = first_composite(font, &at);
	rec = glyph_start(font, &at, g) + 10;

	/* A component that is not a glyph of the font. */
	memcpy(copy, font, len);
	copy[rec + 2] = copy[rec + 3] = 0xFF;
	snprintf(msg, sizeof(msg), "glyph %u is built of glyph 65535, but "
	    "the font has", g);
	expect_damaged(copy, len, msg);

	/* A glyph built of itself. */
	memcpy(copy, font, len);
	copy[rec + 2] = (unsigned char)(g >> 8);
	copy[rec + 3] = (unsigned char)g;
	snprintf(msg, sizeof(msg), "glyph %u is built of composite glyphs "
	    "nested more than 16 deep, or of itself (FONT_MAX_COMPOSITE_DEPTH)",
	    g);
	expect_damaged(copy, len, msg);

	/* Every record says another follows: the last runs past the end. */
	memcpy(copy, font, len);
	{
		/* Records of 16 bytes (word arguments, a two-by-two
		 * matrix), each saying another follows, each naming the
		 * first component, a real glyph. */
		size_t p, end = glyph_start(font, &at, g + 1);

		for (p = rec; p + 4 <= end; p += 16) {
			copy[p] = 0;
			copy[p + 1] = 0x20 | 0x80 | 0x01;
			copy[p + 2] = font[rec + 2];
			copy[p + 3] = font[rec + 3];
		}
	}
	snprintf(msg, sizeof(msg), "glyph %u has a component record "
	    "(number ", g);
	expect_damaged(copy, len, msg);

	/* The glyph cut to 12 bytes by loca: no room for its record. */
	memcpy(copy, font, len);
	if (at.long_loca) {
		set32(copy + at.loca + 4 * ((size_t)g + 1),
		    get32(copy + at.loca + 4 * (size_t)g) + 12);
	} else {
		unsigned o = (unsigned)(copy[at.loca + 2 * g] << 8 |
		    copy[at.loca + 2 * g + 1]) + 6;

		copy[at.loca + 2 * (g + 1)] = (unsigned char)(o >> 8);
		copy[at.loca + 2 * (g + 1) + 1] = (unsigned char)o;
	}
	snprintf(msg, sizeof(msg), "glyph %u has a component record "
	    "(number 1) that runs past the end of the glyph", g);
	expect_damaged(copy, len, msg);
	free(copy);
	free(font);
}

static void
test_truncated_copies(void **state)
{
	unsigned char *font;
	size_t len, n, step;

	font = read_open_sans(&len);
	/* Every length in the header and directory, then a spread over
	 * the rest of the file. */
	for (n = 0; n < 600; n++)
		assert_false(parse_copy(font, n));
	step = len / 400;
	for (n = 600; n < len; n += step)
		(void)parse_copy(font, n);
	assert_true(parse_copy(font, len));
	free(font);
}

static void
test_corrupted_copies(void **state)
{
	unsigned char *font, *copy;
	size_t len, i, k;
	uint32_t seed = 12345;

	font = read_open_sans(&len);
	copy = pv_xmalloc(len);
	/* Flip bytes in the directory and the small tables at the front,
	 * where offsets, lengths and counts live. */
	for (i = 0; i < 300; i++) {
		memcpy(copy, font, len);
		for (k = 0; k < 8; k++) {
			seed = seed * 1103515245u + 12345u;
			copy[(seed >> 8) % (i < 150 ? 400 : len)] =
			    (unsigned char)(seed >> 3);
		}
		(void)parse_copy(copy, len);
	}
	free(copy);
	free(font);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_sans),
		cmocka_unit_test(test_dejavu),
		cmocka_unit_test(test_unknown_family),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_bad_maps),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_licence),
		cmocka_unit_test(test_subset),
		cmocka_unit_test(test_damaged_tables),
		cmocka_unit_test(test_damaged_composite),
		cmocka_unit_test(test_truncated_copies),
		cmocka_unit_test(test_corrupted_copies),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
