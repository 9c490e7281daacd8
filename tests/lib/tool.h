/*
 * tool.h: the outside programs some tests need (strace, zbarimg, valgrind,
 * systemd-analyze, Xvfb, xterm, fenrir...), and what a test does when one
 * is missing.
 *
 * No test passes silently.  When a tool is missing, tool_need fails the
 * running Check test if the environment variable CI is set (not empty):
 * CI installs every test tool (.ci/packages-test), so a missing one is a
 * broken setup.  Elsewhere it prints one line, "SKIP: TEST: needs TOOL
 * (Debian package PKG)", which tests/run.sh counts, and returns 0; the
 * test then returns at once.
 *
 * Use, inside a test:
 *	if (!tool_need("notrace: full screen", "strace", "strace"))
 *		return;
 * or when the suite is made, for tests that need the tool throughout:
 *	tool_add_test(tc, qr_codes_scan, "zbarimg", "zbar-tools");
 */
#ifndef SAFESTEPS_TEST_TOOL_H
#define SAFESTEPS_TEST_TOOL_H

#include <check.h>
#include <sys/types.h>

/*
 * Whether tool (a path, or a name looked up in PATH and in /usr/sbin,
 * /sbin) can be run.  When it cannot: fails the test in CI, else prints
 * the SKIP line naming test and package and returns 0.
 */
int tool_need(const char *test, const char *tool, const char *package);

/* The full path of tool (as tool_need finds it), or NULL.  Caller frees. */
char *tool_path(const char *tool);

/*
 * A test that cannot run here for another reason than a missing package
 * (why says it): fails in CI, else prints "SKIP: TEST: WHY".
 */
void tool_skip(const char *test, const char *why);

/*
 * Add ttest to tc (loop tests: for _i from start to end - 1) when tool
 * can be run, or when CI is set (the test must then pass, and fails
 * without its tool).  Else print one SKIP line for it (counted by
 * tests/run.sh) and leave it out.  Returns 1 if the test was added.
 */
int tool_add_test(
    TCase *tc, const TTest *ttest, const char *tool, const char *package);
int tool_add_loop_test(TCase *tc, const TTest *ttest, int start, int end,
    const char *tool, const char *package);

/*
 * The first child of a running process (the program a tracer such as
 * strace started), from /proc; -1 if it has none yet or cannot be read.
 */
pid_t tool_first_child(pid_t parent);

#endif
