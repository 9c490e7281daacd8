/*
 * test_install.c: make install puts the program, the content and the man
 * pages where they belong, the installed program finds its content and
 * the site file there without flags, the man pages name those places,
 * uninstall removes them, and the kiosk unit that install-kiosk writes
 * passes systemd-analyze verify (where it exists).
 *
 * Everything happens under a temporary PREFIX and SYSCONFDIR, with its own
 * build directory (the program has the installed directories built in).
 * That build is first made with the default prefix, as "make && make
 * install PREFIX=/usr" does: install must rebuild what names the prefix.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guidescreen.h"
#include "run.h"
#include "scratch.h"
#include "term.h"
#include "tmpdir.h"
#include "tool.h"
#include "xmalloc.h"

/* A person of tests/data/site-valid.json. */
#define SITE_PERSON "Ms. Chen, counsellor"

static char *root;

/* Run a shell command line; returns its exit status. */
static int
sh(const char *cmd)
{
	int st = system(cmd);

	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int
exists(const char *dir, const char *rel)
{
	char p[4096];
	struct stat st;

	snprintf(p, sizeof p, "%s/%s", dir, rel);
	return stat(p, &st) == 0;
}

static void
setup(void)
{
	root = tmpdir_make("safesteps-install");
}

static void
teardown(void)
{
	tmpdir_remove(root);
	free(root);
	root = NULL;
}

/* make with a staged prefix and /etc; the output is thrown away. */
static int
stage(const char *targets)
{
	char cmd[8192];

	snprintf(cmd, sizeof cmd,
	    "make -s B='%s/build' PREFIX='%s/usr' SYSCONFDIR='%s/etc' "
	    "UNITDIR='%s/etc/systemd/system' %s >/dev/null 2>&1",
	    root, root, root, root, targets);
	return sh(cmd);
}

/* Does the file dir/rel hold text?  Fails the test if it cannot be
 * read. */
static int
file_has(const char *dir, const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", dir, rel), *s = scratch_read(p, NULL);
	int has = strstr(s, text) != NULL;

	free(s);
	free(p);
	return has;
}

START_TEST(test_install_and_uninstall)
{
	char bin[4096], json[4096], cmd[8192];
	const char *argv[] = { bin, "--print", NULL };
	const char *const env[] = { "LANG=C.UTF-8", NULL };
	struct run_result r;
	FILE *f;

	/* Built first for /usr/local, then installed elsewhere. */
	snprintf(
	    cmd, sizeof cmd, "make -s B='%s/build' all >/dev/null 2>&1", root);
	ck_assert_int_eq(sh(cmd), 0);
	ck_assert_int_eq(stage("install"), 0);
	ck_assert(exists(root, "usr/bin/safesteps"));
	ck_assert(exists(root, "usr/share/safesteps/en.json"));
	ck_assert(exists(root, "usr/share/safesteps/fr.json"));
	ck_assert(exists(root, "usr/share/man/man1/safesteps.1"));
	ck_assert(exists(root, "usr/share/man/man5/safesteps-content.5"));
	ck_assert(
	    exists(root, "usr/share/doc/safesteps/examples/site-uk.json"));
	ck_assert(
	    exists(root, "usr/share/doc/safesteps/examples/site-alberta.json"));
	ck_assert(
	    exists(root, "usr/share/doc/safesteps/examples/site-quebec.json"));

	/* The man pages name the installed places, not the defaults. */
	snprintf(json, sizeof json, "%s/usr/share/safesteps/", root);
	ck_assert(file_has(root, "usr/share/man/man1/safesteps.1", json));
	ck_assert(
	    file_has(root, "usr/share/man/man5/safesteps-content.5", json));
	ck_assert(
	    !file_has(root, "usr/share/man/man1/safesteps.1", "/usr/local"));
	ck_assert(!file_has(
	    root, "usr/share/man/man5/safesteps-content.5", "/usr/local"));
	snprintf(json, sizeof json, "%s/etc/safesteps/site.json", root);
	ck_assert(file_has(root, "usr/share/man/man1/safesteps.1", json));

	/* The installed program reads the site file of its /etc. */
	snprintf(cmd, sizeof cmd,
	    "mkdir -p '%s/etc/safesteps' && cp '%s/site-valid.json' "
	    "'%s/etc/safesteps/site.json'",
	    root, getenv("SAFESTEPS_TESTDATA"), root);
	ck_assert_int_eq(sh(cmd), 0);
	snprintf(bin, sizeof bin, "%s/usr/bin/safesteps", root);
	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "status %d: %s", r.status, r.err);
	ck_assert_msg(strstr(r.out, SITE_PERSON) != NULL,
	    "the installed program did not read %s/etc/safesteps/site.json",
	    root);
	run_free(&r);

	/* The installed program reads the installed content without flags:
	 * a change there shows in what it prints. */
	snprintf(json, sizeof json, "%s/usr/share/safesteps/en.json", root);
	snprintf(cmd, sizeof cmd,
	    "sed -i 's/You are not in trouble\\./You are not in trouble "
	    "(installed copy)./' '%s'",
	    json);
	ck_assert_int_eq(sh(cmd), 0);
	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "status %d: %s", r.status, r.err);
	ck_assert_msg(strstr(r.out, "(installed copy)") != NULL,
	    "the installed program did not read %s", json);
	run_free(&r);

	/*
	 * A district's own copy in SYSCONFDIR/safesteps/content comes
	 * before the installed one, which no one need touch (issue 20).
	 */
	snprintf(cmd, sizeof cmd,
	    "mkdir -p '%s/etc/safesteps/content' && sed "
	    "'s/(installed copy)/(district copy)/' '%s' > "
	    "'%s/etc/safesteps/content/en.json'",
	    root, json, root);
	ck_assert_int_eq(sh(cmd), 0);
	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "status %d: %s", r.status, r.err);
	ck_assert_msg(strstr(r.out, "(district copy)") != NULL,
	    "the district's copy in %s/etc/safesteps/content was not read",
	    root);
	run_free(&r);
	snprintf(cmd, sizeof cmd, "rm -r '%s/etc/safesteps'", root);
	ck_assert_int_eq(sh(cmd), 0);

	/* A broken installed file costs only itself: the built-in copy,
	 * and one line that names the file. */
	f = fopen(json, "w");
	ck_assert_ptr_nonnull(f);
	fputs("{ broken", f);
	fclose(f);
	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "status %d: %s", r.status, r.err);
	ck_assert_msg(strstr(r.err, json) != NULL &&
			  strstr(r.err, "using the built-in copy") != NULL,
	    "stderr: %s", r.err);
	ck_assert_msg(strstr(r.out, "(installed copy)") == NULL,
	    "the broken file was read");
	run_free(&r);

	ck_assert_int_eq(stage("uninstall"), 0);
	ck_assert(!exists(root, "usr/bin/safesteps"));
	ck_assert(!exists(root, "usr/share/safesteps"));
	ck_assert(!exists(root, "usr/share/man/man1/safesteps.1"));
	ck_assert(!exists(root, "usr/share/man/man5/safesteps-content.5"));
	ck_assert(!exists(root, "usr/share/doc/safesteps"));
}
END_TEST

START_TEST(test_kiosk_unit)
{
	char unit[4096], line[1024], cmd[8192];
	int found_exec = 0, found_err = 0;
	FILE *f;

	ck_assert_int_eq(stage("install-kiosk"), 0);
	snprintf(unit, sizeof unit,
	    "%s/etc/systemd/system/safesteps-kiosk.service", root);
	f = fopen(unit, "r");
	ck_assert_msg(f != NULL, "no unit at %s", unit);
	while (fgets(line, sizeof line, f) != NULL) {
		char want[4096];

		snprintf(want, sizeof want,
		    "ExecStart=%s/usr/bin/safesteps --kiosk\n", root);
		found_exec |= strcmp(line, want) == 0;
		found_err |= strcmp(line, "StandardError=journal\n") == 0;
	}
	fclose(f);
	ck_assert_msg(found_exec, "ExecStart does not name the installed "
				  "program");
	ck_assert(found_err);
	if (!tool_need("install: systemd-analyze verify", "systemd-analyze",
		"systemd"))
		return;
	snprintf(cmd, sizeof cmd,
	    "systemd-analyze verify --man=no '%s' >/dev/null 2>&1", unit);
	ck_assert_int_eq(sh(cmd), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("install");
	TCase *tc = tcase_create("install");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, term_seconds(180));
	tcase_add_test(tc, test_install_and_uninstall);
	tcase_add_test(tc, test_kiosk_unit);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(suite());
}
