/*
 * test_qr_window.c: QR codes read off real terminal windows.
 *
 * test_qr_term reads the codes off libvterm's cells, which are exact; a
 * phone reads pixels, and a real terminal draws a block glyph with its
 * font, which seldom fills the cell (qr.h, "Half blocks on a real
 * screen").  Here the codes are drawn by real terminals on one X server
 * (Xvfb, at 100 dots per inch) for the whole program: xterm with DejaVu
 * Sans Mono at 11 points (cells of 9x19 pixels: an odd height, as in
 * issue 19's report) and at 14 (12x24), xterm with the bitmap font 9x15
 * (no block glyphs), and st, at the sizes issue 19 names.  For every web address of content/en.json and
 * content/fr.json, the window is captured with xwd and zbarimg must read
 * "https://" followed by the address: each address once per window, on
 * the first screen that shows it.
 *
 * How the program meets the terminal.  The terminal runs a shell that
 * sets its line raw, writes its TERM, window id and tty to a file, and
 * sleeps.  safesteps runs on a pty of the test (term.h) with that TERM
 * and the same size (checked), and every byte it writes goes on to the
 * terminal's tty unchanged.  So the terminal draws exactly what it would
 * draw were safesteps its own child, and the test still sees the screen
 * through libvterm, to find its way and to know when a frame is complete;
 * keys go to safesteps through its pty.  Before a capture, a cursor
 * position query (CSI 6 n) goes after the frame: once the terminal has
 * answered it, it has read the whole frame.
 *
 * A picture that does not read is kept in $SAFESTEPS_BUILD (xwd format:
 * "display FILE", or "convert FILE shot.png").
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guide.h"
#include "guidescreen.h"
#include "run.h"
#include "term.h"
#include "tmpdir.h"
#include "tool.h"
#include "xmalloc.h"

/* The X server's screen: room for the largest window below. */
#define XVFB_SCREEN "1400x1100x24"
/* How long a terminal may take to start, a capture to read (ms, scaled). */
#define WIN_START_MS 10000
#define WIN_READ_MS 4000
/* The most addresses both languages may have. */
#define SEEN_MAX 64

/* The programs and files this test needs, with their Debian packages. */
static const struct need {
	const char *tool; /* a program, or a file (starts with '/') */
	const char *package;
} needs[] = {
	{ "Xvfb", "xvfb" },
	{ "xterm", "xterm" },
	{ "st", "stterm" },
	{ "xwd", "x11-apps" },
	{ "zbarimg", "zbar-tools" },
	{ "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
	    "fonts-dejavu-core" },
	{ "/usr/share/fonts/X11/misc/9x15-ISO8859-1.pcf.gz", "xfonts-base" },
};
#define NNEEDS (sizeof needs / sizeof needs[0])

/*
 * A terminal window: which program, with which font options, how big;
 * how long it may take to paint after it has read a frame (st paints on
 * a timer, at most 33 ms after the last byte: its maxlatency).
 */
static const struct window {
	const char *what;
	const char *argv[8]; /* the program and its font options */
	int rows, cols;
	int paint_ms;
} windows[] = {
	{ "xterm, DejaVu Sans Mono 11, 80x24",
	    { "xterm", "-fa", "DejaVu Sans Mono", "-fs", "11" }, 24, 80, 0 },
	{ "xterm, DejaVu Sans Mono 11, 100x40",
	    { "xterm", "-fa", "DejaVu Sans Mono", "-fs", "11" }, 40, 100, 0 },
	{ "xterm, DejaVu Sans Mono 14, 80x24",
	    { "xterm", "-fa", "DejaVu Sans Mono", "-fs", "14" }, 24, 80, 0 },
	{ "xterm, DejaVu Sans Mono 14, 100x40",
	    { "xterm", "-fa", "DejaVu Sans Mono", "-fs", "14" }, 40, 100, 0 },
	/* No block glyphs: only the wide form reads, where it fits. */
	{ "xterm, 9x15, 100x40", { "xterm", "-fn", "9x15" }, 40, 100, 0 },
	{ "st, DejaVu Sans Mono 11, 80x24",
	    { "st", "-f", "DejaVu Sans Mono:size=11" }, 24, 80, 40 },
};
#define NWINDOWS (int)(sizeof windows / sizeof windows[0])

static struct guide *en, *fr;
static pid_t xvfb_pid = -1;
static char display[32]; /* ":N" */

/* The first thing this test needs that is missing, or NULL. */
static const struct need *
missing(void)
{
	size_t i;
	char *p;

	for (i = 0; i < NNEEDS; i++) {
		if (needs[i].tool[0] == '/') {
			if (access(needs[i].tool, R_OK) != 0)
				return &needs[i];
			continue;
		}
		if ((p = tool_path(needs[i].tool)) == NULL)
			return &needs[i];
		free(p);
	}
	return NULL;
}

/* Fork, and in the child die with the parent and exec argv with env. */
static pid_t
spawn(const char *const argv[], const char *const env[], int keep_fd)
{
	pid_t pid = fork();
	int fd;

	if (pid != 0)
		return pid;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		_exit(127);
	fd = open("/dev/null", O_RDWR);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	for (fd = 3; fd < 1024; fd++)
		if (fd != keep_fd)
			close(fd);
	setsid();
	execve(argv[0], (char *const *)argv, (char *const *)env);
	_exit(127);
}

/* Stop a process this test started: SIGTERM, then SIGKILL. */
static void
stop(pid_t pid)
{
	int i;

	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	for (i = 0; i < 200; i++) {
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return;
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* Start the X server; it says its display number on a pipe. */
static int
xvfb_start(void)
{
	char *path = tool_path("Xvfb"), fdarg[16], buf[32];
	int p[2], n = 0;
	ssize_t got;
	struct pollfd pf;

	if (path == NULL || pipe(p) != 0)
		return -1;
	snprintf(fdarg, sizeof fdarg, "%d", p[1]);
	{
		const char *argv[] = { path, "-displayfd", fdarg, "-screen",
			"0", XVFB_SCREEN, "-dpi", "100", "-nolisten", "tcp",
			"-noreset", NULL };
		const char *env[] = { "PATH=/usr/bin:/bin", NULL };

		xvfb_pid = spawn(argv, env, p[1]);
	}
	free(path);
	close(p[1]);
	pf.fd = p[0];
	pf.events = POLLIN;
	while (n < (int)sizeof buf - 1 &&
	       poll(&pf, 1, term_ms(WIN_START_MS)) > 0) {
		got = read(p[0], buf + n, sizeof buf - 1 - (size_t)n);
		if (got <= 0)
			break;
		n += (int)got;
		if (memchr(buf, '\n', (size_t)n) != NULL)
			break;
	}
	close(p[0]);
	buf[n] = '\0';
	if (n == 0 || buf[0] < '0' || buf[0] > '9') {
		stop(xvfb_pid);
		xvfb_pid = -1;
		return -1;
	}
	snprintf(display, sizeof display, ":%d", atoi(buf));
	return 0;
}

/* One terminal window, and safesteps shown in it. */
struct win {
	const struct window *w;
	pid_t pid;
	char *dir;           /* a directory of the test's own */
	char term[64];       /* the TERM the terminal sets */
	unsigned long wid;   /* its X window */
	int tty;             /* its tty, read and write */
	struct term *t;      /* safesteps */
	size_t sent;         /* bytes of safesteps' output passed on */
	int reads, captures; /* addresses read, captures taken */
	long long read_ms;   /* time spent syncing, capturing, reading */
};

/* Start terminal w; wait for its shell to say where it is. */
static void
win_start(struct win *x, const struct window *w)
{
	char *info, *prog, script[512], line[512], ttyname[256];
	char *argv[16], dispenv[64];
	const char *env[6];
	long long deadline;
	struct winsize ws;
	FILE *f = NULL;
	size_t n = 0;
	int i;

	memset(x, 0, sizeof *x);
	x->w = w;
	x->tty = -1;
	x->dir = tmpdir_make("safesteps-qrwin");
	info = xasprintf("%s/info", x->dir);
	prog = tool_path(w->argv[0]);
	ck_assert_ptr_nonnull(prog);
	snprintf(script, sizeof script,
	    "stty raw -echo; printf '%%s %%s %%s\\n' \"$TERM\" "
	    "\"$WINDOWID\" \"$(tty)\" > '%s.tmp' && mv '%s.tmp' '%s'; "
	    "exec sleep 3600",
	    info, info, info);
	argv[n++] = prog;
	for (i = 1; w->argv[i] != NULL; i++)
		argv[n++] = (char *)w->argv[i];
	snprintf(line, sizeof line, "%dx%d+0+0", w->cols, w->rows);
	argv[n++] = strcmp(w->argv[0], "st") == 0 ? "-g" : "-geometry";
	argv[n++] = line;
	argv[n++] = "-e";
	argv[n++] = "/bin/sh";
	argv[n++] = "-c";
	argv[n++] = script;
	argv[n] = NULL;
	snprintf(dispenv, sizeof dispenv, "DISPLAY=%s", display);
	env[0] = "PATH=/usr/bin:/bin";
	env[1] = dispenv;
	env[2] = "LANG=C.UTF-8";
	env[3] = "HOME=/nonexistent";
	env[4] = NULL;
	x->pid = spawn((const char *const *)argv, env, -1);
	free(prog);
	deadline = term_now_ms() + term_ms(WIN_START_MS);
	while ((f = fopen(info, "r")) == NULL && term_now_ms() < deadline)
		nanosleep(&(struct timespec){ 0, 20 * 1000 * 1000 }, NULL);
	ck_assert_msg(f != NULL, "%s: the terminal did not start", w->what);
	ck_assert_msg(
	    fscanf(f, "%63s %lu %255s", x->term, &x->wid, ttyname) == 3,
	    "%s: the terminal's shell wrote no TERM, window and tty", w->what);
	fclose(f);
	unlink(info);
	free(info);
	x->tty = open(ttyname, O_RDWR | O_NOCTTY | O_NONBLOCK);
	ck_assert_msg(
	    x->tty >= 0, "%s: %s: %s", w->what, ttyname, strerror(errno));
	ck_assert_int_eq(ioctl(x->tty, TIOCGWINSZ, &ws), 0);
	ck_assert_msg(ws.ws_row == w->rows && ws.ws_col == w->cols,
	    "%s: the window is %dx%d", w->what, ws.ws_col, ws.ws_row);
}

static void
win_free(struct win *x)
{
	term_free(x->t);
	x->t = NULL;
	if (x->tty >= 0)
		close(x->tty);
	x->tty = -1;
	stop(x->pid);
	x->pid = -1;
	tmpdir_remove(x->dir);
	free(x->dir);
	x->dir = NULL;
}

/* Write all of buf to the terminal's tty. */
static void
win_write(struct win *x, const void *buf, size_t len)
{
	const char *p = buf;
	struct pollfd pf = { x->tty, POLLOUT, 0 };
	ssize_t n;

	while (len > 0) {
		n = write(x->tty, p, len);
		if (n > 0) {
			p += n;
			len -= (size_t)n;
		} else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			poll(&pf, 1, 100);
		} else {
			ck_abort_msg("%s: writing to the terminal: %s",
			    x->w->what, strerror(errno));
		}
	}
}

/*
 * Pass on what safesteps wrote since last time, then ask where the
 * cursor is and wait for the answer: the terminal has then read it all.
 */
static void
win_sync(struct win *x)
{
	const unsigned char *out;
	size_t len;
	long long deadline = term_now_ms() + term_ms(WIN_READ_MS);
	struct pollfd pf = { x->tty, POLLIN, 0 };
	char buf[256];
	ssize_t n;
	int answered = 0;

	term_pump(x->t);
	out = term_output(x->t, &len);
	win_write(x, out + x->sent, len - x->sent);
	x->sent = len;
	/* anything the terminal said before (none is expected) */
	while (read(x->tty, buf, sizeof buf) > 0)
		;
	win_write(x, "\033[6n", 4);
	while (!answered && term_now_ms() < deadline) {
		if (poll(&pf, 1, 50) <= 0)
			continue;
		while ((n = read(x->tty, buf, sizeof buf)) > 0)
			if (memchr(buf, 'R', (size_t)n) != NULL)
				answered = 1;
	}
	ck_assert_msg(answered, "%s: the terminal does not answer", x->w->what);
	/* it has read the frame; now let it paint */
	if (x->w->paint_ms > 0)
		nanosleep(
		    &(struct timespec){ 0, (long)x->w->paint_ms * 1000 * 1000 },
		    NULL);
}

/* Capture the window into path; 0 on success. */
static int
win_capture(struct win *x, const char *path)
{
	char id[32];
	const char *argv[] = { NULL, "-display", display, "-id", id, "-silent",
		"-out", path, NULL };
	const char *env[] = { "PATH=/usr/bin:/bin", NULL };
	struct run_result r;
	char *xwd = tool_path("xwd");
	int ok;

	snprintf(id, sizeof id, "0x%lx", x->wid);
	argv[0] = xwd;
	ok = run_cmd(argv, env, NULL, 0, NULL, 10000, &r) == 0 &&
	     WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
	run_free(&r);
	free(xwd);
	x->captures++;
	return ok ? 0 : -1;
}

/* What zbarimg reads in the picture at path, or NULL.  Caller frees. */
static char *
zbar_read(const char *path)
{
	const char *env[] = { "PATH=/usr/bin:/bin", NULL };
	char *zbar = tool_path("zbarimg");
	const char *argv[] = { zbar, "-q", "--raw", path, NULL };
	struct run_result r;
	char *got = NULL;
	size_t len;

	if (run_cmd(argv, env, NULL, 0, NULL, 10000, &r) == 0 &&
	    WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0) {
		len = strlen(r.out);
		while (len > 0 && r.out[len - 1] == '\n')
			r.out[--len] = '\0';
		if (len > 0)
			got = xstrdup(r.out);
	}
	run_free(&r);
	free(zbar);
	return got;
}

/*
 * The code now drawn must read as address: capture and read; a picture
 * that reads wrong (the terminal may still be painting) is taken again
 * until WIN_READ_MS, then kept and the test fails.
 */
static void
win_expect(struct win *x, const char *address, const char *where)
{
	char *want = xasprintf("https://%s", address);
	char *path = xasprintf("%s/shot.xwd", x->dir);
	long long deadline = term_now_ms() + term_ms(WIN_READ_MS);
	char *got = NULL, *kept;
	const char *build = getenv("SAFESTEPS_BUILD");
	long long t0 = term_now_ms();
	int tries = 0;

	for (;;) {
		free(got);
		win_sync(x);
		got = win_capture(x, path) == 0 ? zbar_read(path) : NULL;
		tries++;
		if ((got != NULL && strcmp(got, want) == 0) ||
		    term_now_ms() > deadline)
			break;
		nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 }, NULL);
	}
	if (got == NULL || strcmp(got, want) != 0) {
		int i = (int)(x->w - windows);

		char *name = xstrdup(address), *c;

		for (c = name; *c != '\0'; c++)
			if (*c == '/')
				*c = '_';
		kept = xasprintf("%s/qr-window-%d-%s.xwd",
		    build != NULL ? build : ".", i, name);
		free(name);
		if (rename(path, kept) != 0) {
			free(kept);
			kept = xstrdup("(not kept)");
		}
		ck_abort_msg("%s: %s: read \"%s\", not \"%s\", in %d "
			     "captures; the picture: %s\n%s",
		    x->w->what, where, got != NULL ? got : "nothing", want,
		    tries, kept, term_dump(x->t));
	}
	unlink(path);
	free(got);
	free(path);
	free(want);
	x->reads++;
	x->read_ms += term_now_ms() - t0;
}

/* Whether address is among the n in seen. */
static int
seen_has(char **seen, size_t n, const char *address)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(seen[i], address) == 0)
			return 1;
	return 0;
}

/*
 * Show safesteps in language g in the window, and read every web
 * address of g not in seen (adding it), on the first screen that shows it.
 */
static void
win_guide(struct win *x, const struct guide *g, char **seen, size_t *nseen)
{
	const char *dir = gs_content_dir();
	const char *argv[] = { gs_bin(), "--content", dir, "--lang", g->lang,
		NULL };
	char termenv[96];
	const char *env[] = { termenv, "LANG=C.UTF-8", NULL };
	size_t s, r;
	char where[256];
	int depth, keys[64];

	snprintf(termenv, sizeof termenv, "TERM=%s", x->term);
	x->t = term_start(x->w->rows, x->w->cols, env, argv);
	ck_assert_ptr_nonnull(x->t);
	x->sent = 0;
	gs_wait_screen(x->t, g, g->screens[g->start].id);
	for (s = 0; s < g->nscreens; s++) {
		const struct guide_screen *sc = &g->screens[s];
		int fresh = 0;

		for (r = 0; r < sc->nresources; r++) {
			const char *web = g->resources[sc->resources[r]].web;

			fresh += web != NULL && !seen_has(seen, *nseen, web);
		}
		if (fresh == 0 || gs_path(g, s, keys, 64) < 0)
			continue;
		depth = gs_go(x->t, g, s);
		for (r = 0; r < sc->nresources; r++) {
			const char *web = g->resources[sc->resources[r]].web;

			if (web == NULL)
				continue;
			/* c shows the next address of the screen */
			gs_ch_settle(x->t, 'c');
			if (seen_has(seen, *nseen, web))
				continue;
			snprintf(where, sizeof where, "%s, screen %s", g->lang,
			    sc->id);
			win_expect(x, web, where);
			ck_assert_uint_lt(*nseen, SEEN_MAX);
			seen[(*nseen)++] = xstrdup(web);
		}
		gs_back_to_start(x->t, g, depth + 1);
	}
	term_free(x->t);
	x->t = NULL;
}

/* One window: every web address of both languages reads. */
START_TEST(window_codes)
{
	const struct window *w = &windows[_i];
	struct win x;
	char *seen[SEEN_MAX];
	size_t nseen = 0, i, r;
	long long t0 = term_now_ms();
	const struct need *m = missing();

	if (m != NULL) {
		tool_need(w->what, m->tool, m->package);
		return;
	}
	ck_assert_msg(xvfb_pid > 0, "Xvfb did not start");
	win_start(&x, w);
	win_guide(&x, en, seen, &nseen);
	if (fr != NULL)
		win_guide(&x, fr, seen, &nseen);
	/* every address of both files was read */
	ck_assert_msg(fr != NULL, "content/fr.json does not load");
	for (i = 0; i < en->nresources; i++)
		ck_assert_msg(en->resources[i].web == NULL ||
				  seen_has(seen, nseen, en->resources[i].web),
		    "%s: en: %s is on no screen reached by choices", w->what,
		    en->resources[i].web);
	for (r = 0; r < fr->nresources; r++)
		ck_assert_msg(fr->resources[r].web == NULL ||
				  seen_has(seen, nseen, fr->resources[r].web),
		    "%s: fr: %s is on no screen reached by choices", w->what,
		    fr->resources[r].web);
	printf("qr_window: %s (TERM=%s): %d addresses read in %d captures "
	       "(%.1f s), %.1f s in all\n",
	    w->what, x.term, x.reads, x.captures, (double)x.read_ms / 1000,
	    (double)(term_now_ms() - t0) / 1000);
	fflush(stdout);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	win_free(&x);
}
END_TEST

static Suite *
window_suite(void)
{
	Suite *s = suite_create("qr_window");
	TCase *tc = tcase_create("windows");
	const struct need *m = missing();

	tcase_set_timeout(tc, term_seconds(60));
	/* one SKIP for all windows when something is missing (CI fails) */
	tool_add_loop_test(tc, window_codes, 0, NWINDOWS,
	    m != NULL ? m->tool : "Xvfb", m != NULL ? m->package : "xvfb");
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	int status;

	if (missing() == NULL && xvfb_start() != 0)
		fprintf(stderr, "test_qr_window: Xvfb did not start\n");
	status = gs_main("test_qr_window", window_suite, &en, &fr);
	stop(xvfb_pid);
	return status;
}
