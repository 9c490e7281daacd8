/*
 * test_layout.c: display widths and wrapping (src/layout.h).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "guidescreen.h"
#include "layout.h"

/* The wrapped lines of s joined with "|", for easy comparison. */
static char *
wrapped(const char *s, int width)
{
	struct layout_line *l;
	size_t n = layout_wrap(s, width, &l), i, len = 0;
	char *r = malloc(strlen(s) + n + 1);

	for (i = 0; i < n; i++) {
		if (i > 0)
			r[len++] = '|';
		memcpy(r + len, s + l[i].off, l[i].len);
		len += l[i].len;
	}
	r[len] = '\0';
	free(l);
	return r;
}

#define ck_wrap(s, width, expect)                   \
	do {                                        \
		char *got_ = wrapped((s), (width)); \
		ck_assert_str_eq(got_, (expect));   \
		free(got_);                         \
	} while (0)

START_TEST(test_width)
{
	ck_assert_int_eq(layout_width("", 0), 0);
	ck_assert_int_eq(layout_width("abc", 3), 3);
	/* precomposed and combining accents are one column each */
	ck_assert_int_eq(layout_width("\xc3\xa9t\xc3\xa9", 5), 3);
	ck_assert_int_eq(layout_width("e\xcc\x81t\xc3\xa9", 6), 3);
	/* CJK: two columns each */
	ck_assert_int_eq(layout_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);
	/* the bullet and circles the view uses are one column */
	ck_assert_int_eq(
	    layout_width("\xe2\x80\xa2\xe2\x97\x8f\xe2\x97\x8b", 9), 3);
}
END_TEST

START_TEST(test_wrap_words)
{
	ck_wrap("hello world", 5, "hello|world");
	ck_wrap("hello world", 11, "hello world");
	ck_wrap("hello world", 80, "hello world");
	ck_wrap("one two three four", 9, "one two|three|four");
	/* a line may fill the width exactly; the space after it goes */
	ck_wrap("hello world foo", 11, "hello world|foo");
	ck_wrap("hello   world", 5, "hello|world");
	ck_wrap("a b c d", 3, "a b|c d");
	ck_wrap("", 10, "");
}
END_TEST

START_TEST(test_wrap_french)
{
	/* "Tu n'es pas seul : parle." with a no-break space before ":" */
	const char *s = "Tu n\xe2\x80\x99"
			"es pas seul\xc2\xa0: parle.";
	struct layout_line *l;
	size_t n, i;

	/* at 14 columns the break cannot fall before the colon */
	ck_wrap(s, 14,
	    "Tu n\xe2\x80\x99"
	    "es pas|seul\xc2\xa0: parle.");
	n = layout_wrap("D\xc3\xa9j\xc3\xa0 \xc3\xa9t\xc3\xa9 "
			"d\xc3\xa9sol\xc3\xa9",
	    6, &l);
	ck_assert_uint_eq(n, 3);
	/* widths are counted in columns, not bytes */
	ck_assert_int_eq(l[0].width, 4); /* Déjà */
	ck_assert_int_eq(l[1].width, 3); /* été */
	ck_assert_int_eq(l[2].width, 6); /* désolé */
	for (i = 0; i < n; i++)
		ck_assert_int_le(l[i].width, 6);
	free(l);
}
END_TEST

START_TEST(test_wrap_long_word)
{
	ck_wrap("abcdefghij", 4, "abcd|efgh|ij");
	ck_wrap("see abcdefghijklmnop now", 10, "see|abcdefghij|klmnop now");
	ck_wrap("ab", 1, "a|b");
	ck_wrap("ab cd", 2, "ab|cd");
	/* combining marks stay with their base */
	ck_wrap("e\xcc\x81"
		"e\xcc\x81"
		"e\xcc\x81",
	    2,
	    "e\xcc\x81"
	    "e\xcc\x81|e\xcc\x81");
}
END_TEST

START_TEST(test_wrap_wide)
{
	struct layout_line *l;
	size_t n, i;
	/* 日本語のテキスト: eight wide characters */
	const char *s = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
			"\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88";

	n = layout_wrap(s, 5, &l);
	ck_assert_uint_eq(n, 4);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(l[i].width, 4);
		ck_assert_uint_eq(l[i].len, 6);
	}
	free(l);
	/* one column cannot hold a wide character: it gets a line alone */
	n = layout_wrap("\xe6\x97\xa5\xe6\x9c\xac", 1, &l);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(l[0].len, 3);
	ck_assert_uint_eq(l[1].off, 3);
	free(l);
}
END_TEST

/* Every line of every width is whole UTF-8 and never starts with a mark. */
START_TEST(test_wrap_never_splits)
{
	const char *texts[] = {
		("Ne paie pas. Ce n\xe2\x80\x99"
		 "est pas ta faute. \xc3\x89"
		 "cris au 988."),
		("na\xc3\xafve cafe\xcc\x81 \xe6\x97\xa5\xe6\x9c\xac "
		 "x\xcc\x81\xcc\x82y end"),
		"https://kidshelpphone.ca/get-info/sextortion-what-to-do",
	};
	size_t t;
	int width;

	for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		for (width = 1; width <= 30; width++) {
			struct layout_line *l;
			size_t n = layout_wrap(texts[t], width, &l), i;

			for (i = 0; i < n; i++) {
				const uint8_t *p =
				    (const uint8_t *)texts[t] + l[i].off;
				ucs4_t uc;

				ck_assert_ptr_null(u8_check(p, l[i].len));
				ck_assert_int_eq(
				    layout_width(texts[t] + l[i].off, l[i].len),
				    l[i].width);
				if (l[i].len == 0)
					continue;
				u8_mbtouc(&uc, p, l[i].len);
				ck_assert(uc < 0x300 || uc > 0x36f);
				if (width >= 2)
					ck_assert_int_le(l[i].width, width);
			}
			free(l);
		}
	}
}
END_TEST

/* An address is not broken at its hyphens or slashes (each piece would
 * look like a whole address); only cut when longer than the line. */
START_TEST(test_wrap_addresses)
{
	/* UAX #14 alone breaks after a hyphen: the control */
	ck_wrap("read about sextortion-information-campaign today", 30,
	    "read about sextortion-|information-campaign today");
	ck_wrap("see rcmp.ca/en/what-to-do-sextortion today", 34,
	    "see|rcmp.ca/en/what-to-do-sextortion|today");
	ck_wrap("go to protectchildren.ca/en/sextortion-campaign now", 44,
	    "go to|protectchildren.ca/en/sextortion-campaign|now");
	ck_wrap("Web: cybertip.ca/en/report-it", 26,
	    "Web:|cybertip.ca/en/report-it");
	ck_wrap("write to help-me@example.org-team soon", 26,
	    "write to|help-me@example.org-team|soon");
	/* longer than the line: cut after a slash, never at a hyphen */
	ck_wrap("a rcmp.ca/en/what-to-do", 10, "a|rcmp.ca/|en/|what-to-do");
	ck_wrap("protectchildren.ca/en/press-and-media/news-releases/2024/"
		"sextortion-information-campaign",
	    70,
	    "protectchildren.ca/en/press-and-media/news-releases/2024/|"
	    "sextortion-information-campaign");
	/* and with no slash where it must be cut, hard, as any long word */
	ck_wrap("sextortion-information.example.org", 20,
	    "sextortion-informati|on.example.org");
	/* a full stop is not an address: sentences wrap as before */
	ck_wrap(
	    "stop-and-think. well-being.", 16, "stop-and-think.|well-being.");
	ck_wrap("a well-being check", 10, "a well-|being|check");
}
END_TEST

START_TEST(test_fit)
{
	char *s;

	s = layout_fit("hello world", 20, "\xe2\x80\xa6");
	ck_assert_str_eq(s, "hello world");
	free(s);
	s = layout_fit("hello world", 8, "\xe2\x80\xa6");
	ck_assert_str_eq(s, "hello w\xe2\x80\xa6");
	free(s);
	s = layout_fit("hello world", 7, "\xe2\x80\xa6");
	ck_assert_str_eq(s, "hello\xe2\x80\xa6");
	free(s);
	s = layout_fit("\xc3\xa9t\xc3\xa9 ici", 3, NULL);
	ck_assert_str_eq(s, "\xc3\xa9t\xc3\xa9");
	free(s);
	s = layout_fit("\xe6\x97\xa5\xe6\x9c\xac", 3, NULL);
	ck_assert_str_eq(s, "\xe6\x97\xa5");
	free(s);
	s = layout_fit("abc", 0, "...");
	ck_assert_str_eq(s, "");
	free(s);
	/* a combining mark stays with its letter */
	s = layout_fit("e\xcc\x81x", 1, NULL);
	ck_assert_str_eq(s, "e\xcc\x81");
	free(s);
}
END_TEST

static Suite *
layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_wrap_words);
	tcase_add_test(tc, test_wrap_french);
	tcase_add_test(tc, test_wrap_long_word);
	tcase_add_test(tc, test_wrap_wide);
	tcase_add_test(tc, test_wrap_never_splits);
	tcase_add_test(tc, test_wrap_addresses);
	tcase_add_test(tc, test_fit);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(layout_suite());
}
