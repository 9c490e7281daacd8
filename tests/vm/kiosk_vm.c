/*
 * kiosk_vm.c: the checks of the kiosk booted in a virtual machine (make
 * vm-test; tests/vm/run.sh boots the machine and runs this).
 *
 * The kiosk's terminal is the machine's second serial port, which QEMU
 * serves on a Unix socket.  This program reads it and types on it through
 * the terminal of the pty tests (tests/lib/term.c: libvterm, keys as
 * TERM=linux sends them, term_attach), finds the guide's screens with the
 * helpers of tests/lib/guidescreen.c and the words of the English content,
 * and runs commands as root on the machine over ssh.  It checks what a
 * district's IT person would before rolling the kiosk out: the guide is
 * there soon after power-on; no key ends it; a crash brings it back and
 * never a login prompt; it starts over, wiped, when left alone; it runs
 * as a dynamic user with no network and the hardening as shipped; the
 * Ansible role puts the school's counsellor on the help screen.
 *
 * The checks are Check tests run in order in one process (CK_NOFORK):
 * they share the machine.  Configuration comes from the environment:
 *
 *	VM_KIOSK_SOCKET   the kiosk's serial port (a Unix socket)
 *	VM_POWER_ON_MS    when QEMU started (ms since the epoch)
 *	VM_SSH            a command that runs its argument on the machine
 *	VM_ANSIBLE        a command that runs the role against the machine
 *	VM_PERSON, VM_PERSON_DETAILS  the counsellor the role's site gives
 *	VM_IDLE, VM_COUNTDOWN  the kiosk's --idle and --countdown (test drop-in)
 *	VM_SEED           the random keys' seed (default: the time)
 *	VM_LOG            where to keep everything the kiosk wrote
 *	SAFESTEPS_CONTENT_DIR  the content, for the words to look for
 */
#define _GNU_SOURCE /* memmem */

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guidescreen.h"
#include "term.h"
#include "xmalloc.h"

#define UNIT "safesteps-kiosk.service"
/* How long after power-on the guide must be on the kiosk's terminal. */
#define BOOT_MS 60000
/* How long after a kill the guide must be back (RestartSec=2 in it). */
#define BACK_MS 5000
#define RANDOM_KEYS 1000

/* What must never appear on the kiosk's port: a getty's banner and
 * prompt, a shell's prompt (it names the machine). */
static const char *const never[] = { "login:", "Login incorrect",
	"Password:", "Debian GNU/Linux", "safesteps-vm", "root@" };

static struct term *kiosk;
static struct guide *en;
static long long power_on_ms;
static int booted;
static long main_pid; /* the kiosk's process, as last checked */
static long restarts; /* NRestarts, as last checked */
static long expected_restarts;

static long long
epoch_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *
env_or(const char *name, const char *def)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : def;
}

/*
 * Run cmd (printf-style) on the machine as root; its output (stdout and
 * stderr) into out (may be NULL).  Returns its exit status, or -1.
 * Caller frees *out.
 */
static int guest(char **out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
guest(char **out, const char *fmt, ...)
{
	char *cmd, *line, *buf = xstrdup("");
	size_t len = 0, n, k = 0;
	char chunk[4096];
	va_list ap;
	FILE *p;
	int st;

	va_start(ap, fmt);
	if (vasprintf(&cmd, fmt, ap) < 0)
		abort();
	va_end(ap);
	/* The command as one single-quoted word for the remote shell. */
	line =
	    xcalloc(strlen(cmd) * 4 + strlen(env_or("VM_SSH", "false")) + 8, 1);
	k = (size_t)sprintf(line, "%s '", env_or("VM_SSH", "false"));
	for (const char *c = cmd; *c != '\0'; c++) {
		if (*c == '\'') {
			memcpy(line + k, "'\\''", 4);
			k += 4;
		} else
			line[k++] = *c;
	}
	strcpy(line + k, "' 2>&1");
	p = popen(line, "r");
	if (p == NULL) {
		free(cmd);
		free(line);
		free(buf);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) {
		buf = xreallocarray(buf, len + n + 1, 1);
		memcpy(buf + len, chunk, n);
		len += n;
		buf[len] = '\0';
	}
	st = pclose(p);
	free(cmd);
	free(line);
	if (out != NULL)
		*out = buf;
	else
		free(buf);
	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A number the unit's properties give (MainPID, NRestarts); -1 if none. */
static long
unit_number(const char *prop)
{
	char *out = NULL;
	long v = -1;

	if (guest(&out, "systemctl show -P %s " UNIT, prop) == 0)
		v = strtol(out, NULL, 10);
	free(out);
	return v;
}

/* Connect to the kiosk's port, which QEMU may not serve yet. */
static int
connect_socket(const char *path, int ms)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	long long end = term_now_ms() + ms;
	int fd;

	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	while (term_now_ms() < end) {
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			return -1;
		if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
			return fd;
		close(fd);
		usleep(50000);
	}
	return -1;
}

/* Fail if anything that must never be on the kiosk's port came since
 * byte from of what it wrote. */
static void
expect_nothing_else(size_t from, const char *when)
{
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		ck_assert_msg(!term_output_has_since(
				  kiosk, from, never[i], strlen(never[i])),
		    "\"%s\" appeared on the kiosk's port %s:\n%s", never[i],
		    when, term_dump(kiosk));
}

/* The start screen, drawn anew (after a reset, a restart). */
static void
expect_start(const char *why)
{
	(void)why;
	gs_wait_screen(kiosk, en, "start");
	gs_expect_crisis(kiosk, en);
}

/* The process is the one it was, and was never restarted. */
static void
expect_same_process(const char *after)
{
	long pid = unit_number("MainPID"), n = unit_number("NRestarts");

	ck_assert_msg(pid == main_pid && n == restarts,
	    "after %s: MainPID %ld (was %ld), NRestarts %ld (was %ld)", after,
	    pid, main_pid, n, restarts);
}

START_TEST(guide_soon_after_power_on)
{
	const char *path = env_or("VM_KIOSK_SOCKET", "build/vm/kiosk.sock");
	long long left;
	int fd;

	fd = connect_socket(path, 10000);
	ck_assert_msg(
	    fd >= 0, "cannot connect to %s: %s", path, strerror(errno));
	kiosk = term_attach(fd, 24, 80, "linux");
	left = power_on_ms + BOOT_MS - epoch_ms();
	ck_assert_msg(
	    left > 0 && term_wait_text(kiosk, en->screens[en->start].title,
			    (int)(left / term_factor()), NULL, NULL) == 0,
	    "no guide on the kiosk's port %d s after power-on:\n%s",
	    BOOT_MS / 1000, term_dump(kiosk));
	printf("vm: the guide is on the kiosk's terminal %.1f s after "
	       "power-on\n",
	    (epoch_ms() - power_on_ms) / 1000.0);
	expect_start("boot");
	gs_expect_quiet(kiosk);
	booted = 1;
}
END_TEST

START_TEST(root_shell_over_ssh)
{
	long long end = power_on_ms + 90000;
	int st = -1;

	ck_assert_msg(booted, "the guide never came up");
	while (epoch_ms() < end && (st = guest(NULL, "true")) != 0)
		sleep(1);
	ck_assert_msg(st == 0, "no ssh to the machine 90 s after power-on");
	main_pid = unit_number("MainPID");
	restarts = unit_number("NRestarts");
	ck_assert_msg(main_pid > 1, "the kiosk has no main process");
	ck_assert_int_eq(restarts, 0);
}
END_TEST

START_TEST(dynamic_user_without_network)
{
	char *out = NULL;
	long uid;

	ck_assert_msg(main_pid > 1, "no kiosk process");
	ck_assert_int_eq(guest(&out, "systemctl show -P DynamicUser " UNIT "; "
				     "systemctl show -P PrivateNetwork " UNIT),
	    0);
	ck_assert_msg(strcmp(out, "yes\nyes\n") == 0,
	    "DynamicUser, PrivateNetwork: %s", out);
	free(out);
	/* systemd's dynamic users are 61184 to 65519. */
	ck_assert_int_eq(guest(&out, "stat -c %%u /proc/%ld", main_pid), 0);
	uid = strtol(out, NULL, 10);
	ck_assert_msg(uid >= 61184 && uid <= 65519,
	    "the kiosk runs as uid %ld, not a dynamic user", uid);
	free(out);
	/* Its network namespace has the loopback device and nothing else. */
	ck_assert_int_eq(guest(&out,
			     "nsenter -t %ld -n ip -o link | "
			     "cut -d: -f2 | tr -d ' '",
			     main_pid),
	    0);
	ck_assert_msg(strcmp(out, "lo\n") == 0,
	    "ip link in the kiosk's namespace: %s", out);
	free(out);
	/* Its terminal is the port the test reads. */
	ck_assert_int_eq(guest(&out, "readlink /proc/%ld/fd/0", main_pid), 0);
	ck_assert_str_eq(out, "/dev/ttyS1\n");
	free(out);
}
END_TEST

START_TEST(hardening_as_shipped)
{
	char *out = NULL, *p;
	const char *key = "Overall exposure level for " UNIT ": ";

	ck_assert_msg(booted, "the guide never came up");
	ck_assert_int_eq(
	    guest(&out, "systemd-analyze security --no-pager " UNIT), 0);
	p = strstr(out, key);
	ck_assert_msg(p != NULL, "no score: %s", out);
	printf("vm: %.*s\n", (int)strcspn(p, "\n"), p);
	ck_assert_msg(strtod(p + strlen(key), NULL) <= 1.5,
	    "exposure above 1.5 on the machine:\n%s", out);
	free(out);
}
END_TEST

/* A key as a person types it on the kiosk: a control character, Esc or
 * a letter. */
struct vkey {
	const char *name;
	char byte;
	int resets; /* the kiosk starts over (Esc, q, Ctrl-C) */
};

START_TEST(no_key_ends_it)
{
	static const struct vkey keys[] = { { "Ctrl-C", 0x03, 1 },
		{ "Ctrl-Z", 0x1a, 0 }, { "Ctrl-\\", 0x1c, 0 },
		{ "Ctrl-D", 0x04, 0 }, { "Esc", 0x1b, 1 }, { "q", 'q', 1 } };

	ck_assert_msg(booted, "the guide never came up");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		expect_start(keys[i].name);
		gs_key(kiosk, TERM_KEY_ENTER);
		gs_wait_screen(kiosk, en, "steps");
		term_send_bytes(kiosk, &keys[i].byte, 1);
		if (keys[i].resets) {
			expect_start(keys[i].name);
		} else {
			/* Read as nothing: still the same screen. */
			term_settle(kiosk, 1500, 3000);
			gs_wait_screen(kiosk, en, "steps");
			gs_expect_crisis(kiosk, en);
			gs_key(kiosk, TERM_KEY_ESC);
		}
		expect_same_process(keys[i].name);
		printf("vm: %s: the guide %s, same process\n", keys[i].name,
		    keys[i].resets ? "started over" : "went on");
	}
	expect_start("the keys");
}
END_TEST

START_TEST(idle_reset_wipes)
{
	long idle = strtol(env_or("VM_IDLE", "20"), NULL, 10);
	long countdown = strtol(env_or("VM_COUNTDOWN", "5"), NULL, 10);
	char *still = gs_words(gs_ui(en, GUIDE_UI_STILL_THERE), 40);
	const char *todo;
	const struct guide_screen *step1;
	size_t from;
	long long t0;

	ck_assert_msg(booted, "the guide never came up");
	expect_start("idle");
	todo = gs_walk_to_last_todo(kiosk, en, 1);
	step1 = &en->screens[en->steps[0].screen];
	gs_ch(kiosk, ' ');
	gs_wait_ticked(kiosk, todo);
	from = 0;
	term_output(kiosk, &from);
	t0 = term_now_ms();
	ck_assert_msg(
	    term_wait_text(kiosk, still,
		(int)((idle + 10) * 1000 / term_factor()), NULL, NULL) == 0,
	    "no \"still there?\" %ld s after the last key:\n%s", idle + 10,
	    term_dump(kiosk));
	printf("vm: \"still there?\" after %.1f s\n",
	    (term_now_ms() - t0) / 1000.0);
	t0 = term_now_ms();
	ck_assert_msg(term_wait_text(kiosk, en->screens[en->start].title,
			  (int)((countdown + 10) * 1000 / term_factor()), NULL,
			  NULL) == 0,
	    "no start screen %ld s after \"still there?\":\n%s", countdown + 10,
	    term_dump(kiosk));
	printf("vm: the start screen %.1f s later\n",
	    (term_now_ms() - t0) / 1000.0);
	expect_start("the idle reset");
	/* Wiped: the screen cleared, then the scrollback erased, nothing of
	 * the step left on the screen, the tick forgotten. */
	ck_assert_msg(term_output_has_since(kiosk, from, "\033[H\033[J", 6) &&
			  term_output_has_since(kiosk, from, "\033[3J", 4),
	    "the idle reset did not clear the screen and the scrollback");
	ck_assert_msg(term_find(kiosk, step1->title, NULL, NULL) != 0,
	    "the step's title is still on the screen:\n%s", term_dump(kiosk));
	ck_assert_msg(term_find(kiosk, still, NULL, NULL) != 0,
	    "\"still there?\" is still on the screen:\n%s", term_dump(kiosk));
	gs_walk_to_last_todo(kiosk, en, 1);
	ck_assert_msg(gs_todo_state(kiosk, todo) == 0,
	    "\"%s\" is still ticked after the idle reset:\n%s", todo,
	    term_dump(kiosk));
	gs_key(kiosk, TERM_KEY_ESC);
	expect_start("Esc");
	expect_same_process("the idle reset");
	free(still);
}
END_TEST

START_TEST(random_keys)
{
	static const enum term_key named[] = { TERM_KEY_ENTER, TERM_KEY_ESC,
		TERM_KEY_TAB, TERM_KEY_BACKSPACE, TERM_KEY_UP, TERM_KEY_DOWN,
		TERM_KEY_LEFT, TERM_KEY_RIGHT, TERM_KEY_HOME, TERM_KEY_END,
		TERM_KEY_PGUP, TERM_KEY_PGDN, TERM_KEY_F1 };
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789 "
				    "hhqqpcb?\r\t/.,-";
	unsigned seed = (unsigned)strtoul(env_or("VM_SEED", "0"), NULL, 10);
	int controls = 0;

	ck_assert_msg(booted, "the guide never came up");
	if (seed == 0)
		seed = (unsigned)time(NULL);
	printf("vm: %d random keys, VM_SEED=%u\n", RANDOM_KEYS, seed);
	srand(seed);
	expect_start("random keys");
	for (int i = 0; i < RANDOM_KEYS; i++) {
		int kind = rand() % 10;

		if (kind < 3) {
			gs_key(kiosk,
			    named[rand() % (sizeof named / sizeof named[0])]);
		} else if (kind < 5) {
			/* Every control character, Ctrl-S and Ctrl-Q too. */
			char c = (char)(1 + rand() % 31);

			term_send_bytes(kiosk, &c, 1);
			controls++;
		} else {
			gs_ch(kiosk, chars[rand() % (sizeof chars - 1)]);
		}
		if (i % 25 == 24)
			term_settle(kiosk, 20, 300);
	}
	term_settle(kiosk, 1000, 5000);
	expect_same_process("1,000 random keys");
	/* And it still answers: Enter ends a line the plain mode may hold,
	 * q starts over (from the plain mode too), Esc leaves the screen
	 * Enter chose in the full screen. */
	term_send_bytes(kiosk, "\r", 1);
	term_settle(kiosk, 500, 3000);
	term_send_bytes(kiosk, "q\r", 2);
	term_settle(kiosk, 500, 3000);
	gs_key(kiosk, TERM_KEY_ESC);
	expect_start("Enter, q, Enter and Esc after the random keys");
	printf("vm: %d random keys (%d control characters): same process, "
	       "and it still answers\n",
	    RANDOM_KEYS, controls);
}
END_TEST

START_TEST(killed_comes_back_without_login)
{
	char *out = NULL;
	size_t from = 0;
	long long t0, t1, done;
	long pid;

	ck_assert_msg(main_pid > 1, "no kiosk process");
	term_forget(kiosk);
	term_output(kiosk, &from);
	/*
	 * The kill happens at the end of the ssh command, after it has
	 * connected (a second or more under emulation): the 5 s count from
	 * when the command returns, a few milliseconds after the kill.
	 */
	t0 = term_now_ms();
	ck_assert_int_eq(guest(&out, "systemctl kill -s KILL " UNIT), 0);
	t1 = term_now_ms();
	free(out);
	ck_assert_msg(term_wait_text(kiosk, en->screens[en->start].title,
			  (int)(BACK_MS / term_factor()), NULL, NULL) == 0,
	    "the guide is not back %d s after the kill:\n%s", BACK_MS / 1000,
	    term_dump(kiosk));
	done = term_now_ms();
	printf("vm: killed; the guide is back %.1f s after systemctl kill "
	       "returned (%.1f s after ssh started)\n",
	    (done - t1) / 1000.0, (done - t0) / 1000.0);
	ck_assert_msg(
	    done - t1 <= BACK_MS, "back only after %lld ms", done - t1);
	expect_start("the restart");
	expect_nothing_else(from, "after the kill");
	pid = unit_number("MainPID");
	ck_assert_msg(pid > 1 && pid != main_pid,
	    "MainPID %ld after the kill (was %ld)", pid, main_pid);
	expected_restarts++;
	ck_assert_int_eq(unit_number("NRestarts"), expected_restarts);
	main_pid = pid;
	restarts = expected_restarts;
}
END_TEST

/* Run the Ansible role against the machine; its output into
 * VM_LOG.ansible.N.  Returns the exit status; *recap the PLAY RECAP
 * line of the machine (caller frees). */
static int
run_role(int n, char **recap)
{
	char *cmd, log[4096], line[1024];
	const char *ans = getenv("VM_ANSIBLE");
	FILE *f;
	int st;

	*recap = NULL;
	ck_assert_msg(ans != NULL, "VM_ANSIBLE is not set");
	snprintf(log, sizeof log, "%s.ansible.%d",
	    env_or("VM_LOG", "build/vm/kiosk"), n);
	cmd = xasprintf("%s >'%s' 2>&1", ans, log);
	st = system(cmd);
	free(cmd);
	f = fopen(log, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL)
		if (strstr(line, " : ok=") != NULL) {
			free(*recap);
			line[strcspn(line, "\n")] = '\0';
			*recap = xstrdup(line);
		}
	fclose(f);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

START_TEST(ansible_role_puts_counsellor_on_help)
{
	const char *person = env_or("VM_PERSON", "?");
	const char *details = env_or("VM_PERSON_DETAILS", "?");
	char *recap = NULL, *out = NULL, *w;
	long long t0 = term_now_ms();
	size_t from = 0;
	int st;

	ck_assert_msg(booted, "the guide never came up");
	term_forget(kiosk);
	term_output(kiosk, &from);
	st = run_role(1, &recap);
	printf("vm: the role ran in %.1f s: %s\n",
	    (term_now_ms() - t0) / 1000.0, recap ? recap : "(no recap)");
	ck_assert_msg(st == 0 && recap != NULL && strstr(recap, " failed=0"),
	    "ansible-playbook: status %d, %s (see the log beside VM_LOG)", st,
	    recap ? recap : "no recap");
	free(recap);
	/* The site file is in place, as the kiosk's dynamic user reads it. */
	ck_assert_int_eq(
	    guest(&out, "stat -c '%%U %%a' /etc/safesteps/site.json"), 0);
	ck_assert_str_eq(out, "root 644\n");
	free(out);
	/* The role restarted the kiosk: a new process reads the site file. */
	expect_start("the role");
	gs_ch(kiosk, 'h');
	gs_wait_screen(kiosk, en, en->screens[en->help].id);
	w = gs_words(person, 40);
	ck_assert_msg(term_wait_text(kiosk, w, GS_WAIT_MS, NULL, NULL) == 0,
	    "\"%s\" is not on the help screen:\n%s", person, term_dump(kiosk));
	free(w);
	w = gs_words(details, 40);
	ck_assert_msg(term_find(kiosk, w, NULL, NULL) == 0,
	    "\"%s\" is not on the help screen:\n%s", details, term_dump(kiosk));
	free(w);
	printf("vm: the help screen shows %s (%s)\n", person, details);
	gs_key(kiosk, TERM_KEY_ESC);
	expect_start("Esc");
	expect_nothing_else(from, "while the role ran");
	/* A restart by hand starts systemd's count of restarts anew. */
	main_pid = unit_number("MainPID");
	restarts = unit_number("NRestarts");
	expected_restarts = 0;
	ck_assert_int_eq(restarts, expected_restarts);

	/* A second run changes nothing (and so restarts nothing). */
	t0 = term_now_ms();
	st = run_role(2, &recap);
	printf("vm: the role again in %.1f s: %s\n",
	    (term_now_ms() - t0) / 1000.0, recap ? recap : "(no recap)");
	ck_assert_msg(st == 0 && recap != NULL && strstr(recap, " changed=0") &&
			  strstr(recap, " failed=0"),
	    "the second run: status %d, %s", st, recap ? recap : "no recap");
	free(recap);
	expect_same_process("the role's second run");
}
END_TEST

START_TEST(never_a_login_prompt_nor_an_error)
{
	char *out = NULL;

	ck_assert_msg(booted, "the guide never came up");
	expect_nothing_else(0, "at any time");
	/* The program wrote no error line to the journal (StandardError). */
	ck_assert_int_eq(
	    guest(&out, "journalctl -b -u " UNIT " -o cat --no-pager "
			"| grep '^safesteps:' || true"),
	    0);
	ck_assert_msg(*out == '\0', "the kiosk's error lines:\n%s", out);
	free(out);
	ck_assert_int_eq(
	    guest(&out, "systemctl is-active " UNIT "; systemctl is-system-"
			"running || true"),
	    0);
	printf("vm: %s", out);
	ck_assert_msg(strncmp(out, "active\n", 7) == 0, "%s", out);
	free(out);
}
END_TEST

/* Keep everything the kiosk wrote, for a person to look at. */
static void
save_log(void)
{
	const char *path = getenv("VM_LOG");
	const unsigned char *b;
	size_t n = 0;
	FILE *f;

	if (path == NULL || kiosk == NULL)
		return;
	b = term_output(kiosk, &n);
	f = fopen(path, "w");
	if (f == NULL)
		return;
	fwrite(b, 1, n, f);
	fclose(f);
}

int
main(void)
{
	Suite *s = suite_create("kiosk-vm");
	TCase *tc = tcase_create("vm");
	SRunner *sr;
	int failed;

	power_on_ms = strtoll(env_or("VM_POWER_ON_MS", "0"), NULL, 10);
	if (power_on_ms == 0)
		power_on_ms = epoch_ms();
	en = gs_load(env_or("SAFESTEPS_CONTENT_DIR", "content"), "en");
	if (en == NULL)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	tcase_add_test(tc, guide_soon_after_power_on);
	tcase_add_test(tc, root_shell_over_ssh);
	tcase_add_test(tc, dynamic_user_without_network);
	tcase_add_test(tc, hardening_as_shipped);
	tcase_add_test(tc, no_key_ends_it);
	tcase_add_test(tc, idle_reset_wipes);
	tcase_add_test(tc, random_keys);
	tcase_add_test(tc, killed_comes_back_without_login);
	tcase_add_test(tc, ansible_role_puts_counsellor_on_help);
	tcase_add_test(tc, never_a_login_prompt_nor_an_error);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_VERBOSE);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	save_log();
	term_free(kiosk);
	guide_free(en);
	return failed == 0 ? 0 : 1;
}
