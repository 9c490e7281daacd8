/*
 * window.h: the full screen's window: exactly rows lines of at most cols
 * columns, from the wizard's state.
 *
 * The highlighted item is marked (struct view_line.marked) in a blank
 * two-column gutter: the front end shows it in reverse video and with
 * the terminal cursor, so that a move changes no line's text (a screen
 * reader such as Fenrir speaks every line whose text changed).  Only a
 * terminal with no reverse video gets "> " in the gutter (VIEW_MARKER).
 *
 * A fixed header (the title and "Step 2 of 5"), a scrolling body with
 * "more above" and "more below" lines, and a fixed footer (the key hint
 * line and the crisis line, on every screen at every size: footer.h).
 * Below WINDOW_MIN_COLS x WINDOW_MIN_ROWS, a short "make the window
 * bigger" window that still shows the crisis line.  The window says where
 * the terminal cursor goes (on the highlighted item, which screen readers
 * follow) and how far the body is scrolled.  Pure: no I/O.
 *
 * Call order: v = window_make(w, rows, cols, flags); paint v->lines; write
 * v->scroll back to the wizard (WIZARD_SCROLL_TO); window_free(v).
 */
#ifndef SAFESTEPS_WINDOW_H
#define SAFESTEPS_WINDOW_H

#include <stddef.h>

#include "view.h"
#include "wizard.h"

/* The smallest window the full view is drawn in. */
#define WINDOW_MIN_COLS 40
#define WINDOW_MIN_ROWS 10

/* The widest the title, text and items get: longer lines are hard to
 * read.  The key hint and the crisis line take the whole width. */
#define WINDOW_TEXT_COLS 80

struct window {
	int rows, cols;
	struct view_line *lines; /* exactly rows lines */
	int too_small;           /* 1: the "make the window bigger" view */
	size_t scroll;       /* first body line shown, clamped: write it back */
	size_t max_scroll;   /* the largest useful scroll */
	size_t show_scroll;  /* the scroll nearest to this one that shows
				the highlighted item (what WIZARD_SHOW gives) */
	int body_top;        /* first row of the scrolling part */
	int body_rows;       /* rows of the scrolling part (a page) */
	int highlight_shown; /* 1 when the highlighted item is on screen */
	int highlight_where; /* where it is when not shown: -1 above the
				body's shown part, 1 below, else 0 */
	long first_shown;    /* the first and the last item whose first */
	long last_shown;     /* line is shown, or -1 */
	int cursor_row;      /* where the terminal cursor goes: on the */
	int cursor_col;      /* highlighted item; when it is out of view, on
				the "more" line towards it, else the body's
				first line of text */
	int hint_row;        /* row of the key hint line, or -1 */
	int leave_col;       /* columns of "Esc leave quickly" in it: */
	int leave_end;       /* [leave_col, leave_end), or -1 */
};

/*
 * The window for w's current screen at rows x cols (any size, even 0),
 * flags VIEW_ASCII and VIEW_MARKER, with w->scroll clamped and, when
 * w->follow, moved so that the highlighted item is on screen.  Caller
 * frees with window_free.
 */
struct window *window_make(
    const struct wizard *w, int rows, int cols, int flags);

/*
 * The "still there?" window: the question, a countdown of seconds, what
 * happens at zero (reset in a kiosk, else leave), the leave key and the
 * crisis line.  Caller frees with window_free.
 */
struct window *window_still_there(const struct wizard *w, int rows, int cols,
    long seconds, int kiosk, int flags);

/* Free a window; NULL is fine. */
void window_free(struct window *v);

#endif
