/*
 * view.h: what a screen says, as typed lines, from the wizard's state and
 * a width.  No I/O: every mode shows the same lines, so they cannot drift
 * apart.
 *
 * Each line says what it is (struct view_line: the title, "Step n of N",
 * a paragraph, a list item, a to-do item with its number and its state, a
 * choice with its number, a resource's detail with its label...), and
 * each mode has a small table of marks (struct view_marks): the full
 * screen's "[x]" and "○●○○○", the plain mode's "t1 Done: ", paper's
 * "[ ]".  The view puts the marks in and wraps the lines, so no front end
 * rewrites or reads a line's text: the plain and print front ends write
 * it as it is, or leave it out by its kind.  Every word comes from the
 * content (its text and its UI strings, "Appel : " in French), and the
 * text is folded to ASCII where the locale is not UTF-8.
 *
 * The full screen's window (window.h) takes a document's header and a
 * slice of its body; the crisis line and the key hint are fitted to it by
 * footer.h.
 *
 * Every line's text is UTF-8 from the guide (which holds no control
 * characters) and from the marks: nothing in a view can be an escape
 * sequence.
 *
 * Call order: d = view_document(w, s, width, &view_plain, flags); read
 * d->lines; view_doc_free(d).
 */
#ifndef SAFESTEPS_VIEW_H
#define SAFESTEPS_VIEW_H

#include <stddef.h>

#include "wizard.h"

/* Flags for view_document and the window (window.h). */
/* ASCII only (the locale is not UTF-8): every text folded, ASCII marks. */
#define VIEW_ASCII 0x01
/* "> " in the highlighted item's gutter (a terminal without reverse
 * video: the highlight must show in the text). */
#define VIEW_MARKER 0x02
/* A blank line between body paragraphs (the window sets it when the
 * whole screen still fits; plain and paper always). */
#define VIEW_LOOSE 0x04

enum view_kind {
	VIEW_BLANK,    /* an empty line between parts */
	VIEW_TITLE,    /* the screen's title */
	VIEW_PROGRESS, /* "Step 2 of 5": where, not how much */
	VIEW_TEXT,     /* a body paragraph */
	VIEW_BULLET,   /* an item of a bulleted list */
	VIEW_HEADING,  /* "Do this now", "At this school", a step in a plan */
	VIEW_TODO,     /* a to-do item */
	VIEW_CHOICE,   /* "1. ..." */
	VIEW_RESOURCE, /* a resource's or a person's name */
	VIEW_DETAIL,   /* purpose, call, text, web, hours, source dates */
	VIEW_KEY,      /* a line of the key list */
	VIEW_CRISIS,   /* a part of the crisis line */
	VIEW_MORE,     /* "more above" / "more below" (window only) */
	VIEW_HINT,     /* the key hint line (window only) */
	VIEW_NOTICE    /* "make the window bigger", "still there?" (window) */
};

/* One line, and what it is. */
struct view_line {
	char *text; /* owned; the line as shown, its marks included */
	int width;  /* display columns of text */
	enum view_kind kind;
	long item;  /* the selectable item this line belongs to, or -1 */
	int first;  /* 1 on the first line of an item or paragraph */
	int marked; /* 1 on the lines of the highlighted item */
	int col;    /* on an item's first line: the column its text starts */
	long ref;   /* VIEW_TODO: the screen's to-do index (-1 on a plan's
		       item); VIEW_RESOURCE: the resource; else -1 */
	int n;      /* VIEW_PROGRESS and a step's VIEW_TITLE: the step;
		       VIEW_TODO: its number among the screen's to-do items
		       (a plan's first), what "t N" takes; VIEW_CHOICE: its
		       number; a plan's VIEW_HEADING: its step, or 0; else 0 */
	int total;  /* VIEW_PROGRESS: how many steps there are */
	int ticked; /* VIEW_TODO: 1 when ticked */
	int label;  /* VIEW_DETAIL: the UI string of its label (enum
		       guide_ui), or -1 */
};

/* How one mode marks what a line is. */
struct view_marks {
	unsigned on;        /* GUIDE_ON_*: the body blocks this mode shows */
	int gutter;         /* columns before every item (the screen's 2,
			       where the highlight's "> " goes) */
	const char *bullet; /* before a list item's first line */
	int bullet_hang;    /* columns before its other lines (its text is
			       wrapped to the width less this) */
	const char *box[2]; /* before a to-do item, left and done ("[ ] ",
			       "[x] "); NULL: in words ("t2 Done: ") */
	int progress_marks; /* "Step 2 of 5  ○●○○○" */
	int step_title;     /* a step's title reads "Step 2 of 5: Stop
			       contact", with no progress line */
	int plan_items;     /* a plan's to-do items are items that tick;
			       else it lists, under each step, what is done
			       and what is left */
	int plan_step_of;   /* a plan's step headings read "Step 1 of 5:
			       Stop contact" (not "1. Stop contact", which
			       reads like a choice) */
	int keys;           /* the help screen shows the key list */
	int choices;        /* choices are shown */
	int crisis_hang;    /* view_crisis: columns before a part's other
			       lines (its text is wrapped to the width less
			       this) */
	int crisis_line;    /* view_crisis: one line where it fits whole */
	int address_whole;  /* a web address wider than the width is not
			       cut: it gets a line of its own, wider (paper:
			       an address cut in two cannot be typed) */
};

/* The full screen, the plain mode, and paper. */
extern const struct view_marks view_screen, view_plain, view_paper;

/* The document of one screen. */
struct view_doc {
	struct view_line *lines;
	size_t nlines;
	size_t nheader;     /* the first nheader lines are title and progress */
	size_t nitems;      /* selectable items (wizard_screen_nitems) */
	size_t *item_first; /* item i's first line (nitems entries), or
			       GUIDE_NONE for an item with no line */
	size_t *item_last;  /* item i's last line, or GUIDE_NONE */
};

/*
 * The document of screen s of the wizard's current guide, wrapped to
 * width columns (at least 1), with the marks m, w's ticks and flags
 * (VIEW_*); the highlight is marked when s is w's screen and m has a
 * gutter.  Caller frees with view_doc_free.
 */
struct view_doc *view_document(const struct wizard *w, size_t s, int width,
    const struct view_marks *m, int flags);

/*
 * Resource r of the wizard's current guide (its name, what it is for and
 * how to reach it), as a screen that lists it shows it.  Caller frees with
 * view_doc_free.
 */
struct view_doc *view_resource(const struct wizard *w, size_t r, int width,
    const struct view_marks *m, int flags);

/*
 * The crisis line for the plain mode and paper, where no number may be
 * broken over two lines: with m->crisis_line, on one line where it fits
 * whole (its parts joined by ". ", which speech reads as a pause, where a
 * screen shows " · "); else as a list, a part to a line (each wrapped,
 * its other lines under m->crisis_hang columns).  Caller frees with
 * view_doc_free.
 */
struct view_doc *view_crisis(
    const struct wizard *w, int width, const struct view_marks *m, int flags);

/*
 * The plain mode's prompt for w's screen: the commands this screen has,
 * and only those (a number where there are choices, "t N" where there are
 * to-do items, "b" where there is a way back, "h" away from help, "r",
 * "q"), wrapped between commands, never inside one.  A content file that
 * predates the commands' own strings (it gives no plain_leave) has its
 * plain_prompt shown whole, as it was written.  Caller frees with
 * view_doc_free.
 */
struct view_doc *view_prompt(const struct wizard *w, int width, int flags);

/*
 * What "t N" answers, in one line (wrapped if it must be): to-do item n of
 * w's screen with its new state in words, "Done: Stop replying to them."
 * Empty when there is no such item.  Caller frees with view_doc_free.
 */
struct view_doc *view_todo_said(
    const struct wizard *w, size_t n, int width, int flags);

/*
 * A text of the guide (a UI string, filled; a region's name) as a notice,
 * folded where need be and wrapped to width with the marks m: what the
 * plain mode and paper say between screens.  Caller frees with
 * view_doc_free.
 */
struct view_doc *view_notice(const struct wizard *w, const char *text,
    int width, const struct view_marks *m, int flags);

/*
 * The "still there?" countdown's line, with seconds left (at least 0):
 * what happens at zero, a kiosk's reset or leaving.  Unfolded, for the
 * caller to show as a notice.  Caller frees.
 */
char *view_countdown(const struct wizard *w, long seconds, int kiosk);

/* Free a document; NULL is fine. */
void view_doc_free(struct view_doc *d);

/* Make l a line of kind holding text (owned): no item, no mark, nothing
 * typed.  For the window, which makes lines of its own. */
void view_line_set(struct view_line *l, char *text, enum view_kind kind);

#endif
