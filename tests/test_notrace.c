/*
 * test_notrace.c: the program leaves no trace.  Whole sessions (full
 * screen, kiosk, plain, print, check) run under strace, and the test fails
 * on any open for writing, create, rename, unlink, link, mkdir or socket
 * call, the terminal devices excepted.  Also: no core dump is possible.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "guidescreen.h"
#include "run.h"
#include "term.h"
#include "tmpdir.h"
#include "tool.h"
#include "xmalloc.h"

/* strace's output, a file of its own directory, new for each test. */
static char *trace_dir, *tracefile;

static void
setup(void)
{
	trace_dir = tmpdir_make("safesteps-notrace");
	tracefile = xasprintf("%s/trace", trace_dir);
}

static void
teardown(void)
{
	tmpdir_remove(trace_dir);
	free(trace_dir);
	free(tracefile);
	trace_dir = tracefile = NULL;
}

/* Does a traced call write, create, remove or connect anything? */
static int
bad_call(const char *line)
{
	static const char *const banned[] = { "creat(", "rename(", "renameat(",
		"renameat2(", "unlink(", "unlinkat(", "link(", "linkat(",
		"symlink(", "symlinkat(", "mkdir(", "mkdirat(", "rmdir(",
		"mknod(", "mknodat(", "truncate(", "socket(", "connect(",
		"bind(", "socketpair(", "chmod(", "fchmodat(", "chown(",
		"fchownat(", "utimensat(" };
	static const char *const write_flags[] = { "O_WRONLY", "O_RDWR",
		"O_CREAT", "O_TRUNC", "O_APPEND", "O_TMPFILE" };
	const char *call = line;

	/* "1234 openat(...)": skip the pid. */
	while (*call >= '0' && *call <= '9')
		call++;
	while (*call == ' ')
		call++;
	if (strncmp(call, "+++", 3) == 0 || strncmp(call, "---", 3) == 0)
		return 0;
	for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
		if (strncmp(call, banned[i], strlen(banned[i])) == 0)
			return 1;
	}
	/* Every call that opens a file by name or by handle: its flags say
	 * whether it may write. */
	if (strncmp(call, "open(", 5) != 0 &&
	    strncmp(call, "openat(", 7) != 0 &&
	    strncmp(call, "openat2(", 8) != 0 &&
	    strncmp(call, "open_by_handle_at(", 18) != 0)
		return 0;
	/* The terminal itself may be opened for writing. */
	if (strstr(call, "\"/dev/tty\"") != NULL ||
	    strstr(call, "\"/dev/pts/") != NULL ||
	    strstr(call, "\"/dev/null\"") != NULL)
		return 0;
	for (size_t i = 0; i < sizeof write_flags / sizeof write_flags[0];
	     i++) {
		if (strstr(call, write_flags[i]) != NULL)
			return 1;
	}
	return 0;
}

/* Fail with the offending lines if the trace has a bad call; return the
 * number of traced calls seen (to know strace really traced). */
static int
check_trace(const char *what)
{
	FILE *f = fopen(tracefile, "r");
	char line[4096];
	int calls = 0, bad = 0;

	ck_assert_msg(f != NULL, "%s: no trace file", what);
	while (fgets(line, sizeof line, f) != NULL) {
		calls++;
		if (bad_call(line)) {
			fprintf(stderr, "%s: %s", what, line);
			bad++;
		}
	}
	fclose(f);
	ck_assert_msg(
	    bad == 0, "%s: %d call(s) that write or connect", what, bad);
	ck_assert_msg(
	    calls > 10, "%s: strace traced only %d calls", what, calls);
	return calls;
}

/* The strace command line before the program's own arguments. */
#define STRACE                                                 \
	"/usr/bin/strace", "-f", "-qq", "-o", tracefile, "-e", \
	    "trace=%file,%network,%desc"

/* LeakSanitizer cannot work under ptrace: a sanitizer build's leak check
 * is off here (make sanitize checks leaks in the other tests). */
static const char *const pty_env[] = { "TERM=xterm-256color", "LANG=C.UTF-8",
	"ASAN_OPTIONS=detect_leaks=0", NULL };
/* The Linux console, where ncurses would ask the gpm daemon for the mouse
 * through a socket. */
static const char *const linux_env[] = { "TERM=linux", "LANG=C.UTF-8",
	"ASAN_OPTIONS=detect_leaks=0", NULL };

/*
 * Run a full-screen session on a pty under strace: step 1, a tick, help
 * and back, each screen waited for (a session stuck on its first screen
 * would trace little), then Esc (in a kiosk: Esc starts over, and the
 * program is stopped with SIGTERM).
 */
static void
full_screen_session(int kiosk, const char *const env[])
{
	const char *argv_plain[] = { STRACE, run_bin(), "--content",
		cli_content_dir(), NULL };
	const char *argv_kiosk[] = { STRACE, run_bin(), "--kiosk", "--content",
		cli_content_dir(), NULL };
	struct guide *en = cli_guide_of("en");
	const char *step1 = en->screens[en->steps[0].screen].id, *todo;
	struct term *t;
	int status;

	t = term_start(24, 80, env, kiosk ? argv_kiosk : argv_plain);
	ck_assert_ptr_nonnull(t);
	gs_wait_screen(t, en, "start");
	todo = gs_walk_to_last_todo(t, en, 1);
	gs_ch(t, ' ');
	gs_wait_ticked(t, todo);
	gs_ch(t, 'h');
	gs_wait_screen(t, en, "help");
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, step1);
	gs_key(t, TERM_KEY_ESC);
	if (kiosk) {
		gs_wait_screen(t, en, "start");
		/* Signal the program, not strace (which would detach). */
		ck_assert_int_gt(tool_first_child(term_pid(t)), 0);
		ck_assert_int_eq(
		    kill(tool_first_child(term_pid(t)), SIGTERM), 0);
		ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
		ck_assert(WIFEXITED(status));
		ck_assert_int_eq(WEXITSTATUS(status), 128 + SIGTERM);
	} else {
		ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
		ck_assert(WIFEXITED(status));
		ck_assert_int_eq(WEXITSTATUS(status), 0);
	}
	term_free(t);
	guide_free(en);
}

START_TEST(test_full_screen_writes_nothing)
{
	if (!tool_need("test_full_screen_writes_nothing", "strace", "strace"))
		return;
	full_screen_session(0, pty_env);
	check_trace("full screen");
}
END_TEST

START_TEST(test_linux_console_opens_no_socket)
{
	if (!tool_need(
		"test_linux_console_opens_no_socket", "strace", "strace"))
		return;
	full_screen_session(0, linux_env);
	check_trace("full screen on the Linux console");
}
END_TEST

START_TEST(test_kiosk_writes_nothing)
{
	if (!tool_need("test_kiosk_writes_nothing", "strace", "strace"))
		return;
	full_screen_session(1, pty_env);
	check_trace("kiosk");
}
END_TEST

/* Run a piped mode under strace with the given stdin. */
static void
piped_session(const char *what, const char *const extra[], const char *in)
{
	const char *argv[32] = { STRACE, run_bin(), "--content",
		cli_content_dir() };
	const char *const env[] = { "LANG=C.UTF-8",
		"ASAN_OPTIONS=detect_leaks=0", NULL };
	struct run_result r;
	size_t n = 0;

	while (argv[n] != NULL)
		n++;
	for (size_t i = 0; extra[i] != NULL && n < 30; i++)
		argv[n++] = extra[i];
	argv[n] = NULL;
	ck_assert_int_eq(run_cmd(argv, env, in, in != NULL ? strlen(in) : 0,
			     NULL, 20000, &r),
	    0);
	ck_assert_msg(r.status != -1, "%s: did not finish", what);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "%s: status %d, stderr: %s", what, r.status, r.err);
	ck_assert_msg(r.outlen > 100, "%s: printed almost nothing", what);
	run_free(&r);
	check_trace(what);
}

START_TEST(test_plain_writes_nothing)
{
	const char *const extra[] = { "--plain", NULL };

	if (!tool_need("test_plain_writes_nothing", "strace", "strace"))
		return;
	piped_session("plain", extra, "1\nt 1\nb\nh\nb\nq\n");
}
END_TEST

START_TEST(test_print_writes_nothing)
{
	const char *const extra[] = { "--print", "--qr", NULL };

	if (!tool_need("test_print_writes_nothing", "strace", "strace"))
		return;
	piped_session("print", extra, NULL);
}
END_TEST

START_TEST(test_check_writes_nothing)
{
	char path[4096];
	const char *const extra[] = { "--check", path, NULL };

	if (!tool_need("test_check_writes_nothing", "strace", "strace"))
		return;
	snprintf(path, sizeof path, "%s/en.json", cli_content_dir());
	/* --content is ignored by --check; the file is checked. */
	piped_session("check", extra, NULL);
}
END_TEST

/* The classifier itself: what it must and must not flag. */
START_TEST(test_classifier)
{
	ck_assert(bad_call("12 openat(AT_FDCWD, \"/tmp/x\", "
			   "O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3\n"));
	ck_assert(bad_call("socket(AF_INET, SOCK_STREAM, 0) = 3\n"));
	ck_assert(bad_call("12 unlink(\"/home/a/.history\") = 0\n"));
	ck_assert(!bad_call("12 openat(AT_FDCWD, \"/etc/ld.so.cache\", "
			    "O_RDONLY|O_CLOEXEC) = 3\n"));
	ck_assert(!bad_call("12 openat(AT_FDCWD, \"/dev/tty\", O_RDWR) = 3\n"));
	ck_assert(bad_call("12 openat2(AT_FDCWD, \"/tmp/x\", "
			   "{flags=O_WRONLY|O_CREAT, mode=0600, resolve=0}, "
			   "24) = 3\n"));
	ck_assert(!bad_call("12 openat2(AT_FDCWD, \"/etc/passwd\", "
			    "{flags=O_RDONLY, resolve=0}, 24) = 3\n"));
	ck_assert(bad_call("12 open_by_handle_at(3, {handle_bytes=8, "
			   "handle_type=1}, O_RDWR) = 4\n"));
	ck_assert(!bad_call("12 open_by_handle_at(3, {handle_bytes=8, "
			    "handle_type=1}, O_RDONLY) = 4\n"));
	ck_assert(!bad_call("12 +++ exited with 0 +++\n"));
}
END_TEST

/*
 * A core dump could hold the screen's text: the program sets its core
 * limit to 0 (and makes itself not dumpable, which a test running as root
 * cannot observe from outside).
 */
START_TEST(test_no_core_dump)
{
	const char *argv[] = { run_bin(), "--content", cli_content_dir(),
		NULL };
	char path[64], buf[4096];
	struct term *t;
	FILE *f;
	int found = 0;

	t = term_start(24, 80, pty_env, argv);
	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_text(t, "988", 5000, NULL, NULL) == 0,
	    "no start screen:\n%s", term_dump(t));
	snprintf(path, sizeof path, "/proc/%d/limits", (int)term_pid(t));
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(buf, sizeof buf, f) != NULL) {
		if (strncmp(buf, "Max core file size", 18) == 0) {
			ck_assert_msg(
			    strstr(buf, " 0 ") != NULL, "core limit: %s", buf);
			found = 1;
		}
	}
	fclose(f);
	ck_assert(found);
	term_send_key(t, TERM_KEY_ESC);
	term_free(t);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("notrace");
	TCase *tc = tcase_create("strace");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, term_seconds(60));
	tcase_add_test(tc, test_classifier);
	tcase_add_test(tc, test_full_screen_writes_nothing);
	tcase_add_test(tc, test_linux_console_opens_no_socket);
	tcase_add_test(tc, test_kiosk_writes_nothing);
	tcase_add_test(tc, test_plain_writes_nothing);
	tcase_add_test(tc, test_print_writes_nothing);
	tcase_add_test(tc, test_check_writes_nothing);
	tcase_add_test(tc, test_no_core_dump);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(suite());
}
