/*
 * test_load.c: the loader and validator, fixture by fixture.
 *
 * Every fixture in tests/data (SAFESTEPS_TESTDATA) breaks one rule of
 * safesteps-content(5); each test loads one and compares every message
 * the loader reports, in order, with the exact lines that "safesteps
 * --check" prints (without "safesteps: ").  The files that are too big or
 * not regular files are made in a temporary directory.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "load.h"
#include "scratch.h"
#include "tmpdir.h"
#include "xmalloc.h"

static const char *
datadir(void)
{
	const char *d = getenv("SAFESTEPS_TESTDATA");

	return d != NULL && *d != '\0' ? d : "tests/data";
}

static char *
fixture(const char *name)
{
	size_t n = strlen(datadir()) + strlen(name) + 2;
	char *p = malloc(n);

	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", datadir(), name);
	return p;
}

/* Every message of rep, one a line, for failure messages. */
static char *
all_lines(const struct load_report *rep)
{
	size_t i, len = 1;
	char *out = calloc(1, 1), *line;

	for (i = 0; i < rep->ndiags; i++) {
		line = load_diag_format(rep, i);
		len += strlen(line) + 3;
		out = realloc(out, len);
		strcat(out, "\n  ");
		strcat(out, line);
		free(line);
	}
	return out;
}

/*
 * Check that rep holds exactly the lines want (NULL-terminated), each
 * the file name followed by the given text, in order.
 */
static void
check_lines(
    const struct load_report *rep, const char *file, const char *const *want)
{
	size_t n, i, warnings = 0;
	char *got, *all, expect[4096];

	for (n = 0; want[n] != NULL; n++)
		if (strstr(want[n], ": warning: ") != NULL)
			warnings++;
	all = all_lines(rep);
	ck_assert_msg(rep->ndiags == n, "%s: %zu messages, want %zu:%s", file,
	    rep->ndiags, n, all);
	for (i = 0; i < n; i++) {
		got = load_diag_format(rep, i);
		snprintf(expect, sizeof expect, "%s%s", file, want[i]);
		ck_assert_msg(strcmp(got, expect) == 0,
		    "message %zu:\n  got  %s\n  want %s\nall:%s", i, got,
		    expect, all);
		free(got);
	}
	ck_assert_uint_eq(rep->nwarnings, warnings);
	ck_assert_uint_eq(rep->nerrors, n - warnings);
	free(all);
}

/*
 * Load fixture name and check its messages.  ok: whether a guide must
 * come back (only warnings) or not (an error).
 */
static void
expect(const char *name, int ok, const char *const *want)
{
	struct load_report rep = { 0 };
	struct guide *g;
	char *path = fixture(name);

	g = load_file(path, &rep);
	ck_assert_str_eq(rep.file, path);
	check_lines(&rep, path, want);
	if (ok)
		ck_assert_msg(g != NULL, "%s: no guide", name);
	else
		ck_assert_msg(g == NULL, "%s: a guide despite errors", name);
	guide_free(g);
	load_report_free(&rep);
	free(path);
}

#define LINES(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NONE ((const char *const[]){ NULL })

/* The valid file, and the model made from it. */

static size_t
find(const struct guide *g, const char *id)
{
	size_t i = guide_screen_find(g, id);

	ck_assert_msg(i != (size_t)-1, "no screen %s", id);
	return i;
}

START_TEST(valid_file_loads)
{
	struct load_report rep = { 0 };
	struct guide *g;
	char *path = fixture("valid.json");
	const struct guide_screen *s;
	size_t i;

	g = load_file(path, &rep);
	check_lines(&rep, path, NONE);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(g->format, 1);
	ck_assert_str_eq(g->lang, "en");
	ck_assert_str_eq(g->lang_name, "English");
	ck_assert_str_eq(g->region, "Canada");
	ck_assert_str_eq(g->crisis_short, "988 · 1-800-668-6868 · 911");
	ck_assert_uint_eq(g->nscreens, 9);
	ck_assert_uint_eq(g->nresources, 3);
	ck_assert_uint_eq(g->nsources, 3);
	ck_assert_uint_eq(g->npeople, 0);
	for (i = 0; i < GUIDE_UI_COUNT; i++)
		ck_assert_msg(g->ui[i] != NULL && *g->ui[i] != '\0',
		    "ui.%s empty", guide_ui_key((enum guide_ui)i));
	ck_assert_str_eq(g->ui[GUIDE_UI_STEP_OF], "Step {n} of {total}");

	ck_assert_uint_eq(g->start, find(g, "start"));
	ck_assert_uint_eq(g->help, find(g, "help"));
	ck_assert_int_eq(g->screens[g->help].kind, GUIDE_KIND_HELP);
	ck_assert_int_eq(g->screens[find(g, "plan")].kind, GUIDE_KIND_PLAN);
	ck_assert_int_eq(g->screens[find(g, "adult")].audience, GUIDE_ADULT);

	/* The start screen: a paragraph, a list, three choices. */
	s = &g->screens[g->start];
	ck_assert_str_eq(
	    s->title, "Someone online is threatening you? You're not alone.");
	ck_assert_int_eq(s->audience, GUIDE_YOUTH);
	ck_assert_int_eq(s->kind, GUIDE_KIND_TEXT);
	ck_assert_int_eq(s->step, 0);
	ck_assert_uint_eq(s->nbody, 2);
	ck_assert_str_eq(s->body[0].text, "It is not your fault.");
	ck_assert_ptr_null(s->body[0].items);
	ck_assert_ptr_null(s->body[1].text);
	ck_assert_uint_eq(s->body[1].nitems, 2);
	ck_assert_str_eq(s->body[1].items[1], "There is help.");
	ck_assert_uint_eq(s->nchoices, 3);
	ck_assert_str_eq(s->choices[0].label, "Show me what to do now");
	ck_assert_uint_eq(s->choices[0].target, find(g, "step-1"));
	ck_assert_uint_eq(s->choices[1].target, find(g, "adult"));
	ck_assert_uint_eq(s->choices[2].target, find(g, "plan"));
	ck_assert_uint_eq(s->nresources, 1);
	ck_assert_str_eq(g->resources[s->resources[0]].id, "khp");
	ck_assert_uint_eq(s->nsources, 1);
	ck_assert_str_eq(g->sources[s->sources[0]].id, "alert");

	/* The steps, in order, each on its screen. */
	for (i = 0; i < GUIDE_STEPS; i++) {
		char id[16];

		snprintf(id, sizeof id, "step-%zu", i + 1);
		ck_assert_int_eq(g->steps[i].number, (int)i + 1);
		ck_assert_uint_eq(g->steps[i].screen, find(g, id));
		ck_assert_int_eq(
		    g->screens[g->steps[i].screen].step, (int)i + 1);
	}
	ck_assert_str_eq(g->steps[0].title, "Stop contact");
	ck_assert_str_eq(g->steps[4].title, "Save evidence");

	s = &g->screens[find(g, "step-1")];
	ck_assert_uint_eq(s->ntodos, 1);
	ck_assert_str_eq(s->todos[0].id, "stop-reply");
	ck_assert_str_eq(s->todos[0].text, "Stop replying to them.");

	/* Optional fields are NULL when absent; sources are resolved. */
	ck_assert_str_eq(g->resources[0].web, "kidshelpphone.ca");
	ck_assert_str_eq(g->resources[0].text, "Text CONNECT to 686868");
	ck_assert_ptr_null(g->resources[1].web);
	ck_assert_ptr_null(g->resources[2].hours);
	ck_assert_uint_eq(g->resources[2].nsources, 1);
	ck_assert_str_eq(g->sources[g->resources[2].sources[0]].id, "cybertip");
	ck_assert_str_eq(g->sources[0].checked, "2026-11-30");
	ck_assert_str_eq(g->sources[0].url,
	    "alert-ab.ca/public-knowledge/child-exploitation/");

	guide_free(g);
	load_report_free(&rep);
	free(path);
}
END_TEST

START_TEST(buffer_loads_like_file)
{
	struct load_report rep = { 0 };
	struct guide *g;
	const char *bad = "{\n  \"format\": 1,\n  \"format\": 1\n}";

	g = load_buffer("built-in en", bad, strlen(bad), &rep);
	ck_assert_ptr_null(g);
	ck_assert_str_eq(rep.file, "built-in en");
	ck_assert_uint_ge(rep.ndiags, 1);
	{
		char *line = load_diag_format(&rep, 0);

		ck_assert_str_eq(
		    line, "built-in en:3:3: key \"format\" given twice");
		free(line);
	}
	load_report_free(&rep);

	/* Not NUL-terminated: only len bytes count. */
	g = load_buffer("x", "{}garbage", 2, &rep);
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(rep.ndiags, 11); /* the 11 missing keys */
	load_report_free(&rep);
}
END_TEST

/*
 * A file written before an optional UI string existed (valid.json with
 * qr_taller taken out) still loads: one warning, and the English default
 * is shown.
 */
START_TEST(older_ui_loads)
{
	static const char key[] = " \"qr_taller\": ";
	struct load_report rep = { 0 };
	struct guide *g;
	char *path = fixture("valid.json"), *buf = scratch_read(path, NULL);
	char *at, *end;

	/* the pair and its comma, on qr_too_small's line */
	at = strstr(buf, key);
	ck_assert_ptr_nonnull(at);
	end = strchr(strchr(at + sizeof key - 1, '"') + 1, '"') + 2;
	memmove(at, end, strlen(end) + 1);
	/* in English the default is what the file would have said */
	g = load_buffer("older.json", buf, strlen(buf), &rep);
	check_lines(&rep, "older.json", NONE);
	ck_assert_ptr_nonnull(g);
	ck_assert_str_eq(
	    g->ui[GUIDE_UI_QR_TALLER], guide_ui_default(GUIDE_UI_QR_TALLER));
	guide_free(g);
	load_report_free(&rep);
	/* in another language the English shown is worth a warning */
	at = strstr(buf, "\"code\": \"en\"");
	ck_assert_ptr_nonnull(at);
	memcpy(at + 9, "de", 2);
	g = load_buffer("older.json", buf, strlen(buf), &rep);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(rep.nerrors, 0);
	{
		int found = 0;

		for (size_t i = 0; i < rep.ndiags; i++) {
			char *line = load_diag_format(&rep, i);

			found |=
			    strstr(line, "ui.qr_taller: warning: missing; the "
					 "English default \"Make the window "
					 "taller to show the code.\" is "
					 "shown") != NULL;
			free(line);
		}
		ck_assert_msg(found, "no warning about qr_taller in German");
	}
	guide_free(g);
	load_report_free(&rep);
	free(buf);
	free(path);
}
END_TEST

START_TEST(bom_is_skipped)
{
	expect("bom-utf8.json", 1, NONE);
}
END_TEST

START_TEST(guide_free_null)
{
	guide_free(NULL);
	load_report_free(NULL);
}
END_TEST

START_TEST(guide_helpers)
{
	char *s;

	ck_assert_str_eq(guide_ui_key(GUIDE_UI_HINT_NEXT), "hint_next");
	ck_assert_str_eq(guide_ui_key(GUIDE_UI_KEY_CLICK), "key_click");
	ck_assert_ptr_null(guide_ui_key(GUIDE_UI_COUNT));
	ck_assert_uint_eq(guide_screen_find(NULL, "x"), (size_t)-1);

	s = guide_format("Step {n} of {total}", "n", "2");
	ck_assert_str_eq(s, "Step 2 of {total}");
	free(s);
	s = guide_format("{n}/{n} {total}", "{n}", "10");
	ck_assert_str_eq(s, "10/10 {total}");
	free(s);
	s = guide_format("Checked {date}.", "date", "2026-11-30");
	ck_assert_str_eq(s, "Checked 2026-11-30.");
	free(s);
	s = guide_format("no placeholder", "n", "1");
	ck_assert_str_eq(s, "no placeholder");
	free(s);
}
END_TEST

START_TEST(report_format)
{
	struct load_report rep = { 0 };
	char *s;

	rep.file = strdup("f.json");
	load_report_add(&rep, 0, &(struct load_place){ .line = 3, .col = 7 },
	    "bad %s", "thing");
	load_report_add(&rep, 1,
	    &(struct load_place){
		.screen = "help", .path = "screens[2].title" },
	    "hard to read");
	load_report_add(&rep, 0, NULL, "not a regular file");
	load_report_add(&rep, 0,
	    &(struct load_place){ .file = "other.json",
		.line = 304,
		.col = 7,
		.screen = "help",
		.path = "screens[9].body[1]" },
	    "must not be empty");
	load_report_add(&rep, 1,
	    &(struct load_place){
		.line = 2, .col = 1, .screen = "start", .path = "screens[0]" },
	    "too hard");
	ck_assert_uint_eq(rep.nerrors, 3);
	ck_assert_uint_eq(rep.nwarnings, 2);
	s = load_diag_format(&rep, 0);
	ck_assert_str_eq(s, "f.json:3:7: bad thing");
	free(s);
	s = load_diag_format(&rep, 1);
	ck_assert_str_eq(
	    s, "f.json: screen \"help\": title: warning: hard to read");
	free(s);
	s = load_diag_format(&rep, 2);
	ck_assert_str_eq(s, "f.json: not a regular file");
	free(s);
	/* A diagnostic may name its own file (the program's messages). */
	s = load_diag_format(&rep, 3);
	ck_assert_str_eq(
	    s, "other.json:304:7: screen \"help\": body[1]: must not be empty");
	free(s);
	s = load_diag_format(&rep, 4);
	ck_assert_str_eq(s, "f.json:2:1: screen \"start\": warning: too hard");
	free(s);
	ck_assert_ptr_null(load_diag_format(&rep, 5));
	load_report_free(&rep);
	ck_assert_ptr_null(rep.diags);
	ck_assert_uint_eq(rep.ndiags, 0);
	ck_assert_ptr_null(rep.file);
}
END_TEST

/* Syntax. */

START_TEST(syntax_error_line)
{
	expect("syntax-error.json", 0,
	    LINES(":4:3: syntax error: unexpected '\"' (a missing ',' or ':' "
		  "before it?)"));
}
END_TEST

START_TEST(syntax_trailing_garbage)
{
	expect("trailing-garbage.json", 0,
	    LINES(":4:1: syntax error: text after the end of the data"));
}
END_TEST

START_TEST(syntax_trailing_comma)
{
	expect("trailing-comma.json", 0,
	    LINES(":3:18: syntax error: unexpected ']' after a comma (remove "
		  "the comma)"));
}
END_TEST

START_TEST(syntax_strings)
{
	expect("unclosed-string.json", 0,
	    LINES(":3:20: line break inside a string (a missing '\"'?)",
		":3:13: syntax error: a string that is never closed (a missing "
		"'\"')"));
	expect("bad-escape.json", 0,
	    LINES(
		":3:13: syntax error: a string with a bad escape (a backslash "
		"must be followed by \", \\, /, b, f, n, r, t or uXXXX)"));
}
END_TEST

START_TEST(syntax_end_of_file)
{
	expect("unexpected-end.json", 0,
	    LINES(":4:1: syntax error: unexpected end of file (a missing '}' "
		  "or ']'?)"));
	expect("empty.json", 0,
	    LINES(":1:1: syntax error: unexpected end of file (a missing '}' "
		  "or ']'?)"));
}
END_TEST

START_TEST(top_level_not_object)
{
	expect("not-object.json", 0,
	    LINES(":1:1: the top level must be an object, not an array"));
}
END_TEST

START_TEST(unknown_format)
{
	expect("unknown-format.json", 0,
	    LINES(":2:13: format: unknown format version 3 (this program reads "
		  "1 to 2)"));
}
END_TEST

START_TEST(deep_nesting)
{
	struct load_report rep = { 0 };
	char *buf = malloc(4002), *line;
	struct guide *g;

	memset(buf, '[', 2000);
	memset(buf + 2000, ']', 2000);
	g = load_buffer("deep", buf, 4000, &rep);
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(rep.ndiags, 1);
	line = load_diag_format(&rep, 0);
	ck_assert_msg(strstr(line, "syntax error: objects and arrays nested "
				   "more than 999 deep") != NULL,
	    "%s", line);
	free(line);
	load_report_free(&rep);
	free(buf);
}
END_TEST

/* Fields. */

START_TEST(missing_field)
{
	expect("missing-title.json", 0,
	    LINES(":115:5: screen \"step-2\": missing required key \"title\""));
	expect("ui-missing.json", 0,
	    LINES(":14:9: ui: missing required key \"hint_back\""));
	expect("resource-no-source.json", 0,
	    LINES(":296:5: resources[2]: missing required key \"sources\""));
}
END_TEST

START_TEST(wrong_type)
{
	expect("wrong-type.json", 0,
	    LINES(":95:15: screen \"step-1\": step: must be a whole number, "
		  "not a string"));
	expect("audience.json", 0,
	    LINES(":231:19: screen \"adult\": audience: must be \"youth\" or "
		  "\"adult\""));
}
END_TEST

START_TEST(empty_text)
{
	expect("empty-text.json", 0,
	    LINES(":59:16: screen \"start\": title: must not be empty"));
}
END_TEST

/* Text that shows nothing is refused like empty text. */
START_TEST(invisible_text)
{
	expect("invisible.json", 0,
	    LINES(":9:13: crisis.line: shows nothing: only invisible "
		  "characters, such as U+2060",
		":62:9: screen \"start\": body[0]: shows nothing: only "
		"invisible characters, such as U+200E",
		":66:13: screen \"start\": body[1].list[1]: must not be empty",
		":72:20: screen \"start\": choices[0].label: shows nothing: "
		"only invisible characters, such as U+0301"));
}
END_TEST

/* Bidi controls reorder what the terminal shows: refused, raw or
 * escaped, anywhere. */
START_TEST(bidi_controls)
{
	expect("bidi.json", 0,
	    LINES(":62:32: bidi control U+202E is not allowed: it reorders the "
		  "text around it (written \\u202e)",
		":66:23: bidi control U+2066 is not allowed: it reorders the "
		"text around it",
		":66:28: bidi control U+2069 is not allowed: it reorders the "
		"text around it"));
}
END_TEST

START_TEST(duplicate_key)
{
	expect("duplicate-key.json", 0,
	    LINES(":60:7: screen \"start\": key \"title\" given twice"));
}
END_TEST

START_TEST(bad_values)
{
	expect("web-scheme.json", 0,
	    LINES(":275:14: resources[0].web: give the address without "
		  "\"https://\" or \"http://\""));
	expect("checked-date.json", 0,
	    LINES(":315:18: sources[0].checked: must be a date written "
		  "YYYY-MM-DD, YYYY-MM or YYYY"));
	expect("language-code.json", 0,
	    LINES(":4:13: language.code: must be a language code of 2 or 3 "
		  "lowercase letters, such as \"en\""));
	expect("bad-id.json", 0,
	    LINES(":73:17: screen \"start\": choices[0].to: must be an id: 1 "
		  "to 64 characters of a-z, 0-9 and \"-\""));
}
END_TEST

/* A body block can say in which modes it is shown. */
START_TEST(block_on)
{
	struct load_report rep = { 0 };
	char *path = fixture("block-on.json");
	struct guide *g = load_file(path, &rep);
	const struct guide_screen *sc;

	ck_assert_msg(g != NULL, "block-on.json does not load");
	ck_assert_uint_eq(rep.ndiags, 0);
	sc = &g->screens[g->start];
	ck_assert_uint_eq(sc->nbody, 4);
	ck_assert_uint_eq(sc->body[0].on, GUIDE_ON_ALL);
	ck_assert_str_eq(sc->body[1].text, "Press Esc to leave quickly.");
	ck_assert_uint_eq(sc->body[1].on, GUIDE_ON_SCREEN);
	ck_assert_ptr_null(sc->body[2].text);
	ck_assert_uint_eq(sc->body[2].nitems, 1);
	ck_assert_uint_eq(sc->body[2].on, GUIDE_ON_PLAIN | GUIDE_ON_PAPER);
	ck_assert_uint_eq(sc->body[3].on, GUIDE_ON_ALL);
	guide_free(g);
	load_report_free(&rep);
	free(path);
	expect("block-on-bad.json", 0,
	    LINES(":63:67: screen \"start\": body[1].on[1]: must be one of "
		  "\"screen\", \"plain\" or \"paper\"",
		":64:9: screen \"start\": body[2]: must have either \"text\" "
		"or \"list\"",
		":65:37: screen \"start\": body[3].on: must name at least one "
		"of \"screen\", \"plain\", \"paper\""));
}
END_TEST

START_TEST(unknown_placeholder_warns)
{
	expect("ui-placeholder.json", 1,
	    LINES(":21:16: ui.step_of: warning: unknown placeholder \"{totl}\" "
		  "(the program fills in {n}, {total} and {date})"));
}
END_TEST

START_TEST(unknown_key_suggests)
{
	expect("unknown-key.json", 1,
	    LINES(":60:7: screen \"start\": warning: unknown key \"tittle\" "
		  "(did you mean \"title\"?)"));
}
END_TEST

/* Bytes. */

START_TEST(invalid_utf8)
{
	expect(
	    "invalid-utf8.json", 0, LINES(":62:30: invalid UTF-8 (byte E9)"));
	/* Overlong, surrogate, over U+10FFFF, truncated. */
	expect("overlong.json", 0,
	    LINES(":93:22: invalid UTF-8 (bytes C0 AF)",
		":93:32: invalid UTF-8 (bytes ED A0 80)",
		":93:34: invalid UTF-8 (bytes F4 90 80 80)",
		":93:36: invalid UTF-8 (bytes E2 82)"));
}
END_TEST

START_TEST(nul)
{
	expect("nul-escape.json", 0,
	    LINES(":93:21: control character U+0000 (NUL) is not allowed "
		  "(written \\u0000)"));
	expect("nul-raw.json", 0,
	    LINES(":93:21: control character U+0000 (NUL) is not allowed"));
}
END_TEST

START_TEST(escape_sequences)
{
	expect("esc-raw.json", 0,
	    LINES(":93:22: control character U+001B (ESC) is not allowed"));
	expect("esc-escape.json", 0,
	    LINES(":93:22: control character U+001B (ESC) is not allowed "
		  "(written \\u001b)"));
	expect("csi-raw.json", 0,
	    LINES(":93:22: control character U+009B (CSI) is not allowed"));
	expect("csi-escape.json", 0,
	    LINES(":93:22: control character U+009B (CSI) is not allowed "
		  "(written \\u009B)"));
	expect("newline-escape.json", 0,
	    LINES(":93:21: control character U+000A (line feed) is not allowed "
		  "(written \\n)"));
}
END_TEST

/* No message may carry a control character to the terminal either. */
START_TEST(messages_are_safe)
{
	struct load_report rep = { 0 };
	char *path = fixture("esc-in-key.json"), *line;
	const unsigned char *p;
	struct guide *g;
	size_t i;
	int found = 0;

	g = load_file(path, &rep);
	ck_assert_ptr_null(g);
	for (i = 0; i < rep.ndiags; i++) {
		line = load_diag_format(&rep, i);
		for (p = (const unsigned char *)line; *p != '\0'; p++) {
			ck_assert_msg(*p >= 0x20 && *p != 0x7f, "%s", line);
			ck_assert_msg(
			    !(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f),
			    "%s", line);
		}
		if (strstr(line, "unknown key \"\\u001B[2Jx\"") != NULL)
			found = 1;
		free(line);
	}
	ck_assert_msg(found, "the key with ESC is not shown escaped");
	load_report_free(&rep);
	free(path);

	/* The file's name comes from outside too: a name that would
	 * retitle the window is shown escaped. */
	g = load_buffer("\033]0;x\a.json", "{", 1, &rep);
	ck_assert_ptr_null(g);
	line = load_diag_format(&rep, 0);
	ck_assert_msg(strncmp(line, "\\e]0;x\\x07.json:1:2: ", 21) == 0,
	    "the file name is not escaped: %s", line);
	free(line);
	load_report_free(&rep);
}
END_TEST

START_TEST(utf16)
{
	expect(
	    "utf16le.json", 0, LINES(": the file is UTF-16: save it as UTF-8"));
	expect(
	    "utf16be.json", 0, LINES(": the file is UTF-16: save it as UTF-8"));
	/* Without a byte-order mark: every other byte is NUL. */
	{
		struct load_report rep = { 0 };
		char *line;

		ck_assert_ptr_null(load_buffer("le", "{\0\"\0f\0", 6, &rep));
		ck_assert_uint_eq(rep.ndiags, 1);
		line = load_diag_format(&rep, 0);
		ck_assert_str_eq(
		    line, "le: the file looks like UTF-16: save it as UTF-8");
		free(line);
		load_report_free(&rep);
	}
}
END_TEST

START_TEST(text_length)
{
	expect("too-long.json", 0,
	    LINES(":62:9: screen \"start\": body[0]: text is 2001 bytes long "
		  "(the limit is 2000)"));
	/* 1000 two-byte characters: exactly the limit. */
	expect("just-long-enough.json", 1, NONE);
}
END_TEST

/* Files that are too big or not files at all. */

/* The directory of the files a test below makes (tmpdir_make). */
static char *tmpdir;

static char *
tmp_path(const char *name)
{
	size_t n = strlen(tmpdir) + strlen(name) + 2;
	char *p = malloc(n);

	snprintf(p, n, "%s/%s", tmpdir, name);
	return p;
}

/* The valid fixture padded with spaces to exactly size bytes. */
static char *
write_padded(const char *name, long size)
{
	char *src = fixture("valid.json"), *dst = tmp_path(name);
	FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
	long n = 0;
	int ch;

	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while ((ch = getc(in)) != EOF) {
		putc(ch, out);
		n++;
	}
	ck_assert_int_lt(n, size);
	for (; n < size; n++)
		putc(' ', out);
	ck_assert_int_eq(fclose(out), 0);
	fclose(in);
	free(src);
	return dst;
}

START_TEST(size_limit)
{
	struct load_report rep = { 0 };
	struct guide *g;
	char *exact, *over, *want;

	tmpdir = tmpdir_make("test_load");
	exact = write_padded("exact.json", LOAD_MAX_BYTES);
	over = write_padded("over.json", LOAD_MAX_BYTES + 1);

	g = load_file(exact, &rep);
	ck_assert_msg(
	    g != NULL && rep.ndiags == 0, "a file of exactly 1 MiB is refused");
	guide_free(g);
	load_report_free(&rep);

	g = load_file(over, &rep);
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(rep.ndiags, 1);
	want = load_diag_format(&rep, 0);
	ck_assert_msg(strstr(want, ": the file is larger than 1 MiB "
				   "(1048577 bytes)") != NULL,
	    "%s", want);
	free(want);
	load_report_free(&rep);

	/* The same limit for a buffer. */
	{
		char *big = calloc(LOAD_MAX_BYTES + 1, 1);

		memset(big, ' ', LOAD_MAX_BYTES + 1);
		g = load_buffer("big", big, LOAD_MAX_BYTES + 1, &rep);
		ck_assert_ptr_null(g);
		ck_assert_uint_eq(rep.ndiags, 1);
		want = load_diag_format(&rep, 0);
		ck_assert_str_eq(
		    want, "big: the file is larger than 1 MiB (1048577 bytes)");
		free(want);
		load_report_free(&rep);
		free(big);
	}

	tmpdir_remove(tmpdir);
	free(tmpdir);
	free(exact);
	free(over);
}
END_TEST

/* Load path and check its one message and the time it took. */
static void
expect_refused(const char *path, const char *msg)
{
	struct load_report rep = { 0 };
	struct timespec t0, t1;
	struct guide *g;
	char *line, want[512];
	double secs;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	g = load_file(path, &rep);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(rep.ndiags, 1);
	line = load_diag_format(&rep, 0);
	snprintf(want, sizeof want, "%s: %s", path, msg);
	ck_assert_str_eq(line, want);
	ck_assert_msg(secs < 1.0, "%s took %.2f s", path, secs);
	free(line);
	load_report_free(&rep);
}

START_TEST(not_regular_files)
{
	char *fifo;

	expect_refused(datadir(), "not a regular file");
	expect_refused("/dev/zero", "not a regular file");
	expect_refused("/dev/null", "not a regular file");

	/* A FIFO with no writer: opening it must not wait for one. */
	tmpdir = tmpdir_make("test_load");
	fifo = tmp_path("fifo.json");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	expect_refused(fifo, "not a regular file");
	tmpdir_remove(tmpdir);
	free(tmpdir);
	free(fifo);

	expect_refused("/nonexistent/en.json", "No such file or directory");
}
END_TEST

/* References and the whole. */

START_TEST(choice_to_unknown_screen)
{
	expect("choice-unknown.json", 0,
	    LINES(":73:17: screen \"start\": choices[0].to: no screen has the "
		  "id \"step-9\""));
}
END_TEST

START_TEST(duplicate_screen)
{
	expect("duplicate-screen.json", 0,
	    LINES(":229:13: screens[8].id: screen id \"plan\" is already used "
		  "by screens[6]"));
	expect("todo-twice.json", 0,
	    LINES(":192:17: screen \"step-5\": todo[0].id: to-do id "
		  "\"stop-reply\" is already used by screens[1].todo[0] with "
		  "other words (one id is one item: the same words on every "
		  "screen that lists it)"));
	/* The same item, in the same words, on two screens: one tick. */
	expect("todo-shared.json", 1, NONE);
}
END_TEST

START_TEST(unreachable_screen_warns)
{
	struct load_report rep = { 0 };
	struct guide *g;
	char *path = fixture("unreachable.json");

	expect("unreachable.json", 1,
	    LINES(":242:5: screen \"orphan\": warning: cannot be reached from "
		  "the start screen"));
	g = load_file(path, &rep);
	ck_assert_ptr_nonnull(g);
	ck_assert_uint_eq(g->nscreens, 10);
	ck_assert_uint_eq(rep.nerrors, 0);
	guide_free(g);
	load_report_free(&rep);
	free(path);
}
END_TEST

START_TEST(steps_in_order)
{
	expect("steps-order.json", 0,
	    LINES(":250:17: steps[1].number: must be 2 (the steps are numbered "
		  "1 to 5, in order)",
		":255:17: steps[2].number: must be 3 (the steps are numbered 1 "
		"to 5, in order)"));
	expect("steps-four.json", 0,
	    LINES(":243:12: steps: must list exactly 5 steps, not 4"));
	expect("step-mismatch.json", 0,
	    LINES(":165:15: screen \"step-4\": step: step 5 is screen "
		  "\"step-5\" in the steps table, not this one"));
}
END_TEST

START_TEST(undefined_references)
{
	expect("resource-undefined.json", 0,
	    LINES(":86:9: screen \"start\": resources[1]: no resource has the "
		  "id \"kids-help\""));
	expect("source-undefined.json", 0,
	    LINES(":281:9: resources[0].sources[0]: no source has the id "
		  "\"khp-web\""));
}
END_TEST

START_TEST(kinds)
{
	expect("help-kind.json", 0,
	    LINES(
		":13:11: help: screen \"help\" must have \"kind\": \"help\""));
	expect("kind-twice.json", 0,
	    LINES(":241:15: screen \"adult\": kind: only one screen may have "
		  "kind \"plan\" (screens[6] has it already)"));
}
END_TEST

START_TEST(every_problem_reported)
{
	expect("many-errors.json", 0,
	    LINES(":1:1: missing required key \"region\"",
		":80:17: screen \"start\": choices[2].to: no screen has the id "
		"\"plans\"",
		":106:20: screen \"step-1\": choices[0].label: must not be "
		"empty",
		":265:16: steps[4].title: must be a string, not a number",
		":299:14: resources[2].web: give the address without "
		"\"https://\" or \"http://\"",
		":318:7: sources[1]: warning: unknown key \"titel\" (did you "
		"mean \"title\"?)",
		":331:18: sources[2].checked: must be a date written "
		"YYYY-MM-DD, YYYY-MM or YYYY"));
}
END_TEST

/* Hundreds of problems: the first 100 and a last line. */
START_TEST(too_many_problems)
{
	struct load_report rep = { 0 };
	char buf[8192], *line;
	struct guide *g;
	size_t n = 0;
	int i;

	n += (size_t)snprintf(buf + n, sizeof buf - n, "{");
	for (i = 0; i < 150; i++)
		n += (size_t)snprintf(
		    buf + n, sizeof buf - n, "\"k%d\": 0, ", i);
	n += (size_t)snprintf(buf + n, sizeof buf - n, "\"format\": 1}");
	g = load_buffer("many", buf, n, &rep);
	ck_assert_ptr_null(g); /* the required keys are missing too */
	ck_assert_uint_eq(rep.nerrors, 10);
	/* 100 warnings, the line that says so, then every error. */
	ck_assert_uint_eq(rep.ndiags, 111);
	ck_assert_uint_eq(rep.nwarnings, 101);
	line = load_diag_format(&rep, 100);
	ck_assert_str_eq(line,
	    "many: warning: too many warnings: only the first 100 are shown");
	free(line);
	line = load_diag_format(&rep, 101);
	ck_assert_str_eq(line, "many:1:1: missing required key \"language\"");
	free(line);
	load_report_free(&rep);

	/* A binary file: 100 errors and the line that says so. */
	memset(buf, 0x1b, 300);
	g = load_buffer("binary", buf, 300, &rep);
	ck_assert_ptr_null(g);
	ck_assert_uint_eq(rep.ndiags, 101);
	ck_assert_uint_eq(rep.nerrors, 101);
	line = load_diag_format(&rep, 100);
	ck_assert_str_eq(
	    line, "binary: too many errors: only the first 100 are shown");
	free(line);
	load_report_free(&rep);
}
END_TEST

/* Site files. */

/* A fixture loaded with a site file applied (site NULL: none); it must
 * load without a problem. */
static struct guide *
load_with(const char *name, const char *site_name)
{
	struct load_report rep = { 0 };
	char *path = fixture(name), *site_path = NULL;
	struct load_site *site = NULL;
	struct guide *g;

	if (site_name != NULL) {
		site_path = fixture(site_name);
		site = load_site_read(site_path, &rep);
		ck_assert_msg(site != NULL, "%s does not load", site_name);
		check_lines(&rep, site_path, NONE);
		load_report_free(&rep);
	}
	g = load_file_with(path, &(struct load_opts){ site, NULL }, &rep);
	check_lines(&rep, path, NONE);
	ck_assert_ptr_nonnull(g);
	load_report_free(&rep);
	load_site_free(site);
	free(site_path);
	free(path);
	return g;
}

/* Whether screen id of g has a paragraph text. */
static int
has_para(const struct guide *g, const char *id, const char *text)
{
	const struct guide_screen *s = &g->screens[find(g, id)];

	for (size_t i = 0; i < s->nbody; i++)
		if (s->body[i].text != NULL &&
		    strcmp(s->body[i].text, text) == 0)
			return 1;
	return 0;
}

START_TEST(site_applies)
{
	struct guide *g = load_with("valid.json", "site-valid.json");

	ck_assert_uint_eq(g->npeople, 2);
	ck_assert_str_eq(g->people[0].name, "Ms. Chen, counsellor");
	ck_assert_str_eq(g->people[1].details, "Main office");
	ck_assert_str_eq(
	    g->crisis, "Childline 0800 1111 · 999 if you are in danger");
	ck_assert_str_eq(g->crisis_short, "0800 1111 · 999");
	/* A format 1 site sets no region: nothing is left out. */
	ck_assert_str_eq(g->region, "Canada");
	ck_assert_uint_eq(g->nresources, 3);
	guide_free(g);

	/* Another language's part leaves the crisis line alone. */
	g = load_with("valid-fr.json", "site-valid.json");
	ck_assert_uint_eq(g->npeople, 1);
	ck_assert_str_eq(g->people[0].name, "Mme Chen, conseillère");
	ck_assert_str_eq(g->crisis_short, "988 · 1-800-668-6868 · 911");
	guide_free(g);
}
END_TEST

/* Without a site, the file's own numbers fill its placeholders, and
 * nothing bound to a region is left out. */
START_TEST(placeholders_without_site)
{
	struct guide *g = load_with("regional.json", NULL);
	const struct guide_screen *s = &g->screens[g->start];

	ck_assert_int_eq(g->format, 2);
	ck_assert_str_eq(g->emergency, "911");
	ck_assert_str_eq(g->crisis_call, "988");
	ck_assert(
	    has_para(g, "help", "If you are in danger right now, call 911."));
	ck_assert(has_para(g, "help",
	    "You can call or text 988. It is Canada's crisis helpline."));
	ck_assert(
	    has_para(g, "adult", "If they are at risk, call 988 together."));
	ck_assert_str_eq(
	    g->screens[g->help].choices[0].label, "Numbers for Canada");
	ck_assert_uint_eq(g->screens[g->help].nchoices, 2);
	ck_assert_str_eq(s->body[1].items[1], "There is help in Canada.");
	ck_assert_uint_eq(s->nchoices, 4);
	ck_assert_uint_eq(g->screens[find(g, "step-1")].ntodos, 2);
	ck_assert_uint_eq(g->nscreens, 10);
	ck_assert_uint_eq(g->nresources, 3);
	ck_assert_uint_eq(g->nsources, 3);
	guide_free(g);
}
END_TEST

/*
 * A site for another region: its numbers fill the placeholders; what is
 * marked for Canada (a list item, a paragraph, a choice, a to-do item, a
 * screen and the choice to it), the content's resources and the sources
 * nothing cites any more are left out; the site's resource comes first on
 * the help screen.
 */
START_TEST(site_for_another_region)
{
	struct guide *g = load_with("regional.json", "site2-valid.json");
	const struct guide_screen *s = &g->screens[g->start];
	const struct guide_screen *help = &g->screens[g->help];
	size_t i;

	ck_assert_str_eq(g->region, "United Kingdom");
	ck_assert_str_eq(g->emergency, "999");
	ck_assert_str_eq(g->crisis_short, "0800 1111 · 999");
	ck_assert(
	    has_para(g, "help", "If you are in danger right now, call 999."));
	ck_assert_uint_eq(help->nbody, 2);
	ck_assert(has_para(
	    g, "adult", "If they are at risk, call 0800 1111 together."));
	ck_assert_uint_eq(help->nchoices, 1);
	ck_assert_str_eq(help->choices[0].label, "Numbers for United Kingdom");
	ck_assert_uint_eq(s->body[1].nitems, 1);
	ck_assert_uint_eq(s->nchoices, 3);
	ck_assert_uint_eq(g->screens[find(g, "step-1")].ntodos, 1);
	ck_assert_uint_eq(g->nscreens, 9);
	ck_assert_uint_eq(guide_screen_find(g, "elsewhere"), (size_t)-1);
	/* Indices still right after the screen went. */
	ck_assert_str_eq(g->screens[g->help].id, "help");
	for (i = 0; i < GUIDE_STEPS; i++)
		ck_assert_int_eq(
		    g->screens[g->steps[i].screen].step, (int)i + 1);
	ck_assert_str_eq(g->screens[s->choices[1].target].id, "adult");
	/* Only the site's resource, on the help screen. */
	ck_assert_uint_eq(g->nresources, 1);
	ck_assert_str_eq(g->resources[0].name, "Childline");
	ck_assert_uint_eq(help->nresources, 1);
	ck_assert_uint_eq(help->resources[0], 0);
	for (i = 0; i < g->nscreens; i++)
		if (i != g->help)
			ck_assert_uint_eq(g->screens[i].nresources, 0);
	/* alert and cybertip are cited by screens; khp only by resources
	 * that are gone. */
	ck_assert_uint_eq(g->nsources, 3);
	ck_assert_str_eq(g->sources[0].id, "alert");
	ck_assert_str_eq(g->sources[1].id, "cybertip");
	ck_assert_str_eq(g->sources[2].id, "childline");
	ck_assert_str_eq(
	    g->sources[g->resources[0].sources[0]].id, "childline");
	ck_assert_str_eq(
	    g->sources[g->screens[find(g, "step-3")].sources[1]].id,
	    "cybertip");
	ck_assert_uint_eq(g->npeople, 1);
	guide_free(g);
}
END_TEST

/*
 * A site in the same country (Alberta): its resources come first on the
 * help screen and join the others; nothing is left out.  A site that
 * gives a crisis line without its numbers: the sentences that would need
 * them are left out, never shown with the content's numbers.
 */
START_TEST(site_in_the_same_region)
{
	struct guide *g = load_with("regional-fr.json", "site2-alberta.json");
	const struct guide_screen *help = &g->screens[g->help];

	ck_assert_str_eq(g->region, "Canada");
	ck_assert_uint_eq(g->nresources, 4);
	ck_assert_str_eq(g->resources[3].name, "Ligne de la province");
	ck_assert_str_eq(g->resources[3].region, "Alberta");
	ck_assert_str_eq(
	    g->sources[g->resources[3].sources[0]].url, "alberta.ca");
	ck_assert_uint_eq(help->nresources, 3);
	ck_assert_uint_eq(help->resources[0], 3);
	ck_assert_uint_eq(g->nscreens, 10);
	ck_assert_uint_eq(g->nsources, 4);
	guide_free(g);

	g = load_with("regional.json", "site-valid.json");
	ck_assert_str_eq(g->crisis_short, "0800 1111 · 999");
	ck_assert_ptr_null(g->crisis_call);
	ck_assert(
	    !has_para(g, "adult", "If they are at risk, call 988 together."));
	ck_assert_uint_eq(g->screens[find(g, "adult")].nbody, 1);
	ck_assert(
	    has_para(g, "help", "If you are in danger right now, call 911."));
	ck_assert_uint_eq(g->screens[g->help].nbody, 2);
	guide_free(g);
}
END_TEST

/* The new fields' rules: values for the placeholders used, names the
 * program knows, no mark on a screen that is shown everywhere. */
START_TEST(placeholder_and_region_errors)
{
	expect("regional-bad.json", 0,
	    LINES(":60:16: screen \"start\": title: warning: {emergency} is "
		  "shown as it is: placeholders are filled only in paragraphs, "
		  "list items, to-do items and choices",
		":233:9: screen \"help\": body[1]: {emergency} has no value: "
		"give \"emergency\" in this file",
		":234:19: screen \"help\": body[2].text: {crisis.text} has no "
		"value: give \"crisis.text\" in this file",
		":238:64: screen \"help\": choices[1].region: must not be "
		"empty",
		":269:9: screen \"adult\": body[1]: warning: unknown "
		"placeholder \"{crisis.number}\" (the program fills in "
		"{emergency}, {crisis.call}, {crisis.text} and {region})",
		":61:17: screen \"start\": region: the start, help and step "
		"screens are shown everywhere: they cannot be bound to a "
		"region"));
}
END_TEST

/*
 * The fixture name, copied with the first find replaced by replace, loads
 * to a guide with the lines want.
 */
static void
expect_edited(const char *name, const char *find, const char *replace,
    const char *const *want)
{
	char *dir = scratch_dir(), *from = fixture(name), *path;
	struct load_report rep = { 0 };
	struct guide *g;

	path = scratch_edit(dir, name, from, find, replace);
	g = load_file(path, &rep);
	ck_assert_ptr_nonnull(g);
	check_lines(&rep, path, want);
	guide_free(g);
	load_report_free(&rep);
	free(path);
	free(from);
	scratch_remove(dir);
}

/* A placeholder in text the program shows as it is (a resource's
 * purpose, a site's details) is a warning, not a silent "{crisis.call}"
 * on the screen. */
START_TEST(placeholder_outside_sentences)
{
	expect_edited("valid.json", "\"Call or text when you feel unsafe.\"",
	    "\"Call or text {crisis.call} when you feel unsafe.\"",
	    LINES(":287:18: resources[1].purpose: warning: {crisis.call} is "
		  "shown as it is: placeholders are filled only in "
		  "paragraphs, list items, to-do items and choices"));
}
END_TEST

/* A mark for another region than the file's is shown wherever no site
 * sets another: as if it were true in all of the file's region. */
START_TEST(mark_for_another_region)
{
	expect_edited("regional.json",
	    "\"There is help in Canada.\", \"region\": \"Canada\"",
	    "\"There is help in Canada.\", \"region\": \"Alberta\"",
	    LINES(":69:61: screen \"start\": body[1].list[1].region: "
		  "warning: \"Alberta\" is not this file's region "
		  "\"Canada\": without a site for another region it is shown "
		  "to every reader, as if it were true in all of \"Canada\""));
}
END_TEST

START_TEST(site_errors)
{
	struct load_report rep = { 0 };
	char *path = fixture("site-bad.json");

	ck_assert_ptr_null(load_site_read(path, &rep));
	check_lines(&rep, path,
	    LINES(":4:5: languages: \"EN\" is not a language code of 2 or 3 "
		  "lowercase letters",
		":6:7: languages.en: warning: unknown key \"peeple\" (did you "
		"mean \"people\"?)",
		":10:17: languages.en.crisis: missing required key \"short\"",
		":8:19: languages.en.people[0].name: must not be empty",
		":8:9: languages.en.people[0]: missing required key "
		"\"details\""));
	load_report_free(&rep);

	free(path);
	path = fixture("site-twice.json");
	ck_assert_ptr_null(load_site_read(path, &rep));
	check_lines(
	    &rep, path, LINES(":6:5: languages: key \"fr\" given twice"));
	load_report_free(&rep);

	free(path);
	path = fixture("site2-bad.json");
	ck_assert_ptr_null(load_site_read(path, &rep));
	check_lines(&rep, path,
	    LINES(":18:17: languages.en.resources[1].id: resource id "
		  "\"childline\" is already used by resources[0]",
		":7:19: languages.en.people[0].name: must not be empty",
		":10:9: languages.en.resources[0]: missing required key "
		"\"sources\"",
		":22:23: languages.en.resources[1].sources[0]: no source has "
		"the id \"nowhere\"",
		":26:9: languages.en.sources[0]: missing required key \"url\"",
		":31:22: languages.en.sources[0].checked: must be a date "
		"written YYYY-MM-DD, YYYY-MM or YYYY",
		":4:11: languages.en: a site that sets \"region\" must give "
		"\"emergency\" and \"crisis\" too, or the guide would show "
		"the content's numbers"));
	load_report_free(&rep);

	ck_assert_ptr_null(load_site_read(datadir(), &rep));
	ck_assert_uint_eq(rep.nerrors, 1);
	load_report_free(&rep);
	free(path);
}
END_TEST

/* The bundled content. */

START_TEST(bundled_content_is_clean)
{
	const char *dir = cli_content_dir();
	struct dirent *e;
	DIR *d;
	int n = 0;

	d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name), plen;
		struct load_report rep = { 0 };
		struct guide *g;
		char *path, *all;

		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		plen = strlen(dir) + len + 2;
		path = malloc(plen);
		snprintf(path, plen, "%s/%s", dir, e->d_name);
		g = load_file(path, &rep);
		all = all_lines(&rep);
		ck_assert_msg(g != NULL && rep.ndiags == 0, "%s:%s", path, all);
		ck_assert_uint_eq(g->nscreens > 0, 1);
		/* The file is named after its language. */
		ck_assert_int_eq(strncmp(e->d_name, g->lang, len - 5), 0);
		free(all);
		guide_free(g);
		load_report_free(&rep);
		free(path);
		n++;
	}
	closedir(d);
	ck_assert_msg(n > 0, "no content file (*.json) in %s", dir);
}
END_TEST

static Suite *
load_suite(void)
{
	Suite *s = suite_create("load");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, valid_file_loads);
	tcase_add_test(tc, buffer_loads_like_file);
	tcase_add_test(tc, bom_is_skipped);
	tcase_add_test(tc, older_ui_loads);
	tcase_add_test(tc, guide_free_null);
	tcase_add_test(tc, guide_helpers);
	tcase_add_test(tc, report_format);
	tcase_add_test(tc, syntax_error_line);
	tcase_add_test(tc, syntax_trailing_garbage);
	tcase_add_test(tc, syntax_trailing_comma);
	tcase_add_test(tc, syntax_strings);
	tcase_add_test(tc, syntax_end_of_file);
	tcase_add_test(tc, top_level_not_object);
	tcase_add_test(tc, unknown_format);
	tcase_add_test(tc, deep_nesting);
	tcase_add_test(tc, missing_field);
	tcase_add_test(tc, wrong_type);
	tcase_add_test(tc, empty_text);
	tcase_add_test(tc, invisible_text);
	tcase_add_test(tc, bidi_controls);
	tcase_add_test(tc, duplicate_key);
	tcase_add_test(tc, bad_values);
	tcase_add_test(tc, unknown_key_suggests);
	tcase_add_test(tc, block_on);
	tcase_add_test(tc, unknown_placeholder_warns);
	tcase_add_test(tc, invalid_utf8);
	tcase_add_test(tc, nul);
	tcase_add_test(tc, escape_sequences);
	tcase_add_test(tc, messages_are_safe);
	tcase_add_test(tc, utf16);
	tcase_add_test(tc, text_length);
	tcase_add_test(tc, size_limit);
	tcase_add_test(tc, not_regular_files);
	tcase_add_test(tc, choice_to_unknown_screen);
	tcase_add_test(tc, duplicate_screen);
	tcase_add_test(tc, unreachable_screen_warns);
	tcase_add_test(tc, steps_in_order);
	tcase_add_test(tc, undefined_references);
	tcase_add_test(tc, kinds);
	tcase_add_test(tc, every_problem_reported);
	tcase_add_test(tc, too_many_problems);
	tcase_add_test(tc, site_applies);
	tcase_add_test(tc, placeholders_without_site);
	tcase_add_test(tc, site_for_another_region);
	tcase_add_test(tc, site_in_the_same_region);
	tcase_add_test(tc, placeholder_and_region_errors);
	tcase_add_test(tc, placeholder_outside_sentences);
	tcase_add_test(tc, mark_for_another_region);
	tcase_add_test(tc, site_errors);
	tcase_add_test(tc, bundled_content_is_clean);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(load_suite());
}
