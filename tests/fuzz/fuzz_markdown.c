/*
 * fuzz_markdown.c - the Markdown a user writes in a text field, through
 * enrich's Markdown to XHTML conversion and then the XHTML parser.
 *
 * The property: whatever the Markdown, the XHTML enrich makes from it is
 * inside our vocabulary, so parse accepts it.  A parse error here is a
 * bug of enrich (raw HTML let through, an element we do not know), and
 * the harness aborts on it; a text refused by a named limit is fine.  The
 * first byte chooses block or inline.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../../src/enrich/markdown.h"
#include "../../src/parse/parse.h"
#include "../../src/util/buf.h"
#include "../../src/util/utf8.h"
#include "../../src/util/file.h"
#include "fuzz.h"

static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nb\">\n"
    "<head><title>t</title></head>\n<body>\n<section>\n<h1>T</h1>\n";
static const char tail[] = "\n</section>\n</body>\n</html>\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pv_buf x;
	struct pv_diags d;
	struct doc *doc = NULL;
	int inline_only;
	size_t i;

	if (size == 0)
		return 0;
	inline_only = data[0] & 1;
	/* Text fields are UTF-8 without NUL (load refuses both); keep to
	 * what can reach enrich. */
	for (i = 1; i < size; i++)
		if (data[i] == 0)
			return 0;
	pv_buf_init(&x);
	pv_buf_put(&x, head, sizeof(head) - 1);
	/* Inline fields go into table cells and list items, which take a
	 * bare run of text or blocks. */
	if (inline_only)
		pv_buf_puts(&x, "<table><tbody><tr><td>");
	/* Too long or too deep is refused by name, with nothing made. */
	if (markdown_to_xhtml((const char *)data + 1, size - 1, inline_only,
	    &x) != 0) {
		pv_buf_free(&x);
		return 0;
	}
	if (inline_only)
		pv_buf_puts(&x, "</td></tr></tbody></table>");
	pv_buf_put(&x, tail, sizeof(tail) - 1);
	pv_diags_init(&d);
	if (parse_xhtml("markdown.xhtml", x.data, x.len, &doc, &d) != PV_OK) {
		/* Invalid UTF-8 in the Markdown is refused before enrich;
		 * only a valid-UTF-8 input that fails is a bug. */
		if (pv_utf8_invalid_at((const char *)data + 1, size - 1) ==
		    (size_t)-1) {
			size_t k;

			fprintf(stderr, "%.*s\n", (int)x.len, x.data);
			for (k = 0; k < d.n; k++)
				fprintf(stderr, "%d:%d: %s\n", d.v[k].line,
				    d.v[k].col, d.v[k].msg);
			abort();
		}
	}
	doc_free(doc);
	pv_diags_free(&d);
	pv_buf_free(&x);
	/* planverk records the files a run reads, so that an output
	 * never replaces one; each input here is a run of its own. */
	pv_inputs_forget();
	return 0;
}
