/*
 * test_hostile.c: the program under stress, through a real terminal and
 * through pipes.
 *
 * A resize storm; tiny and huge windows at start; every kind of TERM and
 * LANG a machine may have; stdin closed or at EOF, stdout on a full disk;
 * SIGTERM, SIGHUP and SIGINT at random moments of a session.  In each case
 * the program must neither crash nor garble the terminal: it shows the
 * guide (or the "make the window bigger" view, or the plain mode), leaves
 * with the documented status, puts the terminal's modes back exactly, and
 * never rings the bell.
 *
 * Expected text comes from the content files ($SAFESTEPS_CONTENT_DIR)
 * through the loader, so a change of wording does not break a test.  The
 * random sessions use a fixed seed, printed on failure; HOSTILE_SEED=N
 * runs them with another.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ascii.h"
#include "guide.h"
#include "layout.h"
#include "run.h"
#include "guidescreen.h"
#include "term.h"
#include "xmalloc.h"

/* How long the first screen may take (scaled). */
#define START_MS 5000
/* How long leaving may take (scaled). */
#define EXIT_MS 3000

/* The content under test, loaded by gs_main. */
static struct guide *en, *fr;

/* ---- the content ---- */

/* g, which must have loaded (gs_main requires only English). */
static struct guide *
need(struct guide *g, const char *lang)
{
	ck_assert_msg(
	    g != NULL, "%s/%s.json does not load", gs_content_dir(), lang);
	return g;
}

/* Text as it is shown in a locale that is or is not UTF-8.  Caller
 * frees. */
static char *
shown(const char *text, int utf8)
{
	return utf8 ? xstrdup(text) : ascii_fold(text);
}

/* Whether the start of g's start title is on row 0. */
static int
title_on_top(struct term *t, const struct guide *g, int cols, int utf8)
{
	char *full = shown(g->screens[g->start].title, utf8);
	char *w = gs_words(full, cols - 2 > 10 ? cols - 2 : cols);
	int r = term_find_in_row(t, 0, w) >= 0;

	free(w);
	free(full);
	return r;
}

/* The row the crisis line starts on (its first words, full or short
 * form), or -1. */
static int
crisis_row(struct term *t, const struct guide *g, int cols, int utf8)
{
	const char *forms[] = { g->crisis, g->crisis_short };
	int row = -1;

	for (size_t k = 0; k < 2 && row < 0; k++) {
		char *full = shown(forms[k], utf8);
		char *w = gs_words(full, cols);

		if (term_find(t, w, &row, NULL) != 0)
			row = -1;
		free(w);
		free(full);
	}
	return row;
}

/* Whether some row holds exactly the crisis line, full or short (as
 * shown in the locale), apart from leading blanks. */
static int
crisis_whole(struct term *t, const struct guide *g, int utf8)
{
	const char *forms[] = { g->crisis, g->crisis_short };
	int rows, cols, found = 0;

	term_size(t, &rows, &cols);
	for (size_t k = 0; k < 2 && !found; k++) {
		char *want = shown(forms[k], utf8);

		for (int r = 0; r < rows && !found; r++) {
			const char *row = term_row_text(t, r);

			while (*row == ' ')
				row++;
			found = strcmp(row, want) == 0;
		}
		free(want);
	}
	return found;
}

/* ---- the program ---- */

struct start_wait {
	const struct guide *g;
	int cols, utf8;
};

static int
start_ok(struct term *t, void *arg)
{
	struct start_wait *w = arg;

	return title_on_top(t, w->g, w->cols, w->utf8) &&
	       crisis_row(t, w->g, w->cols, w->utf8) >= 0;
}

/* Wait for g's start screen: title on top, crisis line in view. */
static void
expect_start(struct term *t, const struct guide *g, int utf8, const char *what)
{
	int rows, cols;
	struct start_wait w;

	term_size(t, &rows, &cols);
	w.g = g;
	w.cols = cols;
	w.utf8 = utf8;
	ck_assert_msg(term_wait_until(t, start_ok, &w, START_MS) == 0,
	    "%s: no start screen with its crisis line at %dx%d:\n%s", what,
	    cols, rows, term_dump(t));
}

static int
output_ok(struct term *t, void *arg)
{
	const char *text = arg;

	return term_output_has(t, text, strlen(text));
}

/* Wait until the program has written text (it may have scrolled off the
 * screen since: the plain mode writes line after line). */
static int
wait_output(struct term *t, const char *text)
{
	return term_wait_until(t, output_ok, (void *)text, START_MS);
}

/* The program ends by itself within EXIT_MS with status code, the
 * terminal as it was, and no bell. */
static void
expect_exit(struct term *t, int code, const char *what)
{
	char why[512];
	int status = 0;

	ck_assert_msg(term_wait_exit(t, EXIT_MS, &status) >= 0,
	    "%s: still running:\n%s", what, term_dump(t));
	ck_assert_msg(!WIFSIGNALED(status), "%s: killed by signal %d", what,
	    WTERMSIG(status));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == code,
	    "%s: exit status %d, not %d:\n%s", what, WEXITSTATUS(status), code,
	    term_dump(t));
	ck_assert_msg(term_termios_restored(t, why, sizeof why),
	    "%s: terminal modes not restored: %s", what, why);
	ck_assert_msg(
	    term_bells(t) == 0, "%s: %d bell(s)", what, term_bells(t));
}

/* 1 if the screen holds U+FFFD, the mark of a broken character. */
static int
has_replacement(struct term *t)
{
	return strstr(term_screen_text(t), "\xef\xbf\xbd") != NULL;
}

/* 1 if every byte of the screen is ASCII. */
static int
screen_is_ascii(struct term *t)
{
	for (const unsigned char *s =
		 (const unsigned char *)term_screen_text(t);
	     *s != '\0'; s++) {
		if (*s >= 0x80)
			return 0;
	}
	return 1;
}

/* A small pseudo-random generator, so that a seed replays a session. */
static unsigned long long rng_state;

static unsigned
rng(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng_state >> 33) % n);
}

/* The seed: fixed, so that a failure in CI replays; HOSTILE_SEED gives
 * another (a failure message names the one used). */
static unsigned long long
seed(void)
{
	const char *s = getenv("HOSTILE_SEED");

	if (s != NULL && *s != '\0')
		return strtoull(s, NULL, 10);
	return 20261130ULL;
}

/* ---- the resize storm ---- */

/* 300 sizes in 3 s between 1x1 and 250x80, then normal use at 80x24. */
START_TEST(resize_storm)
{
	const struct guide *g = need(en, "en");
	const struct guide_screen *next;
	unsigned long long s = seed();
	struct term *t;
	char *w;
	int row;

	rng_state = s;
	t = gs_start(24, 80, gs_env_xterm, NULL);
	expect_start(t, g, 1, "before the storm");
	for (int i = 0; i < 300; i++) {
		int rows, cols;

		if (i % 50 == 0) {
			rows = 1;
			cols = 1;
		} else if (i % 50 == 25) {
			rows = 80;
			cols = 250;
		} else {
			rows = 1 + (int)rng(80);
			cols = 1 + (int)rng(250);
		}
		ck_assert_int_eq(term_resize(t, rows, cols), 0);
		term_pump(t);
		term_sleep_ms(10);
		ck_assert_msg(!term_exited(t),
		    "seed %llu: the program ended during the storm (size "
		    "%d: %dx%d)",
		    s, i, cols, rows);
	}
	ck_assert_int_eq(term_resize(t, 24, 80), 0);
	expect_start(t, g, 1, "after the storm");
	/* The layout of a calm 80x24: title on top, crisis line at the
	 * bottom, nothing of another size left over. */
	row = crisis_row(t, g, 80, 1);
	ck_assert_msg(row >= 21, "seed %llu: crisis line on row %d:\n%s", s,
	    row, term_dump(t));
	ck_assert(!has_replacement(t));
	/* Keys work: the first choice leads on, Esc leaves. */
	next = &g->screens[g->screens[g->start].choices[0].target];
	w = gs_words(next->title, 70);
	term_send_key(t, TERM_KEY_ENTER);
	ck_assert_msg(term_wait_text(t, w, START_MS, &row, NULL) == 0,
	    "seed %llu: Enter does not lead to \"%s\":\n%s", s, w,
	    term_dump(t));
	ck_assert_int_eq(row, 0);
	free(w);
	term_send_key(t, TERM_KEY_ESC);
	expect_exit(t, 0, "Esc after the storm");
	term_free(t);
}
END_TEST

/* ---- sizes at start ---- */

static const struct {
	int cols, rows;
} sizes[] = { { 1, 1 }, { 2, 2 }, { 10, 3 }, { 40, 10 }, { 300, 100 } };

START_TEST(start_size)
{
	const struct guide *g = need(en, "en");
	int cols = sizes[_i].cols, rows = sizes[_i].rows;
	struct term *t = gs_start(rows, cols, gs_env_xterm, NULL);
	char what[64];

	snprintf(what, sizeof what, "start at %dx%d", cols, rows);
	if (cols >= 40 && rows >= 10) {
		/* The real view, with the crisis line. */
		expect_start(t, g, 1, what);
	} else {
		/* The "bigger window" view, as much of it as fits; at least
		 * the program is up and quiet. */
		term_settle(t, 200, START_MS);
		ck_assert_msg(!term_exited(t), "%s: the program ended:\n%s",
		    what, term_dump(t));
		if (cols >= 10 && rows >= 3) {
			char *w = gs_words(g->ui[GUIDE_UI_TOO_SMALL], cols);
			int found = term_find(t, w, NULL, NULL) == 0 ||
				    crisis_row(t, g, cols, 1) >= 0;

			ck_assert_msg(found,
			    "%s: neither \"%s\" nor the crisis line:\n%s", what,
			    w, term_dump(t));
			free(w);
		}
	}
	ck_assert(!has_replacement(t));
	term_send_key(t, TERM_KEY_ESC);
	expect_exit(t, 0, what);
	term_free(t);
}
END_TEST

/* ---- TERM ---- */

/* The kinds that get the plain mode come first: term_kinds_eof runs over
 * those alone. */
static const struct {
	const char *env; /* the TERM entry, or NULL for none */
	int plain;       /* 1: the plain mode is expected */
} terms[] = {
	{ NULL, 1 },
	{ "TERM=", 1 },
	{ "TERM=dumb", 1 },
	{ "TERM=no-such-terminal-xyz", 1 },
	{ "TERM=linux", 0 },
	{ "TERM=vt100", 0 },
};
#define PLAIN_TERMS 4

/* Each kind of TERM: the right mode, and a clean q. */
START_TEST(term_kinds)
{
	const struct guide *g = need(en, "en");
	const char *env[] = { "LANG=C.UTF-8", terms[_i].env, NULL };
	struct term *t = gs_start(24, 80, env, NULL);
	char what[64];
	size_t len;

	snprintf(what, sizeof what, "%s",
	    terms[_i].env != NULL ? terms[_i].env : "TERM unset");
	if (terms[_i].plain) {
		char *w = gs_words(g->screens[g->start].title, 70);
		const unsigned char *out;

		ck_assert_msg(wait_output(t, w) == 0,
		    "%s: no start screen:\n%s", what, term_dump(t));
		free(w);
		/* The plain mode writes text, never an escape sequence. */
		out = term_output(t, &len);
		ck_assert_msg(memchr(out, 0x1b, len) == NULL,
		    "%s: an escape sequence in the plain mode", what);
		term_send_bytes(t, "q\r", 2);
	} else {
		expect_start(t, g, 1, what);
		term_send_char(t, 'q', 0);
	}
	ck_assert(!has_replacement(t));
	expect_exit(t, 0, what);
	term_free(t);
}
END_TEST

/* The plain kinds at end of input (Ctrl-D on the terminal): leave, 0. */
START_TEST(term_kinds_eof)
{
	const struct guide *g = need(en, "en");
	const char *env[] = { "LANG=C.UTF-8", terms[_i].env, NULL };
	struct term *t;
	char *w;

	ck_assert_msg(terms[_i].plain,
	    "terms[%d] is not a plain kind: mend PLAIN_TERMS", _i);
	t = gs_start(24, 80, env, NULL);
	w = gs_words(g->screens[g->start].title, 70);
	ck_assert_msg(
	    wait_output(t, w) == 0, "no start screen:\n%s", term_dump(t));
	free(w);
	term_send_bytes(t, "\004", 1);
	expect_exit(t, 0, "Ctrl-D in the plain mode");
	term_free(t);
}
END_TEST

/* ---- LANG ---- */

static const struct {
	const char *env; /* the LANG entry, or NULL for none */
	int utf8;        /* the screen should be UTF-8 */
	int french;      /* the French guide is expected */
} langs[] = {
	{ NULL, 0, 0 }, { "LANG=C", 0, 0 }, { "LANG=C.UTF-8", 1, 0 },
	{ "LANG=fr_CA.UTF-8", 1, 1 },
	{ "LANG=de_DE.UTF-8", 1, 0 }, /* not installed */
	{ "LANG=xx_YY.UTF-8", 1, 0 }, /* no such locale at all */
};

START_TEST(lang_kinds)
{
	const struct guide *g =
	    langs[_i].french ? need(fr, "fr") : need(en, "en");
	const char *env[] = { "TERM=xterm-256color", langs[_i].env, NULL };
	struct term *t = gs_start(24, 80, env, NULL);
	char what[64];

	snprintf(what, sizeof what, "%s",
	    langs[_i].env != NULL ? langs[_i].env : "LANG unset");
	expect_start(t, g, langs[_i].utf8, what);
	ck_assert_msg(!has_replacement(t), "%s: U+FFFD on screen:\n%s", what,
	    term_dump(t));
	/* The crisis line (full or short form) whole on one row, every
	 * character as written, or folded to ASCII in the C locale. */
	ck_assert_msg(crisis_whole(t, g, langs[_i].utf8),
	    "%s: the crisis line is not shown whole:\n%s", what, term_dump(t));
	if (!langs[_i].utf8)
		ck_assert_msg(screen_is_ascii(t),
		    "%s: non-ASCII on the screen:\n%s", what, term_dump(t));
	term_send_key(t, TERM_KEY_ESC);
	expect_exit(t, 0, what);
	term_free(t);
}
END_TEST

/* ---- stdin and stdout ---- */

/* stdin closed (fd 0 not open) on a terminal: no crash, a clean end. */
START_TEST(stdin_closed_tty)
{
	const char *argv[] = { "/bin/sh", "-c",
		"exec \"$0\" --content \"$1\" <&-", gs_bin(), gs_content_dir(),
		NULL };
	struct term *t = term_start(24, 80, gs_env_xterm, argv);
	char why[512];
	int status = 0;

	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_exit(t, EXIT_MS, &status) >= 0,
	    "still running with stdin closed:\n%s", term_dump(t));
	ck_assert_msg(WIFEXITED(status) && (WEXITSTATUS(status) == 0 ||
					       WEXITSTATUS(status) == 1),
	    "stdin closed: status %d:\n%s", status, term_dump(t));
	ck_assert_msg(term_termios_restored(t, why, sizeof why),
	    "stdin closed: modes not restored: %s", why);
	ck_assert_int_eq(term_bells(t), 0);
	term_free(t);
}
END_TEST

/* stdin /dev/null on a terminal: the end of input is a quiet leave. */
START_TEST(stdin_null_tty)
{
	const char *argv[] = { "/bin/sh", "-c",
		"exec \"$0\" --content \"$1\" </dev/null", gs_bin(),
		gs_content_dir(), NULL };
	struct term *t = term_start(24, 80, gs_env_xterm, argv);

	ck_assert_ptr_nonnull(t);
	expect_exit(t, 0, "stdin /dev/null on a terminal");
	term_free(t);
}
END_TEST

/* Through pipes (the plain mode): stdin closed, and /dev/null. */
START_TEST(stdin_pipes)
{
	const char *closed[] = { "/bin/sh", "-c",
		"exec \"$0\" --content \"$1\" <&-", gs_bin(), gs_content_dir(),
		NULL };
	const char *null[] = { "/bin/sh", "-c",
		"exec \"$0\" --content \"$1\" </dev/null", gs_bin(),
		gs_content_dir(), NULL };
	const char *print[] = { "/bin/sh", "-c",
		"exec \"$0\" --print --content \"$1\" <&-", gs_bin(),
		gs_content_dir(), NULL };
	struct run_result r = { 0 };

	ck_assert_int_eq(
	    run_cmd(closed, gs_env_xterm, NULL, 0, NULL, EXIT_MS, &r), 0);
	ck_assert_msg(r.status != -1 && WIFEXITED(r.status),
	    "plain, stdin closed: status %d", r.status);
	ck_assert_msg(WEXITSTATUS(r.status) == 0 ||
			  (WEXITSTATUS(r.status) == 1 && r.errlen > 0),
	    "plain, stdin closed: exit %d, stderr: %s", WEXITSTATUS(r.status),
	    r.err);
	run_free(&r);

	ck_assert_int_eq(
	    run_cmd(null, gs_env_xterm, NULL, 0, NULL, EXIT_MS, &r), 0);
	ck_assert_msg(
	    r.status != -1 && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "plain, stdin /dev/null: status %d, stderr: %s", r.status, r.err);
	ck_assert_msg(strstr(r.out, en->screens[en->start].title) != NULL,
	    "plain, stdin /dev/null: no start screen:\n%s", r.out);
	run_free(&r);

	/* The handout does not read stdin at all. */
	ck_assert_int_eq(
	    run_cmd(print, gs_env_xterm, NULL, 0, NULL, EXIT_MS, &r), 0);
	ck_assert_msg(
	    r.status != -1 && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "--print, stdin closed: status %d, stderr: %s", r.status, r.err);
	run_free(&r);
}
END_TEST

static const char *const short_opts[] = { "--help", "--version",
	"--list-languages" };

/* stdout on a full disk: exit 1 with a message, in both line modes and
 * for the short answers. */
START_TEST(stdout_full)
{
	const char *plain[] = { gs_bin(), "--plain", "--content",
		gs_content_dir(), NULL };
	const char *print[] = { gs_bin(), "--print", "--content",
		gs_content_dir(), NULL };
	struct run_result r = { 0 };

	need(en, "en");
	ck_assert_int_eq(
	    run_cmd(plain, gs_env_xterm, "1\nq\n", 4, "/dev/full", EXIT_MS, &r),
	    0);
	ck_assert_msg(
	    r.status != -1 && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 1,
	    "--plain >/dev/full: status %d", r.status);
	ck_assert_msg(strstr(r.err, "safesteps: ") != NULL,
	    "--plain >/dev/full: no message:\n%s", r.err);
	run_free(&r);

	ck_assert_int_eq(
	    run_cmd(print, gs_env_xterm, NULL, 0, "/dev/full", EXIT_MS, &r), 0);
	ck_assert_msg(
	    r.status != -1 && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 1,
	    "--print >/dev/full: status %d", r.status);
	ck_assert_msg(strstr(r.err, "safesteps: ") != NULL,
	    "--print >/dev/full: no message:\n%s", r.err);
	run_free(&r);

	/* The short answers too: a write error is never silent. */
	for (size_t i = 0; i < sizeof short_opts / sizeof short_opts[0]; i++) {
		const char *argv[] = { gs_bin(), short_opts[i], "--content",
			gs_content_dir(), NULL };

		ck_assert_int_eq(run_cmd(argv, gs_env_xterm, NULL, 0,
				     "/dev/full", EXIT_MS, &r),
		    0);
		ck_assert_msg(r.status != -1 && WIFEXITED(r.status) &&
				  WEXITSTATUS(r.status) == 1,
		    "%s >/dev/full: status %d", short_opts[i], r.status);
		ck_assert_msg(
		    strstr(r.err, "safesteps: standard output: ") != NULL,
		    "%s >/dev/full: no message:\n%s", short_opts[i], r.err);
		run_free(&r);
	}
}
END_TEST

/* ---- signals at random moments ---- */

static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };

/* Keys that move about without leaving or changing the mode. */
static const struct {
	int key; /* a term_key, or -1 - a character */
	const char *name;
} moves[] = {
	{ TERM_KEY_DOWN, "Down" },
	{ TERM_KEY_UP, "Up" },
	{ TERM_KEY_ENTER, "Enter" },
	{ TERM_KEY_LEFT, "Left" },
	{ TERM_KEY_TAB, "Tab" },
	{ TERM_KEY_PGDN, "PgDn" },
	{ TERM_KEY_PGUP, "PgUp" },
	{ -1 - ' ', "Space" },
	{ -1 - 'h', "h" },
	{ -1 - 'b', "b" },
	{ -1 - '2', "2" },
	{ -1 - 'j', "j" },
};

START_TEST(signal_at_random)
{
	const struct guide *g = need(en, "en");
	int sig = sigs[_i];
	unsigned long long s = seed() + (unsigned long long)_i;

	rng_state = s;
	for (int round = 0; round < 6; round++) {
		struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
		char log[512], why[512];
		size_t n = 0;
		int nkeys = (int)rng(12), delay, status = 0;

		snprintf(why, sizeof why,
		    "seed %llu round %d: before the signal", s, round);
		expect_start(t, g, 1, why);
		log[0] = '\0';
		for (int k = 0; k < nkeys; k++) {
			int m = (int)rng(sizeof moves / sizeof moves[0]);

			if (moves[m].key >= 0)
				term_send_key(t, (enum term_key)moves[m].key);
			else
				term_send_char(
				    t, (uint32_t)(-1 - moves[m].key), 0);
			n += (size_t)snprintf(
			    log + n, sizeof log - n, " %s", moves[m].name);
			delay = (int)rng(40);
			term_pump(t);
			term_sleep_ms(delay);
			n += (size_t)snprintf(
			    log + n, sizeof log - n, " +%dms", delay);
		}
		/* Sometimes at once, sometimes in the middle of a frame. */
		delay = (int)rng(30);
		term_sleep_ms(delay);
		ck_assert_int_eq(term_kill(t, sig), 0);
		ck_assert_msg(term_wait_exit(t, EXIT_MS, &status) >= 0,
		    "seed %llu round %d: still running after signal %d (keys%s "
		    "+%dms)",
		    s, round, sig, log, delay);
		ck_assert_msg(
		    WIFEXITED(status) && WEXITSTATUS(status) == 128 + sig,
		    "seed %llu round %d: signal %d: status %s %d, not exit "
		    "%d (keys%s +%dms)",
		    s, round, sig, WIFSIGNALED(status) ? "killed by" : "exit",
		    WIFSIGNALED(status) ? WTERMSIG(status)
					: WEXITSTATUS(status),
		    128 + sig, log, delay);
		ck_assert_msg(term_termios_restored(t, why, sizeof why),
		    "seed %llu round %d: signal %d: modes not restored: %s "
		    "(keys%s)",
		    s, round, sig, why, log);
		ck_assert_msg(term_bells(t) == 0,
		    "seed %llu round %d: a bell (keys%s)", s, round, log);
		term_free(t);
	}
}
END_TEST

static Suite *
hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc;

	tc = tcase_create("resize");
	tcase_set_timeout(tc, term_seconds(30));
	tcase_add_test(tc, resize_storm);
	tcase_add_loop_test(tc, start_size, 0, sizeof sizes / sizeof sizes[0]);
	suite_add_tcase(s, tc);

	tc = tcase_create("environment");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_loop_test(tc, term_kinds, 0, sizeof terms / sizeof terms[0]);
	tcase_add_loop_test(tc, term_kinds_eof, 0, PLAIN_TERMS);
	tcase_add_loop_test(tc, lang_kinds, 0, sizeof langs / sizeof langs[0]);
	suite_add_tcase(s, tc);

	tc = tcase_create("streams");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_test(tc, stdin_closed_tty);
	tcase_add_test(tc, stdin_null_tty);
	tcase_add_test(tc, stdin_pipes);
	tcase_add_test(tc, stdout_full);
	suite_add_tcase(s, tc);

	tc = tcase_create("signals");
	tcase_set_timeout(tc, term_seconds(60));
	tcase_add_loop_test(
	    tc, signal_at_random, 0, sizeof sigs / sizeof sigs[0]);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_main("test_hostile", hostile_suite, &en, &fr);
}
