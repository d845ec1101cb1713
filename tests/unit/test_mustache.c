/*
 * test_mustache.c - the Mustache engine: cases written from the text of
 * the Mustache specification (v1.3 with inheritance and dynamic names),
 * the exact error messages, the hard limits and hostile input.
 *
 * The official spec suite itself runs through the command
 * (tests/spec/run-spec.py); these cases stand on their own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "../../src/mustache/mustache.h"
#include "../../src/mustache/mustache_cjson.h"
#include "../../src/util/buf.h"
#include "../../src/util/mem.h"

/* Partials from a NULL-terminated list of name, text pairs. */
static enum pv_status
mem_load(void *ctx, const char *name, size_t namelen, char **text,
    size_t *len, char **file, const char **refused, struct pv_diags *d)
{
	const char *const *p;

	*text = NULL;
	*file = NULL;
	*refused = NULL;
	if (namelen >= 3 && memcmp(name, "../", 3) == 0) {
		*refused = "it leads outside";
		return PV_OK;
	}
	for (p = ctx; p != NULL && *p != NULL; p += 2)
		if (strlen(p[0]) == namelen &&
		    memcmp(p[0], name, namelen) == 0) {
			*text = pv_xstrdup(p[1]);
			*len = strlen(p[1]);
			*file = pv_xasprintf("%s.mustache", p[0]);
			break;
		}
	return PV_OK;
}

struct result {
	enum pv_status st;
	char *out;		/* NULL when compile or render failed */
	char *diag;		/* first diagnostic, formatted, or NULL */
	size_t ndiags;
};

static struct result
run(const char *tpl, const char *json, const char *const *partials,
    int strict)
{
	struct mustache_partials pl = { mem_load, (void *)partials, strict };
	struct mustache_template *t;
	struct result r = { PV_OK, NULL, NULL, 0 };
	struct pv_diags d;
	struct pv_buf out;
	cJSON *data = cJSON_Parse(json);

	assert_non_null(data);
	pv_diags_init(&d);
	pv_buf_init(&out);
	t = mustache_compile("t.mustache", tpl, strlen(tpl), &d);
	if (t == NULL)
		r.st = PV_EINPUT;
	else
		r.st = mustache_render(t, &mustache_cjson_ops, data, &pl,
		    &out, &d);
	if (r.st == PV_OK)
		r.out = pv_buf_take(&out);
	else
		assert_int_equal(out.len, 0);	/* nothing written */
	if (d.n > 0)
		r.diag = pv_diag_format(&d.v[0]);
	r.ndiags = d.n;
	mustache_free(t);
	pv_buf_free(&out);
	pv_diags_free(&d);
	cJSON_Delete(data);
	return r;
}

static void
result_free(struct result *r)
{
	free(r->out);
	free(r->diag);
}

/* Renders without any diagnostic to exactly want. */
static void
expect_p(const char *tpl, const char *json, const char *const *partials,
    const char *want)
{
	struct result r = run(tpl, json, partials, 0);

	if (r.diag != NULL)
		fail_msg("unexpected diagnostic: %s", r.diag);
	assert_int_equal(r.st, PV_OK);
	assert_string_equal(r.out, want);
	result_free(&r);
}

static void
expect(const char *tpl, const char *json, const char *want)
{
	expect_p(tpl, json, NULL, want);
}

/* Fails with exactly this first diagnostic. */
static void
expect_error_p(const char *tpl, const char *json,
    const char *const *partials, const char *want)
{
	struct result r = run(tpl, json, partials, 0);

	assert_int_not_equal(r.st, PV_OK);
	assert_null(r.out);
	assert_non_null(r.diag);
	assert_string_equal(r.diag, want);
	result_free(&r);
}

static void
expect_error(const char *tpl, const char *want)
{
	expect_error_p(tpl, "{}", NULL, want);
}

/* Fails, and the first diagnostic starts with want. */
static void
expect_error_prefix(const char *tpl, const char *json,
    const char *const *partials, const char *want)
{
	struct result r = run(tpl, json, partials, 0);

	assert_int_not_equal(r.st, PV_OK);
	assert_non_null(r.diag);
	if (strncmp(r.diag, want, strlen(want)) != 0)
		fail_msg("diagnostic '%s' does not start with '%s'", r.diag,
		    want);
	result_free(&r);
}

static char *
repeat(const char *s, size_t n)
{
	size_t k = strlen(s), i;
	char *p = pv_xmalloc(k * n + 1);

	for (i = 0; i < n; i++)
		memcpy(p + i * k, s, k);
	p[k * n] = '\0';
	return p;
}

/* --- interpolation --- */

static void
test_interpolation(void **state)
{
	expect("Hello from {Mustache}!\n", "{}", "Hello from {Mustache}!\n");
	expect("Hello, {{subject}}!", "{\"subject\":\"world\"}",
	    "Hello, world!");
	expect("{{x}}: {{y}}", "{\"x\":\"{{y}}\",\"y\":\"Y\"}", "{{y}}: Y");
	/* & < > " are escaped, the apostrophe is left alone */
	expect("{{s}}|{{{s}}}|{{&s}}", "{\"s\":\"& \\\" < > '\"}",
	    "&amp; &quot; &lt; &gt; '|& \" < > '|& \" < > '");
	expect("{{ s }}|{{{ s }}}|{{& s }}", "{\"s\":\"-\"}", "-|-|-");
	/* misses and null are empty */
	expect("I ({{cannot}}) ({{{n}}}) be seen", "{\"n\":null}",
	    "I () () be seen");
	expect("{{t}} {{f}}", "{\"t\":true,\"f\":false}", "true false");
	/* interpolation is never standalone */
	expect("  {{s}}\n", "{\"s\":\"---\"}", "  ---\n");
	expect("  {{{s}}}\n{{&s}}  \n", "{\"s\":\"\"}", "  \n  \n");
}

static void
test_numbers(void **state)
{
	expect("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}",
	    "{\"a\":85,\"b\":1.21,\"c\":-3,\"d\":0,\"e\":1.5,\"f\":0.1}",
	    "85 1.21 -3 0 1.5 0.1");
	expect("{{a}} {{b}} {{c}}", "{\"a\":1e3,\"b\":2.50,\"c\":-0.0}",
	    "1000 2.5 0");
	expect("{{a}}", "{\"a\":12345678901234}", "12345678901234");
	expect("{{a}}", "{\"a\":1e300}", "1e+300");
	expect("{{a}}", "{\"a\":0.30000000000000004}",
	    "0.30000000000000004");
}

static void
test_dotted_names(void **state)
{
	expect("{{p.name}} == {{#p}}{{name}}{{/p}}",
	    "{\"p\":{\"name\":\"Joe\"}}", "Joe == Joe");
	expect("{{a.b.c.d.e.name}}",
	    "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"name\":\"Phil\"}}}}}}",
	    "Phil");
	expect("[{{a.b.c}}]", "{\"a\":{}}", "[]");
	/* the first part goes up the stack, the others only inside */
	expect("{{#a}}{{b.c}}{{/a}}",
	    "{\"a\":{\"b\":{}},\"b\":{\"c\":\"ERROR\"}}", "");
	expect("{{#a}}{{b.c.name}}{{/a}}",
	    "{\"a\":{\"b\":{\"c\":{\"name\":\"Phil\"}}},"
	    "\"b\":{\"c\":{\"name\":\"Wrong\"}}}", "Phil");
	expect("[{{a.b.c.name}}]",
	    "{\"a\":{\"b\":{}},\"c\":{\"name\":\"Jim\"}}", "[]");
	/* a dotted name is never one key */
	expect("[{{a.b}}]", "{\"a.b\":\"c\"}", "[]");
	expect("[{{a.b}}]", "{\"a.b\":\"c\",\"a\":{\"b\":\"d\"}}", "[d]");
	/* a leading dot looks only at the top of the stack */
	expect("{{#a}}[{{.name}}]{{/a}}{{#b}}[{{.name}}]{{/b}}",
	    "{\"a\":{},\"b\":{\"name\":\"N\"},\"name\":\"F\"}", "[][N]");
	expect("[{{a..b}}][{{a.}}]", "{\"a\":{\"b\":1}}", "[][]");
}

static void
test_implicit_iterator(void **state)
{
	expect("Hello, {{.}}!", "\"world\"", "Hello, world!");
	expect("{{.}}|{{{.}}}", "\"<&>\"", "&lt;&amp;&gt;|<&>");
	expect("\"{{.}} miles\"", "85", "\"85 miles\"");
	expect("{{#list}}({{.}}){{/list}}", "{\"list\":[\"a\",1,1.5,true]}",
	    "(a)(1)(1.5)(true)");
	expect("{{#list}}({{#.}}{{.}}{{/.}}){{/list}}",
	    "{\"list\":[[1,2,3],[\"a\",\"b\"]]}", "(123)(ab)");
}

/* --- sections --- */

static void
test_sections(void **state)
{
	expect("\"{{#b}}yes{{/b}}\"", "{\"b\":true}", "\"yes\"");
	expect("\"{{#b}}yes{{/b}}\"", "{\"b\":false}", "\"\"");
	expect("\"{{#b}}yes{{/b}}\"", "{\"b\":null}", "\"\"");
	expect("\"{{#b}}yes{{/b}}\"", "{\"b\":[]}", "\"\"");
	expect("\"{{#b}}yes{{/b}}\"", "{}", "\"\"");
	/* our binding: the empty string is falsy, 0 and {} are not */
	expect("[{{#b}}yes{{/b}}]", "{\"b\":\"\"}", "[]");
	expect("[{{#b}}{{.}}{{/b}}]", "{\"b\":0}", "[0]");
	expect("[{{#b}}yes{{/b}}]", "{\"b\":{}}", "[yes]");
	expect("{{#c}}Hi {{name}}.{{/c}}", "{\"c\":{\"name\":\"Joe\"}}",
	    "Hi Joe.");
	expect("{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}",
	    "{\"a\":\"foo\",\"b\":\"wrong\",\"sec\":{\"b\":\"bar\"},"
	    "\"c\":{\"d\":\"baz\"}}", "foo, bar, baz");
	expect("{{#foo}}{{.}} is {{foo}}{{/foo}}", "{\"foo\":\"bar\"}",
	    "bar is bar");
	expect("{{#list}}{{item}}{{/list}}",
	    "{\"list\":[{\"item\":1},{\"item\":2},{\"item\":3}]}", "123");
	expect("{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}"
	    "{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}"
	    "{{/tops}}",
	    "{\"tops\":[{\"tname\":{\"upper\":\"A\",\"lower\":\"a\"},"
	    "\"middles\":[{\"mname\":\"1\",\"bottoms\":[{\"bname\":\"x\"},"
	    "{\"bname\":\"y\"}]}]}]}", "a1.A1x.A1y.");
	expect("| A {{#b}}B {{#b}}C{{/b}} D{{/b}} E |", "{\"b\":true}",
	    "| A B C D E |");
	expect("| A {{#b}}B {{#b}}C{{/b}} D{{/b}} E |", "{\"b\":false}",
	    "| A  E |");
	expect("\"{{#a.b.c}}Here{{/a.b.c}}\"", "{\"a\":{\"b\":{\"c\":1}}}",
	    "\"Here\"");
	expect("|{{# b }}={{/ b }}|", "{\"b\":true}", "|=|");
}

static void
test_inverted(void **state)
{
	expect("\"{{^b}}yes{{/b}}\"", "{\"b\":false}", "\"yes\"");
	expect("\"{{^b}}yes{{/b}}\"", "{\"b\":true}", "\"\"");
	expect("\"{{^b}}yes{{/b}}\"", "{\"b\":null}", "\"yes\"");
	expect("\"{{^b}}yes{{/b}}\"", "{\"b\":[]}", "\"yes\"");
	expect("\"{{^b}}yes{{/b}}\"", "{\"b\":[0]}", "\"\"");
	expect("\"{{^b}}yes{{/b}}\"", "{\"b\":{}}", "\"\"");
	expect("[{{^missing}}none{{/missing}}]", "{}", "[none]");
	expect("\"{{^a.b.c}}Not{{/a.b.c}}\"", "{\"a\":{}}", "\"Not\"");
	expect("{{^b}}\n* first\n{{/b}}\n* {{two}}\n{{^b}}\n* third\n"
	    "{{/b}}\n", "{\"b\":false,\"two\":\"second\"}",
	    "* first\n* second\n* third\n");
}

/* Standalone lines of every tag kind (the spec's whitespace rules). */
static void
test_standalone(void **state)
{
	expect("| This Is\n{{#b}}\n|\n{{/b}}\n| A Line\n", "{\"b\":1}",
	    "| This Is\n|\n| A Line\n");
	expect("| This Is\n  {{#b}}\n|\n  {{/b}}\n| A Line\n", "{\"b\":1}",
	    "| This Is\n|\n| A Line\n");
	expect("|\r\n{{#b}}\r\n{{/b}}\r\n|", "{\"b\":1}", "|\r\n|");
	expect("  {{#b}}\n#{{/b}}\n/", "{\"b\":1}", "#\n/");
	expect("#{{#b}}\n/\n  {{/b}}", "{\"b\":1}", "#\n/\n");
	expect("  {{^b}}\n^{{/b}}\n/", "{\"b\":false}", "^\n/");
	expect(" {{#b}}YES{{/b}}\n {{#b}}GOOD{{/b}}\n", "{\"b\":1}",
	    " YES\n GOOD\n");
	expect(" | {{#b}}\t|\t{{/b}} | \n", "{\"b\":1}", " | \t|\t | \n");
	expect(" | {{#b}} {{! x }}\n {{/b}} | \n", "{\"b\":1}",
	    " |  \n  | \n");
	/* two tags on one line are not standalone */
	expect("{{#a}}{{#b}}\nx\n{{/b}}{{/a}}\n", "{\"a\":1,\"b\":1}",
	    "\nx\n\n");
	/* a tab, and a lone \r, are what they are */
	expect("\t{{#b}}\t\nx\n{{/b}}", "{\"b\":1}", "x\n");
	expect("{{#b}}\r\nx{{/b}}", "{\"b\":1}", "x");
	expect("{{#b}} \rx\n{{/b}}", "{\"b\":1}", " \rx\n");
}

static void
test_comments(void **state)
{
	expect("12345{{! Comment Block! }}67890", "{}", "1234567890");
	expect("12345{{!\n  multi\n  line\n}}67890\n", "{}",
	    "1234567890\n");
	expect("Begin.\n{{! Comment }}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	expect("Begin.\n  {{! Indented }}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	expect("|\r\n{{! C }}\r\n|", "{}", "|\r\n|");
	expect("  {{! I'm standalone }}\n!", "{}", "!");
	expect("!\n  {{! I'm standalone }}", "{}", "!\n");
	expect("Begin.\n  {{!\n    going on\n  }}\nEnd.\n", "{}",
	    "Begin.\nEnd.\n");
	expect("  12 {{! 34 }}\n", "{}", "  12 \n");
	expect("12345 {{! C }} 67890", "{}", "12345  67890");
	expect("{{! {{ in a comment }}}", "{}", "}");
}

static void
test_delimiters(void **state)
{
	expect("{{=<% %>=}}(<%text%>)", "{\"text\":\"Hey!\"}", "(Hey!)");
	expect("({{=[ ]=}}[text])", "{\"text\":\"It worked!\"}",
	    "(It worked!)");
	expect("[\n{{#s}}\n  {{d}}\n  |d|\n{{/s}}\n\n{{= | | =}}\n|#s|\n"
	    "  {{d}}\n  |d|\n|/s|\n]\n", "{\"s\":true,\"d\":\"D\"}",
	    "[\n  D\n  |d|\n\n  {{d}}\n  D\n]\n");
	/* a triple mustache under other delimiters */
	expect("{{=<% %>=}}<%{v}%> <%&v%> <%v%>", "{\"v\":\"<\"}",
	    "< < &lt;");
	expect("| {{=@ @=}} |", "{}", "|  |");
	expect(" | {{=@ @=}}\n", "{}", " | \n");
	expect("Begin.\n  {{=@ @=}}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	expect("|\r\n{{= @ @ =}}\r\n|", "{}", "|\r\n|");
	expect("=\n  {{=@ @=}}", "{}", "=\n");
	expect("|{{= @   @ =}}|", "{}", "||");
	expect("{{=<% %>=}}<%={{ }}=%>{{x}}", "{\"x\":1}", "1");
}

static void
test_delimiters_and_partials(void **state)
{
	static const char *const p1[] = { "include", ".{{value}}.", NULL };
	static const char *const p2[] = {
		"include", ".{{value}}. {{= | | =}} .|value|.", NULL
	};

	expect_p("[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n",
	    "{\"value\":\"yes\"}", p1, "[ .yes. ]\n[ .yes. ]\n");
	expect_p("[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n",
	    "{\"value\":\"yes\"}", p2,
	    "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n");
}

/* --- partials --- */

static void
test_partials(void **state)
{
	static const char *const text[] = { "text", "from partial", NULL };
	static const char *const ctx[] = { "p", "*{{text}}*", NULL };
	static const char *const node[] = {
		"node", "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>", NULL
	};
	static const char *const nested[] = {
		"outer", "*{{a}} {{>inner}}*", "inner", "{{b}}!", NULL
	};
	static const char *const ws[] = { "p", "\t|\t", NULL };
	static const char *const two[] = { "p", ">\n>", NULL };
	static const char *const one[] = { "p", ">", NULL };

	expect_p("\"{{>text}}\"", "{}", text, "\"from partial\"");
	expect_p("\"{{>p}}\"", "{\"text\":\"content\"}", ctx,
	    "\"*content*\"");
	expect_p("{{>node}}", "{\"content\":\"X\",\"nodes\":[{\"content\":"
	    "\"Y\",\"nodes\":[]}]}", node, "X<Y<>>");
	expect_p("{{>outer}}", "{\"a\":\"hello\",\"b\":\"world\"}", nested,
	    "*hello world!*");
	expect_p("| {{>p}} |", "{}", ws, "| \t|\t |");
	expect_p("  {{data}}  {{> p}}\n", "{\"data\":\"|\"}", two,
	    "  |  >\n>\n");
	expect_p("|\r\n{{>p}}\r\n|", "{}", one, "|\r\n>|");
	expect_p("  {{>p}}\n>", "{}", two, "  >\n  >>");
	expect_p(">\n  {{>p}}", "{}", two, ">\n  >\n  >");
	expect_p("|{{> p }}|", "{}", one, "|>|");
}

static void
test_partial_indentation(void **state)
{
	static const char *const p[] = {
		"partial", "|\n{{{content}}}\n|\n", NULL
	};
	static const char *const nest[] = {
		"outer", "o1\n  {{>inner}}\no2\n",
		"inner", "i1\n{{#list}}\n{{.}}\n{{/list}}\ni2\n", NULL
	};
	static const char *const sec[] = {
		"p", "{{#s}}\n{{.}}\n{{/s}}x\n", NULL
	};
	static const char *const inl[] = {
		"outer", "a\n  {{>inner}}\n", "inner", "b {{>two}}\n",
		"two", "c\nd\n", NULL
	};

	/* each line of the partial is indented; text from data is not */
	expect_p("\\\n {{>partial}}\n/\n", "{\"content\":\"<\\n->\"}", p,
	    "\\\n |\n <\n->\n |\n/\n");
	/* indentation adds up through nested standalone partials */
	expect_p("  {{>outer}}\n", "{\"list\":[1,2]}", nest,
	    "  o1\n    i1\n    1\n    2\n    i2\n  o2\n");
	/* a line that starts inside a section is indented every time */
	expect_p("> {{>p}}\n", "{\"s\":[1]}", sec, "> 1\nx\n\n");
	expect_p("  {{>p}}\n", "{\"s\":[1,2]}", sec, "  1\n    2\n  x\n");
	/* a partial that is not standalone is not indented, nor its own */
	expect_p("{{>outer}}", "{}", inl, "a\n  b c\nd\n\n");
	/* a line that renders empty still gets its indentation */
	expect_p("  {{>p}}\n", "{\"s\":[\"\"]}", sec, "  \n  x\n");
}

static void
test_missing_partial(void **state)
{
	struct result r;

	r = run("a{{>nope}}b\n  {{>nope}}\n", "{}", NULL, 0);
	assert_int_equal(r.st, PV_OK);
	assert_string_equal(r.out, "ab\n");
	assert_int_equal(r.ndiags, 2);	/* once per place */
	assert_string_equal(r.diag, "t.mustache:1:2: warning: partial "
	    "'nope' not found; it renders as nothing");
	result_free(&r);

	/* in a loop: still one warning for the place */
	r = run("{{#l}}{{>nope}}{{/l}}", "{\"l\":[1,2,3]}", NULL, 0);
	assert_int_equal(r.st, PV_OK);
	assert_int_equal(r.ndiags, 1);
	result_free(&r);

	r = run("a\n {{>nope}}", "{}", NULL, 1);
	assert_int_equal(r.st, PV_EINPUT);
	assert_null(r.out);
	assert_string_equal(r.diag, "t.mustache:2:2: error: partial 'nope' "
	    "not found");
	result_free(&r);
}

/* --- inheritance --- */

static void
test_inheritance(void **state)
{
	static const char *const inc[] = {
		"include", "{{$foo}}default content{{/foo}}", NULL
	};
	static const char *const sup[] = {
		"super", "...{{$title}}Default title{{/title}}...", NULL
	};
	static const char *const par[] = {
		"parent", "|{{$stuff}}...{{/stuff}}{{$d}} default{{/d}}|", NULL
	};
	static const char *const multi[] = {
		"parent", "{{<older}}{{$a}}p{{/a}}{{/older}}",
		"older", "{{<grand}}{{$a}}o{{/a}}{{/grand}}",
		"grand", "{{$a}}g{{/a}}", NULL
	};
	static const char *const rec[] = {
		"parent", "{{$foo}}default content{{/foo}} {{$bar}}"
		    "{{<parent2}}{{/parent2}}{{/bar}}",
		"parent2", "{{$foo}}parent2 default content{{/foo}} "
		    "{{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
		NULL
	};
	static const char *const scope[] = {
		"parent", "{{#nested}}{{$block}}You say {{fruit}}."
		    "{{/block}}{{/nested}}", NULL
	};

	expect("{{$title}}Default title{{/title}}\n", "{}",
	    "Default title\n");
	expect("{{$foo}}default {{bar}} {{#s}}{{.}}{{/s}}{{/foo}}",
	    "{\"bar\":\"baz\",\"s\":[1,2]}", "default baz 12");
	expect_p("{{<include}}{{/include}}\n", "{}", inc, "default content");
	expect_p("{{<super}}{{$title}}sub{{/title}}{{/super}}", "{}", sup,
	    "...sub...");
	expect_p("{{<include}}{{$foo}}in template{{/foo}}{{/include}}",
	    "{\"foo\":\"in data\"}", inc, "in template");
	expect_p("t {{<parent}}{{$stuff}}o1{{/stuff}}{{/parent}} "
	    "{{<parent}}{{$stuff}}o2{{/stuff}}{{/parent}}\n", "{}", par,
	    "t |o1 default| |o2 default|\n");
	expect_p("{{>include}}|{{<include}}{{/include}}", "{}", inc,
	    "default content|default content");
	expect_p("{{<parent}}{{$a}}c{{/a}}{{/parent}}", "{}", multi, "c");
	expect_p("{{<parent}}{{/parent}}", "{}", multi, "p");
	expect_p("{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", "{}", rec,
	    "override override override don't recurse");
	/* text and other tags inside a parent are ignored */
	expect_p("{{<include}} x {{$foo}}hmm{{/foo}} {{#s}}y{{/s}} "
	    "{{/include}}", "{\"s\":1}", inc, "hmm");
	/* an argument renders in the context of where it is used */
	expect_p("{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}",
	    "{\"fruit\":\"apples\",\"nested\":{\"fruit\":\"bananas\"}}",
	    scope, "I say bananas.");
	/* a missing parent renders as nothing, with a warning */
	{
		struct result r = run("[{{<nope}}{{$a}}x{{/a}}{{/nope}}]",
		    "{}", NULL, 0);

		assert_int_equal(r.st, PV_OK);
		assert_string_equal(r.out, "[]");
		assert_string_equal(r.diag, "t.mustache:1:2: warning: parent "
		    "'nope' not found; it renders as nothing");
		result_free(&r);
	}
}

static void
test_inheritance_whitespace(void **state)
{
	static const char *const lines[] = { "parent", "one\ntwo\n", NULL };
	static const char *const sb[] = {
		"parent", "Hi,\n  {{$block}}{{/block}}\n", NULL
	};
	static const char *const br[] = {
		"parent", "Hi,\n  {{$block}}\n  {{/block}}\n", NULL
	};
	static const char *const ii[] = {
		"parent", "Hi,\n{{$block}}\n  default\n{{/block}}\n", NULL
	};
	static const char *const nb[] = {
		"parent", "{{<grandparent}}{{$block}}\n  one\n  {{$nested}}\n"
		    "    two\n  {{/nested}}\n{{/block}}{{/grandparent}}\n",
		"grandparent", "{{$block}}default{{/block}}", NULL
	};
	static const char *const nl[] = {
		"parent", "{{$ballmer}}peaking{{/ballmer}}", NULL
	};
	static const char *const ind[] = {
		"parent", "stop:\n  {{$n}}collaborate{{/n}}\n", NULL
	};

	expect_p("Hi,\n  {{<parent}}{{/parent}}\n", "{}", lines,
	    "Hi,\n  one\n  two\n");
	expect_p("{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n",
	    "{}", sb, "Hi,\n  one\n  two\n");
	expect_p("{{<parent}}{{$block}}\n    one\n    two\n{{/block}}"
	    "{{/parent}}\n", "{}", br, "Hi,\n  one\n  two\n");
	expect_p("{{<parent}}{{$block}}\none\ntwo\n{{/block}}{{/parent}}\n",
	    "{}", ii, "Hi,\n  one\n  two\n");
	expect_p("{{<parent}}{{/parent}}", "{}", ii, "Hi,\n  default\n");
	expect_p("{{<parent}}{{$nested}}\nthree\n{{/nested}}{{/parent}}\n",
	    "{}", nb, "one\n  three\n");
	expect_p("{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}"
	    "{{/parent}}", "{}", nl, "peaked\n\n:(\n");
	expect_p("{{<parent}}{{$n}}hammer time{{/n}}{{/parent}}", "{}", ind,
	    "stop:\n  hammer time\n");
	/* the parent's tags on their own lines */
	expect_p("{{<parent}}\n  {{$block}}\n  A\n  {{/block}}\n{{/parent}}\n",
	    "{}", br, "Hi,\n  A\n");
	/* a parent in an indented partial */
	{
		static const char *const deep[] = {
			"p", "x\n{{<parent}}{{$block}}\n  A\n  B\n{{/block}}"
			    "{{/parent}}\n",
			"parent", "Hi,\n  {{$block}}\n  {{/block}}\n", NULL
		};

		expect_p("  {{>p}}\n", "{}", deep,
		    "  x\n  Hi,\n    A\n    B\n");
	}
}

/* --- dynamic names --- */

static void
test_dynamic_names(void **state)
{
	static const char *const p[] = {
		"content", "Hello, world!", "partial", "*{{text}}*", NULL
	};
	static const char *const node[] = {
		"node", "{{content}}<{{#nodes}}{{>*template}}{{/nodes}}>", NULL
	};
	static const char *const par[] = {
		"normal", "{{$text}}Here goes nothing.{{/text}}\n",
		"bold", "<b>{{$text}}Here also goes nothing but it's bold."
		    "{{/text}}</b>\n", NULL
	};
	static const char *const two[] = { "partial", ">\n>", NULL };

	expect_p("\"{{>*dynamic}}\"", "{\"dynamic\":\"content\"}", p,
	    "\"Hello, world!\"");
	expect_p("\"{{>*dynamic}}\"",
	    "{\"dynamic\":\"content\",\"*dynamic\":\"partial\"}", p,
	    "\"Hello, world!\"");
	expect_p("\"{{>*missing}}\"", "{}", p, "\"\"");
	expect_p("\"{{>*f.b}}\"",
	    "{\"text\":\"T\",\"f\":{\"b\":\"partial\"}}", p, "\"*T*\"");
	expect_p("\"{{>*foo.bar}}\"",
	    "{\"foo\":\"test\",\"test\":{\"bar\":\"partial\"}}", p, "\"\"");
	expect_p("{{#s1}}{{>*s2.d}}{{/s1}}",
	    "{\"text\":\"t\",\"s1\":[1,2],\"s2\":{\"d\":\"partial\","
	    "\"text\":\"no\"}}", p, "*t**t*");
	expect_p("{{>*template}}", "{\"template\":\"node\",\"content\":\"X\","
	    "\"nodes\":[{\"content\":\"Y\",\"nodes\":[]}]}", node, "X<Y<>>");
	expect_p("\"{{>**dynamic}}\"",
	    "{\"dynamic\":\"test\",\"test\":\"content\"}", p, "\"\"");
	expect_p("|{{> * dynamic }}|", "{\"dynamic\":\"content\"}", p,
	    "|Hello, world!|");
	expect_p("  {{>*d}}\n>", "{\"d\":\"partial\"}", two, "  >\n  >>");
	/* dynamic parents */
	expect_p("{{<*dynamic}}\n  {{$text}}Hello World!{{/text}}\n"
	    "{{/*dynamic}}\n", "{\"dynamic\":\"bold\"}", par,
	    "<b>Hello World!</b>\n");
	expect_p("{{<*d}}{{$text}}X{{/text}}{{/d}}|", "{\"d\":\"normal\"}",
	    par, "X\n|");
	expect_p("[{{<*d}}{{$text}}X{{/text}}{{/*d}}]", "{}", par, "[]");
}

/* --- compile once, render many; the tree is not changed --- */

static void
test_compile_once(void **state)
{
	struct mustache_template *t;
	struct pv_diags d;
	struct pv_buf out;
	cJSON *a = cJSON_Parse("{\"x\":[1,2]}");
	cJSON *b = cJSON_Parse("{\"x\":\"s\"}");
	const char *tpl = "{{#x}}<{{.}}>{{/x}}";
	int i;

	pv_diags_init(&d);
	pv_buf_init(&out);
	t = mustache_compile("t.mustache", tpl, strlen(tpl), &d);
	assert_non_null(t);
	assert_string_equal(mustache_file(t), "t.mustache");
	for (i = 0; i < 3; i++) {
		assert_int_equal(mustache_render(t, &mustache_cjson_ops, a,
		    NULL, &out, &d), PV_OK);
		assert_int_equal(mustache_render(t, &mustache_cjson_ops, b,
		    NULL, &out, &d), PV_OK);
	}
	assert_string_equal(out.data, "<1><2><s><1><2><s><1><2><s>");
	assert_int_equal(d.n, 0);
	mustache_free(t);
	pv_buf_free(&out);
	pv_diags_free(&d);
	cJSON_Delete(a);
	cJSON_Delete(b);
}

/* On failure the output buffer keeps what it had. */
static void
test_failure_keeps_output(void **state)
{
	static const char *const self[] = { "self", "x{{>self}}", NULL };
	struct mustache_partials pl = { mem_load, (void *)self, 0 };
	struct mustache_template *t;
	struct pv_diags d;
	struct pv_buf out;
	cJSON *data = cJSON_Parse("{}");

	pv_diags_init(&d);
	pv_buf_init(&out);
	pv_buf_puts(&out, "before");
	t = mustache_compile("t.mustache", "{{>self}}", 9, &d);
	assert_int_equal(mustache_render(t, &mustache_cjson_ops, data, &pl,
	    &out, &d), PV_EINPUT);
	assert_string_equal(out.data, "before");
	mustache_free(t);
	pv_buf_free(&out);
	pv_diags_free(&d);
	cJSON_Delete(data);
}

/* --- errors: exact messages with line:col --- */

static void
test_errors(void **state)
{
	expect_error("a\n  {{#x}} b",
	    "t.mustache:2:3: error: unclosed section 'x': no '{{/x}}' "
	    "before the end of the file");
	expect_error("{{^x}}\n{{#y}}\n{{/y}}",
	    "t.mustache:1:1: error: unclosed inverted section 'x': no "
	    "'{{/x}}' before the end of the file");
	expect_error("{{=<% %>=}}<%$b%>",
	    "t.mustache:1:12: error: unclosed block 'b': no '<%/b%>' before "
	    "the end of the file");
	expect_error("{{#a}}\n{{#b}}\n {{/a}}",
	    "t.mustache:3:2: error: closing tag 'a' does not match the open "
	    "section 'b' at line 2, column 1");
	expect_error("{{<p}}{{/q}}",
	    "t.mustache:1:7: error: closing tag 'q' does not match the open "
	    "parent 'p' at line 1, column 1");
	expect_error("x\n{{/a}}",
	    "t.mustache:2:1: error: closing tag 'a' has no opening tag");
	expect_error("æøå {{x",
	    "t.mustache:1:5: error: unclosed tag: '{{' has no closing '}}'");
	expect_error("{{{x}}",
	    "t.mustache:1:1: error: unclosed tag: '{{' has no closing '}}}'");
	expect_error("{{=<% %>}}",
	    "t.mustache:1:1: error: unclosed tag: '{{' has no closing '=}}'");
	expect_error("{{#items}\n<li>{{name}}</li>\n{{/items}}",
	    "t.mustache:1:1: error: unclosed tag: '{{' has no closing '}}' "
	    "before the next '{{'");
	expect_error("a {{=<%=}}",
	    "t.mustache:1:3: error: malformed delimiter change '{{=<%=}}': "
	    "expected two delimiters without '=' separated by a space, as "
	    "in {{=<% %>=}}");
	expect_error("{{=a b c=}}",
	    "t.mustache:1:1: error: malformed delimiter change '{{=a b c=}}'"
	    ": expected exactly two delimiters");
	expect_error("{{=<<<<<<<<<<<<<<<<<< >>=}}",
	    "t.mustache:1:1: error: delimiter longer than 16 bytes "
	    "(MUSTACHE_MAX_DELIM)");
	expect_error("{{}}",
	    "t.mustache:1:1: error: empty tag '{{}}': a name is needed");
	expect_error("{{# }}",
	    "t.mustache:1:1: error: empty section '{{# }}': a name is "
	    "needed");
	expect_error("{{>}}",
	    "t.mustache:1:1: error: empty partial '{{>}}': a name is needed");
	expect_error("{{>*}}",
	    "t.mustache:1:1: error: empty partial '{{>*}}': a name is "
	    "needed");
	expect_error("{{a b}}",
	    "t.mustache:1:1: error: tag name 'a b' contains white space");
	expect_error("\n\n  {{#a\nb}}",
	    "t.mustache:3:3: error: section name 'a' runs past the end of "
	    "the line; is a '}}' missing?");
}

static void
test_error_in_partial(void **state)
{
	static const char *const bad[] = {
		"good", "ok {{>bad}}", "bad", "line\n{{#s}}", NULL
	};

	/* the error names the partial's file and place */
	expect_error_p("{{>good}}", "{}", bad,
	    "bad.mustache:2:1: error: unclosed section 's': no '{{/s}}' "
	    "before the end of the file");
}

/* --- limits and hostile input --- */

static void
test_nesting_limit(void **state)
{
	char *open = repeat("{{#a}}", MUSTACHE_MAX_NESTING);
	char *close = repeat("{{/a}}", MUSTACHE_MAX_NESTING);
	char *ok = pv_xasprintf("%sx%s", open, close);
	char *bad = pv_xasprintf("{{#a}}%sx%s{{/a}}", open, close);

	expect(ok, "{\"a\":true}", "x");
	expect_error(bad, "t.mustache:1:601: error: more than 100 sections, "
	    "parents and blocks open at once (MUSTACHE_MAX_NESTING)");
	free(open);
	free(close);
	free(ok);
	free(bad);
}

static void
test_self_including_partial(void **state)
{
	static const char *const self[] = { "a", "{{>b}}", "b", "{{>a}}",
	    NULL };
	static const char *const parent[] = { "p", "{{<p}}{{/p}}", NULL };
	struct result r;

	r = run("{{>a}}", "{}", self, 0);
	assert_int_equal(r.st, PV_EINPUT);
	assert_null(r.out);
	assert_string_equal(r.diag, "b.mustache:1:1: error: partials nested "
	    "deeper than 64 (MUSTACHE_MAX_DEPTH): t.mustache → a.mustache "
	    "→ b.mustache → a.mustache → … → b.mustache → a.mustache → "
	    "b.mustache → a.mustache");
	assert_int_equal(r.ndiags, 1);
	result_free(&r);
	expect_error_prefix("{{<p}}{{/p}}", "{}", parent,
	    "p.mustache:1:1: error: partials nested deeper than 64");
	/* an argument that holds a block of its own name: the inner block
	 * sees only the parents open where it was written, so no loop */
	{
		static const char *const q[] = { "q", "[{{$a}}{{/a}}]", NULL };

		expect_p("{{<q}}{{$a}}({{$a}}d{{/a}}){{/a}}{{/q}}", "{}", q,
		    "[(d)]");
	}
}

static void
test_context_limit(void **state)
{
	/* data nested deeper than the context stack allows, walked by a
	 * recursive partial: an error, not a crash */
	static const char *const node[] = {
		"n", "{{#c}}{{#c}}{{#c}}{{#c}}{{#c}}{{#c}}{{#c}}{{#c}}{{#c}}"
		    "{{>n}}{{/c}}{{/c}}{{/c}}{{/c}}{{/c}}{{/c}}{{/c}}{{/c}}"
		    "{{/c}}", NULL
	};
	struct result r = run("{{>n}}", "{\"c\":true}", node, 0);

	assert_int_equal(r.st, PV_EINPUT);
	assert_non_null(r.diag);
	assert_non_null(strstr(r.diag, "MUSTACHE_MAX_"));
	result_free(&r);
}

static void
test_recursion_limit(void **state)
{
	/* inverted sections push nothing on the context stack, but each is
	 * a level of rendering: 40 of them around a recursive partial */
	char *open = repeat("{{^x}}", 40);
	char *close = repeat("{{/x}}", 40);
	char *body = pv_xasprintf("%s{{>n}}%s", open, close);
	const char *const node[] = { "n", body, NULL };
	struct result r = run("{{>n}}", "{}", node, 0);

	assert_int_equal(r.st, PV_EINPUT);
	assert_string_equal(r.diag, "n.mustache:1:229: error: rendering nests "
	    "deeper than 2048 steps (MUSTACHE_MAX_RECURSION)");
	result_free(&r);
	free(open);
	free(close);
	free(body);
}

static void
test_hostile(void **state)
{
	char *s;

	/* 1 MB of "{{": the first tag (a triple one) is never closed */
	s = repeat("{{", 512 * 1024);
	expect_error(s, "t.mustache:1:1: error: unclosed tag: '{{' has no "
	    "closing '}}}'");
	free(s);
	s = repeat("{{ ", 512 * 1024);
	expect_error(s, "t.mustache:1:1: error: unclosed tag: '{{' has no "
	    "closing '}}'");
	free(s);
	/* 1 MB of "}}" and of "{": plain text */
	s = repeat("}}", 512 * 1024);
	{
		struct result r = run(s, "{}", NULL, 0);

		assert_int_equal(r.st, PV_OK);
		assert_int_equal(strlen(r.out), 1024 * 1024);
		result_free(&r);
	}
	free(s);
	/* a million "{{#a}}": stops at the nesting limit */
	s = repeat("{{#a}}", 1000 * 1000);
	expect_error_prefix(s, "{}", NULL, "t.mustache:1:601: error: more "
	    "than 100 sections");
	free(s);
	/* many lines of standalone tags, many lines of tags */
	s = repeat("{{#a}}\n{{/a}}\n", 100 * 1000);
	expect(s, "{\"a\":1}", "");
	free(s);
	s = repeat("{{! c }}{{x}}\n", 100 * 1000);
	{
		struct result r = run(s, "{\"x\":\"y\"}", NULL, 0);

		assert_int_equal(r.st, PV_OK);
		assert_int_equal(strlen(r.out), 2 * 100 * 1000);
		result_free(&r);
	}
	free(s);
	/* unclosed things at the very end */
	expect_error("{{", "t.mustache:1:1: error: unclosed tag: '{{' has "
	    "no closing '}}'");
	expect_error("x{{=", "t.mustache:1:2: error: unclosed tag: '{{' has "
	    "no closing '=}}'");
	expect_error("{{!", "t.mustache:1:1: error: unclosed tag: '{{' has "
	    "no closing '}}'");
	expect_error("{{=| |=}}|", "t.mustache:1:10: error: unclosed tag: "
	    "'|' has no closing '|'");
	/* NUL bytes are text */
	{
		struct mustache_template *t;
		struct pv_diags d;

		pv_diags_init(&d);
		t = mustache_compile("t", "a\0{{x}}", 7, &d);
		assert_non_null(t);
		mustache_free(t);
		pv_diags_free(&d);
	}
}

/* Deep indentation through nested partials is linear: 64 levels of
 * standalone partials around 10 000 lines. */
static void
test_indentation_depth(void **state)
{
	static char *parts[2 * 66 + 1];
	char name[16], *body = repeat("line\n", 10000);
	struct result r;
	int i;

	for (i = 0; i < 62; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		parts[2 * i] = pv_xstrdup(name);
		parts[2 * i + 1] = pv_xasprintf(" {{>p%d}}\n", i + 1);
	}
	parts[2 * i] = pv_xasprintf("p%d", i);
	parts[2 * i + 1] = body;
	parts[2 * i + 2] = NULL;
	r = run("{{>p0}}", "{}", (const char *const *)parts, 0);
	assert_int_equal(r.st, PV_OK);
	assert_int_equal(strlen(r.out), 10000 * (62 + 5));
	assert_memory_equal(r.out, "                                      "
	    "                        line\n", 67);
	result_free(&r);
	for (i = 0; i < 2 * 63; i++)
		free(parts[i]);
}

/* --- NUL bytes in tags: an error at the byte, never a read past a name --- */

/* Compile len bytes of tpl and render with json; the first diagnostic. */
static char *
run_n(const char *tpl, size_t len, const char *json, char **out)
{
	struct mustache_template *t;
	struct pv_diags d;
	struct pv_buf b;
	cJSON *data = cJSON_Parse(json);
	char *diag = NULL;

	pv_diags_init(&d);
	pv_buf_init(&b);
	*out = NULL;
	t = mustache_compile("t.mustache", tpl, len, &d);
	if (t != NULL && mustache_render(t, &mustache_cjson_ops, data, NULL,
	    &b, &d) == PV_OK)
		*out = pv_buf_take(&b);
	if (d.n > 0)
		diag = pv_diag_format(&d.v[0]);
	mustache_free(t);
	pv_buf_free(&b);
	pv_diags_free(&d);
	cJSON_Delete(data);
	return diag;
}

static void
expect_nul_error(const char *tpl, size_t len, const char *want)
{
	char *out, *diag = run_n(tpl, len, "{\"a\":\"X\"}", &out);

	assert_null(out);
	assert_non_null(diag);
	assert_string_equal(diag, want);
	free(diag);
}

static void
test_nul_in_tag(void **state)
{
	static const char t1[] = "{{a\0bcdefghijklmnopqrstuvwxyz}}";
	static const char t2[] = "x\n  {{#a\0}}{{/a}}";
	static const char t3[] = "{{! a\ncomment\0}}";
	static const char t4[] = "{{=<% \0%>=}}";
	static const char t5[] = "{{{a\0}}}";
	static const char t6[] = "æ{{a}}\0{{a}}";
	size_t steps = 0;
	cJSON *o = cJSON_Parse("{\"a\":\"X\"}");
	char *out, *diag;

	/* the name "a\0bcd..." is not the key "a", and is not even read as
	 * a name: the NUL is a syntax error at its place */
	expect_nul_error(t1, sizeof(t1) - 1, "t.mustache:1:4: error: a NUL "
	    "byte is not allowed in a tag (the tag '{{a' starts at line 1, "
	    "column 1)");
	expect_nul_error(t2, sizeof(t2) - 1, "t.mustache:2:7: error: a NUL "
	    "byte is not allowed in a tag (the tag '{{#a' starts at line 2, "
	    "column 3)");
	expect_nul_error(t3, sizeof(t3) - 1, "t.mustache:2:8: error: a NUL "
	    "byte is not allowed in a tag (the tag '{{! a\ncomment' starts "
	    "at line 1, column 1)");
	expect_nul_error(t4, sizeof(t4) - 1, "t.mustache:1:7: error: a NUL "
	    "byte is not allowed in a tag (the tag '{{=<% ' starts at line 1, "
	    "column 1)");
	expect_nul_error(t5, sizeof(t5) - 1, "t.mustache:1:5: error: a NUL "
	    "byte is not allowed in a tag (the tag '{{{a' starts at line 1, "
	    "column 1)");
	/* between tags a NUL byte is text, as before */
	diag = run_n(t6, sizeof(t6) - 1, "{\"a\":\"X\"}", &out);
	assert_null(diag);
	assert_non_null(out);
	assert_memory_equal(out, "æX\0X", 6);
	free(out);
	/* the data interface compares by length, whatever the bytes */
	assert_null(mustache_cjson_ops.member(o, "a\0bcdefghijklmnop", 17,
	    &steps));
	assert_null(mustache_cjson_ops.member(o, "a\0", 2, &steps));
	assert_null(mustache_cjson_ops.member(o, "", 0, &steps));
	assert_non_null(mustache_cjson_ops.member(o, "a", 1, &steps));
	assert_int_equal(steps, 4);
	cJSON_Delete(o);
}

/* --- partials that may not be read --- */

static void
test_partial_not_allowed(void **state)
{
	static const char *const parts[] = { "x", "X", NULL };
	struct result r;

	/* an error even when not strict, at the tag, "not allowed" */
	expect_error_p("a\n {{>../x}}", "{}", parts,
	    "t.mustache:2:2: error: partial '../x' not allowed: it leads "
	    "outside");
	expect_error_p("{{<../x}}{{/../x}}", "{}", parts,
	    "t.mustache:1:1: error: parent '../x' not allowed: it leads "
	    "outside");
	expect_error_p("{{>*n}}", "{\"n\":\"../x\"}", parts,
	    "t.mustache:1:1: error: partial '../x' not allowed: it leads "
	    "outside");
	r = run("{{>x}}", "{}", parts, 1);
	assert_string_equal(r.out, "X");
	result_free(&r);
}

/* --- work: nested sections over lists end soon, with an error --- */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* {"a":[0,...,n-1],"b":[0,...,m-1]} */
static char *
lists(size_t n, size_t m)
{
	struct pv_buf b;
	size_t i;

	pv_buf_init(&b);
	pv_buf_puts(&b, "{\"a\":[");
	for (i = 0; i < n; i++)
		pv_buf_puts(&b, i ? ",0" : "0");
	pv_buf_puts(&b, "],\"b\":[");
	for (i = 0; i < m; i++)
		pv_buf_puts(&b, i ? ",0" : "0");
	pv_buf_puts(&b, "]}");
	return pv_buf_take(&b);
}

static void
test_work_limit(void **state)
{
	/* steps: 1 node + 2 lookup, n times (1 iteration + 1 node + 2
	 * lookup + n iterations), 1 node + 3 lookup + m iterations */
	const char *tpl = "{{#a}}{{#a}}{{/a}}{{/a}}{{#b}}{{/b}}";
	size_t n = 7000, m = MUSTACHE_MAX_WORK - (3 + n * (4 + n) + 4);
	char *data = lists(n, m), *fan;
	struct result r;
	double t0;

	r = run(tpl, data, NULL, 0);
	assert_null(r.diag);
	assert_string_equal(r.out, "");	/* exactly the limit */
	result_free(&r);
	free(data);
	data = lists(n, m + 1);
	expect_error_p(tpl, data, NULL, "t.mustache:1:25: error: rendering "
	    "takes more than 50000000 steps (MUSTACHE_MAX_WORK); do "
	    "sections over lists nest inside each other?");
	free(data);

	/* five sections deep over 1 000 items: 10^15 steps, no output */
	data = lists(1000, 0);
	fan = pv_xasprintf("line 1\n%s%s", "{{#a}}{{#a}}{{#a}}\n"
	    "{{#a}}{{#a}}", "{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}");
	t0 = now();
	expect_error_p(fan, data, NULL, "t.mustache:3:7: error: rendering "
	    "takes more than 50000000 steps (MUSTACHE_MAX_WORK); do "
	    "sections over lists nest inside each other?");
	/* A guard against a hang, not a speed target (that is
	 * bench/mustache/fanout.sh): about 0.3 s, without the limit years. */
	if (now() - t0 > 60.0)
		fail_msg("fan-out took %.2f s", now() - t0);
	free(fan);
	free(data);
}

/* --- every other limit, just at it and just over it --- */

static void
test_template_size_limit(void **state)
{
	char *s = pv_xmalloc(MUSTACHE_MAX_TEMPLATE + 1);
	struct mustache_template *t;
	struct pv_diags d;

	memset(s, 'x', MUSTACHE_MAX_TEMPLATE + 1);
	pv_diags_init(&d);
	t = mustache_compile("t.mustache", s, MUSTACHE_MAX_TEMPLATE, &d);
	assert_non_null(t);
	mustache_free(t);
	assert_null(mustache_compile("t.mustache", s,
	    MUSTACHE_MAX_TEMPLATE + 1, &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].msg, "template is larger than 8 MiB "
	    "(MUSTACHE_MAX_TEMPLATE)");
	pv_diags_free(&d);
	free(s);
}

static void
test_delimiter_limit(void **state)
{
	expect("{{=<<<<<<<<<<<<<<<< >>>>>>>>>>>>>>>>=}}"
	    "<<<<<<<<<<<<<<<<a>>>>>>>>>>>>>>>>", "{\"a\":1}", "1");
	expect_error("{{=<<<<<<<<<<<<<<<<< >>=}}",
	    "t.mustache:1:1: error: delimiter longer than 16 bytes "
	    "(MUSTACHE_MAX_DELIM)");
	expect_error("{{=<< >>>>>>>>>>>>>>>>>=}}",
	    "t.mustache:1:1: error: delimiter longer than 16 bytes "
	    "(MUSTACHE_MAX_DELIM)");
}

/* A chain of partials p1 .. pN; pK holds `open`, {{>pK+1}}, `close`,
 * the last one `last_open` x `last_close`. */
static char **
chain(int n, const char *open, const char *close, const char *lopen,
    const char *lclose)
{
	char **v = pv_xcalloc(2 * (size_t)n + 1, sizeof(*v));
	int k;

	for (k = 1; k <= n; k++) {
		v[2 * k - 2] = pv_xasprintf("p%d", k);
		if (k < n)
			v[2 * k - 1] = pv_xasprintf("%s{{>p%d}}%s", open,
			    k + 1, close);
		else
			v[2 * k - 1] = pv_xasprintf("%sx%s", lopen, lclose);
	}
	return v;
}

static void
chain_free(char **v)
{
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static void
test_depth_limit(void **state)
{
	char **v;

	/* the template and 64 partials inside each other */
	v = chain(64, "", "", "", "");
	expect_p("{{>p1}}", "{}", (const char *const *)v, "x");
	chain_free(v);
	v = chain(65, "", "", "", "");
	expect_error_prefix("{{>p1}}", "{}", (const char *const *)v,
	    "p64.mustache:1:1: error: partials nested deeper than 64 "
	    "(MUSTACHE_MAX_DEPTH): t.mustache → p1.mustache");
	chain_free(v);
}

static void
test_context_limit_exact(void **state)
{
	char *o100 = repeat("{{#c}}", 100), *c100 = repeat("{{/c}}", 100);
	char *o11 = repeat("{{#c}}", 11), *c11 = repeat("{{/c}}", 11);
	char *o12 = repeat("{{#c}}", 12), *c12 = repeat("{{/c}}", 12);
	char **v;

	/* the root and 511 values pushed: the stack is full */
	v = chain(6, o100, c100, o11, c11);
	expect_p("{{>p1}}", "{\"c\":true}", (const char *const *)v, "x");
	chain_free(v);
	v = chain(6, o100, c100, o12, c12);
	expect_error_p("{{>p1}}", "{\"c\":true}", (const char *const *)v,
	    "p6.mustache:1:67: error: more than 512 values on the context "
	    "stack (MUSTACHE_MAX_CONTEXT)");
	chain_free(v);
	free(o100), free(c100), free(o11), free(c11), free(o12), free(c12);
}

static void
test_recursion_limit_exact(void **state)
{
	char *o100 = repeat("{{^z}}", 100), *c100 = repeat("{{/z}}", 100);
	char *o27 = repeat("{{^z}}", 27), *c27 = repeat("{{/z}}", 27);
	char *o28 = repeat("{{^z}}", 28), *c28 = repeat("{{/z}}", 28);
	char **v;

	/* 21 expansions and 2 027 inverted sections: 2 048 levels */
	v = chain(21, o100, c100, o27, c27);
	expect_p("{{>p1}}", "{}", (const char *const *)v, "x");
	chain_free(v);
	v = chain(21, o100, c100, o28, c28);
	expect_error_p("{{>p1}}", "{}", (const char *const *)v,
	    "p21.mustache:1:163: error: rendering nests deeper than 2048 "
	    "steps (MUSTACHE_MAX_RECURSION)");
	chain_free(v);
	free(o100), free(c100), free(o27), free(c27), free(o28), free(c28);
}

static void
test_output_limit(void **state)
{
	char *mib = repeat("x", 1024 * 1024);
	char *tpl = repeat("{{>m}}", MUSTACHE_MAX_OUTPUT / (1024 * 1024));
	char *over = pv_xasprintf("%s{{>y}}", tpl);
	const char *parts[] = { "m", mib, "y", "y", NULL };
	struct result r;

	r = run(tpl, "{}", parts, 0);
	assert_int_equal(r.st, PV_OK);
	assert_int_equal(strlen(r.out), MUSTACHE_MAX_OUTPUT);
	result_free(&r);
	expect_error_p(over, "{}", parts, "y.mustache:1:1: error: output "
	    "larger than 64 MiB (MUSTACHE_MAX_OUTPUT); do partials expand "
	    "each other over and over?");
	free(mib);
	free(tpl);
	free(over);
}

/* Big templates compile and render in linear time: a million tags on
 * one line, and a million standalone lines. */
static void
test_big_templates_linear(void **state)
{
	char *s;
	struct result r;
	double t0 = now();

	s = repeat("{{a}}", 1000 * 1000);
	r = run(s, "{\"a\":\"b\"}", NULL, 0);
	assert_int_equal(r.st, PV_OK);
	assert_int_equal(strlen(r.out), 1000 * 1000);
	result_free(&r);
	free(s);
	s = repeat("{{! x }}\n", 900 * 1000);
	r = run(s, "{}", NULL, 0);
	assert_int_equal(r.st, PV_OK);
	assert_string_equal(r.out, "");
	result_free(&r);
	free(s);
	if (now() - t0 > 10.0)	/* about 0.2 s */
		fail_msg("big templates took %.2f s", now() - t0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interpolation),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dotted_names),
		cmocka_unit_test(test_implicit_iterator),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_inverted),
		cmocka_unit_test(test_standalone),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_delimiters_and_partials),
		cmocka_unit_test(test_partials),
		cmocka_unit_test(test_partial_indentation),
		cmocka_unit_test(test_missing_partial),
		cmocka_unit_test(test_inheritance),
		cmocka_unit_test(test_inheritance_whitespace),
		cmocka_unit_test(test_dynamic_names),
		cmocka_unit_test(test_compile_once),
		cmocka_unit_test(test_failure_keeps_output),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_error_in_partial),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_self_including_partial),
		cmocka_unit_test(test_context_limit),
		cmocka_unit_test(test_recursion_limit),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_indentation_depth),
		cmocka_unit_test(test_nul_in_tag),
		cmocka_unit_test(test_partial_not_allowed),
		cmocka_unit_test(test_work_limit),
		cmocka_unit_test(test_template_size_limit),
		cmocka_unit_test(test_delimiter_limit),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_context_limit_exact),
		cmocka_unit_test(test_recursion_limit_exact),
		cmocka_unit_test(test_output_limit),
		cmocka_unit_test(test_big_templates_linear),
	};

	return cmocka_run_group_tests_name("mustache", tests, NULL, NULL);
}
