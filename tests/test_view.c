/*
 * test_view.c: what the full-screen window and the documents show, at
 * many sizes (src/view.h).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "frontend.h"
#include "guide.h"
#include "guidescreen.h"
#include "handguide.h"
#include "keys.h"
#include "layout.h"
#include "view.h"
#include "window.h"
#include "wizard.h"
#include "xmalloc.h"

/* The row whose text contains s, from row from; -1 if none. */

/* The full screen's marks without the gutter and with the plan by step:
 * what these tests read line by line. */
static const struct view_marks bare = {
	.on = GUIDE_ON_SCREEN,
	.bullet = "  \xe2\x80\xa2 ",
	.bullet_hang = 4,
	.box = { "[ ] ", "[x] " },
	.progress_marks = 1,
	.keys = 1,
	.choices = 1,
};
static int
row_with(const struct window *v, const char *s, int from)
{
	int r;

	for (r = from < 0 ? 0 : from; r < v->rows; r++)
		if (strstr(v->lines[r].text, s) != NULL)
			return r;
	return -1;
}

/*
 * The row of the highlighted item whose line reads "  " and s: its text
 * the same as any other item's (no "> "), only its mark set; or -1.
 */
static int
marked_row(const struct window *v, const char *s)
{
	char *want = xasprintf("  %s", s);
	int r;

	for (r = 0; r < v->rows; r++)
		if (strcmp(v->lines[r].text, want) == 0 && v->lines[r].marked &&
		    v->lines[r].first)
			break;
	free(want);
	return r < v->rows ? r : -1;
}

/* Every line fits, and no byte of any line can start a control code. */
static void
check_clean(const struct window *v)
{
	int r;

	for (r = 0; r < v->rows; r++) {
		const unsigned char *p =
		    (const unsigned char *)v->lines[r].text;

		ck_assert_int_le(v->lines[r].width, v->cols);
		ck_assert_int_eq(v->lines[r].width,
		    layout_width(v->lines[r].text, strlen(v->lines[r].text)));
		for (; *p; p++) {
			ck_assert_msg(*p >= 0x20 && *p != 0x7f,
			    "control byte in row %d", r);
			/* C1 controls: U+0080 to U+009F */
			if (p[0] == 0xc2)
				ck_assert(p[1] < 0x80 || p[1] > 0x9f);
		}
	}
}

/* Whether word (n bytes) is a whole word of text. */
static int
whole_word(const char *text, const char *word, size_t n)
{
	const char *p = text;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == text || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p++;
	}
	return 0;
}

/*
 * Whether every word of the crisis lines shown is a whole word of the
 * crisis line or of its short form: no number cut in two.
 */
static int
crisis_whole(const struct window *v, const struct guide *g)
{
	int r;

	for (r = 0; r < v->rows; r++) {
		const char *p = v->lines[r].text;

		if (v->lines[r].kind != VIEW_CRISIS)
			continue;
		while (*p != '\0') {
			size_t n = strcspn(p, " ");
			char *word = xstrndup(p, n);
			int ok = n == 0 || whole_word(g->crisis, word, n) ||
				 whole_word(g->crisis_short, word, n);

			free(word);
			if (!ok)
				return 0;
			p += n;
			p += *p == ' ';
		}
	}
	return 1;
}

/* The crisis line (or its wrapped short form) ends the window, with no
 * word cut where its parts fit whole (any window 3 columns wide). */
static void
check_footer(const struct window *v, const struct guide *g)
{
	const struct view_line *last = &v->lines[v->rows - 1];

	ck_assert_int_eq(last->kind, VIEW_CRISIS);
	if (v->cols >= 3)
		ck_assert_msg(crisis_whole(v, g),
		    "a word of the crisis line is cut at %dx%d: \"%s\"",
		    v->cols, v->rows, last->text);
	else
		ck_assert(strstr(g->crisis_short, last->text) != NULL);
}

/* Apply an action and write the view's scroll back, as the tui does. */
static void
act(struct wizard *w, enum wizard_action a, long arg, int rows, int cols)
{
	struct window *v;

	wizard_apply(w, a, arg);
	v = window_make(w, rows, cols, 0);
	wizard_apply(w, WIZARD_SCROLL_TO, (long)v->scroll);
	window_free(v);
}

START_TEST(test_every_size)
{
	static const int sizes[][2] = { { 24, 80 }, { 10, 40 }, { 40, 120 },
		{ 12, 40 }, { 10, 39 }, { 9, 40 }, { 6, 20 }, { 3, 10 },
		{ 2, 5 }, { 1, 1 }, { 0, 0 }, { 300, 300 } };
	struct wizard *w = wizard_new(&hg_app);
	size_t i, s;

	for (s = 0; s < hg_guides[0]->nscreens; s++) {
		wizard_apply(w, WIZARD_RESET, 0);
		if (s != HG_START)
			wizard_apply(w, WIZARD_PICK,
			    s == HG_S1 || s == HG_S2 ? 1
			    : s == HG_HELP           ? 2
			    : s == HG_LANGS          ? 3
						     : 4);
		if (s == HG_S2)
			wizard_apply(w, WIZARD_PICK, 1);
		ck_assert_uint_eq(w->screen, s);
		for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			int rows = sizes[i][0], cols = sizes[i][1];
			struct window *v = window_make(w, rows, cols, 0);
			int small =
			    rows < WINDOW_MIN_ROWS || cols < WINDOW_MIN_COLS;

			ck_assert_int_eq(v->rows, rows);
			ck_assert_int_eq(v->too_small, small);
			check_clean(v);
			if (rows >= 1)
				check_footer(v, hg_guides[0]);
			/* the crisis line first: at 10 columns it
			 * takes 3 rows */
			if (rows >= 6)
				ck_assert_msg(row_with(v, "hint_leave", 0) >= 0,
				    "no leave hint at %dx%d", cols, rows);
			if (small && rows >= 6)
				ck_assert_int_eq(
				    row_with(v, "too_small", 0), 0);
			if (!small) {
				ck_assert_int_eq(v->lines[0].kind, VIEW_TITLE);
				ck_assert_int_ge(v->cursor_row, 0);
				ck_assert_int_lt(v->cursor_row, rows);
			}
			window_free(v);
		}
	}
	wizard_free(w);
}
END_TEST

START_TEST(test_start_80x24)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v = window_make(w, 24, 80, 0);
	int r;

	ck_assert_str_eq(v->lines[0].text, "start");
	ck_assert_int_eq(v->lines[0].kind, VIEW_TITLE);
	ck_assert_int_ge(row_with(v, "Body of start.", 0), 0);
	/* the choices, numbered, the first one marked */
	r = row_with(v, "1. Go to 1", 0);
	ck_assert_int_ge(r, 0);
	ck_assert_str_eq(v->lines[r].text, "  1. Go to 1");
	ck_assert(v->lines[r].marked);
	ck_assert_int_eq(v->lines[r].item, 0);
	ck_assert_str_eq(v->lines[r + 1].text, "  2. Go to 3");
	ck_assert(!v->lines[r + 1].marked);
	/* the cursor sits on the highlighted item */
	ck_assert(v->highlight_shown);
	ck_assert_int_eq(v->cursor_row, r);
	ck_assert_int_eq(v->cursor_col, 2);
	/* the full crisis line fits in 80 columns */
	ck_assert_str_eq(v->lines[23].text, hg_guides[0]->crisis);
	ck_assert_int_eq(v->hint_row, 22);
	/* no Back on the first screen; no Space without to-do items */
	ck_assert_str_eq(
	    v->lines[22].text, "hint_next   hint_help   hint_leave");
	ck_assert_int_eq(v->leave_col, 24);
	ck_assert_int_eq(v->leave_end, 34);
	ck_assert_int_eq(v->body_top, 1);
	window_free(v);
	wizard_free(w);
}
END_TEST

/*
 * A move changes no line's text, only which lines are marked: a screen
 * reader that speaks every changed line (Fenrir) then says only what the
 * cursor moved to.  VIEW_MARKER, for a terminal with no reverse video,
 * puts "> " in the gutter instead.
 */
START_TEST(test_move_keeps_text)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *a, *b;
	int r, changed = 0;

	a = window_make(w, 24, 80, 0);
	act(w, WIZARD_DOWN, 0, 24, 80);
	b = window_make(w, 24, 80, 0);
	for (r = 0; r < a->rows; r++) {
		ck_assert_msg(strcmp(a->lines[r].text, b->lines[r].text) == 0,
		    "row %d: \"%s\" became \"%s\"", r, a->lines[r].text,
		    b->lines[r].text);
		changed += a->lines[r].marked != b->lines[r].marked;
	}
	ck_assert_int_eq(changed, 2);
	ck_assert_int_eq(b->cursor_row, marked_row(b, "2. Go to 3"));
	ck_assert_int_eq(b->cursor_col, 2);
	window_free(a);
	window_free(b);
	a = window_make(w, 24, 80, VIEW_MARKER);
	r = row_with(a, "> 2. Go to 3", 0);
	ck_assert_int_ge(r, 0);
	ck_assert(a->lines[r].marked);
	ck_assert_int_ge(row_with(a, "  1. Go to 1", 0), 0);
	window_free(a);
	wizard_free(w);
}
END_TEST

START_TEST(test_hint_narrow)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;
	const char *t;
	char *leave, *before;
	size_t off;

	act(w, WIZARD_PICK, 1, 24, 80); /* s1: to-do items, Back */
	v = window_make(w, 24, 80, 0);
	ck_assert_str_eq(v->lines[v->hint_row].text,
	    "hint_next   hint_back   hint_tick   "
	    "hint_help   hint_leave");
	window_free(v);
	/* at 40 columns some pieces go, never "leave quickly" */
	v = window_make(w, 12, 40, 0);
	t = v->lines[v->hint_row].text;
	ck_assert_int_le(v->lines[v->hint_row].width, 40);
	ck_assert_ptr_nonnull(strstr(t, "hint_leave"));
	/* the QR code, Back and Space go first; "Enter next" says how to
	 * go on, and stays with help and leaving */
	ck_assert_str_eq(t, "hint_next   hint_help   hint_leave");
	/* where a click leaves: exactly the leave words */
	before = layout_fit(t, v->leave_col, NULL);
	off = strlen(before);
	leave = layout_fit(t + off, v->leave_end - v->leave_col, NULL);
	ck_assert_str_eq(leave, "hint_leave");
	free(leave);
	free(before);
	ck_assert_str_eq(v->lines[11].text, hg_guides[0]->crisis_short);
	window_free(v);
	/* a web resource on the screen: c is named */
	wizard_apply(w, WIZARD_HELP, 0);
	v = window_make(w, 24, 80, 0);
	ck_assert_ptr_nonnull(strstr(v->lines[v->hint_row].text, "hint_qr"));
	ck_assert_ptr_null(strstr(v->lines[v->hint_row].text, "hint_help"));
	window_free(v);
	wizard_free(w);
}
END_TEST

START_TEST(test_step_and_todos)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;
	int r;

	act(w, WIZARD_PICK, 1, 24, 80);
	act(w, WIZARD_TICK_N, 2, 24, 80);
	v = window_make(w, 24, 80, 0);
	ck_assert_str_eq(v->lines[1].text,
	    "Step 1 of 5  \xe2\x97\x8f\xe2\x97\x8b\xe2\x97\x8b\xe2\x97\x8b"
	    "\xe2\x97\x8b");
	ck_assert_int_eq(v->lines[1].kind, VIEW_PROGRESS);
	r = row_with(v, "todo_heading", 0);
	ck_assert_int_ge(r, 0);
	ck_assert_str_eq(v->lines[r + 1].text, "  [ ] Todo a");
	ck_assert_str_eq(v->lines[r + 2].text, "  [x] Todo b");
	ck_assert_int_eq(v->lines[r + 2].kind, VIEW_TODO);
	ck_assert_int_eq(v->lines[r + 2].item, 1);
	ck_assert_int_eq(v->lines[r + 2].ref, 1);
	window_free(v);
	/* ASCII: the same meaning without the circles */
	v = window_make(w, 24, 80, VIEW_ASCII);
	ck_assert_str_eq(v->lines[1].text, "Step 1 of 5  [#----]");
	ck_assert_str_eq(v->lines[23].text, "Call or text 988 | Kids Help "
					    "Phone 1-800-668-6868 | 911 if you "
					    "are in danger");
	window_free(v);
	wizard_free(w);
}
END_TEST

/* A title too long for the header is cut; the step line stays. */
START_TEST(test_long_title)
{
	struct wizard *w = wizard_new(&hg_app);
	struct guide_screen *sc = &hg_guides[0]->screens[HG_S1];
	struct window *v;

	free(sc->title);
	sc->title = xstrdup("A title long enough to take three lines or "
			    "more at forty columns, far too long");
	act(w, WIZARD_PICK, 1, 10, 40);
	v = window_make(w, 10, 40, 0);
	ck_assert_int_eq(v->lines[0].kind, VIEW_TITLE);
	ck_assert_int_eq(v->lines[1].kind, VIEW_PROGRESS);
	ck_assert_int_eq(v->body_top, 2);
	/* the cut is marked */
	ck_assert_ptr_nonnull(strstr(v->lines[0].text, "\xe2\x80\xa6"));
	ck_assert_int_le(v->lines[0].width, 40);
	window_free(v);
	/* with room, the whole title */
	v = window_make(w, 24, 80, 0);
	ck_assert_int_eq(v->lines[0].kind, VIEW_TITLE);
	ck_assert_int_eq(v->lines[1].kind, VIEW_PROGRESS);
	ck_assert_ptr_null(strstr(v->lines[0].text, "\xe2\x80\xa6"));
	window_free(v);
	v = window_make(w, 24, 40, 0);
	ck_assert_int_eq(v->lines[1].kind, VIEW_TITLE);
	ck_assert_int_eq(v->lines[2].kind, VIEW_PROGRESS);
	window_free(v);
	wizard_free(w);
}
END_TEST

/* A long screen: s1 gets 60 paragraphs. */
static void
make_long(void)
{
	struct guide_screen *sc = &hg_guides[0]->screens[HG_S1];
	size_t i;

	free(sc->body[0].text);
	free(sc->body);
	sc->nbody = 60;
	sc->body = xcalloc(sc->nbody, sizeof *sc->body);
	for (i = 0; i < sc->nbody; i++)
		sc->body[i].text = xasprintf("Paragraph %zu.", i + 1);
}

START_TEST(test_long_screen_scrolls)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;
	int last, guard = 0;

	make_long();
	act(w, WIZARD_PICK, 1, 24, 80);
	v = window_make(w, 24, 80, 0);
	/* it opens at the top, with "more below" above the footer */
	ck_assert_int_eq(row_with(v, "Paragraph 1.", 0), 3);
	ck_assert_int_eq(row_with(v, "more_above", 0), -1);
	ck_assert_int_eq(row_with(v, "more_below", 0), 21);
	ck_assert_int_eq(v->lines[21].kind, VIEW_MORE);
	ck_assert(!v->highlight_shown);
	/* the highlighted choice is below: the cursor on "more below",
	 * where a screen reader says there is more */
	ck_assert_int_eq(v->cursor_row, 21);
	ck_assert_int_eq(v->cursor_col, 0);
	check_footer(v, hg_guides[0]);
	window_free(v);
	/* a page down: both indicators, the footer still there */
	act(w, WIZARD_PAGE_DOWN, 10, 24, 80);
	v = window_make(w, 24, 80, 0);
	ck_assert_int_eq(row_with(v, "more_above", 0), 2);
	ck_assert_int_eq(row_with(v, "more_below", 0), 21);
	ck_assert_int_eq(row_with(v, "Paragraph 1.", 0), -1);
	check_footer(v, hg_guides[0]);
	window_free(v);
	/* to the end: no "more below", the choices in view */
	do {
		act(w, WIZARD_PAGE_DOWN, 10, 24, 80);
		v = window_make(w, 24, 80, 0);
		last = row_with(v, "more_below", 0) < 0;
		if (!last)
			window_free(v);
	} while (!last && ++guard < 20);
	ck_assert(last);
	ck_assert_uint_eq(v->scroll, v->max_scroll);
	ck_assert_int_ge(marked_row(v, "1. Go to 2"), 0);
	ck_assert(v->highlight_shown);
	window_free(v);
	/* scrolling past the end is clamped */
	act(w, WIZARD_PAGE_DOWN, 1000, 24, 80);
	v = window_make(w, 24, 80, 0);
	ck_assert_uint_eq(w->scroll, v->max_scroll);
	window_free(v);
	wizard_free(w);
}
END_TEST

/* Paragraphs stand apart where the screen fits, and close up where not. */
START_TEST(test_loose_when_it_fits)
{
	struct wizard *w = wizard_new(&hg_app);
	struct guide_screen *sc = &hg_guides[0]->screens[HG_S1];
	struct window *v;
	int r;

	free(sc->body[0].text);
	free(sc->body);
	sc->nbody = 3;
	sc->body = xcalloc(3, sizeof *sc->body);
	sc->body[0].text = xstrdup("First paragraph.");
	sc->body[1].text = xstrdup("Second paragraph.");
	sc->body[2].text = xstrdup("Third paragraph.");
	act(w, WIZARD_PICK, 1, 24, 80);
	v = window_make(w, 24, 80, 0);
	r = row_with(v, "First paragraph.", 0);
	ck_assert_int_eq(v->lines[r + 1].kind, VIEW_BLANK);
	ck_assert_int_eq(row_with(v, "Second paragraph.", 0), r + 2);
	ck_assert_int_eq(row_with(v, "Third paragraph.", 0), r + 4);
	window_free(v);
	/* 12 rows: no room to spare, so no blank lines between them */
	v = window_make(w, 12, 40, 0);
	r = row_with(v, "First paragraph.", 0);
	ck_assert_int_eq(row_with(v, "Second paragraph.", 0), r + 1);
	window_free(v);
	/* the plain and print modes get the compact document */
	{
		struct view_doc *d = view_document(w, HG_S1, 80, &bare, 0);
		size_t i;

		for (i = 0; i < d->nlines; i++)
			if (strcmp(d->lines[i].text, "First paragraph.") == 0)
				ck_assert_str_eq(
				    d->lines[i + 1].text, "Second paragraph.");
		view_doc_free(d);
	}
	wizard_free(w);
}
END_TEST

/* Where the highlighted item is when it is not in view. */
START_TEST(test_highlight_where)
{
	struct wizard *w = wizard_new(&hg_app);
	struct guide_screen *help = &hg_guides[0]->screens[HG_HELP];
	struct window *v;

	make_long();
	act(w, WIZARD_PICK, 1, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(!v->highlight_shown);
	ck_assert_int_eq(v->highlight_where, 1); /* the choices, below */
	window_free(v);
	act(w, WIZARD_SHOW, 0, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(v->highlight_shown);
	ck_assert_int_eq(v->highlight_where, 0);
	window_free(v);
	/* a to-do item on the help screen, then the key list below it */
	free(help->todos);
	help->todos = xcalloc(1, sizeof *help->todos);
	help->todos[0].id = xstrdup("a");
	help->todos[0].text = xstrdup("Todo on help");
	help->ntodos = 1;
	act(w, WIZARD_HELP, 0, 12, 40);
	act(w, WIZARD_UP, 0, 12, 40);
	ck_assert_int_eq(wizard_item(w, w->highlight, NULL), WIZARD_ITEM_TODO);
	act(w, WIZARD_PAGE_DOWN, 12, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(!v->highlight_shown);
	ck_assert_int_eq(v->highlight_where, -1);
	window_free(v);
	wizard_free(w);
}
END_TEST

START_TEST(test_highlight_followed)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;
	int r;

	make_long();
	act(w, WIZARD_PICK, 1, 12, 40);
	/* "show" brings the highlighted first choice into view */
	act(w, WIZARD_SHOW, 0, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(v->highlight_shown);
	r = marked_row(v, "1. Go to 2");
	ck_assert_int_eq(v->cursor_row, r);
	window_free(v);
	/* up to the to-do items, one by one, each in view */
	act(w, WIZARD_UP, 0, 12, 40);
	act(w, WIZARD_UP, 0, 12, 40);
	v = window_make(w, 12, 40, 0);
	r = marked_row(v, "[ ] Todo a");
	ck_assert_int_ge(r, v->body_top);
	ck_assert_int_lt(r, v->hint_row);
	ck_assert_int_eq(v->cursor_row, r);
	window_free(v);
	/* a resize keeps the highlighted item in view */
	v = window_make(w, 10, 40, 0);
	ck_assert(v->highlight_shown);
	ck_assert_int_eq(v->cursor_row, marked_row(v, "[ ] Todo a"));
	window_free(v);
	v = window_make(w, 40, 120, 0);
	ck_assert(v->highlight_shown);
	window_free(v);
	/* Back from help returns to the same place */
	act(w, WIZARD_HELP, 0, 10, 40);
	act(w, WIZARD_BACK, 0, 10, 40);
	v = window_make(w, 10, 40, 0);
	ck_assert_int_eq(v->cursor_row, marked_row(v, "[ ] Todo a"));
	window_free(v);
	wizard_free(w);
}
END_TEST

START_TEST(test_too_small)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v = window_make(w, 6, 20, 0);

	ck_assert(v->too_small);
	ck_assert_str_eq(v->lines[0].text, "too_small");
	ck_assert_int_eq(v->lines[0].kind, VIEW_NOTICE);
	/* the short crisis line, wrapped to 20 columns */
	ck_assert_str_eq(v->lines[4].text, "988 \xc2\xb7 1-800-668-6868");
	ck_assert_str_eq(v->lines[5].text, "\xc2\xb7 911");
	ck_assert_str_eq(v->lines[3].text, "hint_leave");
	ck_assert_int_eq(v->hint_row, 3);
	ck_assert_int_eq(v->leave_col, 0);
	window_free(v);
	/* when rows are short the crisis line comes first */
	v = window_make(w, 2, 20, 0);
	ck_assert_str_eq(v->lines[0].text, "988 \xc2\xb7 1-800-668-6868");
	window_free(v);
	wizard_free(w);
}
END_TEST

START_TEST(test_still_there)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;

	free(hg_guides[0]->ui[GUIDE_UI_COUNTDOWN_RESET]);
	hg_guides[0]->ui[GUIDE_UI_COUNTDOWN_RESET] =
	    xstrdup("Starting over in {n} s.");
	v = window_still_there(w, 24, 80, 17, 1, 0);
	ck_assert_str_eq(v->lines[0].text, "still_there");
	ck_assert_int_ge(row_with(v, "Starting over in 17 s.", 0), 1);
	check_footer(v, hg_guides[0]);
	window_free(v);
	v = window_still_there(w, 24, 80, 3, 0, 0);
	ck_assert_int_ge(row_with(v, "countdown_leave", 0), 1);
	window_free(v);
	wizard_free(w);
}
END_TEST

START_TEST(test_help_keys_people)
{
	struct wizard *w = wizard_new(&hg_app);
	struct guide *g = hg_guides[0];
	struct view_doc *d;
	size_t i, k, found = 0;
	int people = -1, body = -1;

	g->npeople = 1;
	g->people = xcalloc(1, sizeof *g->people);
	g->people[0].name = xstrdup("Ms. Chen, counsellor");
	g->people[0].details = xstrdup("Room 114");
	d = view_document(w, HG_HELP, 80, &bare, 0);
	for (i = 0; i < d->nlines; i++) {
		if (strstr(d->lines[i].text, "Ms. Chen") != NULL)
			people = (int)i;
		if (strstr(d->lines[i].text, "Body of help.") != NULL)
			body = (int)i;
		for (k = 0; k < keys_count; k++)
			if (strstr(d->lines[i].text,
				guide_ui_key(keys_table[k].keys)) ==
				d->lines[i].text + 2 &&
			    strstr(d->lines[i].text,
				guide_ui_key(keys_table[k].what)) != NULL)
				found++;
	}
	/* site people first; every key with what it does */
	ck_assert_int_ge(people, 0);
	ck_assert_int_gt(body, people);
	ck_assert_uint_eq(found, keys_count);
	view_doc_free(d);
	/* the key list is on the help screen only */
	d = view_document(w, HG_START, 80, &bare, 0);
	for (i = 0; i < d->nlines; i++)
		ck_assert_int_ne(d->lines[i].kind, VIEW_KEY);
	view_doc_free(d);
	wizard_free(w);
}
END_TEST

/*
 * The cursor is where a screen reader should be: on the highlighted item,
 * or while it is out of view on the "more" line towards it; and
 * show_scroll is the least scroll that brings the item into view.
 */
START_TEST(test_cursor_towards_highlight)
{
	struct wizard *w = wizard_new(&hg_app);
	struct guide_screen *help = &hg_guides[0]->screens[HG_HELP];
	struct window *v;
	size_t show;
	int r;

	make_long();
	act(w, WIZARD_PICK, 1, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(!v->highlight_shown);
	r = row_with(v, "more_below", 0);
	ck_assert_int_ge(r, 0);
	ck_assert_int_eq(v->cursor_row, r);
	ck_assert_int_eq(v->cursor_col, 0);
	show = v->show_scroll;
	ck_assert_uint_gt(show, v->scroll);
	window_free(v);
	/* one line short of it, the item is not in view; at it, it is */
	act(w, WIZARD_SCROLL_TO, (long)show - 1, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(!v->highlight_shown);
	ck_assert_uint_eq(v->show_scroll, show);
	window_free(v);
	act(w, WIZARD_SCROLL_TO, (long)show, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert(v->highlight_shown);
	ck_assert_uint_eq(v->show_scroll, show);
	ck_assert_int_eq(v->cursor_row, marked_row(v, "1. Go to 2"));
	window_free(v);
	/* the highlighted item above the part shown: "more above" */
	free(help->todos);
	help->todos = xcalloc(1, sizeof *help->todos);
	help->todos[0].id = xstrdup("a");
	help->todos[0].text = xstrdup("Todo on help");
	help->ntodos = 1;
	act(w, WIZARD_HELP, 0, 12, 40);
	act(w, WIZARD_UP, 0, 12, 40);
	act(w, WIZARD_PAGE_DOWN, 12, 12, 40);
	v = window_make(w, 12, 40, 0);
	ck_assert_int_eq(v->highlight_where, -1);
	ck_assert_int_eq(v->cursor_row, row_with(v, "more_above", 0));
	ck_assert_int_eq(v->cursor_row, v->body_top);
	ck_assert_uint_lt(v->show_scroll, v->scroll);
	window_free(v);
	wizard_free(w);
}
END_TEST

/* The marks show where the reader is, not how far they have come. */
START_TEST(test_progress_position)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;

	act(w, WIZARD_PICK, 1, 24, 80);
	act(w, WIZARD_PICK, 1, 24, 80);
	ck_assert_str_eq(wizard_screen(w)->id, "s2");
	v = window_make(w, 24, 80, 0);
	ck_assert_str_eq(v->lines[1].text,
	    "Step 2 of 5  \xe2\x97\x8b\xe2\x97\x8f\xe2\x97\x8b\xe2\x97\x8b"
	    "\xe2\x97\x8b");
	ck_assert_int_eq(v->lines[1].kind, VIEW_PROGRESS);
	window_free(v);
	v = window_make(w, 24, 80, VIEW_ASCII);
	ck_assert_str_eq(v->lines[1].text, "Step 2 of 5  [-#---]");
	window_free(v);
	wizard_free(w);
}
END_TEST

/* A wide window: title, text and items stay within WINDOW_TEXT_COLS; the
 * key hint and the crisis line keep the whole width. */
START_TEST(test_text_width)
{
	static const int sizes[][2] = { { 40, 120 }, { 60, 200 } };
	struct wizard *w = wizard_new(&hg_app);
	struct guide_screen *sc = &hg_guides[0]->screens[HG_START];
	size_t i;
	int r, longest;

	free(sc->title);
	sc->title = xstrdup("A title that goes on and on, far longer than "
			    "eighty columns, to see where it is wrapped");
	free(sc->body[0].text);
	sc->body[0].text = xstrdup(
	    "A paragraph long enough to run across a very wide window: it "
	    "goes on, and on, and on, well beyond eighty columns, and then "
	    "some more, so that a reader would lose the line.");
	free(sc->choices[0].label);
	sc->choices[0].label =
	    xstrdup("A choice with a label just as long as the paragraph, far "
		    "beyond what one reads at a glance on a wide screen");
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct window *v = window_make(w, sizes[i][0], sizes[i][1], 0);

		longest = 0;
		for (r = 0; r < v->hint_row; r++) {
			ck_assert_int_le(v->lines[r].width, WINDOW_TEXT_COLS);
			if (v->lines[r].width > longest)
				longest = v->lines[r].width;
		}
		ck_assert_int_gt(longest, WINDOW_TEXT_COLS - 10);
		ck_assert_int_eq(v->lines[1].kind, VIEW_TITLE);
		ck_assert_str_eq(
		    v->lines[v->rows - 1].text, hg_guides[0]->crisis);
		ck_assert_str_eq(v->lines[v->hint_row].text,
		    "hint_next   hint_help   hint_leave");
		check_clean(v);
		window_free(v);
	}
	wizard_free(w);
}
END_TEST

/* A window too small for the crisis line: whole parts, never half a
 * number ("1-800-668-" at 10x3 was the tester's). */
START_TEST(test_crisis_whole)
{
	struct wizard *w = wizard_new(&hg_app);
	struct window *v;
	int rows, cols;

	v = window_make(w, 3, 10, 0);
	ck_assert_int_eq(row_with(v, "1-800", 0), -1);
	ck_assert_str_eq(v->lines[2].text, "988 \xc2\xb7 911");
	ck_assert_int_eq(v->lines[2].kind, VIEW_CRISIS);
	/* a row is left for "leave quickly" */
	ck_assert_str_eq(v->lines[1].text, "hint_leave");
	window_free(v);
	v = window_make(w, 3, 10, VIEW_ASCII);
	ck_assert_str_eq(v->lines[2].text, "988 | 911");
	window_free(v);
	/* the number comes back where it fits whole */
	v = window_make(w, 3, 14, 0);
	ck_assert_int_ge(row_with(v, "1-800-668-6868", 0), 0);
	window_free(v);
	/* words too wide before a number go, the number stays */
	free(hg_guides[0]->crisis_short);
	hg_guides[0]->crisis_short = xstrdup("Appel/texto 988 \xc2\xb7 "
					     "1-800-668-6868 \xc2\xb7 911");
	v = window_make(w, 3, 10, 0);
	ck_assert_str_eq(v->lines[2].text, "988 \xc2\xb7 911");
	window_free(v);
	v = window_make(w, 3, 11, 0);
	ck_assert_str_eq(v->lines[1].text, "Appel/texto");
	ck_assert_str_eq(v->lines[2].text, "988 \xc2\xb7 911");
	window_free(v);
	for (rows = 1; rows <= 12; rows++)
		for (cols = 3; cols <= 80; cols++) {
			v = window_make(w, rows, cols, 0);
			ck_assert_msg(crisis_whole(v, hg_guides[0]),
			    "a word of the crisis line is cut at %dx%d", cols,
			    rows);
			ck_assert_int_eq(v->lines[rows - 1].kind, VIEW_CRISIS);
			check_clean(v);
			window_free(v);
		}
	wizard_free(w);
}
END_TEST

/* A plan's to-do items, steps first, then the others, each a tickable
 * item with its box in the window; the plain document keeps its lists. */
START_TEST(test_plan_items)
{
	struct guide *g = hg_guides[0];
	struct guide_screen *help = &g->screens[HG_HELP];
	struct wizard *w;
	struct view_doc *d;
	struct window *v;
	int r;

	/* before the wizard is made: it knows the to-do ids from the start */
	g->screens[HG_EXTRA].kind = GUIDE_KIND_PLAN;
	free(help->todos);
	help->todos = xcalloc(1, sizeof *help->todos);
	help->todos[0].id = xstrdup("d");
	help->todos[0].text = xstrdup("Todo d");
	help->ntodos = 1;
	w = wizard_new(&hg_app);
	act(w, WIZARD_PICK, 1, 40, 80);
	act(w, WIZARD_TICK_N, 2, 40, 80);
	act(w, WIZARD_BACK, 0, 40, 80);
	act(w, WIZARD_PICK, 4, 40, 80);
	ck_assert_str_eq(wizard_screen(w)->id, "extra");
	v = window_make(w, 40, 80, 0);
	r = row_with(v, "1. Step title 1", 0);
	ck_assert_int_ge(r, 0);
	ck_assert_int_eq(v->lines[r].kind, VIEW_HEADING);
	ck_assert_str_eq(v->lines[r + 1].text, "  [ ] Todo a");
	ck_assert_str_eq(v->lines[r + 2].text, "  [x] Todo b");
	ck_assert_int_eq(v->lines[r + 2].kind, VIEW_TODO);
	ck_assert_int_eq(v->lines[r + 2].item, 1);
	ck_assert_int_eq(v->lines[r + 2].ref, -1);
	ck_assert_str_eq(v->lines[r + 3].text, "2. Step title 2");
	ck_assert_str_eq(v->lines[r + 4].text, "  [ ] Todo c");
	/* the start screen is steps 3 to 5 here: once */
	ck_assert_str_eq(v->lines[r + 5].text, "3. Step title 3");
	ck_assert_int_eq(row_with(v, "4. Step title 4", 0), -1);
	/* a screen that is not a step, under its title */
	ck_assert_str_eq(v->lines[r + 6].text, "help");
	ck_assert_str_eq(v->lines[r + 7].text, "  [ ] Todo d");
	ck_assert_int_eq(v->lines[r + 7].item, 3);
	/* no "done" and "left" lists: the boxes say it */
	ck_assert_int_eq(row_with(v, "plan_done", 0), -1);
	/* Space is offered, and the highlighted item carries the cursor */
	ck_assert_ptr_nonnull(strstr(v->lines[v->hint_row].text, "hint_tick"));
	window_free(v);
	act(w, WIZARD_SELECT, 3, 40, 80);
	act(w, WIZARD_TICK, 0, 40, 80);
	v = window_make(w, 40, 80, 0);
	r = marked_row(v, "[x] Todo d");
	ck_assert_int_ge(r, 0);
	ck_assert_int_eq(v->cursor_row, r);
	ck_assert_int_eq(v->cursor_col, 2);
	window_free(v);
	ck_assert(wizard_ticked(w, HG_HELP, 0));
	/* a plan by step: the items have no line of their own */
	d = view_document(w, HG_EXTRA, 80, &bare, 0);
	ck_assert_uint_eq(d->nitems, 5);
	ck_assert_uint_eq(d->item_first[0], GUIDE_NONE);
	ck_assert_uint_eq(d->item_last[3], GUIDE_NONE);
	ck_assert_str_eq(d->lines[d->item_first[4]].text, "1. Go to 0");
	view_doc_free(d);
	wizard_free(w);
}
END_TEST

/* The one-byte keys do what the key list says; others do nothing. */
START_TEST(test_keys_ascii)
{
	static const struct {
		int ch;
		enum keys_action a;
	} k[] = { { 'k', KEYS_UP }, { 'j', KEYS_DOWN }, { '\t', KEYS_DOWN },
		{ '\r', KEYS_CHOOSE }, { '\n', KEYS_CHOOSE },
		{ 'b', KEYS_BACK }, { 0x7f, KEYS_BACK }, { 0x08, KEYS_BACK },
		{ ' ', KEYS_TICK }, { '1', KEYS_PICK }, { '9', KEYS_PICK },
		{ '0', KEYS_NONE }, { 'h', KEYS_HELP }, { '?', KEYS_HELP },
		{ 'q', KEYS_LEAVE }, { 'Q', KEYS_LEAVE }, { 0x03, KEYS_LEAVE },
		{ 0x1b, KEYS_LEAVE }, { 'p', KEYS_PLAIN }, { 'c', KEYS_QR },
		{ 'K', KEYS_UP }, { 'x', KEYS_NONE }, { 0x1a, KEYS_NONE },
		{ 0x1c, KEYS_NONE }, { 0x04, KEYS_NONE }, { -1, KEYS_NONE } };
	size_t i;

	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		ck_assert_msg(
		    keys_ascii(k[i].ch) == k[i].a, "key %#x", k[i].ch);
	/* every line of the key list has keys and a UI string */
	ck_assert_uint_eq(keys_count, 12);
	for (i = 0; i < keys_count; i++) {
		ck_assert_int_lt(keys_table[i].keys, GUIDE_UI_COUNT);
		ck_assert(guide_ui_default(keys_table[i].keys) != NULL);
		ck_assert_int_lt(keys_table[i].what, GUIDE_UI_COUNT);
	}
}
END_TEST

/*
 * Each line says what it is, so no front end reads its text: the
 * progress line its step and the total, a to-do item its number and
 * state, a choice its number, a detail its label; and each mode marks
 * them its own way, with the content's words.
 */
START_TEST(test_typed_lines)
{
	struct wizard *w = wizard_new(&hg_app);
	struct view_doc *d;
	int progress = 0, todos = 0, choices = 0, details = 0;

	wizard_apply(w, WIZARD_PICK, 1); /* s1: step 1, to-do a and b */
	wizard_apply(w, WIZARD_TICK_N, 2);
	d = view_document(w, HG_S1, 80, &view_screen, 0);
	for (size_t i = 0; i < d->nlines; i++) {
		const struct view_line *l = &d->lines[i];

		if (l->kind == VIEW_PROGRESS) {
			ck_assert_int_eq(l->n, 1);
			ck_assert_int_eq(l->total, GUIDE_STEPS);
			ck_assert_str_eq(l->text, "Step 1 of 5  "
						  "\xe2\x97\x8f\xe2\x97\x8b"
						  "\xe2\x97\x8b\xe2\x97\x8b"
						  "\xe2\x97\x8b");
			progress++;
		}
		if (l->kind == VIEW_TODO) {
			ck_assert_int_eq(l->n, todos + 1);
			ck_assert_int_eq(l->ticked, todos == 1);
			ck_assert_str_eq(l->text,
			    todos == 1 ? "  [x] Todo b" : "  [ ] Todo a");
			todos++;
		}
		if (l->kind == VIEW_CHOICE)
			ck_assert_int_eq(l->n, ++choices);
	}
	ck_assert_int_eq(progress, 1);
	ck_assert_int_eq(todos, 2);
	ck_assert_int_eq(choices, 2);
	view_doc_free(d);
	/* the plain mode: no marks speech spells out, the state in words */
	d = view_document(w, HG_S1, 80, &view_plain, 0);
	todos = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		const struct view_line *l = &d->lines[i];

		if (l->kind == VIEW_PROGRESS)
			ck_assert_str_eq(l->text, "Step 1 of 5");
		if (l->kind == VIEW_TODO)
			ck_assert_str_eq(l->text, todos++ == 1
						      ? "t2 plan_done: Todo b"
						      : "t1 plan_left: Todo a");
	}
	ck_assert_int_eq(todos, 2);
	view_doc_free(d);
	/* paper: a step's title says where it stands, and no choice */
	d = view_document(w, HG_S1, 80, &view_paper, 0);
	ck_assert_uint_eq(d->nheader, 1);
	ck_assert_str_eq(d->lines[0].text, "Step 1 of 5: s1");
	ck_assert_int_eq(d->lines[0].n, 1);
	for (size_t i = 0; i < d->nlines; i++)
		ck_assert_int_ne(d->lines[i].kind, VIEW_CHOICE);
	view_doc_free(d);
	/* a resource's details carry their label */
	d = view_resource(w, 0, 80, &view_plain, 0);
	for (size_t i = 0; i < d->nlines; i++)
		if (d->lines[i].kind == VIEW_DETAIL && d->lines[i].label >= 0) {
			ck_assert(
			    strncmp(d->lines[i].text + 2,
				guide_ui_key((enum guide_ui)d->lines[i].label),
				strlen(guide_ui_key(
				    (enum guide_ui)d->lines[i].label))) == 0);
			details++;
		}
	ck_assert_int_ge(details, 1);
	view_doc_free(d);
	wizard_free(w);
}
END_TEST

START_TEST(test_languages_and_resources)
{
	struct wizard *w = wizard_new(&hg_app);
	struct view_doc *d;
	size_t i;
	int web = 0, call = 0;

	d = view_document(w, HG_LANGS, 80, &view_screen, 0);
	ck_assert_uint_eq(d->nitems, 3);
	ck_assert_str_eq(d->lines[d->item_first[0]].text, "  1. English");
	ck_assert_str_eq(d->lines[d->item_first[1]].text, "  2. Fran\xc3\xa7"
							  "ais");
	ck_assert_str_eq(d->lines[d->item_first[2]].text, "  3. Go to 0");
	view_doc_free(d);
	d = view_document(w, HG_EXTRA, 80, &bare, 0);
	for (i = 0; i < d->nlines; i++) {
		web += strcmp(d->lines[i].text, "  resource_web: "
						"kidshelpphone.ca") == 0;
		call += strcmp(d->lines[i].text, "  resource_call: 988") == 0;
	}
	ck_assert_int_eq(web, 1);
	ck_assert_int_eq(call, 1);
	view_doc_free(d);
	wizard_free(w);
}
END_TEST

START_TEST(test_plan)
{
	struct wizard *w = wizard_new(&hg_app);
	struct view_doc *d;
	size_t i;
	int done = -1, left = -1, b = -1, a = -1;

	hg_guides[0]->screens[HG_EXTRA].kind = GUIDE_KIND_PLAN;
	wizard_apply(w, WIZARD_PICK, 1);
	wizard_apply(w, WIZARD_TICK_N, 2);
	d = view_document(w, HG_EXTRA, 80, &bare, 0);
	for (i = 0; i < d->nlines; i++) {
		const char *t = d->lines[i].text;

		if (strcmp(t, "  plan_done") == 0 && done < 0)
			done = (int)i;
		if (strcmp(t, "  plan_left") == 0 && left < 0)
			left = (int)i;
		if (strcmp(t, "  [x] Todo b") == 0)
			b = (int)i;
		if (strcmp(t, "  [ ] Todo a") == 0)
			a = (int)i;
	}
	/* under step 1: what is done, then what is left */
	ck_assert_int_ge(done, 0);
	ck_assert_int_eq(b, done + 1);
	ck_assert_int_eq(left, b + 1);
	ck_assert_int_eq(a, left + 1);
	ck_assert_int_eq(d->lines[done - 1].kind, VIEW_HEADING);
	ck_assert_str_eq(d->lines[done - 1].text, "1. Step title 1");
	view_doc_free(d);
	wizard_free(w);
}
END_TEST

/* French text wraps by columns, not bytes. */
START_TEST(test_french_width)
{
	struct wizard *w = wizard_new(&hg_app);
	struct guide_screen *sc = &hg_guides[0]->screens[HG_START];
	struct window *v;
	int r, wider = 0;

	free(sc->body[0].text);
	sc->body[0].text =
	    xstrdup("\xc3\x89"
		    "cris \xc3\xa0 quelqu\xe2\x80\x99un de s\xc3\xbb"
		    "r d\xc3\xa8s maintenant\xc2\xa0: tu n\xe2\x80\x99"
		    "es pas coupable, c\xe2\x80\x99"
		    "est \xc3\xa9vident, et l\xe2\x80\x99\xc3\xa9quipe "
		    "t\xe2\x80\x99\xc3\xa9"
		    "coute \xc3\xa0 toute heure.");
	v = window_make(w, 12, 40, 0);
	check_clean(v);
	for (r = 0; r < v->rows; r++)
		if (v->lines[r].kind == VIEW_TEXT) {
			wider |= strlen(v->lines[r].text) > 40;
			/* the no-break space keeps ":" on its word's line */
			ck_assert(strncmp(v->lines[r].text, ":", 1) != 0);
		}
	ck_assert(wider); /* more bytes than columns, and still fits */
	window_free(v);
	/* ASCII: accents folded, nothing but ASCII */
	v = window_make(w, 12, 40, VIEW_ASCII);
	ck_assert_int_ge(row_with(v, "Ecris a quelqu'un", 0), 0);
	for (r = 0; r < v->rows; r++) {
		const char *p;

		for (p = v->lines[r].text; *p; p++)
			ck_assert((unsigned char)*p < 0x80);
	}
	window_free(v);
	wizard_free(w);
}
END_TEST

/*
 * In a locale that is not UTF-8 the view folds text the one way the
 * program has (ascii_fold): "cœur" is "coeur", never "cour", in the
 * document and in the window, with nothing but ASCII in either.
 */
START_TEST(test_ascii_locale_ligature)
{
	struct wizard *w;
	struct guide_screen *sc = &hg_guides[0]->screens[HG_START];
	struct view_doc *d;
	struct window *v;
	size_t i;
	int found = 0;

	free(sc->body[0].text);
	sc->body[0].text = xstrdup("Le c\xc5\x93ur et l\xe2\x80\x99\xc5\x92"
				   "uvre \xc2\xab ensemble \xc2\xbb.");
	hg_app.utf8 = 0; /* the locale says: ASCII only */
	w = wizard_new(&hg_app);
	d = view_document(w, HG_START, 80, &bare, 0);
	for (i = 0; i < d->nlines; i++) {
		const char *p;

		if (strstr(d->lines[i].text,
			"Le coeur et l'OEuvre \"ensemble\".") != NULL)
			found = 1;
		for (p = d->lines[i].text; *p != '\0'; p++)
			ck_assert_msg((unsigned char)*p < 0x80, "not ASCII: %s",
			    d->lines[i].text);
	}
	ck_assert_msg(found, "no \"coeur\" in the document");
	view_doc_free(d);
	v = window_make(w, 24, 80, 0);
	ck_assert_int_ge(row_with(v, "Le coeur et l'OEuvre", 0), 0);
	ck_assert_int_lt(row_with(v, "cour", 0), 0);
	window_free(v);
	wizard_free(w);
}
END_TEST

START_TEST(test_real_content)
{
	struct guide *gs[2];
	struct app app = { 0 };
	struct wizard *w;
	struct window *v;
	size_t i, s;
	int r;

	gs[0] = cli_guide_of("en");
	gs[1] = cli_guide_of("fr");
	app.guides = gs;
	app.nguides = 2;
	app.utf8 = 1;
	w = wizard_new(&app);
	/* the start screen at 80x24: reassurance, every choice, footer */
	v = window_make(w, 24, 80, 0);
	for (i = 0; i < gs[0]->screens[gs[0]->start].nchoices; i++)
		ck_assert_int_ge(
		    row_with(
			v, gs[0]->screens[gs[0]->start].choices[i].label, 0),
		    0);
	ck_assert_int_ge(row_with(v, gs[0]->ui[GUIDE_UI_HINT_LEAVE], 0), 0);
	ck_assert_str_eq(v->lines[23].text, gs[0]->crisis);
	ck_assert(v->highlight_shown);
	window_free(v);
	/* every screen, both languages, several sizes: clean and footed */
	for (i = 0; i < 2; i++) {
		wizard_apply(w, WIZARD_LANGUAGE, (long)i);
		for (s = 0; s < gs[i]->nscreens; s++) {
			static const int sizes[][2] = { { 24, 80 }, { 10, 40 },
				{ 12, 40 }, { 40, 120 }, { 60, 200 } };
			size_t k;

			w->screen = s; /* look at every screen directly */
			w->scroll = 0;
			/* on the first item, and where the screen opens: on
			 * its first choice */
			for (k = 0; k < 2 * sizeof sizes / sizeof sizes[0];
			     k++) {
				size_t ns = sizeof sizes / sizeof sizes[0];

				w->highlight =
				    k < ns ? 0
					   : wizard_nitems(w) -
						 gs[i]->screens[s].nchoices;
				v = window_make(
				    w, sizes[k % ns][0], sizes[k % ns][1], 0);
				check_clean(v);
				check_footer(v, gs[i]);
				r = row_with(
				    v, gs[i]->ui[GUIDE_UI_HINT_LEAVE], 0);
				ck_assert_int_eq(r, v->hint_row);
				/* the cursor on the item, or on a line that
				 * says something: never on a blank one */
				ck_assert_msg(
				    v->lines[v->cursor_row].text[0] != '\0',
				    "%s at %dx%d: the cursor on a blank line",
				    gs[i]->screens[s].id, v->cols, v->rows);
				if (v->highlight_shown)
					ck_assert(
					    v->lines[v->cursor_row].marked);
				for (r = 0; r < v->hint_row; r++)
					ck_assert_int_le(v->lines[r].width,
					    WINDOW_TEXT_COLS);
				window_free(v);
			}
		}
	}
	wizard_free(w);
	guide_free(gs[0]);
	guide_free(gs[1]);
}
END_TEST

static Suite *
view_suite(void)
{
	Suite *s = suite_create("view");
	TCase *tc = tcase_create("fixture");
	TCase *real = tcase_create("content");

	tcase_add_checked_fixture(tc, hg_setup, hg_teardown);
	tcase_add_test(tc, test_every_size);
	tcase_add_test(tc, test_start_80x24);
	tcase_add_test(tc, test_move_keeps_text);
	tcase_add_test(tc, test_hint_narrow);
	tcase_add_test(tc, test_step_and_todos);
	tcase_add_test(tc, test_long_screen_scrolls);
	tcase_add_test(tc, test_highlight_followed);
	tcase_add_test(tc, test_loose_when_it_fits);
	tcase_add_test(tc, test_long_title);
	tcase_add_test(tc, test_highlight_where);
	tcase_add_test(tc, test_too_small);
	tcase_add_test(tc, test_still_there);
	tcase_add_test(tc, test_help_keys_people);
	tcase_add_test(tc, test_typed_lines);
	tcase_add_test(tc, test_languages_and_resources);
	tcase_add_test(tc, test_keys_ascii);
	tcase_add_test(tc, test_plan);
	tcase_add_test(tc, test_french_width);
	tcase_add_test(tc, test_ascii_locale_ligature);
	tcase_add_test(tc, test_cursor_towards_highlight);
	tcase_add_test(tc, test_progress_position);
	tcase_add_test(tc, test_text_width);
	tcase_add_test(tc, test_crisis_whole);
	tcase_add_test(tc, test_plan_items);
	suite_add_tcase(s, tc);
	tcase_set_timeout(real, 20);
	tcase_add_test(real, test_real_content);
	suite_add_tcase(s, real);
	return s;
}

int
main(void)
{
	return gs_run(view_suite());
}
