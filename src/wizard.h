/*
 * wizard.h: where the reader is, and what each action does to it.
 *
 * A pure state machine: state + action -> state and result flags.  No I/O,
 * no curses, and no allocation after wizard_new, so every rule of
 * navigation is unit-tested directly.  The front ends read the fields of
 * struct wizard but change them only through wizard_apply.
 *
 * The selectable items of a screen are one list, in the order the view
 * shows them: on a "plan" screen first the to-do items of the plan (those
 * of every step's screen, in step order, then those of every other screen
 * that has some: wizard_plan_screen), on a "languages" screen one item per
 * installed language, then the screen's own to-do items, then its
 * choices.  Choices (language items included) are numbered from 1 for the
 * 1-9 keys; to-do items (a plan's included) are numbered from 1 for
 * WIZARD_TICK_N.  A plan's item ticks the very to-do item of its screen
 * (the same id, the same tick).
 *
 * Ticks are kept by to-do id, so they survive a language switch.  History
 * is a fixed stack of places (screen, highlight, scroll): Back always
 * returns to where the reader came from, as they left it.
 *
 * Scrolling: the wizard keeps the first body line shown (scroll) and
 * whether the view should bring the highlighted item into view (follow).
 * It does not know the window's height; the view clamps scroll, and the
 * full-screen front end writes the clamped value back (WIZARD_SCROLL_TO).
 *
 * Call order: w = wizard_new(app); wizard_apply(w, ...)...; wizard_free(w).
 */
#ifndef SAFESTEPS_WIZARD_H
#define SAFESTEPS_WIZARD_H

#include <stddef.h>

#include "frontend.h"
#include "guide.h"

/* How many places Back can return through; older ones are forgotten. */
#define WIZARD_HISTORY 64

/* Result flags of wizard_apply.  There is no bell: the program never
 * beeps. */
#define WIZARD_REDRAW 0x01           /* something shown has changed */
#define WIZARD_SCREEN_CHANGED 0x02   /* another screen (or language) */
#define WIZARD_LEAVE 0x04            /* the reader asked to leave */
#define WIZARD_TO_PLAIN 0x08         /* the reader asked for the plain mode */
#define WIZARD_RESET_DONE 0x10       /* state wiped: repaint from scratch */
#define WIZARD_LANGUAGE_CHANGED 0x20 /* the language is another one */

enum wizard_action {
	WIZARD_UP,        /* highlight the previous item (no items: scroll) */
	WIZARD_DOWN,      /* highlight the next item (no items: scroll) */
	WIZARD_CHOOSE,    /* act on the highlighted item (see wizard_apply) */
	WIZARD_PICK,      /* arg: choice number, from 1: choose it */
	WIZARD_GO_CHOICE, /* arg: choice number, from 1: highlight it only
			     (a digit in the full screen; Enter chooses) */
	WIZARD_FIRST,     /* highlight the first item (Home) */
	WIZARD_LAST,      /* highlight the last item (End) */
	WIZARD_CLICK,     /* arg: item index, from 0: highlight and act */
	WIZARD_SELECT,    /* arg: item index, from 0: highlight only */
	WIZARD_BACK,      /* hide the QR code, or return to the last place */
	WIZARD_TICK,      /* tick or untick the highlighted to-do item */
	WIZARD_TICK_N,    /* arg: to-do number, from 1: tick or untick it */
	WIZARD_PAGE_UP,   /* arg: lines in a page (at least 1) */
	WIZARD_PAGE_DOWN, /* arg: lines in a page (at least 1) */
	WIZARD_SCROLL,    /* arg: lines to scroll, negative is up */
	WIZARD_SCROLL_TO, /* arg: the first body line shown (clamped by view) */
	WIZARD_SHOW,      /* bring the highlighted item into view */
	WIZARD_HELP,      /* go to "talk to someone now" */
	WIZARD_LEAVE_NOW, /* leave quickly (the front end decides kiosk) */
	WIZARD_PLAIN,     /* switch to the plain mode at the same place */
	WIZARD_RESET,     /* wipe: ticks, history, language, back to start */
	WIZARD_LANGUAGE,  /* arg: index into app->guides; same screen by id */
	WIZARD_QR_NEXT,   /* show the QR code of the next web resource */
	WIZARD_QR_HIDE    /* hide the QR code */
};

/* What a selectable item is. */
enum wizard_item_kind {
	WIZARD_ITEM_NONE,     /* no such item */
	WIZARD_ITEM_LANGUAGE, /* index into app->guides */
	WIZARD_ITEM_TODO,     /* index into the screen's todos */
	WIZARD_ITEM_CHOICE,   /* index into the screen's choices */
	WIZARD_ITEM_PLAN      /* a plan's to-do item: wizard_plan_todo */
};

/* A place in the guide, as history keeps it. */
struct wizard_place {
	size_t screen;    /* index into the current guide's screens */
	size_t highlight; /* selectable item index (0 when there is none) */
	size_t scroll;    /* first body line shown */
	int follow;       /* 1: the view brings the highlight into view */
};

struct wizard {
	const struct app *app; /* not owned */
	size_t lang;           /* index into app->guides */
	size_t screen;         /* index into the guide's screens */
	size_t highlight;      /* selectable item index */
	size_t scroll;         /* first body line shown */
	int follow;            /* 1: keep the highlighted item in view */
	long qr; /* index into the screen's resources shown as QR, or -1 */
	struct wizard_place history[WIZARD_HISTORY];
	size_t depth; /* places in history */
	/* Ticks, by to-do id (the strings belong to the guides). */
	const char **tick_ids;
	unsigned char *ticked;
	size_t nticks;
};

/*
 * Make a wizard on app's start language at its start screen.  app and its
 * guides must outlive the wizard.  Caller frees with wizard_free.
 */
struct wizard *wizard_new(const struct app *app);

/* Free a wizard; NULL is fine. */
void wizard_free(struct wizard *w);

/*
 * Apply an action; returns WIZARD_* flags (0: nothing changed).
 * WIZARD_CHOOSE on a choice goes to its screen; on a language item it
 * switches to that language and returns to the place the reader came
 * from (as Back does), now in that language; on a to-do item (a plan's
 * too) it ticks or unticks it, as Space and a click do.  WIZARD_LANGUAGE
 * switches and stays on the same screen.
 */
int wizard_apply(struct wizard *w, enum wizard_action action, long arg);

/* The guide in the current language. */
const struct guide *wizard_guide(const struct wizard *w);

/* The current screen. */
const struct guide_screen *wizard_screen(const struct wizard *w);

/* How many selectable items the current screen has. */
size_t wizard_nitems(const struct wizard *w);

/* How many selectable items screen s of the current guide has. */
size_t wizard_screen_nitems(const struct wizard *w, size_t s);

/* How many to-do items plan screen s of the current guide lists, as its
 * first items (0 for a screen that is not a plan). */
size_t wizard_nplan(const struct wizard *w, size_t s);

/*
 * What selectable item i of the current screen is; *index (may be NULL)
 * gets its index among the languages, to-do items or choices.
 */
enum wizard_item_kind wizard_item(
    const struct wizard *w, size_t i, size_t *index);

/* The first step of the current guide whose screen is s, or NULL. */
const struct guide_step *wizard_step_of(const struct wizard *w, size_t s);

/*
 * The k-th screen (from 0) whose to-do items a plan screen lists, in the
 * current guide: every step's screen in step order (each once), then
 * every other screen that has to-do items, in the guide's order, except
 * the plan screen itself.  Returns GUIDE_NONE after the last.
 */
size_t wizard_plan_screen(const struct wizard *w, size_t plan, size_t k);

/*
 * Plan item k (from 0) of the current screen: *s (may be NULL) gets its
 * screen and *t (may be NULL) its index among that screen's to-do items.
 * Returns 0, or -1 when the current screen has no such item.
 */
int wizard_plan_todo(const struct wizard *w, size_t k, size_t *s, size_t *t);

/* How many of the current screen's items are choices (languages
 * included): what 1-9 and typed numbers pick from. */
size_t wizard_nchoices(const struct wizard *w);

/* How many of the current screen's items are to-do items (a plan's
 * included): what "t N" ticks. */
size_t wizard_ntodos(const struct wizard *w);

/*
 * To-do item number n (from 1, as "t N" counts them: a plan's first) of
 * the current screen: *s gets its screen and *t its index there.
 * Returns 0, or -1 when there is no such item.
 */
int wizard_todo(const struct wizard *w, size_t n, size_t *s, size_t *t);

/* Whether to-do item t of screen s (in the current guide) is ticked. */
int wizard_ticked(const struct wizard *w, size_t s, size_t t);

/* How many to-do items are ticked, over the whole guide. */
size_t wizard_nticked(const struct wizard *w);

/*
 * The guide resource whose QR code is shown (an index into the guide's
 * resources), or GUIDE_NONE when none is.
 */
size_t wizard_qr_resource(const struct wizard *w);

/* Whether WIZARD_BACK does anything: a QR code to hide, or a place to
 * return to.  What the hint and the prompt offer "b" on. */
int wizard_can_back(const struct wizard *w);

/* Whether the hint and the prompt offer help: the reader is not on the
 * help screen already. */
int wizard_can_help(const struct wizard *w);

/*
 * Whether w is as WIZARD_RESET leaves it: the start screen of the start
 * language, as it opens, with no tick and no history (a kiosk that a new
 * reader would find so has nothing to wipe).
 */
int wizard_pristine(const struct wizard *w);

/* Whether the current screen has a resource with a web address. */
int wizard_has_web(const struct wizard *w);

#endif
