/*
 * test_window.c: what the full screen's window shows, through a real
 * terminal: on a long screen Enter reads on until the highlighted choice
 * is in view and never acts on one that was not, and Space never ticks an
 * item out of view; the cursor is never on a blank line; the step marks
 * show where the reader is; a wide window keeps the text narrow; a tiny
 * one never shows half a phone number.
 *
 * Each scenario runs the program ($SAFESTEPS_BIN) on a pseudo-terminal
 * (tests/lib/term.h) with the content of $SAFESTEPS_CONTENT_DIR, and looks
 * at what a person (or a screen reader following the cursor) gets.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "guidescreen.h"
#include "term.h"
#include "xmalloc.h"

/* The widest the text of a window gets (view.h's VIEW_TEXT_COLS). */
#define TEXT_COLS 80

static struct guide *en, *fr;

/* The row the cursor is on, as text. */
static const char *
cursor_text(struct term *t, int *row)
{
	int r;

	term_cursor(t, &r, NULL, NULL);
	if (row != NULL)
		*row = r;
	return term_row_text(t, r);
}

/*
 * On a screen whose highlighted choice is below the fold: the cursor is
 * on "more below"; Enter (or key) reads on, a page at a time, without
 * leaving screen id, the cursor on a line that says something; once the
 * choice is in view the cursor is on it.  Returns how many presses it
 * took.
 */
static int
read_on_to_choice(
    struct term *t, const struct guide *g, const char *id, enum term_key key)
{
	const struct guide_screen *sc = gs_screen(g, id);
	int presses = 0, r;

	gs_wait_screen(t, g, id);
	ck_assert_msg(gs_nmarked(t) == 0,
	    "%s: the first choice is in view at once (no test):\n%s", id,
	    term_dump(t));
	ck_assert_msg(
	    strcmp(cursor_text(t, NULL), gs_ui(g, GUIDE_UI_MORE_BELOW)) == 0,
	    "%s: the cursor is not on \"more below\":\n%s", id, term_dump(t));
	while (gs_nmarked(t) == 0) {
		ck_assert_msg(
		    ++presses < 20, "%s: never got to the choice", id);
		gs_key_settle(t, key);
		/* the same screen: the key did not act */
		gs_wait_screen(t, g, id);
		ck_assert_msg(cursor_text(t, &r)[0] != '\0',
		    "%s: the cursor is on blank row %d:\n%s", id, r,
		    term_dump(t));
	}
	gs_expect_highlight(t, sc->choices[0].label);
	return presses;
}

/* Step 3 and step 5 at 80x24: Enter and Right read on, then act. */
START_TEST(long_step_enter_reads_on)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);

	gs_walk_to_step(t, en, 3);
	ck_assert_int_ge(read_on_to_choice(t, en, "step-3", TERM_KEY_ENTER), 1);
	/* in view now: Enter follows it */
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "step-4");
	gs_reveal(t);
	gs_key(t, TERM_KEY_ENTER);
	ck_assert_int_ge(read_on_to_choice(t, en, "step-5", TERM_KEY_RIGHT), 1);
	gs_key(t, TERM_KEY_RIGHT);
	gs_wait_screen(t, en, "plan");
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

/* Space on a to-do item scrolled out of view shows it, and ticks only
 * once it is seen. */
START_TEST(space_on_unseen_todo)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s1 = gs_screen(en, "step-1");
	const char *todo = s1->todos[s1->ntodos - 1].text;
	char *words = gs_words(todo, 30);
	int guard = 0;

	gs_walk_to_step(t, en, 1);
	ck_assert_int_eq(term_resize(t, 12, 40), 0);
	gs_wait_screen(t, en, "step-1");
	gs_reveal(t);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, todo);
	/* scroll up until the item is out of view */
	while (term_find(t, words, NULL, NULL) == 0) {
		ck_assert_msg(++guard < 20, "PgUp does not scroll");
		gs_key_settle(t, TERM_KEY_PGUP);
	}
	gs_ch_settle(t, ' ');
	gs_expect_highlight(t, todo);
	ck_assert_msg(gs_todo_state(t, todo) == 0,
	    "Space ticked an item out of view:\n%s", term_dump(t));
	gs_ch(t, ' ');
	gs_wait_ticked(t, todo);
	free(words);
	term_free(t);
}
END_TEST

/* Help and the plan at 80x24, the start screen at 40x12. */
START_TEST(other_long_screens)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);

	gs_wait_screen(t, en, "start");
	gs_ch(t, 'h');
	read_on_to_choice(t, en, "help", TERM_KEY_ENTER);
	gs_key(t, TERM_KEY_LEFT);
	gs_walk_to_step(t, en, 5);
	gs_reveal(t);
	gs_key(t, TERM_KEY_ENTER);
	read_on_to_choice(t, en, "plan", TERM_KEY_ENTER);
	term_free(t);

	t = gs_start(12, 40, gs_env_xterm, NULL);
	read_on_to_choice(t, en, "start", TERM_KEY_ENTER);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "steps");
	gs_expect_quiet(t);
	term_free(t);
}
END_TEST

/* Straight from step 1 to step 5: the marks say "here", not "all done". */
START_TEST(progress_shows_position)
{
	static const char here[] = "\xe2\x97\x8f", other[] = "\xe2\x97\x8b";
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	char *step5 = gs_step_of(en, 5), *marks;
	int c;

	gs_walk_to_step(t, en, 1);
	gs_ch(t, 'b');
	gs_wait_screen(t, en, "steps");
	gs_key(t, TERM_KEY_DOWN);
	gs_key(t, TERM_KEY_DOWN);
	gs_key(t, TERM_KEY_DOWN);
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, gs_screen(en, "steps")->choices[4].label);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "step-5");
	marks = xasprintf(
	    "%s  %s%s%s%s%s", step5, other, other, other, other, here);
	c = term_find_in_row(t, 1, marks);
	ck_assert_msg(c == 0, "no \"%s\" on row 1:\n%s", marks, term_dump(t));
	free(marks);
	free(step5);
	term_free(t);
}
END_TEST

/* 120 and 200 columns: the text no wider than 80; hint and crisis line
 * as they are. */
START_TEST(wide_text_capped)
{
	static const int sizes[][2] = { { 40, 120 }, { 60, 200 } };
	int rows = sizes[_i][0], cols = sizes[_i][1], r, hint, longest = 0;
	struct term *t = gs_start(rows, cols, gs_env_xterm, NULL);

	gs_walk_to_step(t, en, 3);
	ck_assert_int_eq(
	    term_find(t, gs_ui(en, GUIDE_UI_HINT_LEAVE), &hint, NULL), 0);
	for (r = 0; r < hint; r++) {
		int w = gs_width(term_row_text(t, r));

		ck_assert_msg(w <= TEXT_COLS, "row %d is %d columns wide:\n%s",
		    r, w, term_dump(t));
		if (w > longest)
			longest = w;
	}
	ck_assert_int_gt(longest, TEXT_COLS - 10);
	/* the full crisis line, on one row */
	ck_assert_int_eq(term_find_in_row(t, rows - 1, en->crisis), 0);
	term_free(t);
}
END_TEST

/* 10x3: the crisis line in whole parts, never half a number. */
START_TEST(tiny_crisis_whole)
{
	static const char number[] = "1-800-668-6868";
	struct term *t = gs_start(3, 10, gs_env_xterm, NULL);
	int r, found = 0;

	ck_assert_msg(term_wait_text(t, "988", GS_WAIT_MS, NULL, NULL) == 0,
	    "no crisis line at 10x3:\n%s", term_dump(t));
	for (r = 0; r < 3; r++) {
		const char *row = term_row_text(t, r);

		if (strstr(row, "1-800") != NULL || strstr(row, "6868") != NULL)
			ck_assert_msg(strstr(row, number) != NULL,
			    "half a number on row %d:\n%s", r, term_dump(t));
		found += strstr(row, "911") != NULL;
	}
	ck_assert_msg(found == 1, "no 911 at 10x3:\n%s", term_dump(t));
	/* wide enough for it: the number, whole */
	ck_assert_int_eq(term_resize(t, 3, 16), 0);
	ck_assert_msg(term_wait_text(t, number, GS_WAIT_MS, NULL, NULL) == 0,
	    "no %s at 16x3:\n%s", number, term_dump(t));
	gs_key(t, TERM_KEY_ESC);
	gs_expect_left(t, en, "xterm-256color", "Esc at 16x3");
	term_free(t);
}
END_TEST

/* Whether one item is shown highlighted. */
static int
one_marked(struct term *t, void *arg)
{
	(void)arg;
	return gs_nmarked(t) == 1;
}

/*
 * A long screen opens with its first choice below the fold: Up then goes
 * to the last item in view (it did nothing), and Space on a choice goes to
 * the to-do items it would tick (it did nothing), the next Space ticks.
 */
START_TEST(long_screen_up_and_space)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *s1 = &en->screens[en->steps[0].screen];
	const char *last = s1->todos[s1->ntodos - 1].text;

	gs_walk_to_step(t, en, 3);
	ck_assert_msg(gs_nmarked(t) == 0,
	    "step 3's first choice is in view at 80x24 (no test):\n%s",
	    term_dump(t));
	gs_key(t, TERM_KEY_UP);
	ck_assert_msg(term_wait_until(t, one_marked, NULL, GS_WAIT_MS) == 0,
	    "Up highlighted nothing in view:\n%s", term_dump(t));
	gs_wait_screen(t, en, "step-3");
	gs_key(t, TERM_KEY_LEFT);
	gs_wait_screen(t, en, "steps");
	gs_pick(t, '1');
	gs_wait_screen(t, en, s1->id);
	gs_reveal(t);
	gs_expect_highlight(t, s1->choices[0].label);
	gs_ch(t, ' ');
	gs_expect_highlight(t, last);
	ck_assert_int_eq(gs_todo_state(t, last), 0);
	gs_ch(t, ' ');
	gs_wait_ticked(t, last);
	term_free(t);
}
END_TEST

static Suite *
window_suite(void)
{
	Suite *s = suite_create("window");
	TCase *tc = tcase_create("window");

	tcase_set_timeout(tc, term_seconds(30));
	tcase_add_test(tc, long_step_enter_reads_on);
	tcase_add_test(tc, other_long_screens);
	tcase_add_test(tc, space_on_unseen_todo);
	tcase_add_test(tc, progress_shows_position);
	tcase_add_loop_test(tc, wide_text_capped, 0, 2);
	tcase_add_test(tc, tiny_crisis_whole);
	tcase_add_test(tc, long_screen_up_and_space);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_main("test_window", window_suite, &en, &fr);
}
