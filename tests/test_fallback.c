/*
 * test_fallback.c: content that never stops the guide (issue 14).
 *
 * A broken file costs only itself, in every mode: a bad fr.json, de.json
 * or a backup copy old.json next to a good en.json never stops the English
 * guide; a bad fr.json gives way to the built-in French copy; a language
 * with no good copy is left out of the language list; a $SAFESTEPS_CONTENT
 * that does not exist and a bad site file are skipped.  Each says so in
 * one line on stderr, and on a terminal that line waits until the screen
 * is restored.  Only a --content DIR that does not exist is an error.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "run.h"
#include "scratch.h"
#include "term.h"
#include "xmalloc.h"

static const char *const env_utf8[] = { "LANG=C.UTF-8", NULL };

/* A cut JSON file: a syntax error. */
static const char broken[] = "{ \"format\": 1, \"language\": ";

/* A directory with the English content under test in it. */
static char *
dir_with_english(void)
{
	char *dir = scratch_dir(), *from, *path;

	from = xasprintf("%s/en.json", cli_content_dir());
	path = scratch_edit(dir, "en.json", from, NULL, NULL);
	free(path);
	free(from);
	return dir;
}

/* Run the program on dir (instead of the content under test). */
static void
run_in(const char *dir, const char *const *opts, const char *const *env,
    struct run_result *r)
{
	const char *argv[16];
	size_t n = 0;

	argv[n++] = run_bin();
	argv[n++] = "--content";
	argv[n++] = dir;
	for (size_t i = 0; opts[i] != NULL && n < 15; i++)
		argv[n++] = opts[i];
	argv[n] = NULL;
	ck_assert_int_eq(
	    run_cmd(argv, env, NULL, 0, NULL, CLI_TIMEOUT_MS, r), 0);
	ck_assert_msg(r->status != -1, "did not finish in time");
}

/* The handout in English: status 0, English, and stderr exactly n lines
 * each naming what. */
static void
expect_english_handout(const struct run_result *r, size_t n, const char *what)
{
	struct guide *en = cli_guide_of("en");
	const char *title = en->screens[en->start].title;

	cli_expect_status(r, 0);
	ck_assert_msg(strncmp(r->out, title, strlen(title)) == 0,
	    "no English handout:\n%.200s", r->out);
	ck_assert_msg(cli_count(r->err, r->errlen, "\n") == n &&
			  strncmp(r->err, "safesteps: ", 11) == 0,
	    "stderr is not %zu line(s): \"%s\"", n, r->err);
	ck_assert_msg(strstr(r->err, what) != NULL,
	    "stderr does not name %s: \"%s\"", what, r->err);
	guide_free(en);
}

/* The language list of dir's content: English and French, nothing else. */
static void
expect_languages_en_fr(const char *dir)
{
	static const char *const list[] = { "--list-languages", NULL };
	struct run_result r;

	run_in(dir, list, env_utf8, &r);
	cli_expect_status(&r, 0);
	ck_assert_str_eq(r.out, "en\tEnglish\nfr\tFran\xc3\xa7"
				"ais\n");
	run_free(&r);
}

/* A bad fr.json: English as ever, French from the built-in copy. */
START_TEST(broken_french_costs_only_itself)
{
	static const char *const print[] = { "--print", "--lang", "en", NULL };
	char *dir = dir_with_english();
	char *path = scratch_write(dir, "fr.json", broken, strlen(broken));
	struct run_result r;

	run_in(dir, print, env_utf8, &r);
	expect_english_handout(&r, 1, "fr.json");
	ck_assert_msg(strstr(r.err, "using the built-in copy") != NULL,
	    "stderr does not say which copy is used: %s", r.err);
	run_free(&r);

	expect_languages_en_fr(dir);
	free(path);
	scratch_remove(dir);
}
END_TEST

/* A fr.json with three errors: the one line names the first, says how
 * many more there are and how to see them all. */
START_TEST(broken_file_says_how_many_more)
{
	static const char *const print[] = { "--print", "--lang", "en", NULL };
	char *dir = dir_with_english();
	char *from = xasprintf("%s/fr.json", cli_content_dir()), *path;
	struct run_result r;

	/* three keys given twice: three errors, one file */
	path = scratch_edit(dir, "fr.json", from, "\"format\": 2,",
	    "\"format\": 2, \"format\": 2, \"region\": \"x\", \"help\": "
	    "\"x\",");
	run_in(dir, print, env_utf8, &r);
	expect_english_handout(&r, 1, "fr.json");
	ck_assert_msg(strstr(r.err, " more: safesteps --check lists them); "
				    "using the built-in copy") != NULL,
	    "stderr does not say how many more: %s", r.err);
	run_free(&r);
	free(path);
	free(from);
	scratch_remove(dir);
}
END_TEST

/*
 * A bad de.json and a backup copy old.json (English inside): each left
 * out, with one line each; the language list has only what is good.
 */
START_TEST(broken_languages_are_left_out)
{
	static const char *const print[] = { "--print", "--lang", "en", NULL };
	char *dir = dir_with_english(), *from;
	char *de = scratch_write(dir, "de.json", broken, strlen(broken));
	char *old;
	struct run_result r;

	from = xasprintf("%s/en.json", cli_content_dir());
	old = scratch_edit(dir, "old.json", from, NULL, NULL);
	run_in(dir, print, env_utf8, &r);
	expect_english_handout(&r, 2, "de.json");
	ck_assert_msg(strstr(r.err, "old.json") != NULL &&
			  strstr(r.err, "language \"old\" is left out") != NULL,
	    "old.json is not named: %s", r.err);
	run_free(&r);

	expect_languages_en_fr(dir);
	free(from);
	free(de);
	free(old);
	scratch_remove(dir);
}
END_TEST

/* A SAFESTEPS_CONTENT that does not exist is skipped. */
START_TEST(missing_env_folder_is_skipped)
{
	static const char *const env[] = { "LANG=C.UTF-8",
		"SAFESTEPS_CONTENT=/nonexistent/safesteps", NULL };
	static const char *const print[] = { "--print", "--lang", "en", NULL };
	struct run_result r;

	cli_run(NULL, print, env, NULL, 0, NULL, &r);
	expect_english_handout(&r, 1, "/nonexistent/safesteps");
	ck_assert_msg(strstr(r.err, "SAFESTEPS_CONTENT skipped") != NULL,
	    "stderr: %s", r.err);
	run_free(&r);
}
END_TEST

/* A bad site file named with --site outside a kiosk is an error, as a
 * missing one is (test_kiosk: a kiosk skips it). */
START_TEST(bad_site_file_is_an_error)
{
	const char *testdata = getenv("SAFESTEPS_TESTDATA");
	char *site = xasprintf(
	    "%s/site-bad.json", testdata != NULL ? testdata : "tests/data");
	const char *print[] = { "--print", "--lang", "en", "--site", site,
		NULL };
	struct run_result r;

	/* asked for by name, outside a kiosk: whoever typed it is there to
	 * mend it, and the guide would show the content's numbers */
	cli_run(NULL, print, env_utf8, NULL, 0, NULL, &r);
	cli_expect_status(&r, 1);
	ck_assert_uint_eq(r.outlen, 0);
	ck_assert_msg(cli_count(r.err, r.errlen, "\n") == 1 &&
			  strstr(r.err, "site-bad.json:") != NULL &&
			  strstr(r.err, "skipped") == NULL,
	    "stderr is not one error naming the site file: %s", r.err);
	run_free(&r);
	free(site);
}
END_TEST

/* --content DIR that does not exist stays an error: status 1. */
START_TEST(missing_content_dir_is_an_error)
{
	static const char *const print[] = { "--print", NULL };
	struct run_result r;

	run_in("/nonexistent/content", print, env_utf8, &r);
	cli_expect_status(&r, 1);
	ck_assert_uint_eq(r.outlen, 0);
	ck_assert_msg(
	    strstr(r.err, "/nonexistent/content") != NULL, "stderr: %s", r.err);
	run_free(&r);
}
END_TEST

/*
 * On a terminal (stderr on the pty): an en.json whose crisis line shows
 * nothing (zero-width characters) gives way to the built-in copy, whose
 * crisis line is shown; the line about it is not drawn over the guide,
 * and is printed after the screen is restored.
 */
START_TEST(invisible_crisis_line_on_a_terminal)
{
	struct guide *en = cli_guide_of("en");
	char *dir = scratch_dir(), *from, *path, *msg;
	const unsigned char *out;
	const char *restore = "\033[?1049l";
	struct term *t;
	size_t len, at_restore = 0, at_msg = 0;
	int status;

	from = xasprintf("%s/en.json", cli_content_dir());
	path = scratch_edit(
	    dir, "en.json", from, en->crisis, "\\u2060\\u200b\\u2060");
	t = term_start(24, 80, gs_env_xterm,
	    (const char *const[]){
		run_bin(), "--content", dir, "--lang", "en", NULL });
	ck_assert_ptr_nonnull(t);
	gs_wait_screen(t, en, "start");
	gs_expect_crisis(t, en);
	ck_assert_msg(!term_output_has(t, "safesteps:", 10),
	    "a message was drawn over the guide:\n%s", term_dump(t));
	gs_ch(t, 'q');
	ck_assert_int_ge(term_wait_exit(t, 3000, &status), 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	term_settle(t, 100, 1000);
	out = term_output(t, &len);
	for (size_t i = 0; i + 10 <= len; i++) {
		if (memcmp(out + i, restore, strlen(restore)) == 0)
			at_restore = i + 1;
		if (memcmp(out + i, "safesteps:", 10) == 0 && at_msg == 0)
			at_msg = i + 1;
	}
	ck_assert_msg(at_msg > 0, "no message:\n%s", term_dump(t));
	ck_assert_msg(at_msg > at_restore,
	    "the message came before the screen was restored");
	/* The message as written: the terminal may wrap it, a temporary
	 * directory's path being as long as it is. */
	msg = xstrndup((const char *)out + at_msg - 1, len - (at_msg - 1));
	msg[strcspn(msg, "\r\n")] = '\0';
	ck_assert_msg(term_find(t, "safesteps: ", NULL, NULL) == 0 &&
			  strstr(msg, "/en.json:") != NULL &&
			  strstr(msg, ": crisis.line: ") != NULL,
	    "the message does not name the file and the place: \"%s\"\n%s", msg,
	    term_dump(t));
	free(msg);
	term_free(t);
	free(path);
	free(from);
	scratch_remove(dir);
	guide_free(en);
}
END_TEST

static Suite *
fallback_suite(void)
{
	Suite *s = suite_create("fallback");
	TCase *tc = tcase_create("run");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, broken_french_costs_only_itself);
	tcase_add_test(tc, broken_file_says_how_many_more);
	tcase_add_test(tc, broken_languages_are_left_out);
	tcase_add_test(tc, missing_env_folder_is_skipped);
	tcase_add_test(tc, bad_site_file_is_an_error);
	tcase_add_test(tc, missing_content_dir_is_an_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("terminal");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_test(tc, invisible_crisis_line_on_a_terminal);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(fallback_suite());
}
