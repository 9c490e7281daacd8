/*
 * test_check.c: "safesteps --check" refuses what the run refuses, and no
 * message lets outside text reach the terminal raw (issue 14).
 *
 * A file named xx.json must say it is language xx (another name is only a
 * warning, so a draft can be checked); a folder is checked as the program
 * reads it; "--check --site FILE" works alone.  File names, paths and
 * option values are shown with their control characters escaped.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guidescreen.h"
#include "run.h"
#include "scratch.h"
#include "xmalloc.h"

static const char *const env_utf8[] = { "LANG=C.UTF-8", NULL };

/* Run the program with exactly the arguments args (NULL-ended). */
static void
run_args(const char *const *args, const char *const *env, struct run_result *r)
{
	const char *argv[16];
	size_t n = 0;

	argv[n++] = run_bin();
	for (size_t i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	ck_assert_int_eq(
	    run_cmd(argv, env, NULL, 0, NULL, CLI_TIMEOUT_MS, r), 0);
	ck_assert_msg(r->status != -1, "did not finish in time");
}

/* A copy of the English content under test as dir/name. */
static char *
copy_english(const char *dir, const char *name)
{
	char *from = xasprintf("%s/en.json", cli_content_dir());
	char *path = scratch_edit(dir, name, from, NULL, NULL);

	free(from);
	return path;
}

/* en.json copied to es.json: the program would refuse it, so must
 * --check; draft.json is checked, with a warning. */
START_TEST(check_refuses_a_wrong_name)
{
	char *dir = scratch_dir();
	char *es = copy_english(dir, "es.json");
	char *draft = copy_english(dir, "draft.json");
	const char *args[] = { "--check", es, NULL };
	struct run_result r;

	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 1);
	ck_assert_msg(
	    strstr(r.err, "es.json:3:25: language.code: the file "
			  "says \"en\" but its name says \"es\"") != NULL,
	    "stderr: %s", r.err);
	ck_assert_msg(strstr(r.out, "valid") == NULL, "stdout: %s", r.out);
	run_free(&r);

	args[1] = draft;
	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(
	    strstr(r.err, "draft.json: warning: the program reads "
			  "only files named after their language") != NULL,
	    "stderr: %s", r.err);
	ck_assert_msg(
	    strstr(r.out, "draft.json: valid: ") != NULL, "stdout: %s", r.out);
	run_free(&r);
	free(es);
	free(draft);
	scratch_remove(dir);
}
END_TEST

/* A folder is checked as the program reads it: every file in it. */
START_TEST(check_reads_a_folder)
{
	char *dir = scratch_dir();
	char *en = copy_english(dir, "en.json");
	char *es = copy_english(dir, "es.json");
	const char *args[] = { "--check", dir, NULL };
	struct run_result r;
	char *want;

	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 1);
	want = xasprintf("%s/en.json: valid: ", dir);
	ck_assert_msg(strstr(r.out, want) != NULL, "stdout: %s", r.out);
	free(want);
	want = xasprintf("%s/es.json:3:25: language.code: ", dir);
	ck_assert_msg(strstr(r.err, want) != NULL, "stderr: %s", r.err);
	free(want);
	run_free(&r);

	/* A folder with no content file in it is refused. */
	free(en);
	free(es);
	scratch_remove(dir);
	dir = scratch_dir();
	args[1] = dir;
	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 1);
	want =
	    xasprintf("safesteps: %s: no content file (*.json) in it\n", dir);
	ck_assert_str_eq(r.err, want);
	free(want);
	run_free(&r);
	scratch_remove(dir);
}
END_TEST

/* --check --site FILE alone: a line saying it is valid. */
START_TEST(check_site_alone)
{
	const char *data = getenv("SAFESTEPS_TESTDATA");
	char *good = xasprintf("%s/site-valid.json", data);
	char *bad = xasprintf("%s/site-bad.json", data);
	const char *args[] = { "--check", "--site", good, NULL };
	struct run_result r;
	char *want = xasprintf("%s: valid", good);

	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(
	    strncmp(r.out, want, strlen(want)) == 0, "stdout: %s", r.out);
	run_free(&r);
	args[2] = bad;
	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 1);
	ck_assert_msg(strstr(r.err, "site-bad.json:4:5: languages: ") != NULL,
	    "stderr: %s", r.err);
	run_free(&r);
	free(want);
	free(good);
	free(bad);
}
END_TEST

/*
 * Outside text in messages: a file name that would retitle the window,
 * a --content path, a SAFESTEPS_CONTENT path, option values and a stray
 * argument with ESC and BEL in them, shown as \e and \x07.
 */
START_TEST(outside_text_is_escaped)
{
	static const char evil[] = "\033]0;x\a\033[2J";
	static const char shown[] = "\\e]0;x\\x07\\e[2J";
	char *dir = scratch_dir();
	char *name = xasprintf("%s.json", evil);
	char *file = copy_english(dir, name);
	char *missing = xasprintf("%s/%s", dir, evil);
	char *env_evil = xasprintf("SAFESTEPS_CONTENT=%s", missing);
	const char *env[] = { "LANG=C.UTF-8", env_evil, NULL };
	const char *const cases[][6] = {
		{ "--check", file, NULL },
		{ "--content", missing, "--print", NULL },
		{ "--lang", evil, "--print", NULL },
		{ "--idle", evil, NULL },
		{ "--print", evil, NULL },
		{ evil, NULL },
	};
	struct run_result r;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run_args(cases[i], env_utf8, &r);
		ck_assert_msg(!cli_has_control_bytes(r.err, r.errlen),
		    "case %zu: a control byte on stderr", i);
		ck_assert_msg(!cli_has_control_bytes(r.out, r.outlen),
		    "case %zu: a control byte on stdout", i);
		ck_assert_msg(strstr(r.err, shown) != NULL ||
				  strstr(r.out, shown) != NULL,
		    "case %zu: not shown escaped: %s%s", i, r.out, r.err);
		run_free(&r);
	}
	/* SAFESTEPS_CONTENT that does not exist, named in a message. */
	run_args((const char *const[]){ "--print", NULL }, env, &r);
	cli_expect_status(&r, 0);
	ck_assert(!cli_has_control_bytes(r.err, r.errlen));
	ck_assert_msg(strstr(r.err, shown) != NULL, "stderr: %s", r.err);
	run_free(&r);
	free(env_evil);
	free(missing);
	free(file);
	free(name);
	scratch_remove(dir);
}
END_TEST

/* The test of the tests above: what counts as a control byte. */
START_TEST(control_bytes_are_found)
{
	static const char *const bad[] = { "a\033[2J", "a\007", "a\r", "a\177",
		"a\xc2\x9b"
		"2J",
		"a\x9b"
		"2J",
		"a\x9d"
		"0;x" };
	/* Newline, tab, and U+00DB and U+201D, whose UTF-8 ends in 0x9b and
	 * 0x9d (not CSI and OSC there). */
	static const char good[] = "a\tb\n\xc3\x9b \xe2\x80\x9d\n";

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(cli_has_control_bytes(bad[i], strlen(bad[i])),
		    "case %zu not found", i);
	ck_assert(!cli_has_control_bytes(good, sizeof good - 1));
}
END_TEST

/* An option without its value says which, once. */
START_TEST(option_without_value)
{
	const char *args[] = { "--lang", NULL };
	struct run_result r;

	run_args(args, env_utf8, &r);
	cli_expect_status(&r, 2);
	ck_assert_str_eq(r.err,
	    "safesteps: option '--lang' needs a value\n"
	    "Try 'safesteps --help' for more information.\n");
	run_free(&r);
}
END_TEST

static Suite *
check_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("check");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, check_refuses_a_wrong_name);
	tcase_add_test(tc, check_reads_a_folder);
	tcase_add_test(tc, check_site_alone);
	tcase_add_test(tc, outside_text_is_escaped);
	tcase_add_test(tc, option_without_value);
	tcase_add_test(tc, control_bytes_are_found);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(check_suite());
}
