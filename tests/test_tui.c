/*
 * test_tui.c: the full-screen mode, through a real terminal.
 *
 * The program ($SAFESTEPS_BIN) runs on a pseudo-terminal (tests/lib/term.h)
 * with the content in $SAFESTEPS_CONTENT_DIR; what it draws is rendered by
 * libvterm.  Every expected string is read from the same content files
 * through the loader, so a change of wording does not break a test, and
 * every scenario looks at what a person would see: the text, where the
 * cursor is (on the highlighted item, for screen readers), the colours,
 * the exit status, the terminal's modes after leaving.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guide.h"
#include "guidescreen.h"
#include "term.h"
#include "xmalloc.h"
#include "tool.h"

static struct guide *en, *fr;

/* ---- the scenarios ---- */

START_TEST(start_screen)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *sc = gs_screen(en, "start");
	char *label;
	int r, hint_row, crisis_row, last_choice = -1;
	size_t i;

	gs_wait_screen(t, en, "start");
	/* The headline, whole; it does not name the crime (a passer-by
	 * reads headlines). */
	ck_assert_int_eq(term_find_in_row(t, 0, sc->title), 0);
	ck_assert_ptr_null(strstr(term_row_text(t, 0), "extortion"));
	/* The reassurance, before any instruction. */
	for (i = 0; i < 4; i++) {
		const char *p = gs_para(sc, i);

		ck_assert_ptr_nonnull(p);
		ck_assert_msg(term_find(t, p, &r, NULL) == 0,
		    "\"%s\" not shown:\n%s", p, term_dump(t));
	}
	/* Nothing meant for another mode ("type q and press Enter"). */
	for (i = 0; i < sc->nbody; i++) {
		char *w;

		if (sc->body[i].text == NULL ||
		    (sc->body[i].on & GUIDE_ON_SCREEN))
			continue;
		w = gs_words(sc->body[i].text, 30);
		ck_assert_msg(term_find(t, w, NULL, NULL) < 0,
		    "\"%s\" is for another mode:\n%s", w, term_dump(t));
		free(w);
	}
	/* Every choice, numbered. */
	for (i = 0; i < sc->nchoices; i++) {
		label = xasprintf("%zu. %s", i + 1, sc->choices[i].label);
		ck_assert_msg(term_find(t, label, &r, NULL) == 0,
		    "choice \"%s\" not shown:\n%s", label, term_dump(t));
		ck_assert_int_gt(r, last_choice);
		last_choice = r;
		free(label);
	}
	/* The key hint and the crisis line, under everything else. */
	ck_assert_msg(
	    term_find(t, gs_ui(en, GUIDE_UI_HINT_LEAVE), &hint_row, NULL) == 0,
	    "no \"%s\" hint:\n%s", gs_ui(en, GUIDE_UI_HINT_LEAVE),
	    term_dump(t));
	ck_assert_int_eq(
	    term_find_in_row(t, hint_row, gs_ui(en, GUIDE_UI_HINT_HELP)) >= 0,
	    1);
	ck_assert_int_eq(
	    term_find_in_row(t, hint_row, gs_ui(en, GUIDE_UI_HINT_NEXT)) >= 0,
	    1);
	crisis_row = gs_expect_crisis(t, en);
	ck_assert_int_gt(hint_row, last_choice);
	ck_assert_int_gt(crisis_row, last_choice);
	/* The first choice is highlighted, and the cursor is on it. */
	gs_expect_highlight(t, sc->choices[0].label);
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

START_TEST(walk_steps_and_plan)
{
	/* Which to-do items of each step to tick. */
	static const int tick[GUIDE_STEPS][8] = {
		{ 1, 0, 1, 0 },
		{ 0, 0, 0 },
		{ 0, 1, 0, 0, 0, 0 },
		{ 1, 1 },
		{ 0, 0, 0, 1 },
	};
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	int s, i, r, rows, nticks = 0, seen_x = 0;
	size_t k;

	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	gs_expect_highlight(t, gs_screen(en, "steps")->choices[0].label);
	gs_key(t, TERM_KEY_ENTER);
	for (s = 0; s < GUIDE_STEPS; s++) {
		const struct guide_screen *sc =
		    &en->screens[en->steps[s].screen];

		gs_wait_screen(t, en, sc->id);
		gs_expect_crisis(t, en);
		ck_assert_msg(sc->ntodos > 0, "step %d has no to-do item", s);
		/* A step opens on its first choice ("next"); the to-do
		 * items are above it. */
		gs_reveal(t);
		gs_expect_highlight(t, sc->choices[0].label);
		for (k = sc->ntodos; k-- > 0;) {
			gs_key(t, TERM_KEY_UP);
			gs_expect_highlight(t, sc->todos[k].text);
			if (!tick[s][k])
				continue;
			gs_ch(t, ' ');
			nticks++;
			gs_wait_ticked(t, sc->todos[k].text);
			gs_expect_highlight(t, sc->todos[k].text);
			r = gs_item_row(t, sc->todos[k].text, NULL);
			ck_assert_msg(
			    gs_todo_mark(t, r, sc->todos[k].text) == 1,
			    "Space did not tick \"%s\":\n%s", sc->todos[k].text,
			    term_dump(t));
		}
		/* Enter on a to-do item would tick it: 1 moves to the
		 * first choice ("next"), Enter follows it. */
		gs_pick(t, '1');
	}
	gs_wait_screen(t, en, "plan");
	gs_expect_crisis(t, en);
	/* See the whole plan at once in a tall window. */
	ck_assert_int_eq(term_resize(t, 200, 100), 0);
	term_wait_text(
	    t, gs_screen(en, "plan")->choices[0].label, GS_WAIT_MS, NULL, NULL);
	gs_wait_screen(t, en, "plan");
	ck_assert_msg(
	    term_find(t, gs_ui(en, GUIDE_UI_MORE_BELOW), NULL, NULL) < 0,
	    "the plan does not fit 200 rows:\n%s", term_dump(t));
	term_size(t, &rows, NULL);
	for (s = 0; s < GUIDE_STEPS; s++) {
		const struct guide_screen *sc =
		    &en->screens[en->steps[s].screen];

		for (k = 0; k < sc->ntodos; k++) {
			int found = 0;

			for (r = 0; r < rows; r++) {
				int m = gs_todo_mark(t, r, sc->todos[k].text);

				if (m < 0)
					continue;
				found++;
				/* The same text can be a to-do of two steps
				 * (both unticked here). */
				ck_assert_msg(m == tick[s][k],
				    "plan shows \"%s\" as %s:\n%s",
				    sc->todos[k].text,
				    m ? "ticked" : "not ticked", term_dump(t));
			}
			ck_assert_msg(found >= 1, "plan lacks \"%s\":\n%s",
			    sc->todos[k].text, term_dump(t));
		}
	}
	for (r = 0; r < rows; r++)
		seen_x += strstr(term_row_text(t, r), "[x] ") != NULL;
	ck_assert_msg(seen_x == nticks, "%d ticks shown, %d made:\n%s", seen_x,
	    nticks, term_dump(t));
	for (i = 0; i < GUIDE_STEPS; i++)
		ck_assert_msg(term_find(t, en->steps[i].title, NULL, NULL) == 0,
		    "plan lacks step \"%s\"", en->steps[i].title);
	gs_expect_highlight(t, gs_screen(en, "plan")->choices[0].label);
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

START_TEST(back_from_step_3)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s2 = gs_screen(en, "step-2");

	gs_walk_to_step(t, en, 2);
	gs_reveal(t);
	gs_expect_highlight(t, s2->choices[0].label);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, s2->todos[2].text);
	gs_ch(t, 'h');
	gs_wait_screen(t, en, "help");
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "step-2");
	/* Back where we were: the same item highlighted. */
	gs_expect_highlight(t, s2->todos[2].text);
	gs_pick(t, '1');
	gs_wait_screen(t, en, "step-3");
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "step-2");
	gs_expect_highlight(t, s2->choices[0].label);
	gs_expect_crisis(t, en);
	/* Back again, with Backspace: the list of steps, on step 2. */
	gs_key(t, TERM_KEY_BACKSPACE);
	gs_wait_screen(t, en, "steps");
	gs_expect_highlight(t, gs_screen(en, "steps")->choices[1].label);
	/* And b: the start screen. */
	gs_ch(t, 'b');
	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

/* The help screen shows the crisis lines: its first body lines and the
 * 911 / 988 numbers of the content. */
static void
expect_help(struct term *t)
{
	const struct guide_screen *h = gs_screen(en, "help");
	size_t i;

	gs_wait_screen(t, en, "help");
	for (i = 0; i < 2 && gs_para(h, i) != NULL; i++) {
		char *w = gs_words(gs_para(h, i), 60);

		ck_assert_msg(term_find(t, w, NULL, NULL) == 0,
		    "help lacks \"%s\":\n%s", w, term_dump(t));
		free(w);
	}
	gs_expect_crisis(t, en);
}

START_TEST(help_from_step_4_and_back)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s4 = gs_screen(en, "step-4");
	char *before;

	gs_walk_to_step(t, en, 4);
	gs_reveal(t);
	gs_expect_highlight(t, s4->choices[0].label);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, s4->todos[1].text);
	before = xstrdup(term_screen_text(t));
	gs_ch(t, 'h');
	expect_help(t);
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "step-4");
	gs_expect_highlight(t, s4->todos[1].text);
	/* The same place: highlight, and scroll, so the very same screen. */
	ck_assert_msg(strcmp(before, term_screen_text(t)) == 0,
	    "step 4 is not as it was before help:\n%s\nbefore:\n%s",
	    term_dump(t), before);
	free(before);
	/* ? and F1 do the same. */
	gs_ch(t, '?');
	expect_help(t);
	gs_ch(t, 'b');
	gs_wait_screen(t, en, "step-4");
	gs_expect_highlight(t, s4->todos[1].text);
	gs_key(t, TERM_KEY_F1);
	expect_help(t);
	gs_key(t, TERM_KEY_BACKSPACE);
	gs_wait_screen(t, en, "step-4");
	gs_expect_highlight(t, s4->todos[1].text);
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

/* Go to a screen from the start: 0 start, 1 steps, 2 step 2, 3 help,
 * 4 plan. */
static void
go_to(struct term *t, int where)
{
	gs_wait_screen(t, en, "start");
	switch (where) {
	case 1:
		gs_key(t, TERM_KEY_ENTER);
		gs_wait_screen(t, en, "steps");
		break;
	case 2:
		gs_walk_to_step(t, en, 2);
		break;
	case 3:
		gs_ch(t, 'h');
		gs_wait_screen(t, en, "help");
		break;
	case 4:
		gs_walk_to_step(t, en, 5);
		gs_reveal(t); /* Enter acts on a highlight in view only */
		gs_key(t, TERM_KEY_ENTER);
		gs_wait_screen(t, en, "plan");
		break;
	}
}

START_TEST(esc_leaves_at_once)
{
	static const char *const names[] = { "start", "steps", "step 2", "help",
		"plan" };
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	char *how = xasprintf("Esc on %s", names[_i]);
	size_t shown;

	go_to(t, _i);
	term_output(t, &shown);
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, "xterm-256color", how);
	/* The alternate screen was left. */
	ck_assert(term_output_has_since(t, shown, "\033[?1049l", 8));
	free(how);
	term_free(t);
}
END_TEST

/* The cursor is on the one marked item (after bringing it into view). */
static void
expect_cursor_on_item(struct term *t, const char *id)
{
	int cr, marker;

	gs_reveal(t);
	marker = gs_marked_row(t);
	term_cursor(t, &cr, NULL, NULL);
	ck_assert_msg(marker >= 0 && cr == marker,
	    "%s: cursor on row %d, marked item on row %d:\n%s", id, cr, marker,
	    term_dump(t));
}

/* Esc on every screen of the guide, reached by digits from the start. */
START_TEST(esc_leaves_every_screen)
{
	const struct guide_screen *sc = &en->screens[_i];
	char *path = gs_digit_path(en, (size_t)_i, fr != NULL ? 2 : 1);
	char *how = xasprintf("Esc on %s", sc->id);
	struct term *t;
	size_t k, at = en->start;

	ck_assert_msg(path != NULL, "no way by digits to %s", sc->id);
	t = gs_start(24, 80, gs_env_xterm, NULL);
	gs_wait_screen(t, en, "start");
	for (k = 0; path[k] != '\0'; k++) {
		const struct guide_screen *cur = &en->screens[at];
		size_t nl = cur->kind == GUIDE_KIND_LANGUAGES
				? (fr != NULL ? 2 : 1)
				: 0;

		gs_pick(t, path[k]);
		at = cur->choices[(size_t)(path[k] - '1') - nl].target;
		gs_wait_screen(t, en, en->screens[at].id);
	}
	gs_expect_crisis(t, en);
	expect_cursor_on_item(t, sc->id);
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, "xterm-256color", how);
	free(path);
	free(how);
	term_free(t);
}
END_TEST

/*
 * A digit moves the highlight to that choice and does nothing else, as
 * in dialog; Enter then chooses.  So "5, Enter" opens the fifth choice's
 * screen, and no digit can skip one.
 */
START_TEST(digit_moves_enter_chooses)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	const struct guide_screen *fifth;

	ck_assert_uint_ge(st->nchoices, 5);
	fifth = &en->screens[st->choices[4].target];
	gs_wait_screen(t, en, "start");
	gs_key_settle(t, TERM_KEY_DOWN);
	gs_ch(t, '5');
	gs_expect_highlight(t, st->choices[4].label);
	/* still the start screen: the digit did not act */
	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, fifth->id);
	/* a digit past the last choice does nothing */
	gs_ch_settle(t, '9');
	gs_wait_screen(t, en, fifth->id);
	gs_expect_highlight(t, fifth->choices[0].label);
	term_free(t);
}
END_TEST

/* Home and End: the first and the last item; Enter on a to-do item
 * ticks it, and unticks it, and stays. */
START_TEST(home_end_and_enter_ticks)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s1 = &en->screens[en->steps[0].screen];

	gs_walk_to_step(t, en, 1);
	gs_key(t, TERM_KEY_END);
	gs_expect_highlight(t, s1->choices[s1->nchoices - 1].label);
	gs_key(t, TERM_KEY_HOME);
	gs_expect_highlight(t, s1->todos[0].text);
	ck_assert_int_eq(gs_todo_state(t, s1->todos[0].text), 0);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_ticked(t, s1->todos[0].text);
	gs_wait_screen(t, en, s1->id);
	gs_key(t, TERM_KEY_ENTER);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	ck_assert_msg(gs_todo_state(t, s1->todos[0].text) == 0,
	    "Enter did not untick \"%s\":\n%s", s1->todos[0].text,
	    term_dump(t));
	gs_expect_highlight(t, s1->todos[0].text);
	term_free(t);
}
END_TEST

/* Two Esc at once (a panicked double tap, or a slow link) leave as one
 * does: more Esc is no escape sequence. */
START_TEST(double_esc_leaves)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);

	gs_wait_screen(t, en, "start");
	ck_assert_int_eq(term_send_bytes(t, "\033\033", 2), 0);
	gs_expect_left(t, en, "xterm-256color", "two Esc at once");
	term_free(t);
}
END_TEST

/* Home and End as tmux and PuTTY send them under TERM=xterm ("CSI 1 ~",
 * "CSI 4 ~"), which the description does not name. */
START_TEST(other_home_end)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *st = gs_screen(en, "start");

	gs_wait_screen(t, en, "start");
	ck_assert_int_eq(term_send_bytes(t, "\033[4~", 4), 0);
	gs_expect_highlight(t, st->choices[st->nchoices - 1].label);
	ck_assert_int_eq(term_send_bytes(t, "\033[1~", 4), 0);
	gs_expect_highlight(t, st->choices[0].label);
	term_free(t);
}
END_TEST

START_TEST(q_leaves)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);

	go_to(t, 2);
	gs_ch(t, 'q');
	gs_expect_left(t, en, "xterm-256color", "q");
	term_free(t);
}
END_TEST

START_TEST(ctrl_c_leaves)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);

	go_to(t, 1);
	ck_assert_int_eq(term_send_char(t, 'c', TERM_MOD_CTRL), 0);
	/* A key, not a signal: exit 0, not 130. */
	gs_expect_left(t, en, "xterm-256color", "Ctrl-C");
	term_free(t);
}
END_TEST

START_TEST(esc_with_other_bytes_stays)
{
	static const char *const seqs[] = { "\033x", "\033[99~", "\033OZ",
		"\033[24;99~" };
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *st = gs_screen(en, "steps");
	size_t i;

	go_to(t, 1);
	gs_expect_highlight(t, st->choices[0].label);
	for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
		/* One write, as a terminal sends Alt+x or an unknown key. */
		ck_assert_int_eq(
		    term_send_bytes(t, seqs[i], strlen(seqs[i])), 0);
		/* The next key comes later, as a person's would. */
		ck_assert_msg(term_wait_idle(t, GS_WAIT_MS) == 0,
		    "the program did not read the sequence");
		/* A key after it moves the highlight: so the sequence has
		 * been read, and the program is still there. */
		gs_key(t, i % 2 ? TERM_KEY_UP : TERM_KEY_DOWN);
		gs_expect_highlight(t, st->choices[i % 2 ? 0 : 1].label);
		ck_assert_msg(!term_exited(t), "%s made the program leave",
		    i == 0 ? "Alt+x" : "an unknown escape sequence");
		gs_wait_screen(t, en, "steps");
	}
	/* Alt+x through the keyboard of the terminal, too. */
	ck_assert_int_eq(term_send_char(t, 'x', TERM_MOD_ALT), 0);
	ck_assert_int_eq(term_wait_idle(t, GS_WAIT_MS), 0);
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, st->choices[1].label);
	ck_assert(!term_exited(t));
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, "xterm-256color", "Esc after Alt+x");
	term_free(t);
}
END_TEST

START_TEST(signals_restore_the_terminal)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	int sig = sigs[_i];
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	char why[512];
	int status, vis;
	size_t shown;

	go_to(t, 2);
	term_output(t, &shown);
	ck_assert_int_eq(term_kill(t, sig), 0);
	ck_assert_msg(term_wait_exit(t, 2000, &status) >= 0,
	    "signal %d: the program did not end", sig);
	ck_assert_msg(WIFEXITED(status),
	    "signal %d: killed by signal %d, not a clean exit", sig,
	    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	ck_assert_int_eq(WEXITSTATUS(status), 128 + sig);
	ck_assert_msg(term_termios_restored(t, why, sizeof why),
	    "signal %d: modes not restored: %s", sig, why);
	term_cursor(t, NULL, NULL, &vis);
	ck_assert(vis);
	ck_assert(term_output_has_since(t, shown, "\033[?1049l", 8));
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

/* The title as wrapped to cols: its first row is the longest run of whole
 * words that fits. */
static void
expect_title_wrapped(struct term *t, const struct guide_screen *sc)
{
	int cols;
	char *first;

	term_size(t, NULL, &cols);
	first = gs_words(sc->title, cols);
	ck_assert_msg(strcmp(term_row_text(t, 0), first) == 0,
	    "title row is \"%s\", not \"%s\":\n%s", term_row_text(t, 0), first,
	    term_dump(t));
	free(first);
}

struct size_wait {
	const struct guide *g;
	int cols;
	char *title; /* the first words of the start screen's title */
};

/* The window has been laid out for the new width: the crisis line that
 * fits it is there. */
static int
relaid_ok(struct term *t, void *arg)
{
	struct size_wait *sw = arg;
	const char *want = gs_width(sw->g->crisis) <= sw->cols
			       ? sw->g->crisis
			       : sw->g->crisis_short;

	return term_find(t, want, NULL, NULL) == 0 &&
	       term_find_in_row(t, 0, sw->title) == 0;
}

static void
resize_and_wait(struct term *t, int rows, int cols)
{
	struct size_wait sw = { en, cols, NULL };

	sw.title = gs_words(gs_screen(en, "start")->title, 20);
	ck_assert_int_eq(term_resize(t, rows, cols), 0);
	ck_assert_msg(term_wait_until(t, relaid_ok, &sw, GS_WAIT_MS) == 0,
	    "not laid out again at %dx%d:\n%s", cols, rows, term_dump(t));
	free(sw.title);
}

START_TEST(resize_reflows)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *sc = gs_screen(en, "start");

	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, sc->choices[1].label);
	expect_title_wrapped(t, sc);
	resize_and_wait(t, 12, 40);
	gs_expect_crisis(t, en);
	expect_title_wrapped(t, sc);
	ck_assert_int_eq(term_find(t, sc->title, NULL, NULL), -1);
	/* The highlighted item stays in view, with the cursor on it. */
	gs_expect_highlight(t, sc->choices[1].label);
	resize_and_wait(t, 40, 120);
	gs_expect_crisis(t, en);
	expect_title_wrapped(t, sc);
	gs_expect_highlight(t, sc->choices[1].label);
	/* Every choice fits at this size. */
	ck_assert_int_ge(
	    gs_item_row(t, sc->choices[sc->nchoices - 1].label, NULL), 0);
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

START_TEST(too_small_then_esc)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	char *notice = gs_words(gs_ui(en, GUIDE_UI_TOO_SMALL), 20);

	gs_wait_screen(t, en, "start");
	ck_assert_int_eq(term_resize(t, 6, 20), 0);
	ck_assert_msg(term_wait_text(t, notice, GS_WAIT_MS, NULL, NULL) == 0,
	    "no \"%s\" at 20x6:\n%s", notice, term_dump(t));
	/* The crisis numbers are still there. */
	ck_assert_msg(term_find(t, "988", NULL, NULL) == 0 &&
			  term_find(t, "911", NULL, NULL) == 0,
	    "no crisis numbers at 20x6:\n%s", term_dump(t));
	/* Bigger again: the guide comes back. */
	resize_and_wait(t, 24, 80);
	ck_assert_int_eq(term_find(t, notice, NULL, NULL), -1);
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	ck_assert_int_eq(term_resize(t, 6, 20), 0);
	ck_assert_int_eq(term_wait_text(t, notice, GS_WAIT_MS, NULL, NULL), 0);
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, "xterm-256color", "Esc at 20x6");
	free(notice);
	term_free(t);
}
END_TEST

/* The cursor is on the marked item if one is on screen, else in the body
 * (never on the key hint or the crisis line). */
static void
expect_cursor_in_body(struct term *t)
{
	int rows, cr, marker = gs_marked_row(t);

	term_size(t, &rows, NULL);
	term_cursor(t, &cr, NULL, NULL);
	if (marker >= 0)
		ck_assert_msg(cr == marker, "cursor on row %d, item on %d:\n%s",
		    cr, marker, term_dump(t));
	else
		ck_assert_msg(cr >= 1 && cr < rows - 2,
		    "cursor on row %d, outside the body:\n%s", cr,
		    term_dump(t));
}

START_TEST(long_screen_scrolls)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *sc = gs_screen(en, "step-3");
	const char *above = gs_ui(en, GUIDE_UI_MORE_ABOVE);
	const char *below = gs_ui(en, GUIDE_UI_MORE_BELOW);
	char *first = gs_words(gs_para(sc, 0), 60);
	char *last = xasprintf(
	    "%zu. %s", sc->nchoices, sc->choices[sc->nchoices - 1].label);
	int pages = 0;

	gs_walk_to_step(t, en, 3);
	ck_assert_msg(term_find(t, first, NULL, NULL) == 0,
	    "step 3 does not start at its top:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, below, NULL, NULL) == 0,
	    "no \"%s\" on a long screen:\n%s", below, term_dump(t));
	ck_assert_int_eq(term_find(t, above, NULL, NULL), -1);
	ck_assert_int_eq(term_find(t, last, NULL, NULL), -1);
	expect_cursor_in_body(t);
	gs_key(t, TERM_KEY_PGDN);
	ck_assert_msg(term_wait_text(t, above, GS_WAIT_MS, NULL, NULL) == 0,
	    "PgDn: no \"%s\":\n%s", above, term_dump(t));
	ck_assert_int_eq(term_find(t, first, NULL, NULL), -1);
	gs_expect_crisis(t, en);
	ck_assert_int_eq(
	    term_find(t, gs_ui(en, GUIDE_UI_HINT_LEAVE), NULL, NULL), 0);
	expect_cursor_in_body(t);
	/* Page on to the end: the last choice, and no more "more below". */
	while (term_find(t, below, NULL, NULL) == 0 && pages++ < 10) {
		gs_key(t, TERM_KEY_PGDN);
		term_settle(t, 50, GS_WAIT_MS);
	}
	ck_assert_msg(term_find(t, last, NULL, NULL) == 0,
	    "the end of step 3 never shown:\n%s", term_dump(t));
	ck_assert_int_eq(term_find(t, below, NULL, NULL), -1);
	gs_expect_crisis(t, en);
	expect_cursor_in_body(t);
	/* And back up to the top. */
	pages = 0;
	while (term_find(t, above, NULL, NULL) == 0 && pages++ < 10) {
		gs_key(t, TERM_KEY_PGUP);
		term_settle(t, 50, GS_WAIT_MS);
	}
	ck_assert_msg(term_find(t, first, NULL, NULL) == 0,
	    "PgUp did not return to the top:\n%s", term_dump(t));
	expect_cursor_in_body(t);
	gs_expect_quiet(t);
	free(first);
	free(last);
	term_free(t);
}
END_TEST

/* No cell has a colour: every foreground and background is the
 * terminal's default. */
static void
expect_no_colour(struct term *t, const char *why)
{
	struct term_cell cell;
	int rows, cols, r, c;

	term_size(t, &rows, &cols);
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++) {
			ck_assert_int_eq(term_cell(t, r, c, &cell), 0);
			ck_assert_msg(cell.fg_default && cell.bg_default,
			    "%s: colour at row %d col %d (\"%s\", fg %d bg "
			    "%d):\n%s",
			    why, r, c, cell.text, cell.fg, cell.bg,
			    term_dump(t));
		}
}

static void
no_colour_run(const char *const *env, const char *opt, const char *why)
{
	struct term *t = gs_start(24, 80, env, opt, NULL);

	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	expect_no_colour(t, why);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, gs_screen(en, "steps")->choices[1].label);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "step-2");
	gs_reveal(t);
	gs_expect_highlight(t, gs_screen(en, "step-2")->choices[0].label);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, gs_screen(en, "step-2")->todos[2].text);
	expect_no_colour(t, why);
	gs_expect_quiet(t);
	term_free(t);
}

/* With colour (the control for the no-colour tests): some colour is
 * drawn, and never a background but the terminal's own.  An empty
 * NO_COLOR is not set (no-color.org): colour too. */
START_TEST(colour_on_the_default_background)
{
	static const char *const empty_no_color[] = { "TERM=xterm-256color",
		"LANG=C.UTF-8", "NO_COLOR=", NULL };
	struct term *t =
	    gs_start(24, 80, _i == 0 ? gs_env_xterm : empty_no_color, NULL);
	struct term_cell cell;
	int rows, cols, r, c, coloured = 0;

	gs_wait_screen(t, en, "start");
	gs_expect_crisis(t, en);
	term_size(t, &rows, &cols);
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++) {
			ck_assert_int_eq(term_cell(t, r, c, &cell), 0);
			ck_assert_msg(cell.bg_default || cell.reverse,
			    "a background colour at row %d col %d:\n%s", r, c,
			    term_dump(t));
			coloured += !cell.fg_default;
		}
	ck_assert_msg(
	    coloured > 0, "no colour at all with TERM=xterm-256color");
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

START_TEST(no_color_env)
{
	static const char *const env[] = { "TERM=xterm-256color",
		"LANG=C.UTF-8", "NO_COLOR=1", NULL };

	no_colour_run(env, NULL, "NO_COLOR=1");
}
END_TEST

START_TEST(no_color_option)
{
	no_colour_run(gs_env_xterm, "--no-color", "--no-color");
}
END_TEST

START_TEST(vt100)
{
	static const char *const env[] = { "TERM=vt100", "LANG=C.UTF-8", NULL };

	no_colour_run(env, NULL, "TERM=vt100");
}
END_TEST

/*
 * On the steps screen with choice k (0 to 2) highlighted, on a terminal
 * of type term_name: F1 shows help and Backspace comes back to the same
 * choice; Down to step 3 and Enter; PgDn scrolls; Esc leaves cleanly.
 */
static void
help_step_3_and_leave(struct term *t, int k, const char *term_name)
{
	const struct guide_screen *st = gs_screen(en, "steps");
	char *how = xasprintf("Esc on TERM=%s", term_name);

	gs_key(t, TERM_KEY_F1);
	expect_help(t);
	gs_key(t, TERM_KEY_BACKSPACE);
	gs_wait_screen(t, en, "steps");
	gs_expect_highlight(t, st->choices[k].label);
	for (; k < 2; k++)
		gs_key(t, TERM_KEY_DOWN);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "step-3");
	gs_key(t, TERM_KEY_PGDN);
	ck_assert_msg(term_wait_text(t, gs_ui(en, GUIDE_UI_MORE_ABOVE),
			  GS_WAIT_MS, NULL, NULL) == 0,
	    "TERM=%s: PgDn did not scroll:\n%s", term_name, term_dump(t));
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, term_name, how);
	free(how);
}

START_TEST(linux_keys)
{
	static const char *const env[] = { "TERM=linux", "LANG=C.UTF-8", NULL };
	struct term *t = gs_start(24, 80, env, NULL);
	const struct guide_screen *st = gs_screen(en, "steps");

	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, gs_screen(en, "start")->choices[1].label);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, gs_screen(en, "start")->choices[0].label);
	gs_key(t, TERM_KEY_RIGHT);
	gs_wait_screen(t, en, "steps");
	gs_key(t, TERM_KEY_DOWN);
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, st->choices[2].label);
	help_step_3_and_leave(t, 2, "linux");
	term_free(t);
}
END_TEST

/* The terminal types a school machine or a multiplexer may set: keys
 * from each one's terminfo (libvterm's for xterm), a walk, help, back,
 * a page down, and a clean Esc. */
START_TEST(other_terminals)
{
	static const char *const names[] = { "screen", "screen-256color",
		"tmux-256color", "xterm", "rxvt-unicode-256color" };
	char *tenv = xasprintf("TERM=%s", names[_i]);
	const char *env[] = { tenv, "LANG=C.UTF-8", NULL };
	struct term *t = gs_start(24, 80, env, NULL);
	const struct guide_screen *st = gs_screen(en, "steps");

	gs_wait_screen(t, en, "start");
	gs_expect_crisis(t, en);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, st->choices[1].label);
	help_step_3_and_leave(t, 1, names[_i]);
	free(tenv);
	term_free(t);
}
END_TEST

/* Rows of a paragraph wrapped greedily by display width: each row holds
 * whole words, and the next word would not have fitted. */
static void
expect_paragraph_wrapped(struct term *t, const char *text)
{
	int rows, cols, r, c, rw;
	char *first, *copy, *word, *save = NULL, *row;
	size_t at;

	term_size(t, &rows, &cols);
	/* As much of its start as the first row holds: two paragraphs may
	 * begin with the same few words ("Tu peux aussi ..."). */
	first = gs_words(text, cols - 4);
	for (r = 0, c = -1; r < rows && c != 0; r++)
		c = term_find_in_row(t, r, first);
	r--;
	ck_assert_msg(c == 0, "\"%s\" not at the start of a row:\n%s", first,
	    term_dump(t));
	free(first);
	copy = xstrdup(text);
	row = xstrdup(term_row_text(t, r));
	at = 0;
	for (word = strtok_r(copy, " ", &save); word != NULL;
	     word = strtok_r(NULL, " ", &save)) {
		size_t n = strlen(word);

		if (strncmp(row + at, word, n) != 0) {
			/* The row ends here: the word must not have fitted. */
			ck_assert_msg(row[at] == '\0',
			    "\"%s\" broken or garbled on row %d:\n%s", word, r,
			    term_dump(t));
			rw = gs_width(row);
			ck_assert_msg(rw + 1 + gs_width(word) > cols,
			    "\"%s\" would have fitted on row %d after %d "
			    "columns, in %d:\n%s",
			    word, r, rw, cols, term_dump(t));
			free(row);
			row = xstrdup(term_row_text(t, ++r));
			at = 0;
			ck_assert_msg(strncmp(row, word, n) == 0,
			    "row %d does not go on with \"%s\":\n%s", r, word,
			    term_dump(t));
		}
		at += n;
		if (row[at] == ' ')
			at++;
	}
	free(row);
	free(copy);
}

/* Every paragraph of screen sc wrapped by display width, no broken
 * character, no punctuation cut from its word.  Returns how many
 * paragraphs hold an é or an à. */
static int
expect_french_screen(struct term *t, const struct guide_screen *sc)
{
	int rows, r, accents = 0;
	const char *p;
	size_t i;

	for (i = 0; (p = gs_para(sc, i)) != NULL; i++) {
		expect_paragraph_wrapped(t, p);
		accents += strstr(p, "\xc3\xa9") != NULL ||
			   strstr(p, "\xc3\xa0") != NULL;
	}
	term_size(t, &rows, NULL);
	for (r = 0; r < rows; r++) {
		const char *row = term_row_text(t, r);

		/* No broken character, and no French punctuation cut from
		 * its word (it follows a no-break space). */
		ck_assert_msg(strstr(row, "\xef\xbf\xbd") == NULL,
		    "%s: a broken character on row %d:\n%s", sc->id, r,
		    term_dump(t));
		ck_assert_msg(strchr("?!:;", row[0]) == NULL || row[0] == '\0',
		    "%s: row %d starts with punctuation:\n%s", sc->id, r,
		    term_dump(t));
		ck_assert_msg(strncmp(row, "\xc2\xbb", 2) != 0,
		    "%s: row %d starts with a closing guillemet:\n%s", sc->id,
		    r, term_dump(t));
	}
	return accents;
}

START_TEST(french)
{
	static const char *const env[] = { "TERM=xterm-256color",
		"LANG=C.UTF-8", NULL };
	const struct guide_screen *sc, *steps, *s3;
	struct term *t;
	int accents;

	ck_assert_msg(fr != NULL, "no valid %s/fr.json", gs_content_dir());
	sc = &fr->screens[fr->start];
	steps = gs_screen(fr, "steps");
	s3 = gs_screen(fr, "step-3");
	ck_assert_str_eq(fr->screens[sc->choices[0].target].id, "steps");
	ck_assert_str_eq(fr->screens[steps->choices[2].target].id, "step-3");
	/* A narrow, tall window: everything wraps, nothing scrolls. */
	t = gs_start(150, 40, env, "--lang", "fr", NULL);
	gs_wait_screen(t, fr, sc->id);
	gs_expect_highlight(t, sc->choices[0].label);
	gs_expect_crisis(t, fr);
	expect_title_wrapped(t, sc);
	accents = expect_french_screen(t, sc);
	ck_assert_msg(accents > 0, "no é or à on the French start screen");
	/* A long step, whole. */
	gs_pick(t, '1');
	gs_wait_screen(t, fr, "steps");
	gs_pick(t, '3');
	gs_wait_screen(t, fr, "step-3");
	ck_assert_int_eq(
	    term_find(t, gs_ui(fr, GUIDE_UI_MORE_BELOW), NULL, NULL), -1);
	expect_title_wrapped(t, s3);
	expect_french_screen(t, s3);
	gs_expect_crisis(t, fr);
	expect_cursor_on_item(t, s3->id);
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, fr, "xterm-256color", "Esc in French");
	term_free(t);
}
END_TEST

START_TEST(mouse)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	const char *leave = gs_ui(en, GUIDE_UI_HINT_LEAVE);
	int r, c;

	gs_wait_screen(t, en, "start");
	/* A click on a choice chooses it. */
	r = gs_item_row(t, st->choices[1].label, &c);
	ck_assert_int_ge(r, 0);
	ck_assert_msg(term_click(t, r, c + 3) == 0,
	    "the program did not ask for mouse reports");
	gs_wait_screen(t, en,
	    st->choices[1].target == en->start
		? "start"
		: en->screens[st->choices[1].target].id);
	gs_ch(t, 'b');
	gs_wait_screen(t, en, "start");
	/* Back on the item clicked. */
	gs_expect_highlight(t, st->choices[1].label);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, st->choices[0].label);
	/* The wheel scrolls a long screen. */
	gs_walk_to_step(t, en, 3);
	ck_assert_int_eq(
	    term_find(t, gs_ui(en, GUIDE_UI_MORE_ABOVE), NULL, NULL), -1);
	ck_assert_int_eq(term_wheel(t, 5, 10, 1), 0);
	ck_assert_msg(term_wait_text(t, gs_ui(en, GUIDE_UI_MORE_ABOVE),
			  GS_WAIT_MS, NULL, NULL) == 0,
	    "the wheel did not scroll:\n%s", term_dump(t));
	expect_cursor_in_body(t);
	/* A click on "leave quickly" in the key hint leaves. */
	ck_assert_int_eq(term_find(t, leave, &r, &c), 0);
	ck_assert_int_eq(term_click(t, r, c + 2), 0);
	gs_expect_left(t, en, "xterm-256color", "a click on the leave hint");
	term_free(t);
}
END_TEST

START_TEST(p_switches_to_plain)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s2 = gs_screen(en, "step-2");
	char *prompt = gs_words(gs_ui(en, GUIDE_UI_PLAIN_PROMPT), 30);
	char *bye = gs_words(gs_ui(en, GUIDE_UI_PLAIN_BYE), 30);
	char *first = xasprintf("1. %s", s2->choices[0].label);
	const char *dot = strstr(en->crisis, " \xc2\xb7 ");
	char *crisis_first =
	    dot != NULL ? xstrndup(en->crisis, (size_t)(dot - en->crisis))
			: xstrdup(en->crisis);
	char why[512];
	int status;
	size_t shown;

	gs_walk_to_step(t, en, 2);
	term_output(t, &shown);
	gs_ch(t, 'p');
	/* The same place, line by line, and the prompt. */
	ck_assert_msg(term_wait_text(t, prompt, GS_WAIT_MS, NULL, NULL) == 0,
	    "p: no plain prompt:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, first, NULL, NULL) == 0,
	    "p: not at step 2 (no \"%s\"):\n%s", first, term_dump(t));
	/* The plain mode writes the crisis line's parts one to a line. */
	ck_assert_msg(term_find(t, crisis_first, NULL, NULL) == 0,
	    "p: no crisis line:\n%s", term_dump(t));
	ck_assert(term_output_has_since(t, shown, "\033[?1049l", 8));
	ck_assert_int_eq(term_send_bytes(t, "q\r", 2), 0);
	ck_assert_msg(term_wait_exit(t, 3000, &status) >= 0,
	    "q in the plain mode did not leave:\n%s", term_dump(t));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x, not exit 0", status);
	/* On this terminal leaving wipes the plain mode's lines too: the
	 * screen and its scrollback keep none of them, so there is no
	 * "close this window" line to show. */
	ck_assert_msg(!term_kept_has(t, first) && !term_kept_has(t, prompt) &&
			  !term_kept_has(t, bye),
	    "the plain mode's text is kept after q:\n%s\nhistory:\n%s",
	    term_dump(t), term_history_text(t));
	ck_assert_msg(term_termios_restored(t, why, sizeof why), "%s", why);
	gs_expect_quiet(t);
	free(prompt);
	free(bye);
	free(first);
	free(crisis_first);
	term_free(t);
}
END_TEST

/* Ticks are kept by to-do id: switching to French keeps them. */
START_TEST(ticks_survive_a_language_switch)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s1 = gs_screen(en, "step-1");
	const struct guide_screen *f1;
	size_t last = s1->ntodos - 1;

	ck_assert_msg(fr != NULL, "no valid %s/fr.json", gs_content_dir());
	f1 = gs_screen(fr, "step-1");
	ck_assert_str_eq(f1->todos[last].id, s1->todos[last].id);
	ck_assert_str_eq(gs_walk_to_last_todo(t, en, 1), s1->todos[last].text);
	gs_ch(t, ' ');
	gs_wait_ticked(t, s1->todos[last].text);
	gs_ch(t, 'b');
	gs_wait_screen(t, en, "steps");
	gs_ch(t, 'b');
	gs_choose_language(t, en, fr);
	/* Back where the reader came from (the start), now in French. */
	gs_wait_screen(t, fr, fr->screens[fr->start].id);
	gs_pick(t, '1');
	gs_wait_screen(t, fr, "steps");
	gs_pick(t, '1');
	gs_wait_screen(t, fr, "step-1");
	gs_reveal(t);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, f1->todos[last].text);
	ck_assert_msg(gs_todo_state(t, f1->todos[last].text) == 1,
	    "the tick was lost with the language:\n%s", term_dump(t));
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

/*
 * Redraw only what changed: a screen left alone writes nothing (no clock,
 * no spinner); moving the highlight writes a small part of a full paint
 * and never clears the screen (a clear flashes).
 */
START_TEST(redraws_only_changes)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *st = gs_screen(en, "start");
	char *clear = term_terminfo("xterm-256color", "clear");
	size_t full, before, after;

	ck_assert_ptr_nonnull(clear);
	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, st->choices[0].label);
	term_output(t, &full);
	/* Left alone for a second and a half: not a byte. */
	ck_assert_int_eq(term_settle(t, 1500, 5000), 0);
	term_output(t, &before);
	ck_assert_msg(before == full,
	    "%zu bytes written to a screen left alone", before - full);
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, st->choices[1].label);
	term_output(t, &after);
	ck_assert_msg(after - before < full / 4,
	    "a move wrote %zu bytes, a full paint %zu", after - before, full);
	ck_assert_msg(!term_output_has_since(t, before, clear, strlen(clear)),
	    "a move cleared the screen");
	gs_expect_quiet(t);
	free(clear);
	term_free(t);
}
END_TEST

/*
 * A scripted session with the program under valgrind: no error and no
 * leak (valgrind's exit status says), and still a clean exit.  valgrind's
 * report goes to a pipe, shown if the test fails.  Everything is slower
 * under valgrind, so the waits are stretched for this test.
 */
START_TEST(session_under_valgrind)
{
	static const char *const vg = "/usr/bin/valgrind";
	const char *argv[] = { vg, "-q", "--leak-check=full",
		"--show-leak-kinds=definite,possible",
		"--errors-for-leak-kinds=definite,possible",
		"--error-exitcode=99", gs_bin(), "--content", gs_content_dir(),
		NULL };
	const struct guide_screen *st = gs_screen(en, "steps");
	const char *old = getenv("TEST_TIMEOUT_FACTOR");
	char *saved = old ? xstrdup(old) : NULL, factor[32], why[512];
	struct term *t;
	int status;

	if (!tool_need("session_under_valgrind", vg, "valgrind")) {
		free(saved);
		return;
	}
	snprintf(factor, sizeof factor, "%g", term_factor() * 10);
	setenv("TEST_TIMEOUT_FACTOR", factor, 1);
	t = term_start_err(24, 80, gs_env_xterm, argv);
	ck_assert_ptr_nonnull(t);
	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, st->choices[1].label);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "step-2");
	gs_reveal(t);
	gs_key(t, TERM_KEY_UP);
	gs_ch(t, ' ');
	gs_wait_ticked(t, gs_screen(en, "step-2")->todos[2].text);
	gs_ch(t, 'h');
	gs_wait_screen(t, en, "help");
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "step-2");
	ck_assert_int_eq(term_resize(t, 12, 40), 0);
	ck_assert_int_eq(
	    term_wait_text(t, en->crisis_short, GS_WAIT_MS, NULL, NULL), 0);
	ck_assert_int_eq(term_resize(t, 6, 20), 0);
	ck_assert_int_eq(term_wait_gone(t, en->crisis_short, GS_WAIT_MS), 0);
	ck_assert_int_eq(term_resize(t, 24, 80), 0);
	ck_assert_int_eq(
	    term_wait_text(t, en->crisis, GS_WAIT_MS, NULL, NULL), 0);
	gs_key(t, TERM_KEY_PGDN);
	term_settle(t, 100, GS_WAIT_MS);
	gs_key(t, TERM_KEY_ESC);
	ck_assert_msg(term_wait_exit(t, 10000, &status) >= 0,
	    "Esc did not leave under valgrind:\n%s\n%s", term_dump(t),
	    term_stderr(t));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x under valgrind:\n%s", status, term_stderr(t));
	ck_assert_msg(term_termios_restored(t, why, sizeof why), "%s", why);
	ck_assert_msg(term_stderr(t)[0] == '\0',
	    "valgrind or the program said:\n%s", term_stderr(t));
	term_free(t);
	if (saved != NULL)
		setenv("TEST_TIMEOUT_FACTOR", saved, 1);
	else
		unsetenv("TEST_TIMEOUT_FACTOR");
	free(saved);
}
END_TEST

/*
 * The plan lists the "I already paid" items too, and ticks there what is
 * ticked on their screen, both ways.
 */
START_TEST(plan_ticks)
{
	const struct guide_screen *st = gs_screen(en, "start");
	const struct guide_screen *paid = gs_screen(en, "already-paid");
	const char *last = paid->todos[paid->ntodos - 1].text;
	const char *before = paid->todos[paid->ntodos - 2].text;
	struct term *t = gs_start(120, 100, gs_env_xterm, NULL);
	size_t c, to_paid = 0, to_plan = 0;
	int r;

	for (c = 0; c < st->nchoices; c++)
		if (strcmp(en->screens[st->choices[c].target].id,
			"already-paid") == 0)
			to_paid = c + 1;
	for (c = 0; c < gs_screen(en, "steps")->nchoices; c++)
		if (strcmp(
			en->screens[gs_screen(en, "steps")->choices[c].target]
			    .id,
			"plan") == 0)
			to_plan = c + 1;
	ck_assert(to_paid > 0 && to_plan > 0);
	gs_wait_screen(t, en, "start");
	gs_pick(t, (char)('0' + to_paid));
	gs_wait_screen(t, en, "already-paid");
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, last);
	gs_ch(t, ' ');
	gs_wait_ticked(t, last);
	gs_ch(t, 'b');
	gs_wait_screen(t, en, "start");
	/* back on the choice that led away: Up to the first */
	gs_expect_highlight(t, st->choices[to_paid - 1].label);
	for (c = 1; c < to_paid; c++)
		gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, st->choices[0].label);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	gs_pick(t, (char)('0' + to_plan));
	gs_wait_screen(t, en, "plan");
	/* the item, ticked, under the screen's title */
	gs_wait_ticked(t, last);
	ck_assert_int_eq(term_find(t, paid->title, &r, NULL), 0);
	ck_assert_int_lt(r, gs_item_row(t, last, NULL));
	/* Up from the first choice: the plan's last item; Space unticks */
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, last);
	gs_ch(t, ' ');
	gs_wait_unticked(t, last);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, before);
	gs_ch(t, ' ');
	gs_wait_ticked(t, before);
	/* on their own screen, the same ticks */
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "steps");
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "start");
	gs_pick(t, (char)('0' + to_paid));
	gs_wait_screen(t, en, "already-paid");
	gs_wait_ticked(t, before);
	ck_assert_msg(gs_todo_state(t, last) == 0,
	    "\"%s\" is still ticked on its screen:\n%s", last, term_dump(t));
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

static Suite *
tui_suite(void)
{
	Suite *s = suite_create("tui");
	TCase *tc;

	tc = tcase_create("screens");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_test(tc, start_screen);
	tcase_add_test(tc, walk_steps_and_plan);
	tcase_add_test(tc, back_from_step_3);
	tcase_add_test(tc, help_from_step_4_and_back);
	tcase_add_test(tc, long_screen_scrolls);
	tcase_add_test(tc, mouse);
	tcase_add_test(tc, p_switches_to_plain);
	tcase_add_test(tc, redraws_only_changes);
	tcase_add_test(tc, ticks_survive_a_language_switch);
	tcase_add_test(tc, digit_moves_enter_chooses);
	tcase_add_test(tc, home_end_and_enter_ticks);
	tcase_add_test(tc, plan_ticks);
	suite_add_tcase(s, tc);

	tc = tcase_create("leaving");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_loop_test(tc, esc_leaves_at_once, 0, 5);
	tcase_add_loop_test(tc, esc_leaves_every_screen, 0, (int)en->nscreens);
	tcase_add_test(tc, q_leaves);
	tcase_add_test(tc, double_esc_leaves);
	tcase_add_test(tc, other_home_end);
	tcase_add_test(tc, ctrl_c_leaves);
	tcase_add_test(tc, esc_with_other_bytes_stays);
	tcase_add_loop_test(tc, signals_restore_the_terminal, 0, 3);
	suite_add_tcase(s, tc);

	tc = tcase_create("sizes");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_test(tc, resize_reflows);
	tcase_add_test(tc, too_small_then_esc);
	suite_add_tcase(s, tc);

	tc = tcase_create("valgrind");
	tcase_set_timeout(tc, term_seconds(120));
	/* A program built with AddressSanitizer cannot run under valgrind
	 * (make sanitize runs every other session under ASan instead): this
	 * build has no such test, rather than a test that passes unrun. */
	if (getenv("SAFESTEPS_SANITIZED") == NULL)
		tcase_add_test(tc, session_under_valgrind);
	suite_add_tcase(s, tc);

	tc = tcase_create("terminals");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_loop_test(tc, colour_on_the_default_background, 0, 2);
	tcase_add_test(tc, no_color_env);
	tcase_add_test(tc, no_color_option);
	tcase_add_test(tc, vt100);
	tcase_add_test(tc, linux_keys);
	tcase_add_loop_test(tc, other_terminals, 0, 5);
	tcase_add_test(tc, french);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_main("test_tui", tui_suite, &en, &fr);
}
