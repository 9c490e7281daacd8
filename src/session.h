/*
 * session.h: the one loop that keeps the promises for both interactive
 * front ends, the full screen (tui.c) and the plain mode (plain.c).
 *
 * The session owns leaving, the kiosk reset, the idle countdown ("still
 * there?"), the wipe and the signals.  A front end is an input reader and
 * a painter behind struct session_io: it reads one input with a time
 * limit and says what kind it is (the leave key, something to act on, the
 * end of input...), acts on it through the wizard, paints the wizard's
 * state or the "still there?" question, wipes (the screen, then the
 * scrollback), and gives the terminal back.  It holds no rule of its own
 * about leaving, idle time or resets, so no mode can drift from another.
 *
 * The rules are a pure state machine (session_input, session_timer,
 * session_wait): state + input + the time -> what the loop does next, so
 * every rule about time is tested as a table without sleeping.
 * session_run is the loop that drives a front end with it.
 *
 * Signals: session_catch installs handlers for SIGTERM, SIGHUP, SIGINT,
 * SIGQUIT, SIGUSR1, SIGUSR2 and SIGALRM that only set a flag, without
 * SA_RESTART, so that a front end's wait returns at once; the loop then
 * wipes, gives the terminal back, and returns 128 plus the signal's
 * number.  SIGTSTP (Ctrl-Z where the terminal makes it a signal) wipes
 * and stops the program; when it goes on it paints again.  Leaving,
 * resetting and stopping throw away what was typed and not read yet, so
 * the next reader (or the shell) never gets the last one's keys.  Call it before a front end sets up its terminal (ncurses then
 * leaves those signals alone).
 *
 * Call order: session_catch(); front end setup; session_run(...); front
 * end teardown; session_uncatch().
 */
#ifndef SAFESTEPS_SESSION_H
#define SAFESTEPS_SESSION_H

#include "frontend.h"
#include "wizard.h"

/* The longest a front end waits for input before the loop looks at the
 * signal flag (a signal that comes just before the wait starts is seen
 * this much later at worst). */
#define SESSION_POLL_MS 250

/* What a front end read (session_io.read). */
enum session_in {
	SESSION_IN_NONE,    /* nothing came in the time given */
	SESSION_IN_ACT,     /* an input to act on (session_io.act) */
	SESSION_IN_LEAVE,   /* the leave key (Esc, q, Ctrl-C) or command */
	SESSION_IN_REPAINT, /* a resize, or a request to paint again */
	SESSION_IN_END,     /* the end of input: leave */
	SESSION_IN_BROKEN   /* input or output that cannot go on: status 1 */
};

/* What the loop does next (session_input, session_timer). */
#define SESSION_PAINT 0x01 /* paint the guide, or the question */
#define SESSION_WIPE 0x02  /* clear the screen, then the scrollback */
#define SESSION_ACT 0x04   /* let the front end act on its input */
#define SESSION_END 0x08   /* give the terminal back; return status */
#define SESSION_RESET 0x10 /* the wizard was reset (a kiosk starts over) */

/* The session's state; its fields are read, never written, outside. */
struct session {
	struct wizard *w;
	int kiosk;
	long long idle_ms;      /* time without input before the question;
				   0: never */
	long long countdown_ms; /* how long the question waits */
	int ticks;              /* 1: the question shows the seconds going
				   down (paint again each second) */
	int away;               /* 1: not the mode the kiosk starts in (the
				   plain mode after p): never as new */
	int counting;           /* the question is shown */
	long long last;         /* when the last input came */
	long long deadline;     /* when the countdown runs out */
	long shown;             /* seconds the question showed last */
	int status;             /* the exit status, once SESSION_END */
};

/* A front end, as the loop sees it. */
struct session_io {
	void *ctx; /* the front end's own state, handed to each call */
	/* Wait at most ms (0 or more) for one input. */
	enum session_in (*read)(void *ctx, int ms);
	/* Act on the input read last; returns WIZARD_* flags. */
	int (*act)(void *ctx);
	/* Paint the guide (seconds < 0), or "still there?" with the
	 * seconds left. */
	void (*paint)(void *ctx, long seconds);
	/* Clear the screen, then the scrollback; leaving is 1 when the
	 * program is about to end (a front end that cannot clear says
	 * "close this window" then). */
	void (*wipe)(void *ctx, int leaving);
	/* Give the terminal back as it was; the session is over. */
	void (*restore)(void *ctx);
	/* Before the program stops (SIGTSTP, Ctrl-Z in the plain mode
	 * outside a kiosk): the terminal back as it was, the guide wiped;
	 * and when it goes on (SIGCONT), the terminal set up again.  The
	 * session then paints. */
	void (*stop)(void *ctx);
	void (*cont)(void *ctx);
	int ticks;   /* 1: paint the question again as the seconds go */
	int to_full; /* 1: a kiosk's reset ends this front end with
			 FRONTEND_TO_FULL (it started in the full screen) */
};

/* Start the session's state for w at time now (milliseconds). */
void session_init(
    struct session *s, struct wizard *w, const struct app *app, long long now);

/* What to do after the front end read in at time now. */
int session_input(struct session *s, enum session_in in, long long now);

/* What to do at time now when nothing came. */
int session_timer(struct session *s, long long now);

/* Milliseconds from now until session_timer has something to do, or -1
 * when nothing will happen without input. */
long long session_wait(const struct session *s, long long now);

/* The seconds "still there?" shows at time now (rounded up). */
long session_seconds_left(const struct session *s, long long now);

/*
 * Run a front end until the reader leaves, input ends or a signal comes.
 * Paints first.  Returns the exit status (0, 1, or 128 plus a signal's
 * number), FRONTEND_TO_PLAIN when the reader asked for the plain mode,
 * or FRONTEND_TO_FULL (io->to_full) after a kiosk's reset.
 */
int session_run(struct session_io *io, struct wizard *w, const struct app *app);

/* Install and remove the signal handlers (see above). */
void session_catch(void);
void session_uncatch(void);

/* The signal caught, or 0. */
int session_signal(void);

#endif
