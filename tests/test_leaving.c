/*
 * test_leaving.c: every way out wipes, in every mode, and a kiosk cannot
 * be left (issue 11: the promise matrix).
 *
 * The modes: the full screen on xterm-256color, screen, linux, vt100 and
 * ansi, and on xterm with the alternate screen off (as tmux with
 * alternate-screen off); the plain mode chosen (--plain, on xterm and on
 * vt100, whose clear has a terminfo delay), and forced by
 * TERM=dumb, by TERM unset and by ACCESSIBLE=1.  Each with and without
 * --kiosk.
 *
 * For each: leaving (or, in a kiosk, starting over) from a step screen
 * with a tick, from the help screen and from "still there?"; Ctrl-C,
 * Ctrl-\, Ctrl-Z and Ctrl-D never end a kiosk; SIGTERM, SIGHUP, SIGINT
 * and SIGQUIT end the program with 128 plus the signal's number.  After
 * every one of these, what the terminal keeps (the screen and its history,
 * as tmux keeps them: term_kept_has) holds none of the text the last
 * reader saw, and the terminal's modes are as before.  Where the terminal
 * cannot be cleared (TERM=dumb or unset), no escape byte is ever sent and
 * the "close this window" line is printed instead.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "guide.h"
#include "guidescreen.h"
#include "term.h"
#include "xmalloc.h"

static struct guide *en, *fr;

struct mode {
	const char *name;
	const char *env[4];
	int plain_opt; /* start with --plain */
	int no_alt;    /* the terminal's alternate screen is off */
	int plain;     /* the program runs in the plain mode */
	int can_clear; /* the terminal can be cleared */
};

static const struct mode modes[] = {
	{ "xterm-256color", { "TERM=xterm-256color", "LANG=C.UTF-8" }, 0, 0, 0,
	    1 },
	{ "screen", { "TERM=screen", "LANG=C.UTF-8" }, 0, 0, 0, 1 },
	{ "linux", { "TERM=linux", "LANG=C.UTF-8" }, 0, 0, 0, 1 },
	{ "vt100", { "TERM=vt100", "LANG=C.UTF-8" }, 0, 0, 0, 1 },
	{ "ansi", { "TERM=ansi", "LANG=C.UTF-8" }, 0, 0, 0, 1 },
	{ "xterm without alternate screen",
	    { "TERM=xterm-256color", "LANG=C.UTF-8" }, 0, 1, 0, 1 },
	{ "plain chosen", { "TERM=xterm-256color", "LANG=C.UTF-8" }, 1, 0, 1,
	    1 },
	{ "plain chosen on vt100", { "TERM=vt100", "LANG=C.UTF-8" }, 1, 0, 1,
	    1 },
	{ "plain on TERM=dumb", { "TERM=dumb", "LANG=C.UTF-8" }, 0, 0, 1, 0 },
	{ "plain with TERM unset", { "LANG=C.UTF-8" }, 0, 0, 1, 0 },
	{ "plain with ACCESSIBLE=1",
	    { "TERM=xterm-256color", "ACCESSIBLE=1", "LANG=C.UTF-8" }, 0, 0, 1,
	    1 },
};
#define NMODES ((int)(sizeof modes / sizeof modes[0]))

/* Loop index i: mode i / 2, a kiosk when i is odd. */
static const struct mode *
mode_of(int i, int *kiosk)
{
	*kiosk = i % 2;
	return &modes[i / 2];
}

/* Start the guide in mode m, with --idle when idle is not NULL. */
static struct term *
start(const struct mode *m, int kiosk, const char *idle)
{
	const char *argv[12];
	struct term *t;
	int n = 0;

	argv[n++] = gs_bin();
	argv[n++] = "--content";
	argv[n++] = gs_content_dir();
	if (m->plain_opt)
		argv[n++] = "--plain";
	if (kiosk)
		argv[n++] = "--kiosk";
	if (idle != NULL) {
		argv[n++] = "--idle";
		argv[n++] = idle;
		argv[n++] = "--countdown";
		argv[n++] = "60";
	}
	argv[n] = NULL;
	t = term_start(24, 80, m->env, argv);
	ck_assert_msg(t != NULL, "%s: cannot start", m->name);
	if (m->no_alt)
		term_no_altscreen(t);
	return t;
}

/* A line typed in the plain mode, with Return. */
static void
type_line(struct term *t, const char *line)
{
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_int_eq(term_send_bytes(t, line, strlen(line)), 0);
	ck_assert_int_eq(term_send_bytes(t, "\r", 1), 0);
}

/* Wait until text is on the screen; fail with the screen if not. */
static void
expect_text(struct term *t, const struct mode *m, const char *text)
{
	ck_assert_msg(term_wait_text(t, text, GS_WAIT_MS, NULL, NULL) == 0,
	    "%s: \"%s\" did not appear:\n%s", m->name, text, term_dump(t));
}

/* Wait until the plain mode has written screen sc: its first choice, as
 * numbered, near the end of what it writes. */
static void
expect_plain_screen(
    struct term *t, const struct mode *m, const struct guide_screen *sc)
{
	char *first = xasprintf("1. %s", sc->choices[0].label);

	expect_text(t, m, first);
	free(first);
}

/* Wait until the start screen is shown, in either mode. */
static void
expect_start(struct term *t, const struct mode *m)
{
	if (m->plain)
		expect_plain_screen(t, m, &en->screens[en->start]);
	else
		gs_wait_screen(t, en, "start");
}

/*
 * From the start to step 1 and tick its first to-do item.  Returns the
 * text of the ticked item (owned by en).
 */
static const char *
to_step_1_ticked(struct term *t, const struct mode *m)
{
	const struct guide_screen *s1 = &en->screens[en->steps[0].screen];

	if (!m->plain) {
		const char *todo = gs_walk_to_last_todo(t, en, 1);

		gs_ch(t, ' ');
		gs_wait_ticked(t, todo);
		return todo;
	}
	expect_plain_screen(t, m, &en->screens[en->start]);
	type_line(t, "1");
	expect_plain_screen(t, m, gs_screen(en, "steps"));
	type_line(t, "1");
	expect_plain_screen(t, m, s1);
	type_line(t, "t 1");
	expect_text(t, m, gs_ui(en, GUIDE_UI_PLAN_DONE));
	return s1->todos[0].text;
}

/* Leave (in a kiosk: start over) as this mode's reader would. */
static void
leave_key(struct term *t, const struct mode *m)
{
	if (m->plain)
		type_line(t, "q");
	else {
		ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
		gs_key(t, TERM_KEY_ESC);
	}
}

/* The texts of screen sc that must be gone: its title, and its first
 * paragraph that the start screen does not also show. */
static void
expect_gone(
    struct term *t, const struct mode *m, const char *what, const char *text)
{
	if (!m->can_clear)
		return;
	ck_assert_msg(!term_kept_has(t, text),
	    "%s: after %s the terminal still keeps \"%s\"\nscreen:\n%s\n"
	    "history:\n%s",
	    m->name, what, text, term_dump(t), term_history_text(t));
}

/* What every mode must show on its way out where it cannot clear. */
static void
expect_no_escape(struct term *t, const struct mode *m, const char *what)
{
	if (m->can_clear)
		return;
	ck_assert_msg(!term_output_has(t, "\033", 1),
	    "%s: an escape byte was sent (%s), although the terminal cannot "
	    "be cleared",
	    m->name, what);
}

/* The program ended with status want, the terminal as before. */
static void
expect_ended(struct term *t, const struct mode *m, const char *what, int want)
{
	char why[512];
	int status;

	ck_assert_msg(term_wait_exit(t, GS_WAIT_MS, &status) >= 0,
	    "%s: did not end after %s:\n%s", m->name, what, term_dump(t));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == want,
	    "%s: after %s, status %#x, not exit %d", m->name, what, status,
	    want);
	ck_assert_msg(term_termios_restored(t, why, sizeof why),
	    "%s: after %s the terminal's modes were not restored: %s", m->name,
	    what, why);
	/* terminfo's delays ("$<50>" in vt100's clear) are not text */
	ck_assert_msg(!term_kept_has(t, "$<"),
	    "%s: a terminfo delay was written as text:\n%s", m->name,
	    term_dump(t));
	if (!m->can_clear) {
		char *bye = gs_words(gs_ui(en, GUIDE_UI_PLAIN_BYE), 40);

		expect_text(t, m, bye);
		free(bye);
	}
}

/* A kiosk shows its start screen again, and still runs. */
static void
expect_fresh_start(struct term *t, const struct mode *m, const char *what)
{
	const struct guide_screen *st = &en->screens[en->start];

	if (m->plain)
		expect_text(t, m, st->choices[0].label);
	else
		gs_wait_screen(t, en, "start");
	ck_assert_msg(
	    !term_exited(t), "%s: the kiosk ended after %s", m->name, what);
}

/*
 * After the leave key from a screen whose texts (NULL-ended) must go: a
 * kiosk starts over, wiped, and then a signal ends it; otherwise the
 * program ends with 0.  Either way nothing of the texts is kept, and
 * where the terminal cannot be cleared no escape byte was sent.
 */
static void
expect_left(struct term *t, const struct mode *m, int kiosk, const char *what,
    const char *const texts[])
{
	if (kiosk) {
		expect_fresh_start(t, m, what);
		for (size_t i = 0; texts[i] != NULL; i++)
			expect_gone(t, m, "starting over", texts[i]);
		ck_assert_int_eq(term_kill(t, SIGTERM), 0);
		expect_ended(t, m, "SIGTERM", 128 + SIGTERM);
	} else
		expect_ended(t, m, what, 0);
	for (size_t i = 0; texts[i] != NULL; i++)
		expect_gone(t, m, "leaving", texts[i]);
	expect_no_escape(t, m, what);
}

/* Leave (or start over) from step 1, with a tick. */
START_TEST(leave_from_a_step)
{
	int kiosk;
	const struct mode *m = mode_of(_i, &kiosk);
	struct term *t = start(m, kiosk, NULL);
	const char *texts[] = { to_step_1_ticked(t, m),
		en->screens[en->steps[0].screen].title,
		gs_screen(en, "steps")->title, NULL };

	leave_key(t, m);
	expect_left(t, m, kiosk, "leaving step 1", texts);
	term_free(t);
}
END_TEST

/* Leave (or start over) from the help screen. */
START_TEST(leave_from_help)
{
	int kiosk;
	const struct mode *m = mode_of(_i, &kiosk);
	struct term *t = start(m, kiosk, NULL);
	const struct guide_screen *help = &en->screens[en->help];
	char *words = gs_words(help->body[0].text, 30);

	expect_start(t, m);
	if (m->plain) {
		type_line(t, "h");
		expect_plain_screen(t, m, help);
	} else {
		ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
		gs_ch(t, 'h');
		expect_text(t, m, words);
	}
	leave_key(t, m);
	expect_left(
	    t, m, kiosk, "leaving help", (const char *const[]){ words, NULL });
	free(words);
	term_free(t);
}
END_TEST

/* The keys that end or stop a program on a terminal never end a kiosk. */
START_TEST(control_keys_never_end_a_kiosk)
{
	static const char keys[] = { 'c', '\\', 'z', 'd' };
	const struct mode *m = &modes[_i];
	struct term *t = start(m, 1, NULL);
	char *what;

	to_step_1_ticked(t, m);
	for (size_t k = 0; k < sizeof keys; k++) {
		what =
		    xasprintf("Ctrl-%c", keys[k] == '\\' ? '\\' : keys[k] - 32);
		ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
		ck_assert_int_eq(
		    term_send_char(t, (uint32_t)keys[k], TERM_MOD_CTRL), 0);
		if (m->plain) {
			ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
			ck_assert_int_eq(term_send_bytes(t, "\r", 1), 0);
		}
		/* a stopped or ended program is not idle: it is caught here */
		ck_assert_msg(
		    term_wait_idle(t, GS_WAIT_MS) == 0 && !term_exited(t),
		    "%s: the kiosk ended or stopped after %s:\n%s", m->name,
		    what, term_dump(t));
		free(what);
	}
	ck_assert_int_eq(term_kill(t, SIGTERM), 0);
	expect_ended(t, m, "SIGTERM", 128 + SIGTERM);
	term_free(t);
}
END_TEST

/* A signal that ends the program wipes on the way out. */
START_TEST(signals_wipe)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
	const struct mode *m = &modes[_i / 4];
	int sig = sigs[_i % 4];
	struct term *t = start(m, 0, NULL);
	const struct guide_screen *st = &en->screens[en->start];
	char *what = xasprintf("signal %d", sig);

	expect_start(t, m);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_int_eq(term_kill(t, sig), 0);
	expect_ended(t, m, what, 128 + sig);
	expect_gone(t, m, what, st->title);
	expect_gone(t, m, what, st->choices[0].label);
	expect_no_escape(t, m, what);
	free(what);
	term_free(t);
}
END_TEST

/*
 * "Still there?" obeys the leave key like every screen: outside a kiosk
 * the guide leaves, in a kiosk it starts over, wiped.  Every mode and
 * kiosk setting at once, so that the second of idle time is waited once.
 */
START_TEST(leave_from_still_there)
{
	struct term *t[2 * NMODES];
	const char *todo[2 * NMODES];
	const char *q = gs_ui(en, GUIDE_UI_STILL_THERE);
	char *still = gs_words(q, 20);
	int kiosk;

	for (int i = 0; i < 2 * NMODES; i++) {
		const struct mode *m = mode_of(i, &kiosk);

		t[i] = start(m, kiosk, "1");
		todo[i] = to_step_1_ticked(t[i], m);
	}
	for (int i = 0; i < 2 * NMODES; i++) {
		const struct mode *m = mode_of(i, &kiosk);

		expect_text(t[i], m, still);
		leave_key(t[i], m);
	}
	for (int i = 0; i < 2 * NMODES; i++) {
		const struct mode *m = mode_of(i, &kiosk);

		expect_left(t[i], m, kiosk, "leaving \"still there?\"",
		    (const char *const[]){ todo[i], still, NULL });
		term_free(t[i]);
	}
	free(still);
}
END_TEST

/* TERM=vt100 (no E3 in its terminfo) in an emulator that keeps a
 * scrollback: leaving clears it all the same. */
START_TEST(vt100_clears_scrollback)
{
	static const char *const env[] = { "TERM=vt100", "LANG=C.UTF-8", NULL };
	struct term *t = gs_start(24, 80, env, NULL);
	char *e3 = term_terminfo("vt100", "E3");
	size_t before;

	ck_assert_msg(e3 == NULL, "vt100 has E3 here: no test");
	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	term_output(t, &before);
	ck_assert(!term_output_has(t, "\033[3J", 4));
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, "vt100", "Esc on TERM=vt100");
	ck_assert_msg(term_output_has_since(t, before, "\033[3J", 4),
	    "TERM=vt100: the scrollback was not cleared");
	term_free(t);
}
END_TEST

/*
 * Ctrl-Z in the plain mode outside a kiosk (the terminal makes it a
 * signal there): the guide is wiped before the program stops, and shown
 * again when it goes on.  Here the program is alone in its session, so
 * the kernel does not stop it (an orphaned process group): it goes on at
 * once, and the test sees the wipe and the screen painted again.  In a
 * shell, "fg" brings it back (tried by hand in tmux).
 */
START_TEST(ctrl_z_wipes_then_goes_on)
{
	const struct mode *m = &modes[6]; /* plain chosen, xterm */
	struct term *t = start(m, 0, NULL);
	const struct guide_screen *s1 = &en->screens[en->steps[0].screen];
	char *wipe = term_terminfo("xterm-256color", "clear");
	size_t from;

	ck_assert_str_eq(m->name, "plain chosen");
	ck_assert_ptr_nonnull(wipe);
	to_step_1_ticked(t, m);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	term_output(t, &from);
	ck_assert_int_eq(term_send_char(t, 'z', TERM_MOD_CTRL), 0);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_msg(term_output_has_since(t, from, wipe, strlen(wipe)) &&
			  term_output_has_since(t, from, "\033[3J", 4),
	    "Ctrl-Z did not wipe the screen and the scrollback");
	ck_assert_msg(!term_exited(t), "Ctrl-Z ended the plain mode");
	expect_plain_screen(t, m, s1);
	type_line(t, "q");
	expect_ended(t, m, "q after Ctrl-Z", 0);
	free(wipe);
	term_free(t);
}
END_TEST

static Suite *
leaving_suite(void)
{
	Suite *s = suite_create("leaving");
	TCase *tc = tcase_create("matrix");

	tcase_set_timeout(tc, term_seconds(60));
	tcase_add_loop_test(tc, leave_from_a_step, 0, 2 * NMODES);
	tcase_add_loop_test(tc, leave_from_help, 0, 2 * NMODES);
	tcase_add_loop_test(tc, control_keys_never_end_a_kiosk, 0, NMODES);
	tcase_add_loop_test(tc, signals_wipe, 0, 4 * NMODES);
	tcase_add_test(tc, leave_from_still_there);
	tcase_add_test(tc, vt100_clears_scrollback);
	tcase_add_test(tc, ctrl_z_wipes_then_goes_on);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_main("test_leaving", leaving_suite, &en, &fr);
}
