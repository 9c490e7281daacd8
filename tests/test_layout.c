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

/* The no-break spaces of French typography, as UTF-8. */
#define NBSP "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf" /* U+202F NARROW NO-BREAK SPACE */
#define LAQUO "\xc2\xab"     /* « */
#define RAQUO "\xc2\xbb"     /* » */

/* Whether s (n bytes) starts, or ends, with the UTF-8 bytes of c. */
static int
starts(const char *s, size_t n, const char *c)
{
	return n >= strlen(c) && memcmp(s, c, strlen(c)) == 0;
}

static int
ends(const char *s, size_t n, const char *c)
{
	return n >= strlen(c) && memcmp(s + n - strlen(c), c, strlen(c)) == 0;
}

/*
 * Whether line i of a wrapped text (s, len bytes) shows a break at the
 * no-break space b: it starts with ":", "»" or b, or ends with "«" or b.
 */
static int
cut_at_glue(const char *s, size_t len, size_t i, const char *b)
{
	if (i > 0 &&
	    (starts(s, len, ":") || starts(s, len, RAQUO) || starts(s, len, b)))
		return 1;
	return ends(s, len, LAQUO) || ends(s, len, b);
}

/* form with every "_" replaced by b (a no-break space); caller frees. */
static char *
spaced(const char *form, const char *b)
{
	char *r = malloc(strlen(form) * strlen(b) + 1), *q = r;

	for (; *form != '\0'; form++)
		if (*form == '_') {
			memcpy(q, b, strlen(b));
			q += strlen(b);
		} else
			*q++ = *form;
	*q = '\0';
	return r;
}

/* The widest run of s between ordinary spaces: what no-break spaces glue. */
static int
widest_glued(const char *s)
{
	const char *p = s, *q;
	int w, most = 0;

	for (;;) {
		q = strchr(p, ' ');
		w = layout_width(p, q != NULL ? (size_t)(q - p) : strlen(p));
		if (w > most)
			most = w;
		if (q == NULL)
			return most;
		p = q + 1;
	}
}

/*
 * French puts a no-break space before ":" and inside « »; the line is
 * never broken at one: a colon, a closing guillemet or the space itself
 * never starts a line, an opening guillemet never ends one.  Both no-break
 * spaces are glue (UAX #14 class GL), at every width that holds the words
 * they glue; a group wider than the line is cut like any long word.
 */
START_TEST(test_wrap_no_break_spaces)
{
	static const char *const spaces[] = { NBSP, NNBSP };
	static const char *const forms[] = {
		"Tu peux commencer par_: " LAQUO "_Quelqu\xe2\x80\x99un en "
		"ligne me menace. J\xe2\x80\x99"
		"ai besoin d\xe2\x80\x99"
		"aide._" RAQUO,
		"Appelle ou texte le 988 \xc2\xb7 En danger_: 911 \xc2\xb7 "
		"Dis " LAQUO "_oui_" RAQUO " et pars_: q",
		"Signale " LAQUO "_Cyberaide.ca_" RAQUO "_: cyberaide.ca",
	};
	size_t sp, f, i;
	int width;

	/* The control: with ordinary spaces the break falls at them. */
	ck_wrap(
	    "Il dit " LAQUO " oui " RAQUO, 12, "Il dit " LAQUO " oui|" RAQUO);
	ck_wrap(
	    "Il dit " LAQUO " oui " RAQUO, 8, "Il dit " LAQUO "|oui " RAQUO);
	ck_wrap("Il dit " LAQUO NBSP "oui" NBSP RAQUO, 12,
	    "Il dit|" LAQUO NBSP "oui" NBSP RAQUO);
	ck_wrap("Il dit " LAQUO NNBSP "oui" NNBSP RAQUO, 8,
	    "Il dit|" LAQUO NNBSP "oui" NNBSP RAQUO);
	ck_wrap("Dis" NBSP ": " LAQUO NBSP "Aide-moi." NBSP RAQUO, 14,
	    "Dis" NBSP ":|" LAQUO NBSP "Aide-moi." NBSP RAQUO);

	for (sp = 0; sp < sizeof spaces / sizeof *spaces; sp++)
		for (f = 0; f < sizeof forms / sizeof *forms; f++) {
			const char *b = spaces[sp];
			char *text = spaced(forms[f], b);

			for (width = widest_glued(text); width <= 80; width++) {
				struct layout_line *l;
				size_t n = layout_wrap(text, width, &l);

				for (i = 0; i < n; i++) {
					const char *s = text + l[i].off;
					size_t len = l[i].len;

					ck_assert_msg(
					    !cut_at_glue(s, len, i, b),
					    "width %d, line %zu breaks at a "
					    "no-break space: \"%.*s\"",
					    width, i, (int)len, s);
					ck_assert_int_le(l[i].width, width);
				}
				free(l);
			}
			free(text);
		}
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

/* A short word after a hyphen stays with the word before it ("Parles-en"
 * is one word), and a short number with the word before it ("(step 5)",
 * "call 911"): at no width does a line end before it. */
START_TEST(test_wrap_keeps_short_words)
{
	static const char *const texts[] = {
		"Tu peux en parler. Parles-en \xc3\xa0 un adulte, dis-moi.",
		"Save it first (step 5) before you block them, or call 911.",
	};
	static const char *const glued[] = { "Parles-en", "dis-moi.",
		"(step 5)", "call 911." };

	/* every glued word is in a text, or its case checks nothing */
	for (size_t g = 0; g < 4; g++)
		ck_assert_msg(strstr(texts[0], glued[g]) != NULL ||
				  strstr(texts[1], glued[g]) != NULL,
		    "\"%s\" is in neither text", glued[g]);
	for (size_t t = 0; t < 2; t++)
		for (int width = 10; width <= 60; width++) {
			struct layout_line *l;
			size_t n = layout_wrap(texts[t], width, &l);

			for (size_t i = 0; i < n; i++) {
				const char *line = texts[t] + l[i].off;

				for (size_t g = 0; g < 4; g++) {
					const char *at =
					    strstr(texts[t], glued[g]);

					if (at == NULL)
						continue;
					/* the glued words start on a line
					 * and end on the same one */
					ck_assert_msg(
					    !(at >= line &&
						at < line + l[i].len &&
						at + strlen(glued[g]) >
						    line + l[i].len + 1),
					    "width %d: \"%s\" split: \"%.*s\"",
					    width, glued[g], (int)l[i].len,
					    line);
				}
			}
			free(l);
		}
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
	tcase_add_test(tc, test_wrap_no_break_spaces);
	tcase_add_test(tc, test_wrap_long_word);
	tcase_add_test(tc, test_wrap_wide);
	tcase_add_test(tc, test_wrap_never_splits);
	tcase_add_test(tc, test_wrap_keeps_short_words);
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
