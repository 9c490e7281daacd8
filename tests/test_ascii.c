/*
 * test_ascii.c: UTF-8 folded to ASCII for a locale that is not UTF-8.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "guidescreen.h"

/* Fold s and compare with want. */
static void
check_fold(const char *s, const char *want)
{
	char *got = ascii_fold(s);

	ck_assert_msg(strcmp(got, want) == 0,
	    "fold(\"%s\"): got \"%s\", want \"%s\"", s, got, want);
	free(got);
}

START_TEST(accents_dropped)
{
	check_fold("Jeunesse, J'écoute", "Jeunesse, J'ecoute");
	check_fold("Jeunesse, J’écoute", "Jeunesse, J'ecoute");
	check_fold("Étape 2 sur 5", "Etape 2 sur 5");
	check_fold("à â ä ç è é ê ë î ï ô ö ù û ü ÿ ñ Å",
	    "a a a c e e e e i i o o u u u y n A");
	/* Already decomposed: e and a combining acute accent. */
	check_fold("e\xcc\x81t\xc3\xa9", "ete");
}
END_TEST

START_TEST(typography)
{
	check_fold("‘a’ ‚b‛ “c” „d” «e» ‹f›", "'a' 'b' \"c\" \"d\" \"e\" 'f'");
	check_fold("a–b—c‑d−e", "a-b-c-d-e");
	check_fold("• one · two ● three", "* one | two * three");
	check_fold("Wait…", "Wait...");
	check_fold("← → ↑ ↓", "<- -> ^ v");
	/* No-break space, narrow no-break space, thin space; French quotes
	 * lose the spaces inside them: ASCII quotes hug their words. */
	check_fold("«\xc2\xa0oui\xe2\x80\xaf»\xe2\x80\x89?", "\"oui\" ?");
	check_fold("dit : « Quelqu'un »", "dit : \"Quelqu'un\"");
	check_fold("«»  «   »", "\"\"  \"\"");
	check_fold("cœur Œuvre æ Æ Straße", "coeur OEuvre ae AE Strasse");
}
END_TEST

START_TEST(unknown_and_control)
{
	check_fold("日本", "??");
	check_fold("a\x1b[31mb", "a?[31mb");
	check_fold("tab\there\nnew", "tab\there\nnew");
	check_fold("\x7f", "?");
	/* Zero-width and soft hyphen vanish; variation selectors too. */
	check_fold("a\xe2\x80\x8b"
		   "b\xc2\xad"
		   "c\xef\xb8\x8f",
	    "abc");
	check_fold("ＡＢＣ１", "ABC1");
	check_fold("┌─┐│", "+-+|");
}
END_TEST

START_TEST(invalid_utf8)
{
	check_fold("a\xff"
		   "b",
	    "a?b");
	check_fold("\xc3", "?");
	check_fold("\xed\xa0\x80", "???"); /* a surrogate, encoded */
	check_fold("\xe2\x82", "??");
	check_fold("", "");
}
END_TEST

START_TEST(ascii_unchanged)
{
	char all[128];
	char *got;

	for (int i = 0; i < 95; i++)
		all[i] = (char)(' ' + i);
	all[95] = '\0';
	got = ascii_fold(all);
	ck_assert_str_eq(got, all);
	free(got);
}
END_TEST

START_TEST(long_text)
{
	size_t n = 100000;
	char *s = malloc(n * 2 + 1), *got;

	for (size_t i = 0; i < n; i++)
		memcpy(s + 2 * i, "é", 2);
	s[2 * n] = '\0';
	got = ascii_fold(s);
	ck_assert_uint_eq(strlen(got), n);
	ck_assert(strspn(got, "e") == n);
	free(got);
	free(s);
}
END_TEST

static Suite *
ascii_suite(void)
{
	Suite *s = suite_create("ascii");
	TCase *tc = tcase_create("fold");

	tcase_add_test(tc, accents_dropped);
	tcase_add_test(tc, typography);
	tcase_add_test(tc, unknown_and_control);
	tcase_add_test(tc, invalid_utf8);
	tcase_add_test(tc, ascii_unchanged);
	tcase_add_test(tc, long_text);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(ascii_suite());
}
