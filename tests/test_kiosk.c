/*
 * test_kiosk.c: kiosk mode, the idle reset and content that cannot fail,
 * through a real terminal (issue 6).
 *
 * A kiosk must never let a key end the program, must wipe everything the
 * last reader did (ticks, history, language) when they leave or walk
 * away, must end cleanly only on a signal, and must show the guide even
 * with broken content or bad option values, with one line on stderr (the
 * journal under systemd; here a pipe, apart from the screen).  Broken
 * content costs only itself outside a kiosk too.  Outside a kiosk, a
 * guide left alone leaves as Esc does.
 */
#include <check.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "scratch.h"
#include "term.h"
#include "xmalloc.h"

/* The idle settings of the end-to-end idle tests, in seconds: the rules
 * about time are tested as tables without waiting (test_session); these
 * show them wired to a real terminal. */
#define IDLE "1"
#define COUNTDOWN "1"
/* Long enough for the idle time and the countdown to pass (ms, scaled). */
#define IDLE_WAIT_MS 4000

static const char *testdata;
static struct guide *en, *fr;

/* Start the program with its stderr on a pipe, with the content in dir
 * and the options after it (NULL-terminated). */
static struct term *
start_in(const char *dir, ...)
{
	struct term *t;
	va_list ap;

	va_start(ap, dir);
	t = gs_startv(dir, 24, 80, gs_env_xterm, 1, ap);
	va_end(ap);
	return t;
}

/* The part of a UI template before its first placeholder. */
static char *
before_placeholder(const char *template)
{
	const char *b = strchr(template, '{');

	return xstrndup(
	    template, b ? (size_t)(b - template) : strlen(template));
}

/* From the start screen to step 1, tick its last to-do item. */
static const char *
tick_on_step_1(struct term *t)
{
	const char *todo = gs_walk_to_last_todo(t, en, 1);

	gs_ch(t, ' ');
	gs_wait_ticked(t, todo);
	return todo;
}

/* The start screen as a new reader finds it: first choice highlighted, no
 * way back (no history). */
static void
expect_fresh_start(struct term *t, const char *how)
{
	int hint;

	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	ck_assert_msg(
	    term_find(t, gs_ui(en, GUIDE_UI_HINT_LEAVE), &hint, NULL) == 0,
	    "%s: no key hint:\n%s", how, term_dump(t));
	ck_assert_msg(
	    term_find_in_row(t, hint, gs_ui(en, GUIDE_UI_HINT_BACK)) < 0,
	    "%s: history was kept (Back offered):\n%s", how, term_dump(t));
	ck_assert_msg(!term_exited(t), "%s: the kiosk ended", how);
}

/* Step 1 shows the to-do item unticked. */
static void
expect_unticked(struct term *t, const char *todo)
{
	ck_assert_str_eq(gs_walk_to_last_todo(t, en, 1), todo);
	ck_assert_msg(gs_todo_state(t, todo) == 0,
	    "the last reader's tick is still there:\n%s", term_dump(t));
	ck_assert_int_eq(term_find(t, "[x]", NULL, NULL), -1);
}

/* End a kiosk the only way there is: a signal.  Clean, and restored. */
static void
expect_signal_end(struct term *t, int sig)
{
	char why[512];
	int status, vis;

	ck_assert_int_eq(term_kill(t, sig), 0);
	ck_assert_msg(term_wait_exit(t, 3000, &status) >= 0,
	    "signal %d did not end the kiosk", sig);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 128 + sig,
	    "signal %d: status %#x, not exit %d", sig, status, 128 + sig);
	ck_assert_msg(term_termios_restored(t, why, sizeof why),
	    "signal %d: modes not restored: %s", sig, why);
	term_cursor(t, NULL, NULL, &vis);
	ck_assert(vis);
	gs_expect_quiet(t);
}

START_TEST(leave_keys_reset_the_kiosk)
{
	static const char *const names[] = { "Esc", "q", "Ctrl-C" };
	struct term *t = start_in(gs_content_dir(), "--kiosk", NULL);
	char *clear = term_terminfo("xterm-256color", "clear");
	const char *todo;
	size_t mark;

	ck_assert_ptr_nonnull(clear);
	todo = tick_on_step_1(t);
	term_output(t, &mark);
	switch (_i) {
	case 0:
		gs_key(t, TERM_KEY_ESC);
		break;
	case 1:
		gs_ch(t, 'q');
		break;
	default:
		ck_assert_int_eq(term_send_char(t, 'c', TERM_MOD_CTRL), 0);
		break;
	}
	expect_fresh_start(t, names[_i]);
	/* Repainted from scratch: nothing of the last reader's screen. */
	ck_assert_msg(term_output_has_since(t, mark, clear, strlen(clear)),
	    "%s: the screen was not cleared before the start screen",
	    names[_i]);
	expect_unticked(t, todo);
	expect_signal_end(t, SIGTERM);
	ck_assert_str_eq(term_stderr(t), "");
	free(clear);
	term_free(t);
}
END_TEST

START_TEST(reset_brings_back_the_language)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", NULL);

	ck_assert_msg(fr != NULL, "no valid %s/fr.json", gs_content_dir());
	/* French now (on whichever screen choosing a language leads to). */
	gs_choose_language(t, en, fr);
	gs_key(t, TERM_KEY_ESC);
	expect_fresh_start(t, "Esc after French");
	gs_expect_crisis(t, en);
	expect_signal_end(t, SIGHUP);
	term_free(t);
}
END_TEST

START_TEST(no_key_stops_or_ends_the_kiosk)
{
	/* Ctrl-Z, Ctrl-\, Ctrl-D: suspend, quit with a core, end of file on
	 * a cooked terminal.  None may act in raw mode. */
	static const char keys[] = { 'z', '\\', 'd' };
	struct term *t = start_in(gs_content_dir(), "--kiosk", NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	size_t i;

	gs_wait_screen(t, en, "start");
	for (i = 0; i < sizeof keys; i++) {
		ck_assert_int_eq(term_send_char(t, keys[i], TERM_MOD_CTRL), 0);
		/* Read, and waiting for more: not stopped (state T). */
		ck_assert_msg(term_wait_idle(t, GS_WAIT_MS) == 0,
		    "Ctrl-%c: the kiosk is not waiting for keys", keys[i]);
		ck_assert_msg(
		    !term_exited(t), "Ctrl-%c ended the kiosk", keys[i]);
		gs_key(t, i % 2 ? TERM_KEY_UP : TERM_KEY_DOWN);
		gs_expect_highlight(t, st->choices[i % 2 ? 0 : 1].label);
	}
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, st->choices[2].label);
	expect_signal_end(t, SIGINT);
	term_free(t);
}
END_TEST

/*
 * p works in a kiosk: the plain mode there is sealed (the keys above are
 * plain bytes in it too, test_leaving), and leaving it starts the kiosk
 * over in the full screen, as the next reader expects to find it.
 */
START_TEST(p_in_a_kiosk_comes_back)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	char *first = xasprintf("1. %s", st->choices[0].label);
	char *prompt = gs_words(gs_ui(en, GUIDE_UI_PLAIN_PROMPT), 30);
	static const char keys[] = { 'c', 'z', '\\', 'd' };

	gs_wait_screen(t, en, "start");
	gs_ch(t, 'p');
	ck_assert_msg(term_wait_text(t, first, GS_WAIT_MS, NULL, NULL) == 0,
	    "p: no plain mode in a kiosk:\n%s", term_dump(t));
	for (size_t i = 0; i < sizeof keys; i++) {
		ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
		ck_assert_int_eq(term_send_char(t, keys[i], TERM_MOD_CTRL), 0);
		ck_assert_int_eq(term_send_bytes(t, "\r", 1), 0);
		ck_assert_msg(
		    term_wait_idle(t, GS_WAIT_MS) == 0 && !term_exited(t),
		    "Ctrl-%c ended the kiosk's plain mode", keys[i]);
	}
	ck_assert_int_eq(term_send_bytes(t, "q\r", 2), 0);
	gs_wait_screen(t, en, "start");
	ck_assert_msg(!term_kept_has(t, prompt),
	    "the plain mode's text is kept after q:\n%s\nhistory:\n%s",
	    term_dump(t), term_history_text(t));
	expect_signal_end(t, SIGTERM);
	free(first);
	free(prompt);
	term_free(t);
}
END_TEST

/*
 * A kiosk switched to the plain mode with p is not as the next reader
 * expects it, even on the start screen: walked away from, it counts down
 * and starts over in the full screen.
 */
START_TEST(p_then_walk_away)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", "--idle", IDLE,
	    "--countdown", COUNTDOWN, NULL);
	char *prompt = gs_words(gs_ui(en, GUIDE_UI_PLAIN_PROMPT), 30);

	gs_wait_screen(t, en, "start");
	gs_ch(t, 'p');
	ck_assert_msg(term_wait_text(t, prompt, GS_WAIT_MS, NULL, NULL) == 0,
	    "p: no plain mode:\n%s", term_dump(t));
	/* no key: the full screen again, as the kiosk booted */
	ck_assert_msg(term_wait_gone(t, prompt, IDLE_WAIT_MS) == 0,
	    "the plain mode stayed up:\n%s", term_dump(t));
	gs_wait_screen(t, en, "start");
	expect_signal_end(t, SIGTERM);
	free(prompt);
	term_free(t);
}
END_TEST

/*
 * What a reader typed and did not send is theirs: a reset throws it away,
 * so the next reader's line is their own.
 */
START_TEST(unsent_line_is_dropped)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", "--plain",
	    "--idle", IDLE, "--countdown", COUNTDOWN, NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	char *first = xasprintf("1. %s", st->choices[0].label);
	char *bad = gs_words(gs_ui(en, GUIDE_UI_PLAIN_BAD_NUMBER), 12);
	size_t from;

	ck_assert_int_eq(term_wait_text(t, first, GS_WAIT_MS, NULL, NULL), 0);
	ck_assert_int_eq(term_send_bytes(t, "1\r", 2), 0);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	/* typed, not sent, then the reader walks away */
	ck_assert_int_eq(term_send_bytes(t, "secret", 6), 0);
	ck_assert_msg(term_wait_text(t, first, IDLE_WAIT_MS, NULL, NULL) == 0,
	    "no start screen after walking away:\n%s", term_dump(t));
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	term_output(t, &from);
	/* the next reader: 1 and Enter is their choice, nothing else */
	ck_assert_int_eq(term_send_bytes(t, "1\r", 2), 0);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_msg(!term_output_has_since(t, from, bad, strlen(bad)),
	    "the last reader's \"secret\" was read with the next line:\n%s",
	    term_dump(t));
	ck_assert(!term_kept_has(t, "secret1"));
	expect_signal_end(t, SIGTERM);
	free(first);
	free(bad);
	term_free(t);
}
END_TEST

static int
kept_ok(struct term *t, void *text)
{
	return term_kept_has(t, text);
}

/*
 * Ctrl-S in the kiosk's plain mode: with the terminal's flow control on
 * it would stop all output until Ctrl-Q (seen while writing make vm-test's
 * random keys); the kiosk must go on answering, and its idle reset
 * writing.
 */
START_TEST(ctrl_s_does_not_stop_the_plain_kiosk)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	const struct guide_screen *to = &en->screens[st->choices[1].target];
	char *first = xasprintf("1. %s", st->choices[0].label);
	char *para = gs_words(gs_para(to, 0), 30);

	gs_wait_screen(t, en, "start");
	gs_ch(t, 'p');
	ck_assert_msg(term_wait_text(t, first, GS_WAIT_MS, NULL, NULL) == 0,
	    "p: no plain mode in a kiosk:\n%s", term_dump(t));
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_int_eq(term_send_char(t, 's', TERM_MOD_CTRL), 0);
	ck_assert_int_eq(term_send_bytes(t, "\r", 1), 0);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_int_eq(term_send_bytes(t, "2\r", 2), 0);
	/* The screen is longer than the window: its start may be above. */
	ck_assert_msg(term_wait_until(t, kept_ok, para, GS_WAIT_MS) == 0,
	    "after Ctrl-S the kiosk shows nothing more:\n%s", term_dump(t));
	expect_signal_end(t, SIGTERM);
	free(first);
	free(para);
	term_free(t);
}
END_TEST

START_TEST(signals_end_the_kiosk)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	struct term *t = start_in(gs_content_dir(), "--kiosk", NULL);

	tick_on_step_1(t);
	expect_signal_end(t, sigs[_i]);
	term_free(t);
}
END_TEST

/* Wait for the "still there?" view and its countdown line. */
static void
expect_still_there(struct term *t, enum guide_ui countdown)
{
	char *q = gs_words(gs_ui(en, GUIDE_UI_STILL_THERE), 40);
	char *c = before_placeholder(gs_ui(en, countdown));

	ck_assert_msg(term_wait_text(t, q, IDLE_WAIT_MS, NULL, NULL) == 0,
	    "no \"%s\" after %s s without a key:\n%s", q, IDLE, term_dump(t));
	ck_assert_msg(term_find(t, c, NULL, NULL) == 0,
	    "no countdown \"%s\":\n%s", c, term_dump(t));
	gs_expect_crisis(t, en);
	free(q);
	free(c);
}

START_TEST(idle_kiosk_wipes)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", "--idle", IDLE,
	    "--countdown", COUNTDOWN, NULL);
	char *q = gs_words(gs_ui(en, GUIDE_UI_STILL_THERE), 40);
	const char *todo;

	todo = tick_on_step_1(t);
	expect_still_there(t, GUIDE_UI_COUNTDOWN_RESET);
	/* The countdown runs out: the start screen, as new. */
	ck_assert_msg(term_wait_gone(t, q, IDLE_WAIT_MS) == 0,
	    "the countdown did not end:\n%s", term_dump(t));
	expect_fresh_start(t, "the end of the countdown");
	/* A fresh kiosk left alone stays as it is: no countdown (longer
	 * than the idle time; test_session holds the rule itself). */
	ck_assert_msg(term_wait_text(t, q, 1500, NULL, NULL) < 0,
	    "a fresh start screen counted down:\n%s", term_dump(t));
	expect_unticked(t, todo);
	expect_signal_end(t, SIGTERM);
	free(q);
	term_free(t);
}
END_TEST

START_TEST(idle_key_keeps_the_place)
{
	struct term *t = start_in(gs_content_dir(), "--kiosk", "--idle", IDLE,
	    "--countdown", "3", NULL);
	char *q = gs_words(gs_ui(en, GUIDE_UI_STILL_THERE), 40);
	const char *todo;

	todo = tick_on_step_1(t);
	expect_still_there(t, GUIDE_UI_COUNTDOWN_RESET);
	/* Any key returns to where the reader was; it does nothing else. */
	gs_key(t, TERM_KEY_DOWN);
	gs_wait_screen(t, en, "step-1");
	ck_assert_int_eq(term_find(t, q, NULL, NULL), -1);
	gs_expect_highlight(t, todo);
	ck_assert_int_eq(gs_todo_state(t, todo), 1);
	expect_signal_end(t, SIGTERM);
	free(q);
	term_free(t);
}
END_TEST

START_TEST(idle_outside_kiosk_leaves)
{
	struct term *t = start_in(
	    gs_content_dir(), "--idle", IDLE, "--countdown", COUNTDOWN, NULL);
	int status;

	tick_on_step_1(t);
	expect_still_there(t, GUIDE_UI_COUNTDOWN_LEAVE);
	ck_assert_msg(term_wait_exit(t, IDLE_WAIT_MS, &status) >= 0,
	    "the guide stayed up after the countdown:\n%s", term_dump(t));
	/* As Esc leaves: exit 0, scrollback cleared, modes restored. */
	gs_expect_left(t, en, "xterm-256color", "the end of the countdown");
	term_free(t);
}
END_TEST

/* A directory with a broken en.json.  Caller removes it
 * (scratch_remove). */
static char *
broken_dir(void)
{
	static const char broken[] = "{ \"format\": 1, \"language\": ";
	char *dir = scratch_dir();

	free(scratch_write(dir, "en.json", broken, sizeof broken - 1));
	return dir;
}

START_TEST(broken_content_in_a_kiosk)
{
	char *dir = broken_dir();
	struct term *t = start_in(dir, "--kiosk", NULL);
	const char *err;

	/* The built-in guide, never an error. */
	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	gs_expect_crisis(t, en);
	ck_assert_int_eq(term_find(t, "safesteps:", NULL, NULL), -1);
	/* One line on stderr naming the file. */
	err = term_stderr(t);
	ck_assert_msg(cli_count(err, strlen(err), "\n") == 1 &&
			  strncmp(err, "safesteps: ", 11) == 0,
	    "stderr is not one line: \"%s\"", err);
	ck_assert_msg(strstr(err, "en.json") != NULL,
	    "stderr does not name the file: \"%s\"", err);
	expect_signal_end(t, SIGTERM);
	term_free(t);
	scratch_remove(dir);
}
END_TEST

/* Outside a kiosk too, a broken file costs only itself (issue 14): the
 * built-in guide, one line naming the file, and q leaves as ever. */
START_TEST(broken_content_outside_a_kiosk)
{
	char *dir = broken_dir();
	struct term *t = start_in(dir, NULL);
	const char *err;
	int status;

	gs_wait_screen(t, en, "start");
	gs_expect_crisis(t, en);
	ck_assert_int_eq(term_find(t, "safesteps:", NULL, NULL), -1);
	gs_ch(t, 'q');
	ck_assert_msg(term_wait_exit(t, 3000, &status) >= 0,
	    "q did not leave:\n%s", term_dump(t));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x, not exit 0", status);
	err = term_stderr(t);
	ck_assert_msg(cli_count(err, strlen(err), "\n") == 1 &&
			  strncmp(err, "safesteps: ", 11) == 0 &&
			  strstr(err, "en.json") != NULL,
	    "not one line naming the file: \"%s\"", err);
	term_free(t);
	scratch_remove(dir);
}
END_TEST

START_TEST(bad_values_in_a_kiosk)
{
	static const char *const opts[][2] = { { "--idle", "abc" },
		{ "--lang", "xx" }, { "--countdown", "-5" } };
	struct term *t = start_in(
	    gs_content_dir(), "--kiosk", opts[_i][0], opts[_i][1], NULL);
	const char *err;

	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	err = term_stderr(t);
	ck_assert_msg(cli_count(err, strlen(err), "\n") == 1 &&
			  strncmp(err, "safesteps: ", 11) == 0,
	    "%s %s: stderr is not one line: \"%s\"", opts[_i][0], opts[_i][1],
	    err);
	expect_signal_end(t, SIGTERM);
	term_free(t);
}
END_TEST

/*
 * A school's own people and crisis line (tests/data/site-valid.json):
 * the crisis line replaced on every screen, the people at the top of
 * "talk to someone now", under the site heading, before the guide's own
 * words; in French, the French people and the guide's own crisis line.
 */
START_TEST(site_contacts)
{
	static const char *const site_crisis =
	    "Childline 0800 1111 \xc2\xb7 999 if you are in danger";
	char *site = xasprintf("%s/site-valid.json", testdata);
	struct term *t =
	    start_in(gs_content_dir(), "--kiosk", "--site", site, NULL);
	const char *heading = gs_ui(en, GUIDE_UI_SITE_HEADING);
	char *first = gs_words(gs_para(gs_screen(en, "help"), 0), 40);
	int r_head, r_person, r_body, r;

	gs_wait_screen(t, en, "start");
	ck_assert_msg(term_find(t, site_crisis, &r, NULL) == 0 && r >= 21,
	    "the site's crisis line is not at the bottom:\n%s", term_dump(t));
	ck_assert_int_eq(term_find(t, en->crisis, NULL, NULL), -1);
	gs_ch(t, 'h');
	gs_wait_screen(t, en, "help");
	ck_assert_msg(
	    term_find(t, heading, &r_head, NULL) == 0 &&
		term_find(t, "Ms. Chen, counsellor", &r_person, NULL) == 0 &&
		term_find(t, "Room 114", NULL, NULL) == 0,
	    "no school people on help:\n%s", term_dump(t));
	ck_assert_int_eq(term_find(t, first, &r_body, NULL), 0);
	ck_assert_msg(r_head < r_person && r_person < r_body,
	    "the school's people are not first:\n%s", term_dump(t));
	ck_assert_int_eq(term_find(t, site_crisis, NULL, NULL), 0);
	expect_signal_end(t, SIGTERM);
	term_free(t);

	ck_assert_msg(fr != NULL, "no valid %s/fr.json", gs_content_dir());
	t = start_in(
	    gs_content_dir(), "--kiosk", "--site", site, "--lang", "fr", NULL);
	gs_wait_screen(t, fr, "start");
	gs_expect_crisis(t, fr);
	gs_ch(t, 'h');
	gs_wait_screen(t, fr, "help");
	ck_assert_msg(
	    term_find(t, "Mme Chen, conseill\xc3\xa8re", NULL, NULL) == 0,
	    "no French school people on help:\n%s", term_dump(t));
	ck_assert_int_eq(term_find(t, "Ms. Chen", NULL, NULL), -1);
	expect_signal_end(t, SIGTERM);
	term_free(t);
	free(first);
	free(site);
}
END_TEST

/* A kiosk never stops for a bad site file: it is skipped and the guide
 * starts, with the content's own crisis line. */
START_TEST(bad_site_file_is_skipped)
{
	char *site = xasprintf("%s/site-bad.json", testdata);
	struct term *t =
	    start_in(gs_content_dir(), "--kiosk", "--site", site, NULL);

	gs_wait_screen(t, en, "start");
	gs_expect_crisis(t, en);
	expect_signal_end(t, SIGTERM);
	term_free(t);
	free(site);
}
END_TEST

static Suite *
kiosk_suite(void)
{
	Suite *s = suite_create("kiosk");
	TCase *tc;

	tc = tcase_create("keys");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_loop_test(tc, leave_keys_reset_the_kiosk, 0, 3);
	tcase_add_test(tc, reset_brings_back_the_language);
	tcase_add_test(tc, no_key_stops_or_ends_the_kiosk);
	tcase_add_test(tc, p_in_a_kiosk_comes_back);
	tcase_add_test(tc, ctrl_s_does_not_stop_the_plain_kiosk);
	tcase_add_loop_test(tc, signals_end_the_kiosk, 0, 3);
	suite_add_tcase(s, tc);

	tc = tcase_create("idle");
	tcase_set_timeout(tc, term_seconds(30));
	tcase_add_test(tc, idle_kiosk_wipes);
	tcase_add_test(tc, idle_key_keeps_the_place);
	tcase_add_test(tc, idle_outside_kiosk_leaves);
	tcase_add_test(tc, p_then_walk_away);
	tcase_add_test(tc, unsent_line_is_dropped);
	suite_add_tcase(s, tc);

	tc = tcase_create("content");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_test(tc, broken_content_in_a_kiosk);
	tcase_add_test(tc, broken_content_outside_a_kiosk);
	tcase_add_loop_test(tc, bad_values_in_a_kiosk, 0, 3);
	tcase_add_test(tc, site_contacts);
	tcase_add_test(tc, bad_site_file_is_skipped);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	testdata = getenv("SAFESTEPS_TESTDATA");
	if (testdata == NULL) {
		fprintf(stderr, "test_kiosk: set SAFESTEPS_TESTDATA\n");
		return 1;
	}
	return gs_main("test_kiosk", kiosk_suite, &en, &fr);
}
