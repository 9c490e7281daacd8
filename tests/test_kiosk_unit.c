/*
 * test_kiosk_unit.c: the kiosk's systemd unit is hardened and still lets
 * the guide work.  "systemd-analyze security" scores it 1.5 or below,
 * "systemd-analyze verify" has nothing to say about it, and every system
 * call that a traced kiosk session makes (start, keys, help, a QR code,
 * the other language, the plain mode, Ctrl-C and friends, the idle
 * reset, a resize, SIGTERM as systemd stops it) is one that the unit's
 * SystemCallFilter= allows, as "systemd-analyze syscall-filter" expands
 * its groups: a call outside it would fail with EPERM on the kiosk.
 *
 * The unit is src/safesteps-kiosk.service.in with ExecStart naming the
 * program under test, written to a temporary directory.
 */
#include <check.h>
#include <ctype.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "guidescreen.h"
#include "run.h"
#include "term.h"
#include "tmpdir.h"
#include "tool.h"
#include "xmalloc.h"

#define UNIT_IN "src/safesteps-kiosk.service.in"
#define UNIT_NAME "safesteps-kiosk.service"
/* The most exposure "systemd-analyze security" may find (issue 20). */
#define MAX_EXPOSURE 1.5

static char *dir, unit[4096], tracefile[4096];

/* Write the unit with ExecStart naming the program under test. */
static void
setup(void)
{
	char bin[PATH_MAX], line[4096];
	FILE *in, *out;

	dir = tmpdir_make("safesteps-unit");
	snprintf(unit, sizeof unit, "%s/%s", dir, UNIT_NAME);
	snprintf(tracefile, sizeof tracefile, "%s/trace", dir);
	ck_assert_ptr_nonnull(realpath(run_bin(), bin));
	*strrchr(bin, '/') = '\0';
	in = fopen(UNIT_IN, "r");
	ck_assert_ptr_nonnull(in);
	out = fopen(unit, "w");
	ck_assert_ptr_nonnull(out);
	while (fgets(line, sizeof line, in) != NULL) {
		char *at = strstr(line, "@BINDIR@");

		if (at != NULL)
			fprintf(out, "%.*s%s%s", (int)(at - line), line, bin,
			    at + strlen("@BINDIR@"));
		else
			fputs(line, out);
	}
	fclose(in);
	ck_assert_int_eq(fclose(out), 0);
}

static void
teardown(void)
{
	tmpdir_remove(dir);
	free(dir);
	dir = NULL;
}

/* Run cmd; its output (stdout and stderr) into a new string. */
static char *
output_of(const char *cmd, int *status)
{
	char *out = NULL, buf[4096];
	size_t len = 0, n;
	FILE *p = popen(cmd, "r");

	ck_assert_ptr_nonnull(p);
	out = xstrdup("");
	while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
		out = xreallocarray(out, len + n + 1, 1);
		memcpy(out + len, buf, n);
		len += n;
		out[len] = '\0';
	}
	*status = pclose(p);
	return out;
}

START_TEST(test_security_score)
{
	char cmd[8192], *out, *p;
	double score;
	int st;

	if (!tool_need(
		"kiosk unit: security score", "systemd-analyze", "systemd"))
		return;
	snprintf(cmd, sizeof cmd,
	    "systemd-analyze security --offline=true --no-pager '%s' 2>&1",
	    unit);
	out = output_of(cmd, &st);
	p = strstr(out, "Overall exposure level for " UNIT_NAME ": ");
	ck_assert_msg(p != NULL, "no score:\n%s", out);
	score = strtod(
	    p + strlen("Overall exposure level for " UNIT_NAME ": "), NULL);
	ck_assert_msg(score <= MAX_EXPOSURE,
	    "the unit scores %.1f, more than %.1f:\n%s", score, MAX_EXPOSURE,
	    out);
	free(out);
}
END_TEST

START_TEST(test_verify_is_clean)
{
	char cmd[8192], *out;
	int st;

	if (!tool_need("kiosk unit: verify", "systemd-analyze", "systemd"))
		return;
	snprintf(cmd, sizeof cmd,
	    "systemd-analyze verify --man=no --no-pager '%s' 2>&1", unit);
	out = output_of(cmd, &st);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0 && *out == '\0',
	    "systemd-analyze verify: status %d:\n%s", st, out);
	free(out);
}
END_TEST

/* A set of names: a sorted list would be overkill for a few hundred. */
struct names {
	char **v;
	size_t n;
};

static int
names_has(const struct names *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], name) == 0)
			return 1;
	return 0;
}

static void
names_add(struct names *s, const char *name)
{
	if (names_has(s, name))
		return;
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xstrdup(name);
}

static void
names_remove(struct names *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], name) == 0) {
			free(s->v[i]);
			s->v[i] = s->v[--s->n];
			return;
		}
}

static void
names_free(struct names *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* The system calls that item (a call, or an @group, expanded by
 * systemd-analyze, groups within groups too) stands for, into out. */
static void
expand(const char *item, struct names *out)
{
	char cmd[512], line[512];
	FILE *p;
	int first = 1;

	if (item[0] != '@') {
		names_add(out, item);
		return;
	}
	snprintf(cmd, sizeof cmd,
	    "systemd-analyze syscall-filter --no-pager '%s' 2>/dev/null", item);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	while (fgets(line, sizeof line, p) != NULL) {
		char *s = line, *e;

		while (isspace((unsigned char)*s))
			s++;
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (first) { /* the group's own name */
			first = 0;
			continue;
		}
		if (*s == '\0' || *s == '#')
			continue;
		expand(s, out);
	}
	ck_assert_msg(
	    pclose(p) == 0 && !first, "systemd-analyze does not know %s", item);
}

/*
 * The system calls the unit's SystemCallFilter= lines allow, as systemd
 * reads them: the first line sets an allow list (or, with ~, a deny
 * list, which this unit must not use); later lines add to it, or with ~
 * take away from it.
 */
static void
allowed_calls(struct names *allow)
{
	char line[4096];
	FILE *f = fopen(unit, "r");
	int lines = 0;

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL) {
		const char *key = "SystemCallFilter=";
		char *v, *save = NULL, *tok;
		int deny;
		struct names items = { 0 };

		if (strncmp(line, key, strlen(key)) != 0)
			continue;
		v = line + strlen(key);
		deny = *v == '~';
		if (deny)
			v++;
		ck_assert_msg(lines > 0 || !deny,
		    "the unit's first SystemCallFilter= is a deny list");
		lines++;
		for (tok = strtok_r(v, " \t\n", &save); tok != NULL;
		     tok = strtok_r(NULL, " \t\n", &save))
			expand(tok, &items);
		for (size_t i = 0; i < items.n; i++) {
			if (deny)
				names_remove(allow, items.v[i]);
			else
				names_add(allow, items.v[i]);
		}
		names_free(&items);
	}
	fclose(f);
	ck_assert_msg(lines > 0, "the unit has no SystemCallFilter=");
}

/* Send one control character as a byte (the kiosk's keys never raise a
 * signal) and let the program take it. */
static void
send_ctrl(struct term *t, char c)
{
	char b = (char)(c & 0x1f);

	ck_assert_int_eq(term_send_bytes(t, &b, 1), 0);
	ck_assert_int_eq(term_wait_idle(t, 3000), 0);
}

static void
send_key(struct term *t, enum term_key k)
{
	ck_assert_int_eq(term_send_key(t, k), 0);
	ck_assert_int_eq(term_wait_idle(t, 3000), 0);
}

static void
send_char(struct term *t, char c)
{
	ck_assert_int_eq(term_send_char(t, (unsigned char)c, 0), 0);
	ck_assert_int_eq(term_wait_idle(t, 3000), 0);
}

/*
 * A kiosk session as the unit runs it (TERM=linux, LANG=C.UTF-8, stderr
 * apart from the terminal, a site file), under strace, touching every
 * part of the program a kiosk reaches.
 */
static void
traced_kiosk_session(void)
{
	char site[4096];
	const char *argv[] = { "/usr/bin/strace", "-f", "-qq", "-o", tracefile,
		run_bin(), "--kiosk", "--content", cli_content_dir(), "--site",
		site, "--idle", "2", "--countdown", "1", NULL };
	const char *const env[] = { "TERM=linux", "LANG=C.UTF-8",
		"ASAN_OPTIONS=detect_leaks=0", NULL };
	struct guide *en = cli_guide_of("en");
	char *still = gs_words(gs_ui(en, GUIDE_UI_STILL_THERE_PLAIN), 40);
	struct term *t;
	pid_t pid;
	int status;

	snprintf(site, sizeof site, "%s/site-valid.json",
	    getenv("SAFESTEPS_TESTDATA"));
	t = term_start_err(25, 80, env, argv);
	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_text(t, "0800 1111", 10000, NULL, NULL) == 0,
	    "no start screen:\n%s", term_dump(t));
	send_key(t, TERM_KEY_ENTER); /* the five steps */
	send_key(t, TERM_KEY_DOWN);
	send_key(t, TERM_KEY_ENTER);
	send_char(t, ' '); /* tick */
	send_key(t, TERM_KEY_PGDN);
	send_char(t, 'c'); /* a QR code, if the screen has an address */
	send_key(t, TERM_KEY_LEFT);
	send_char(t, 'h'); /* help now, with the site's people */
	send_char(t, 'c');
	send_key(t, TERM_KEY_LEFT);
	send_ctrl(t, 'c');
	send_ctrl(t, 'z');
	send_ctrl(t, '\\');
	send_ctrl(t, 'd');
	send_key(t, TERM_KEY_ESC); /* reset */
	ck_assert_int_eq(term_resize(t, 30, 100), 0);
	ck_assert_int_eq(term_wait_idle(t, 3000), 0);
	send_key(t, TERM_KEY_END); /* the other language */
	send_key(t, TERM_KEY_ENTER);
	send_char(t, 'p'); /* the plain mode, at the same place */
	ck_assert_int_eq(term_send_bytes(t, "1\r", 2), 0);
	ck_assert_int_eq(term_wait_idle(t, 3000), 0);
	send_ctrl(t, 'c');
	send_ctrl(t, 'd');
	ck_assert_int_eq(term_send_bytes(t, "q\r", 2), 0);
	ck_assert_int_eq(term_wait_idle(t, 3000), 0);
	/* Idle in the plain mode: "still there?", then the countdown resets
	 * the kiosk to its start screen. */
	ck_assert_msg(term_wait_text(t, still, 6000, NULL, NULL) == 0,
	    "no \"%s\" after the idle time:\n%s", still, term_dump(t));
	gs_wait_screen(t, en, "start");
	pid = tool_first_child(term_pid(t));
	ck_assert_int_gt(pid, 0);
	/* How systemd stops the unit; signal the program, not strace. */
	ck_assert_int_eq(kill(pid, SIGTERM), 0);
	ck_assert_int_ge(term_wait_exit(t, 10000, &status), 0);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGTERM,
	    "status %d; stderr: %s", status, term_stderr(t));
	term_free(t);
	free(still);
	guide_free(en);
}

/* The name of the system call on a line of strace -f output, into name;
 * 0 if the line is not a call ("+++ exited", "--- SIGWINCH", resumed). */
static int
call_name(const char *line, char *name, size_t size)
{
	size_t n = 0;

	while (isdigit((unsigned char)*line))
		line++;
	while (*line == ' ')
		line++;
	while ((islower((unsigned char)line[n]) ||
		   isdigit((unsigned char)line[n]) || line[n] == '_') &&
	       n + 1 < size)
		n++;
	if (n == 0 || line[n] != '(')
		return 0;
	memcpy(name, line, n);
	name[n] = '\0';
	return 1;
}

START_TEST(test_traced_calls_pass_the_filter)
{
	struct names allow = { 0 }, used = { 0 };
	char line[8192], name[64], missing[4096] = "";
	FILE *f;

	if (!tool_need("kiosk unit: system call filter", "systemd-analyze",
		"systemd") ||
	    !tool_need("kiosk unit: system call filter", "strace", "strace"))
		return;
	allowed_calls(&allow);
	ck_assert_msg(
	    allow.n > 100, "the filter allows only %zu calls", allow.n);
	traced_kiosk_session();
	f = fopen(tracefile, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL)
		if (call_name(line, name, sizeof name))
			names_add(&used, name);
	fclose(f);
	ck_assert_msg(used.n > 20, "strace saw only %zu calls", used.n);
	for (size_t i = 0; i < used.n; i++)
		if (!names_has(&allow, used.v[i])) {
			strncat(
			    missing, " ", sizeof missing - strlen(missing) - 1);
			strncat(missing, used.v[i],
			    sizeof missing - strlen(missing) - 1);
		}
	ck_assert_msg(missing[0] == '\0',
	    "the kiosk made calls that SystemCallFilter= denies:%s", missing);
	/* The filter does hold something back. */
	ck_assert(!names_has(&allow, "setrlimit"));
	ck_assert(!names_has(&allow, "mount"));
	names_free(&allow);
	names_free(&used);
}
END_TEST

START_TEST(test_call_name)
{
	char name[64];

	ck_assert(call_name(
	    "123 openat(AT_FDCWD, \"x\", O_RDONLY) = 3\n", name, sizeof name));
	ck_assert_str_eq(name, "openat");
	ck_assert(call_name(
	    "rt_sigaction(SIGWINCH, {...}) = 0\n", name, sizeof name));
	ck_assert_str_eq(name, "rt_sigaction");
	ck_assert(
	    !call_name("123 <... pselect6 resumed>) = 1\n", name, sizeof name));
	ck_assert(!call_name(
	    "123 --- SIGWINCH {si_signo=SIGWINCH} ---\n", name, sizeof name));
	ck_assert(
	    !call_name("123 +++ exited with 143 +++\n", name, sizeof name));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("kiosk_unit");
	TCase *tc = tcase_create("unit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, term_seconds(120));
	tcase_add_test(tc, test_call_name);
	tcase_add_test(tc, test_security_score);
	tcase_add_test(tc, test_verify_is_clean);
	tcase_add_test(tc, test_traced_calls_pass_the_filter);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(suite());
}
