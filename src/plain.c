/*
 * plain.c: the guide line by line on stdin and stdout, for screen readers,
 * braille displays, dumb terminals and pipes.
 *
 * It writes the same view as the full screen (view_document, with the
 * plain mode's marks: view_plain), in reading order, with no cursor
 * movement, no colour and no box drawing, then the crisis line and a
 * prompt; it reads one line at a time.  Speech and
 * braille follow text as it is written, so nothing is ever redrawn in
 * place: after every action the current screen is written again, below.
 *
 * Commands, one per line, blanks around them and upper case allowed: a
 * number picks that choice, "t N" ticks to-do item N, "b" goes back, "h"
 * (or "?") opens "talk to someone now", "q" leaves (in a kiosk: starts
 * over, state wiped), "p" shows the screen again (the start screen tells
 * screen-reader users to press p, and they are here already).  An empty
 * line repeats the prompt.
 *
 * What a synthesizer would spell out is left out or put in words: the
 * crisis line's parts (" · " between them) go one to a line, bullets lose
 * their mark and keep a hanging indent, a to-do item reads "t2 Still to
 * do: Save the chat" (its number for "t N", then its state in the
 * content's words, never "[x]"), the progress dots are left out, and a
 * plan's step headings read "Step 1 of 5: Stop contact", so that they are
 * never taken for numbered choices.  The plan lists its to-do items as
 * items (view_plain.plan_items), so they can be ticked from there, as in the
 * full screen.
 *
 * A reader and a painter for the session core (session.h), which decides
 * what leaving ("q"), idle time, a kiosk's reset and signals do, as for
 * the full screen.  On a terminal the session's wipe writes the bytes
 * that clear the screen and then the scrollback (app->wipe); where there
 * are none (TERM=dumb or unset, a pipe), no escape byte is ever written
 * and leaving prints the "close this window" line instead.  In a kiosk on
 * a terminal, the terminal's signal characters, its end-of-file
 * character and its flow control are turned off (ISIG, VEOF, IXON), so
 * Ctrl-C, Ctrl-\, Ctrl-Z, Ctrl-D, Ctrl-S and Ctrl-Q are plain bytes
 * there; echo and line editing stay, since screen
 * readers and braille displays rely on them.  Outside a kiosk Ctrl-C
 * raises SIGINT, which the session turns into a wiped exit.
 *
 * Input is untrusted (a pipe may carry anything).  It is read from the
 * descriptor itself (no stdio buffer, so that a wait for input sees what
 * is there) into a buffer of PLAIN_HOLD bytes: a line longer than
 * PLAIN_LINE_MAX gets one gentle line and reading goes on; PLAIN_HOLD bytes
 * without a newline, or a NUL byte, are not a person typing, and end the
 * plain mode with status 1 rather than spinning.  Nothing the user types
 * is ever echoed by the program.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "ascii.h"
#include "frontend.h"
#include "guide.h"
#include "layout.h"
#include "session.h"
#include "textout.h"
#include "view.h"
#include "wizard.h"
#include "xmalloc.h"

/* The longest input line taken as a command; a longer one is refused. */
#define PLAIN_LINE_MAX 4096

/* The most input held without a newline before the plain mode gives up. */
#define PLAIN_HOLD (64 * 1024)

/* The width when neither --width nor the terminal says. */
#define PLAIN_WIDTH_DEFAULT 80

/* What a line of input asks for. */
enum plain_cmd {
	PLAIN_EMPTY, /* nothing but blanks */
	PLAIN_PICK,  /* a choice number */
	PLAIN_TICK,  /* "t N" */
	PLAIN_BACK,  /* "b" */
	PLAIN_HELP,  /* "h" */
	PLAIN_QUIT,  /* "q" */
	PLAIN_AGAIN, /* "p": this is the plain mode already; show it again */
	PLAIN_BAD    /* anything else */
};

/* The lines of a document, without a blank line after another (nor at the
 * start when blank is set); returns whether the last was blank.  Frees
 * the document. */
static int
paint_doc(struct textout *o, struct view_doc *d, int blank)
{
	for (size_t i = 0; i < d->nlines; i++) {
		const struct view_line *l = &d->lines[i];

		if (l->kind == VIEW_BLANK && blank)
			continue;
		textout_line(o, l->text);
		blank = l->kind == VIEW_BLANK;
	}
	view_doc_free(d);
	return blank;
}

/* The view's flags for the plain mode. */
static int
plain_flags(const struct textout *o)
{
	return VIEW_LOOSE | (o->ascii ? VIEW_ASCII : 0);
}

/* A text between screens (a UI string, filled), as the view wraps it. */
static void
paint_said(struct textout *o, const struct wizard *w, const char *text)
{
	paint_doc(
	    o, view_notice(w, text, o->width, &view_plain, plain_flags(o)), 0);
}

/* The prompt: the commands this screen has. */
static void
paint_prompt(struct textout *o, const struct wizard *w)
{
	paint_doc(o, view_prompt(w, o->width, plain_flags(o)), 0);
}

/* The width to wrap to: --width, the terminal's, or 80. */
static int
plain_width(const struct app *app)
{
	struct winsize ws;

	if (app->width > 0)
		return app->width;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return PLAIN_WIDTH_DEFAULT;
}

/*
 * The current screen, whole, then the crisis line, a part to a line, and
 * the prompt: the view's lines with the plain mode's marks (view_plain),
 * written as they are.
 */
static void
paint_screen(struct textout *o, const struct wizard *w, int first)
{
	int flags = plain_flags(o);

	o->width = plain_width(w->app);
	if (!first)
		textout_bytes(o, "\n", 1);
	if (!paint_doc(o,
		view_document(w, w->screen, o->width, &view_plain, flags), 1))
		textout_bytes(o, "\n", 1);
	paint_doc(o, view_crisis(w, o->width, &view_plain, flags), 0);
	paint_prompt(o, w);
}

/* One gentle line after a wrong entry, then the prompt again. */
static void
paint_bad(struct textout *o, const struct wizard *w, size_t n)
{
	const struct guide *g = wizard_guide(w);
	char num[32];
	char *line;

	snprintf(num, sizeof num, "%zu", n);
	line = guide_format(g->ui[GUIDE_UI_PLAIN_BAD_NUMBER], "n", num);
	paint_said(o, w, line);
	free(line);
	paint_prompt(o, w);
}

/*
 * A whole number of digits at *s, skipping blanks before it; the number
 * of choices there can be is small, so a longer one is "too big" (-1 is
 * returned as out of range).  Advances *s.  Returns -2 if there is no
 * digit at all.
 */
static long
parse_number(const char **s)
{
	const char *p = *s;
	long v = 0;
	int digits = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if (v < 1000000)
			v = v * 10 + (*p - '0');
	*s = p;
	if (digits == 0)
		return -2;
	return v >= 1000000 ? -1 : v;
}

/* Read a line of input as a command; *n gets its number (-1: none). */
static enum plain_cmd
parse_cmd(char *line, long *n)
{
	const char *p;
	char *end;
	long v;

	*n = -1;
	while (*line == ' ' || *line == '\t' || *line == '\r' ||
	       *line == '\v' || *line == '\f')
		line++;
	end = line + strlen(line);
	while (end > line &&
	       (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' ||
		   end[-1] == '\v' || end[-1] == '\f'))
		*--end = '\0';
	for (char *q = line; *q != '\0'; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	if (*line == '\0')
		return PLAIN_EMPTY;
	if (line[1] == '\0') {
		switch (line[0]) {
		case 'b':
			return PLAIN_BACK;
		case 'h':
		case '?':
			return PLAIN_HELP;
		case 'p':
		case 'r':
			return PLAIN_AGAIN;
		case 'q':
		case 0x03: /* Ctrl-C, a plain character in a kiosk */
			return PLAIN_QUIT;
		}
	}
	p = line;
	if (*p == 't') { /* a wrong number is -1: the range answers */
		p++;
		v = parse_number(&p);
		*n = v == -2 || *p != '\0' ? -1 : v;
		return PLAIN_TICK;
	}
	v = parse_number(&p);
	if (v == -2)
		return PLAIN_BAD;
	if (*p == '.') /* "3." as the choice is written */
		p++;
	if (*p != '\0')
		return PLAIN_BAD;
	*n = v;
	return PLAIN_PICK;
}

/* Say goodbye: the reader should close the window (scrollback). */
static void
paint_bye(struct textout *o, const struct wizard *w)
{
	textout_bytes(o, "\n", 1);
	paint_said(o, w, wizard_guide(w)->ui[GUIDE_UI_PLAIN_BYE]);
}

/* The plain mode's state, for the session. */
struct plain {
	struct app *app;
	struct wizard *w;
	struct textout o;
	int painted;          /* a screen was written already */
	char *in;             /* input held, PLAIN_HOLD bytes */
	size_t nin;           /* bytes held */
	int eof;              /* the end of input was read */
	enum plain_cmd cmd;   /* the line read last */
	long n;               /* and its number */
	const char *why;      /* why the plain mode cannot go on, or NULL */
	int in_errno;         /* the read error behind why, or 0 */
	struct termios saved; /* the terminal's modes, when changed */
	int sealed;           /* 1: saved holds what to restore */
};

/* Take the first line held (len bytes, then its newline if nl) as the
 * command to act on. */
static enum session_in
plain_take(struct plain *p, size_t len, int nl)
{
	char line[PLAIN_LINE_MAX + 1];

	if (len > PLAIN_LINE_MAX) {
		p->cmd = PLAIN_BAD;
	} else {
		memcpy(line, p->in, len);
		line[len] = '\0';
		p->cmd = parse_cmd(line, &p->n);
	}
	len += nl;
	memmove(p->in, p->in + len, p->nin - len);
	p->nin -= len;
	return p->cmd == PLAIN_QUIT ? SESSION_IN_LEAVE : SESSION_IN_ACT;
}

/* session_io.read: one line, or nothing in ms. */
static enum session_in
plain_read(void *ctx, int ms)
{
	struct plain *p = ctx;
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	const char *nl;
	ssize_t r;

	if (textout_flush(&p->o) != 0) {
		p->why = "standard output";
		return SESSION_IN_BROKEN;
	}
	for (;;) {
		nl = memchr(p->in, '\n', p->nin);
		if (memchr(p->in, '\0', nl ? (size_t)(nl - p->in) : p->nin)) {
			p->why = "standard input: a NUL byte, not text";
			return SESSION_IN_BROKEN;
		}
		if (nl != NULL)
			return plain_take(p, (size_t)(nl - p->in), 1);
		if (p->nin == PLAIN_HOLD) {
			p->why =
			    "standard input: 64 KiB without a newline, not "
			    "a person typing";
			return SESSION_IN_BROKEN;
		}
		if (p->eof)
			return p->nin > 0 ? plain_take(p, p->nin, 0)
					  : SESSION_IN_END;
		if (poll(&pfd, 1, ms) <= 0)
			return SESSION_IN_NONE; /* the time, or a signal */
		r = read(STDIN_FILENO, p->in + p->nin, PLAIN_HOLD - p->nin);
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			return SESSION_IN_NONE;
		if (r < 0) {
			p->why = "standard input";
			p->in_errno = errno;
			return SESSION_IN_BROKEN;
		}
		if (r == 0)
			p->eof = 1;
		p->nin += (size_t)r;
		ms = 0; /* what is there now, without waiting again */
	}
}

/* session_io.act: what the line read last asks for. */
static int
plain_act(void *ctx)
{
	struct plain *p = ctx;
	struct wizard *w = p->w;
	size_t ntodos = wizard_ntodos(w);
	long n = p->n;

	switch (p->cmd) {
	case PLAIN_EMPTY:
		paint_prompt(&p->o, w);
		return 0;
	case PLAIN_PICK:
		if (n < 1 || (size_t)n > wizard_nchoices(w)) {
			paint_bad(&p->o, w, wizard_nchoices(w));
			return 0;
		}
		return wizard_apply(w, WIZARD_PICK, n) | WIZARD_REDRAW;
	case PLAIN_TICK:
		if (ntodos == 0) {
			paint_said(&p->o, w,
			    wizard_guide(w)->ui[GUIDE_UI_PLAIN_NO_TODO]);
			paint_prompt(&p->o, w);
			return 0;
		}
		if (n < 1 || (size_t)n > ntodos) {
			paint_bad(&p->o, w, ntodos);
			return 0;
		}
		/* one line says what changed: the screen is as it was */
		wizard_apply(w, WIZARD_TICK_N, n);
		paint_doc(&p->o,
		    view_todo_said(
			w, (size_t)n, p->o.width, plain_flags(&p->o)),
		    0);
		return 0;
	case PLAIN_AGAIN:
		return WIZARD_REDRAW;
	case PLAIN_BACK:
		if (!wizard_can_back(w))
			break; /* nowhere to go back to: not a command here */
		return wizard_apply(w, WIZARD_BACK, 0) | WIZARD_REDRAW;
	case PLAIN_HELP:
		return wizard_apply(w, WIZARD_HELP, 0) | WIZARD_REDRAW;
	case PLAIN_QUIT: /* the session's (plain_read) */
	case PLAIN_BAD:
		break;
	}
	paint_bad(&p->o, w, wizard_nchoices(w));
	return 0;
}

/* session_io.paint: the screen, or "still there?" once, in lines. */
static void
plain_paint(void *ctx, long seconds)
{
	struct plain *p = ctx;
	char *line;

	if (seconds < 0) {
		paint_screen(&p->o, p->w, !p->painted);
		p->painted = 1;
		return;
	}
	line = view_countdown(p->w, seconds, p->app->kiosk);
	textout_bytes(&p->o, "\n", 1);
	paint_said(
	    &p->o, p->w, wizard_guide(p->w)->ui[GUIDE_UI_STILL_THERE_PLAIN]);
	paint_said(&p->o, p->w, line);
	free(line);
}

/* session_io.wipe: the terminal's own bytes for it, or, where there are
 * none, no escape byte at all and the "close this window" line. */
static void
plain_wipe(void *ctx, int leaving)
{
	struct plain *p = ctx;

	if (p->app->wipe != NULL) {
		textout_bytes(&p->o, p->app->wipe, strlen(p->app->wipe));
		p->painted = 0; /* the next screen starts at the top */
	} else if (leaving)
		paint_bye(&p->o, p->w);
	textout_flush(&p->o);
}

/* session_io.restore: the terminal's modes as they were. */
static void
plain_restore(void *ctx)
{
	struct plain *p = ctx;

	textout_flush(&p->o);
	if (p->sealed) {
		tcsetattr(STDIN_FILENO, TCSANOW, &p->saved);
		p->sealed = 0;
	}
}

/*
 * In a kiosk on a terminal, Ctrl-C, Ctrl-\, Ctrl-Z and Ctrl-D become
 * plain bytes: no signal, no end of input.  So do Ctrl-S and Ctrl-Q: with
 * flow control on, Ctrl-S would stop the kiosk's output until someone
 * typed Ctrl-Q, and the idle reset could not write either, leaving the
 * last reader's screen up.  Echo and line editing stay.
 */
static void
plain_seal(struct plain *p)
{
	struct termios t;

	if (!p->app->kiosk || tcgetattr(STDIN_FILENO, &p->saved) != 0)
		return;
	t = p->saved;
	t.c_lflag &= ~(tcflag_t)ISIG;
	t.c_iflag &= ~(tcflag_t)IXON;
	t.c_cc[VEOF] = _POSIX_VDISABLE;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		p->sealed = 1;
}

/* session_io.cont: sealed again (a kiosk), the screen from its top.
 * (session_io.stop is plain_restore: the terminal's modes as they were
 * while stopped.) */
static void
plain_cont(void *ctx)
{
	struct plain *p = ctx;

	plain_seal(p);
	p->painted = 0;
}

int
plain_run(struct app *app, struct wizard *w, int to_full)
{
	struct plain p;
	struct session_io io = { .ctx = &p,
		.read = plain_read,
		.act = plain_act,
		.paint = plain_paint,
		.wipe = plain_wipe,
		.restore = plain_restore,
		.stop = plain_restore,
		.cont = plain_cont,
		.to_full = to_full };
	int status;

	memset(&p, 0, sizeof p);
	p.app = app;
	p.w = w;
	p.o = (struct textout){ stdout, 0, !app->utf8, 0, 1 };
	p.o.width = plain_width(app); /* again before each screen: resizes */
	p.in = xmalloc(PLAIN_HOLD);
	/* A QR code shown in the full screen has no plain form. */
	wizard_apply(w, WIZARD_QR_HIDE, 0);
	plain_seal(&p);
	status = session_run(&io, w, app);
	plain_restore(&p);
	free(p.in);
	if (p.o.err != 0)
		fprintf(stderr, "safesteps: standard output: %s\n",
		    strerror(p.o.err));
	else if (p.why != NULL)
		fprintf(stderr, "safesteps: %s%s%s\n", p.why,
		    p.in_errno ? ": " : "",
		    p.in_errno ? strerror(p.in_errno) : "");
	if (status == 0 && (p.o.err != 0 || p.why != NULL))
		status = 1;
	return status;
}
