/*
 * test_json.c: json.c's contract: where each value and key is (line and
 * column in characters, after a byte-order mark), what the scan reports
 * in bytes cJSON would take, and the cap on what one file adds.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guidescreen.h"
#include "json.h"
#include "report.h"

/* Parse the NUL-terminated text s into d; the report is rep. */
static cJSON *
parse(struct json_doc *d, struct report_sink *out, struct load_report *rep,
    const char *s)
{
	memset(d, 0, sizeof *d);
	memset(out, 0, sizeof *out);
	memset(rep, 0, sizeof *rep);
	out->rep = rep;
	return json_parse(d, s, strlen(s), out);
}

/* Assert that v (its key: key) is at line:col. */
static void
check_place(
    const struct json_doc *d, const cJSON *v, int key, int line, int col)
{
	int l, c;

	json_place(d, v, key, &l, &c);
	ck_assert_msg(l == line && c == col, "%s at %d:%d, want %d:%d",
	    key ? "key" : "value", l, c, line, col);
}

START_TEST(places_of_values_and_keys)
{
	static const char text[] = "{\n"
				   "  \"k\xc3\xa9\": \"\xc3\xa9\",\n"
				   "  \"a\": [1, {\"b\": true}]\n"
				   "}\n";
	struct json_doc d;
	struct report_sink out;
	struct load_report rep;
	const cJSON *root = parse(&d, &out, &rep, text), *v, *b;

	ck_assert_ptr_nonnull(root);
	ck_assert_uint_eq(rep.ndiags, 0);
	check_place(&d, root, 0, 1, 1);
	/* columns count characters: "é" is one */
	v = cJSON_GetObjectItemCaseSensitive(root, "k\xc3\xa9");
	check_place(&d, v, 1, 2, 3);
	check_place(&d, v, 0, 2, 9);
	v = cJSON_GetObjectItemCaseSensitive(root, "a");
	check_place(&d, cJSON_GetArrayItem(v, 0), 0, 3, 9);
	b = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(v, 1), "b");
	check_place(&d, b, 1, 3, 13);
	check_place(&d, b, 0, 3, 18);
	/* a value of no tree of d has no place */
	check_place(&d, NULL, 0, 0, 0);
	json_doc_free(&d);
	ck_assert_ptr_null(d.root);
	load_report_free(&rep);
}
END_TEST

/* A byte-order mark is skipped, and not counted as a column. */
START_TEST(byte_order_mark_not_counted)
{
	struct json_doc d;
	struct report_sink out;
	struct load_report rep;
	const cJSON *root = parse(&d, &out, &rep, "\xef\xbb\xbf{\"a\": 1}");

	ck_assert_ptr_nonnull(root);
	check_place(&d, cJSON_GetObjectItemCaseSensitive(root, "a"), 0, 1, 7);
	json_doc_free(&d);
	load_report_free(&rep);
}
END_TEST

/* cJSON would keep a raw ESC in a string: the scan reports it, where it
 * is, and says the bytes were bad. */
START_TEST(raw_control_reported_at_its_place)
{
	struct json_doc d;
	struct report_sink out;
	struct load_report rep;
	char *line;

	parse(&d, &out, &rep, "{\"a\":\n \"x\x1b[2J\"}");
	ck_assert_int_eq(d.raw_bad, 1);
	ck_assert_uint_eq(out.nerrors, 1);
	ck_assert_uint_eq(rep.ndiags, 1);
	rep.file = strdup("f.json");
	line = load_diag_format(&rep, 0);
	ck_assert_str_eq(
	    line, "f.json:2:4: control character U+001B (ESC) is not allowed");
	free(line);
	json_doc_free(&d);
	load_report_free(&rep);
}
END_TEST

/* A syntax error says where and most likely why; no tree. */
START_TEST(syntax_error_where_and_why)
{
	struct json_doc d;
	struct report_sink out;
	struct load_report rep;

	ck_assert_ptr_null(parse(&d, &out, &rep, "{\"a\": [1, 2,]\n}"));
	ck_assert_uint_eq(rep.ndiags, 1);
	ck_assert_int_eq(rep.diags[0].line, 1);
	ck_assert_int_eq(rep.diags[0].col, 13);
	ck_assert_ptr_nonnull(strstr(rep.diags[0].msg, "remove the comma"));
	json_doc_free(&d);
	load_report_free(&rep);
}
END_TEST

/* Where a key should start, the error is at what is there, not one past
 * it (cJSON's offset there is one byte further). */
START_TEST(syntax_error_where_a_key_should_be)
{
	static const struct {
		const char *text;
		int col;
		const char *says;
	} cases[] = {
		{ "{\"a\": 1, }\n", 10, "unexpected '}' after a comma" },
		{ "{\"a\": 1, }", 10, "unexpected '}' after a comma" },
		{ "{'a': 1}", 2, "JSON strings use double quotes" },
		{ "{\"a\": 1, x}", 10, "unexpected 'x'" },
		{ "[1, {]", 6, "unexpected ']'" },
		/* in an array cJSON points at the right place already */
		{ "[1, 2,]", 7, "unexpected ']' after a comma" },
		{ "[1,x]", 4, "unexpected 'x'" },
	};
	struct json_doc d;
	struct report_sink out;
	struct load_report rep;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_ptr_null(parse(&d, &out, &rep, cases[i].text));
		ck_assert_uint_eq(rep.ndiags, 1);
		ck_assert_msg(
		    rep.diags[0].line == 1 &&
			rep.diags[0].col == cases[i].col &&
			strstr(rep.diags[0].msg, cases[i].says) != NULL,
		    "%s: %d:%d: %s, want 1:%d: %s", cases[i].text,
		    rep.diags[0].line, rep.diags[0].col, rep.diags[0].msg,
		    cases[i].col, cases[i].says);
		json_doc_free(&d);
		load_report_free(&rep);
	}
}
END_TEST

/* One file of bad bytes keeps REPORT_MAX_KEPT errors and one line that
 * says so, counts them all, and stops before the parse. */
START_TEST(errors_capped_and_counted)
{
	char text[3 * 150 + 8];
	struct json_doc d;
	struct report_sink out;
	struct load_report rep;
	size_t i;

	text[0] = '"';
	for (i = 0; i < 150; i++)
		memcpy(text + 1 + 3 * i, "\xff\x20\x20", 3);
	strcpy(text + 1 + 3 * 150, "\"");
	ck_assert_ptr_null(parse(&d, &out, &rep, text));
	ck_assert_uint_eq(out.nerrors, 150);
	ck_assert_uint_eq(rep.ndiags, REPORT_MAX_KEPT + 1);
	ck_assert_ptr_nonnull(
	    strstr(rep.diags[REPORT_MAX_KEPT].msg, "too many errors"));
	json_doc_free(&d);
	load_report_free(&rep);
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("json");

	tcase_add_test(tc, places_of_values_and_keys);
	tcase_add_test(tc, byte_order_mark_not_counted);
	tcase_add_test(tc, raw_control_reported_at_its_place);
	tcase_add_test(tc, syntax_error_where_and_why);
	tcase_add_test(tc, syntax_error_where_a_key_should_be);
	tcase_add_test(tc, errors_capped_and_counted);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(json_suite());
}
