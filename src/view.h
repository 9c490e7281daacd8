/*
 * view.h: what is shown, as lines of text, from the wizard's state and a
 * size.  No I/O: every front end paints the same lines, so they cannot
 * drift apart.
 *
 * Two levels:
 *  - the document of a screen (view_document): every line of it wrapped to
 *    a width, each tagged with its kind and the selectable item it belongs
 *    to.  The plain and print front ends print these lines as they are.
 *  - the window (view_window): exactly rows lines of at most cols columns
 *    for the full-screen front end: a fixed header (title, progress), a
 *    scrolling body with "more above"/"more below" lines, and a fixed
 *    footer (the key hint line and the crisis line, on every screen at
 *    every size; below VIEW_MIN_COLS x VIEW_MIN_ROWS a short "make the
 *    window bigger" view that still shows the crisis line).
 *
 * Every line's text is UTF-8 from the guide (which holds no control
 * characters) and from fixed markers: nothing in a view can be an escape
 * sequence.  With VIEW_ASCII the markers are ASCII ("*", "#", "|").
 */
#ifndef SAFESTEPS_VIEW_H
#define SAFESTEPS_VIEW_H

#include <stddef.h>

#include "wizard.h"

/* The smallest window the full view is drawn in. */
#define VIEW_MIN_COLS 40
#define VIEW_MIN_ROWS 10

/* The widest the title, text and items of a window get: longer lines are
 * hard to read.  The key hint and the crisis line take the whole width. */
#define VIEW_TEXT_COLS 80

/* Flags for view_document and view_window. */
/* ASCII markers only (the locale is not UTF-8). */
#define VIEW_ASCII 0x01
/* A 2-column gutter before items, and the highlighted one's lines marked
 * (struct view_line.marked): view_window always sets it.  The gutter is
 * blank: the full screen shows the highlight in reverse video and with
 * the terminal cursor, so that a move changes no line's text (a screen
 * reader such as Fenrir speaks every line whose text changed). */
#define VIEW_GUTTER 0x40
/* With VIEW_GUTTER, "> " in the highlighted item's gutter: for a
 * terminal that has no reverse video (the caller of view_window sets
 * it). */
#define VIEW_MARKER 0x02
/* A blank line between body paragraphs (view_window sets it when the
 * whole screen still fits). */
#define VIEW_LOOSE 0x04
/* A plan's to-do items as selectable items, screen by screen in the
 * wizard's order (wizard_plan_screen), each with its box (view_window
 * always sets it).  Without it a plan lists, under each step, what is
 * done and what is left, and its items have no lines of their own. */
#define VIEW_PLAN_ITEMS 0x20
/* The document is for the plain mode, or for paper: body blocks meant for
 * another mode only (struct guide_block.on) are left out.  Without either,
 * the document is for the full screen. */
#define VIEW_PLAIN 0x08
#define VIEW_PAPER 0x10

enum view_kind {
	VIEW_BLANK,    /* an empty line between parts */
	VIEW_TITLE,    /* the screen's title */
	VIEW_PROGRESS, /* "Step 2 of 5  ○●○○○": where, not how much */
	VIEW_TEXT,     /* a body paragraph */
	VIEW_BULLET,   /* an item of a bulleted list */
	VIEW_HEADING,  /* "Do this now", "At this school", a step in a plan */
	VIEW_TODO,     /* "[x] ..." or "[ ] ..." */
	VIEW_CHOICE,   /* "1. ..." */
	VIEW_RESOURCE, /* a resource's or a person's name */
	VIEW_DETAIL,   /* purpose, call, text, web, hours, source dates */
	VIEW_KEY,      /* a line of the key list */
	VIEW_MORE,     /* "more above" / "more below" (window only) */
	VIEW_HINT,     /* the key hint line (window only) */
	VIEW_CRISIS,   /* the crisis line (window only) */
	VIEW_NOTICE    /* "make the window bigger", "still there?" */
};

struct view_line {
	char *text; /* owned; at most the width's columns */
	int width;  /* display columns of text */
	enum view_kind kind;
	long item;  /* selectable item index this line belongs to, or -1 */
	int first;  /* 1 on the first line of an item or paragraph */
	int marked; /* 1 on the lines of the highlighted item */
	int col;    /* on an item's first line: the column its text starts */
	long ref;   /* VIEW_TODO: screen's todo index (-1 on a plan's
			item); VIEW_RESOURCE: resource index; else -1 */
};

/* The document of one screen. */
struct view_doc {
	struct view_line *lines;
	size_t nlines;
	size_t nheader; /* the first nheader lines are title and progress */
	size_t nitems;  /* selectable items (wizard_nitems for w's screen) */
	size_t *item_first; /* item i's first line (nitems entries), or
			       (size_t)-1 for an item with no line */
	size_t *item_last;  /* item i's last line, or (size_t)-1 */
};

/* The window of the full-screen front end. */
struct view {
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
	int cursor_row;      /* where the terminal cursor goes: on the */
	int cursor_col;      /* highlighted item; when it is out of view, on
				the "more" line towards it, else the body's
				first line of text */
	int hint_row;        /* row of the key hint line, or -1 */
	int leave_col;       /* columns of "Esc leave quickly" in it: */
	int leave_end;       /* [leave_col, leave_end), or -1 */
};

/*
 * The document of screen s of the wizard's current guide, wrapped to width
 * columns (at least 1), with w's ticks; the highlight is marked when s is
 * w's screen and flags has VIEW_GUTTER.  Caller frees with view_doc_free.
 */
struct view_doc *view_document(
    const struct wizard *w, size_t s, int width, int flags);

/* Free a document; NULL is fine. */
void view_doc_free(struct view_doc *d);

/*
 * The window for w's current screen at rows x cols (any size, even 0),
 * with w->scroll clamped and, when w->follow, moved so that the
 * highlighted item is on screen.  The crisis line is never cut inside a
 * word: where it does not fit, whole parts of it are left out.  Caller
 * frees with view_free.
 */
struct view *view_window(const struct wizard *w, int rows, int cols, int flags);

/*
 * The "still there?" window: the question, a countdown of seconds, what
 * happens at zero (reset in a kiosk, else leave), the crisis line.
 * Caller frees with view_free.
 */
struct view *view_still_there(const struct wizard *w, int rows, int cols,
    long seconds, int kiosk, int flags);

/* Free a window; NULL is fine. */
void view_free(struct view *v);

/*
 * The key hint line for w's screen, cut to cols columns; *leave_col and
 * *leave_end (may be NULL) get where the leave part sits, or -1.  Caller
 * frees.
 */
char *view_hint(const struct wizard *w, int cols, int flags, int *leave_col,
    int *leave_end);

/*
 * The crisis line as a list for the plain and print front ends: the part
 * of text before its first separator (" · "), or all of it, is *len
 * bytes at text; returns where the next part starts, or NULL after the
 * last.
 */
const char *view_crisis_part(const char *text, size_t *len);

#endif
