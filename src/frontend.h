/*
 * frontend.h: what main hands to a front end, and the front ends' entry
 * points.
 *
 * main parses the command line, loads every language's guide (content.h)
 * and makes the wizard; then it runs one front end.  The interactive ones
 * (tui, plain) are readers and painters driven by the session core
 * (session.h), which keeps the promises about leaving, idle time, kiosk
 * resets, wiping and signals for both.  The full-screen front end can
 * hand over to the plain one at the same place (the "p" key): it returns
 * FRONTEND_TO_PLAIN with the wizard as it was, and main calls plain_run
 * with it; in a kiosk, the plain mode's reset hands back to the full
 * screen (FRONTEND_TO_FULL), so the next reader finds the kiosk as it
 * booted.  Front ends never exit the process themselves (a signal is
 * reported as 128 plus its number, as an exit status).
 */
#ifndef SAFESTEPS_FRONTEND_H
#define SAFESTEPS_FRONTEND_H

#include <stddef.h>

#include "guide.h"

struct wizard;

/* The run's settings and content; owned by main. */
struct app {
	struct guide **guides; /* every language found, by code */
	size_t nguides;
	size_t lang; /* index of the language to start in (and reset to) */
	int kiosk;   /* --kiosk */
	long idle;   /* seconds without a key before "still there?"; 0: off */
	long countdown;   /* seconds the "still there?" view counts down */
	int color;        /* 0 with --no-color or NO_COLOR */
	int utf8;         /* 1 when the locale in force for output is UTF-8; 0:
			   show ASCII (see main.c for how the locale is set) */
	int width;        /* --width N, or 0 */
	int qr;           /* --print --qr */
	int pages;        /* --print --pages */
	const char *wipe; /* what clears this terminal's screen and then its
			     scrollback (tui_wipe_bytes), or NULL where it
			     cannot be cleared (dumb, unknown, not a
			     terminal): no escape byte is sent there */
};

/* Returned by tui_run when the user asked for the plain mode ("p"). */
#define FRONTEND_TO_PLAIN (-2)
/* Returned by tui_run when the terminal cannot be driven (unknown TERM,
 * no cursor addressing): main falls back to the plain mode. */
#define FRONTEND_NO_TERMINAL (-3)

/* Returned by plain_run, in a kiosk that started in the full screen, when
 * the reader left or walked away: main starts the full screen again. */
#define FRONTEND_TO_FULL (-4)

/* Full screen (ncurses).  Returns an exit status or one of the above. */
int tui_run(struct app *app, struct wizard *w);

/*
 * The bytes that clear the screen and then the scrollback of the terminal
 * on standard output, from its terminfo description, or NULL when it has
 * none that can (TERM dumb, unset or unknown, not a terminal).  Caller
 * frees.  The plain mode writes them (app->wipe).
 */
char *tui_wipe_bytes(void);

/*
 * Line by line on stdin and stdout.  to_full: the kiosk started in the
 * full screen, so its reset returns FRONTEND_TO_FULL.  Returns an exit
 * status or FRONTEND_TO_FULL.
 */
int plain_run(struct app *app, struct wizard *w, int to_full);

/* The whole guide as a handout on stdout.  Returns an exit status. */
int print_run(const struct app *app);

#endif
