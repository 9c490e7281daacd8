/*
 * session.c: leaving, the kiosk reset, the idle countdown, the wipe and
 * the signals, once for every interactive mode (session.h).
 */
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "session.h"

static volatile sig_atomic_t session_caught;
static volatile sig_atomic_t session_stopped;

static const int session_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT,
	SIGUSR1, SIGUSR2, SIGALRM };
#define NSIGNALS (sizeof session_signals / sizeof session_signals[0])
static struct sigaction session_old[NSIGNALS];
static int session_caught_installed;

static void
session_on_signal(int sig)
{
	session_caught = sig;
}

static void
session_on_stop(int sig)
{
	(void)sig;
	session_stopped = 1;
}

static struct sigaction session_old_tstp;

void
session_catch(void)
{
	struct sigaction sa;

	if (session_caught_installed)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = session_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a wait returns at once */
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(session_signals[i], &sa, &session_old[i]);
	sa.sa_handler = session_on_stop;
	sigaction(SIGTSTP, &sa, &session_old_tstp);
	session_caught_installed = 1;
}

void
session_uncatch(void)
{
	if (!session_caught_installed)
		return;
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(session_signals[i], &session_old[i], NULL);
	sigaction(SIGTSTP, &session_old_tstp, NULL);
	session_caught_installed = 0;
}

int
session_signal(void)
{
	return session_caught;
}

void
session_init(
    struct session *s, struct wizard *w, const struct app *app, long long now)
{
	memset(s, 0, sizeof *s);
	s->w = w;
	s->kiosk = app->kiosk;
	s->idle_ms = app->idle > 0 ? app->idle * 1000LL : 0;
	s->countdown_ms = app->countdown * 1000LL;
	s->last = now;
	s->shown = -1;
}

long
session_seconds_left(const struct session *s, long long now)
{
	long long left = s->deadline - now;

	return left <= 0 ? 0 : (long)((left + 999) / 1000);
}

/*
 * The reader left (a key, the end of the countdown): a kiosk starts over,
 * wiped; otherwise the program ends, wiped.
 */
static int
session_leave(struct session *s, long long now)
{
	s->counting = 0;
	if (!s->kiosk) {
		s->status = 0;
		return SESSION_WIPE | SESSION_END;
	}
	wizard_apply(s->w, WIZARD_RESET, 0);
	s->last = now;
	return SESSION_WIPE | SESSION_RESET | SESSION_PAINT;
}

/* Whether idle time can bring the question up: a kiosk as a new reader
 * finds it has nothing to wipe, and waits for ever. */
static int
session_can_idle(const struct session *s)
{
	return s->idle_ms > 0 &&
	       !(s->kiosk && !s->away && wizard_pristine(s->w));
}

int
session_timer(struct session *s, long long now)
{
	long left;

	if (s->counting) {
		if (now >= s->deadline)
			return session_leave(s, now);
		left = session_seconds_left(s, now);
		if (s->ticks && left != s->shown) {
			s->shown = left;
			return SESSION_PAINT;
		}
		return 0;
	}
	if (session_can_idle(s) && now - s->last >= s->idle_ms) {
		s->counting = 1;
		s->deadline = now + s->countdown_ms;
		s->shown = session_seconds_left(s, now);
		return SESSION_PAINT;
	}
	return 0;
}

long long
session_wait(const struct session *s, long long now)
{
	long long until;

	if (s->counting) {
		until = s->deadline - now;
		if (s->ticks) {
			/* the next whole second shown */
			long long tick = (s->deadline - now) % 1000;

			if (tick == 0)
				tick = 1000;
			if (tick < until)
				until = tick;
		}
		return until < 0 ? 0 : until;
	}
	if (!session_can_idle(s))
		return -1;
	until = s->last + s->idle_ms - now;
	return until < 0 ? 0 : until;
}

int
session_input(struct session *s, enum session_in in, long long now)
{
	switch (in) {
	case SESSION_IN_NONE:
		return session_timer(s, now);
	case SESSION_IN_REPAINT:
		return SESSION_PAINT;
	case SESSION_IN_END:
	case SESSION_IN_BROKEN:
		s->counting = 0;
		s->status = in == SESSION_IN_BROKEN;
		return SESSION_WIPE | SESSION_END;
	case SESSION_IN_LEAVE:
		s->last = now;
		return session_leave(s, now);
	case SESSION_IN_ACT:
		s->last = now;
		if (s->counting) {
			/* any other input: back to where they were; the
			 * input itself only says "I am here" */
			s->counting = 0;
			return SESSION_PAINT;
		}
		return SESSION_ACT;
	}
	return 0;
}

/* Throw away what was typed and not read yet: it was the last reader's
 * (nothing happens where the input is not a terminal). */
static void
session_drop_input(void)
{
	tcflush(STDIN_FILENO, TCIFLUSH);
}

/* Ctrl-Z: wipe, give the terminal back, stop; then set up and paint. */
static void
session_stop(struct session_io *io)
{
	struct sigaction sa, old;

	session_stopped = 0;
	io->wipe(io->ctx, 0);
	io->stop(io->ctx);
	session_drop_input();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, &old);
	raise(SIGTSTP); /* stopped here until SIGCONT */
	sigaction(SIGTSTP, &old, NULL);
	io->cont(io->ctx);
}

/* Milliseconds on a clock that never jumps. */
static long long
session_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
session_run(struct session_io *io, struct wizard *w, const struct app *app)
{
	struct session s;
	long long wait;
	int flags, sig;

	session_init(&s, w, app, session_now());
	s.ticks = io->ticks;
	s.away = io->to_full;
	io->paint(io->ctx, -1);
	for (;;) {
		if ((sig = session_caught) != 0) {
			io->wipe(io->ctx, 1);
			session_drop_input();
			io->restore(io->ctx);
			return 128 + sig;
		}
		if (session_stopped) {
			session_stop(io);
			io->paint(io->ctx,
			    s.counting ? session_seconds_left(&s, session_now())
				       : -1);
		}
		wait = session_wait(&s, session_now());
		if (wait < 0 || wait > SESSION_POLL_MS)
			wait = SESSION_POLL_MS;
		flags = session_input(
		    &s, io->read(io->ctx, (int)wait), session_now());
		if (session_caught != 0 || session_stopped)
			continue; /* a signal wins over what was read */
		if (flags & SESSION_ACT) {
			int wf = io->act(io->ctx);

			if (wf & WIZARD_TO_PLAIN) {
				io->restore(io->ctx);
				return FRONTEND_TO_PLAIN;
			}
			if (wf & WIZARD_REDRAW)
				flags |= SESSION_PAINT;
		}
		if (flags & SESSION_WIPE) {
			io->wipe(io->ctx, (flags & SESSION_END) != 0);
			session_drop_input();
		}
		if (flags & SESSION_END) {
			io->restore(io->ctx);
			return s.status;
		}
		if ((flags & SESSION_RESET) && io->to_full) {
			io->restore(io->ctx);
			return FRONTEND_TO_FULL;
		}
		if (flags & SESSION_PAINT)
			io->paint(io->ctx,
			    s.counting ? session_seconds_left(&s, session_now())
				       : -1);
	}
}
