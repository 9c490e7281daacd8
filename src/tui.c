/*
 * tui.c: the full-screen front end, the only file that includes curses.
 *
 * A reader and a painter for the session core (session.h): it reads keys,
 * mouse events and resizes, turns them into wizard actions, and paints the
 * view (view.h) that the wizard's state gives at the terminal's size.
 * What leaving, idle time, a kiosk's reset and signals do is the
 * session's; this file only says which keys leave, and how to wipe and
 * restore this terminal.  It never beeps or flashes.
 *
 * Keys act only on what the reader can see: while the highlighted item is
 * out of view, Enter, Right and Space bring it into view (Enter and Right
 * a page at a time, as a pager reads on) instead of acting on it, and the
 * terminal cursor, which screen readers follow, sits on the "more" line
 * towards it.
 *
 * The terminal's life: the session's signal handlers are installed before
 * newterm (so that ncurses keeps its hands off SIGINT and SIGTERM); getch
 * waits at most what the session asks, so that the loop sees signals, the
 * idle timer and the end of input.  tui_shutdown restores the terminal,
 * is safe to call twice, and is xmalloc's fatal hook while the screen is
 * up.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>
/* term.h names every capability as a macro; these two clash with fields. */
#undef lines
#undef columns

#include "ascii.h"
#include "frontend.h"
#include "guide.h"
#include "keys.h"
#include "layout.h"
#include "qr.h"
#include "session.h"
#include "view.h"
#include "window.h"
#include "wizard.h"
#include "xmalloc.h"

/* Polls in a row that find input readable but getch empty: end of input. */
#define EOF_POLLS 3

/* Colour pairs. */
enum {
	PAIR_TITLE = 1,
	PAIR_CRISIS,
	PAIR_HINT,
	PAIR_MORE,
	PAIR_QR,
	PAIR_HIGHLIGHT
};

static SCREEN *tui_screen;
static int tui_active;

/* Restore the terminal; safe to call twice, and from the fatal hook. */
static void
tui_shutdown(void)
{
	if (!tui_active)
		return;
	tui_active = 0;
	curs_set(1);
	endwin();
	delscreen(tui_screen);
	tui_screen = NULL;
	fflush(stdout);
	xmalloc_on_fatal(NULL);
}

/* Whether a terminfo string capability is present. */
static const char *
tui_cap(const char *name)
{
	char *s = tigetstr(name);

	return s == NULL || s == (char *)-1 ? NULL : s;
}

/*
 * Whether the terminal can be driven full screen: a known TERM with
 * cursor addressing and not a hard-copy terminal.  Looks at the terminal
 * description only; the terminal itself is untouched.
 */
static int
tui_usable(void)
{
	int err = 0, ok;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return 0;
	ok = tui_cap("cup") != NULL && tigetflag("hc") <= 0;
	del_curterm(cur_term);
	cur_term = NULL;
	return ok;
}

/*
 * Make ncurses write each frame at once.  Until the first endwin, ncurses
 * 6.4 flushes its output at every cursor movement (_nc_mvcur while the
 * screen is "ewInitial", meant for programs that use mvcur alone), so a
 * frame reaches the terminal a line at a time, and a screen reader that
 * reads the terminal as it changes (Fenrir, Speakup, BRLTTY) catches
 * frames half drawn: after a Down, Fenrir said the line the highlight
 * left as well as the new one, or the old title before the new screen.
 * One endwin and refresh before the first frame end that state; nothing
 * has been drawn yet, so at most an empty screen is left and entered.
 */
static void
tui_whole_frames(void)
{
	endwin();
	refresh();
}

/*
 * What erases the scrollback of the terminal set up (cur_term): E3.  Many
 * descriptions lack it although the terminal they run in has it: TERM=vt100
 * or screen in a modern emulator would keep the guide in its scrollback.
 * So when the clear capability shows an ANSI terminal (it starts with
 * CSI), CSI 3 J is used: ECMA-48 terminals ignore a parameter of ED they
 * do not know, and the others clear it.  NULL when there is neither.
 */
static const char *
tui_e3(void)
{
	const char *e3 = tui_cap("E3"), *cl = tui_cap("clear");

	if (e3 == NULL && cl != NULL && strncmp(cl, "\033[", 2) == 0)
		e3 = "\033[3J";
	return e3;
}

/* Remove terminfo's delays ("$<50>", "$<5*>") from s, in place: they
 * are for tputs, and written as they are they would show. */
static void
tui_strip_delays(char *s)
{
	char *to = s, *end;

	while (*s != '\0') {
		if (s[0] == '$' && s[1] == '<' &&
		    (end = strchr(s + 2, '>')) != NULL &&
		    strspn(s + 2, "0123456789.*/") == (size_t)(end - s - 2)) {
			s = end + 1;
			continue;
		}
		*to++ = *s++;
	}
	*to = '\0';
}

char *
tui_wipe_bytes(void)
{
	const char *cl, *e3;
	char *bytes = NULL;
	int err = 0;

	if (!isatty(STDOUT_FILENO) ||
	    setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return NULL;
	/* the screen first, then the scrollback: tmux and VTE push a
	 * cleared screen into their history */
	if ((cl = tui_cap("clear")) != NULL)
		bytes = xasprintf("%s%s", cl, (e3 = tui_e3()) ? e3 : "");
	if (bytes != NULL)
		tui_strip_delays(bytes);
	del_curterm(cur_term);
	cur_term = NULL;
	return bytes;
}

struct tui {
	struct app *app;
	struct wizard *w;
	int color;
	int flags;      /* VIEW_* */
	int last_col;   /* 1: never write the last column (see tui_run) */
	const char *e3; /* what erases the scrollback, or NULL */
	struct window *v;
	long seconds; /* -1, or "still there?" with these seconds left */
	int eof_polls;
	int ch;       /* the key read last */
	MEVENT mouse; /* its mouse event, when ch is KEY_MOUSE */
};

static attr_t
tui_attr(const struct tui *t, const struct view_line *l)
{
	attr_t a = A_NORMAL;

	switch (l->kind) {
	case VIEW_TITLE:
		a = A_BOLD;
		if (t->color)
			a |= COLOR_PAIR(PAIR_TITLE);
		break;
	case VIEW_HEADING:
	case VIEW_RESOURCE:
	case VIEW_NOTICE:
		a = A_BOLD;
		break;
	case VIEW_CRISIS:
		a = A_BOLD;
		if (t->color)
			a |= COLOR_PAIR(PAIR_CRISIS);
		break;
	case VIEW_HINT:
		if (t->color)
			a |= COLOR_PAIR(PAIR_HINT);
		break;
	case VIEW_MORE:
		if (t->color)
			a |= COLOR_PAIR(PAIR_MORE);
		break;
	default:
		break;
	}
	/*
	 * The highlight is an attribute, never a change of text, so that a
	 * move changes no line's text and a screen reader speaks only the
	 * line the cursor moves to.  Reverse video, which needs no colour,
	 * and the cursor say it; the colour pair or bold make it stand out.
	 */
	if (l->marked)
		a = A_REVERSE |
		    (t->color ? COLOR_PAIR(PAIR_HIGHLIGHT) : A_BOLD);
	return a;
}

/*
 * Write text wrapped to the window's width from row top, at most max
 * lines (folded to ASCII where the locale is not UTF-8); with top < 0 only
 * count the lines.  Returns how many lines it takes (at most max when
 * writing).
 */
static int
tui_wrapped(struct tui *t, int top, int max, const char *text)
{
	char *s = ascii_maybe(text, !t->app->utf8);
	struct layout_line *l;
	int n = (int)layout_wrap(s, t->v->cols, &l);

	if (top >= 0) {
		if (n > max)
			n = max;
		for (int i = 0; i < n; i++)
			mvaddnstr(top + i, 0, s + l[i].off, (int)l[i].len);
	}
	free(l);
	free(s);
	return n;
}

/*
 * Paint the QR code of the shown resource over the body rows, in the form
 * qr_choose picks (qr.h: the wide form where it fits, else half blocks;
 * either reads in real terminals), or one line that says what the window
 * lacks.
 */
static void
tui_draw_qr(struct tui *t, size_t r)
{
	const struct guide *g = wizard_guide(t->w);
	const struct guide_resource *res = &g->resources[r];
	struct window *v = t->v;
	int top = v->body_top, bottom = v->hint_row;
	int halves, quiet, rows, cols, x0, y, x;
	struct qr q;
	char *s, *name;

	int nscan = tui_wrapped(t, -1, 0, g->ui[GUIDE_UI_QR_SCAN]);

	for (y = top; y < bottom; y++) {
		move(y, 0);
		clrtoeol();
	}
	name = ascii_maybe(res->name, !t->app->utf8);
	s = layout_fit(name, v->cols, NULL);
	attrset(A_BOLD);
	mvaddstr(top, 0, s);
	attrset(A_NORMAL);
	free(s);
	free(name);
	if (qr_make(res->web, &q) != 0 ||
	    !qr_choose(&q, v->cols, bottom - top - 1 - nscan, t->app->utf8,
		&halves, &quiet)) {
		/* "taller" where the width would do, else "bigger" */
		tui_wrapped(t, top + 1, bottom - top - 1,
		    g->ui[qr_fits_width(&q, v->cols, t->app->utf8)
			      ? GUIDE_UI_QR_TALLER
			      : GUIDE_UI_QR_TOO_SMALL]);
		qr_free(&q);
		return;
	}
	rows = qr_rows(&q, halves, quiet);
	cols = qr_cols(&q, halves, quiet);
	x0 = (v->cols - cols) / 2;
	for (y = 0; y < rows; y++) {
		move(top + 1 + y, x0);
		for (x = 0; x < cols; x++) {
			struct qr_paint p;
			attr_t a = A_NORMAL;

			qr_paint(&q, halves, quiet, x, y, &p);
			if (t->color)
				a |= COLOR_PAIR(PAIR_QR);
			if (p.reverse)
				a |= A_REVERSE;
			attrset(a);
			addstr(p.glyph);
		}
	}
	attrset(A_NORMAL);
	tui_wrapped(t, top + 1 + rows, nscan, g->ui[GUIDE_UI_QR_SCAN]);
	qr_free(&q);
}

/* Lay out again and paint; the cursor goes on the highlighted item. */
static void
tui_draw(struct tui *t)
{
	int rows, cols, r;
	size_t qr;

	getmaxyx(stdscr, rows, cols);
	cols -= t->last_col;
	window_free(t->v);
	if (t->seconds >= 0) {
		t->v = window_still_there(
		    t->w, rows, cols, t->seconds, t->app->kiosk, t->flags);
	} else {
		t->v = window_make(t->w, rows, cols, t->flags);
		/* the view clamps the scroll and follows the highlight */
		wizard_apply(t->w, WIZARD_SCROLL_TO, (long)t->v->scroll);
	}
	erase();
	for (r = 0; r < t->v->rows; r++) {
		const struct view_line *l = &t->v->lines[r];

		if (l->text[0] == '\0')
			continue;
		attrset(tui_attr(t, l));
		mvaddstr(r, 0, l->text);
	}
	attrset(A_NORMAL);
	qr = wizard_qr_resource(t->w);
	if (t->seconds < 0 && !t->v->too_small && qr != GUIDE_NONE) {
		tui_draw_qr(t, qr);
		move(t->v->body_top, 0); /* on the name of what it opens */
	} else {
		move(t->v->cursor_row, t->v->cursor_col);
	}
	refresh();
}

/*
 * Discard the rest of an escape sequence; returns 1 if there was one.
 * More Esc alone is no sequence: a panicked double tap, or two Esc that a
 * slow link delivers together, leave as one does.
 */
static int
tui_escape_rest(void)
{
	int ch, other = 0;

	timeout(0);
	while ((ch = getch()) != ERR)
		other |= ch != 0x1b;
	return other;
}

/*
 * Keys that terminals send otherwise than their description says (tmux and
 * PuTTY send "CSI 1 ~" for Home under TERM=xterm, the Linux console "ESC O
 * P" for F1 when it is set so): bound too, where nothing else is.
 */
static void
tui_more_keys(void)
{
	static const struct {
		const char *s;
		int key;
	} more[] = {
		{ "\033[1~", KEY_HOME },
		{ "\033[7~", KEY_HOME },
		{ "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME },
		{ "\033[4~", KEY_END },
		{ "\033[8~", KEY_END },
		{ "\033[F", KEY_END },
		{ "\033OF", KEY_END },
		{ "\033OP", KEY_F(1) },
		{ "\033[11~", KEY_F(1) },
		{ "\033[[A", KEY_F(1) },
	};

	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		if (key_defined(more[i].s) == 0)
			define_key(more[i].s, more[i].key);
}

/* Whether a getch that returned ERR meant the end of input. */
static int
tui_input_ended(struct tui *t)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&p, 1, 0) <= 0) {
		t->eof_polls = 0;
		return 0;
	}
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 1;
	/* readable, yet getch found nothing: read() returned 0 */
	return ++t->eof_polls >= EOF_POLLS;
}

/* Whether a mouse event is a click on "leave quickly" in the hint line. */
static int
tui_mouse_leaves(const struct tui *t)
{
	const MEVENT *ev = &t->mouse;
	const struct window *v = t->v;

	return v != NULL &&
	       (ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) &&
	       ev->y == v->hint_row && ev->x >= v->leave_col &&
	       ev->x < v->leave_end;
}

/* A mouse event: click on an item, or the wheel.  Returns the wizard
 * flags.  (A click on "leave quickly" is the leave key: tui_read.) */
static int
tui_mouse(struct tui *t)
{
	const MEVENT ev = t->mouse;
	const struct window *v = t->v;
	long page;

	if (v == NULL)
		return 0;
	page = v->body_rows > 2 ? v->body_rows - 2 : 1;
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return wizard_apply(t->w, WIZARD_SCROLL, 3);
#endif
	if (ev.bstate & BUTTON4_PRESSED)
		return wizard_apply(t->w, WIZARD_SCROLL, -3);
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return 0;
	if (ev.y < 0 || ev.y >= v->rows)
		return 0;
	/* the QR code covers the body: a click there only hides it */
	if (wizard_qr_resource(t->w) != GUIDE_NONE && ev.y >= v->body_top &&
	    ev.y < v->hint_row)
		return wizard_apply(t->w, WIZARD_QR_HIDE, 0);
	if (v->lines[ev.y].kind == VIEW_MORE)
		return wizard_apply(t->w,
		    ev.y == v->body_top ? WIZARD_PAGE_UP : WIZARD_PAGE_DOWN,
		    page);
	if (v->lines[ev.y].item >= 0)
		return wizard_apply(t->w, WIZARD_CLICK, v->lines[ev.y].item);
	return 0;
}

/*
 * Up or Down when the highlighted item is out of view: towards it, show
 * it; away from it, the item nearest to it that is in view (a long screen
 * opens on its first choice below the fold, and Up must reach the to-do
 * items the reader sees), or where none is, scroll a line, as a pager
 * does.
 */
static int
tui_move(struct tui *t, enum wizard_action a)
{
	const struct window *v = t->v;
	int up = a == WIZARD_UP;
	long near;

	if (v == NULL || v->highlight_shown || v->highlight_where == 0 ||
	    wizard_nitems(t->w) == 0)
		return wizard_apply(t->w, a, 0);
	if ((v->highlight_where > 0) != up)
		return wizard_apply(t->w, WIZARD_SHOW, 0);
	near = up ? v->last_shown : v->first_shown;
	if (near >= 0)
		return wizard_apply(t->w, WIZARD_SELECT, near);
	return wizard_apply(t->w, WIZARD_SCROLL, up ? -1 : 1);
}

/* The screen's last to-do item (a plan's included), or -1. */
static long
tui_last_todo(const struct wizard *w)
{
	long last = -1;

	for (size_t i = 0; i < wizard_nitems(w); i++) {
		enum wizard_item_kind k = wizard_item(w, i, NULL);

		if (k == WIZARD_ITEM_TODO || k == WIZARD_ITEM_PLAN)
			last = (long)i;
	}
	return last;
}

/*
 * Enter or Right.  They act only on an item the reader can see: while the
 * highlighted item is out of view they read on towards it instead, a page
 * at a time (as a pager's Enter does), the last step bringing it into
 * view; so Enter never follows a choice that was never on screen.
 */
static int
tui_choose(struct tui *t)
{
	const struct window *v = t->v;
	size_t page;

	if (v == NULL || v->highlight_shown || v->highlight_where == 0 ||
	    wizard_nitems(t->w) == 0)
		return wizard_apply(t->w, WIZARD_CHOOSE, 0);
	page = v->body_rows > 2 ? (size_t)v->body_rows - 2 : 1;
	if (v->highlight_where < 0 || v->show_scroll <= v->scroll + page)
		return wizard_apply(t->w, WIZARD_SHOW, 0);
	return wizard_apply(t->w, WIZARD_PAGE_DOWN, (long)page);
}

/* Whether a key moves, chooses, ticks, picks or scrolls. */
static int
tui_acts_on_items(int ch)
{
	switch (ch) {
	case KEY_UP:
	case KEY_BTAB:
	case KEY_DOWN:
	case KEY_ENTER:
	case KEY_RIGHT:
	case KEY_PPAGE:
	case KEY_NPAGE:
	case KEY_HOME:
	case KEY_END:
		return 1;
	}
	if (ch < 0 || ch > 0x7f)
		return 0;
	switch (keys_ascii(ch)) {
	case KEYS_UP:
	case KEYS_DOWN:
	case KEYS_CHOOSE:
	case KEYS_TICK:
	case KEYS_PAGE_UP:
	case KEYS_PAGE_DOWN:
	case KEYS_PICK:
		return 1;
	default:
		return 0;
	}
}

/* One key (the leave keys are the session's: tui_read).  Returns the
 * wizard's flags. */
static int
tui_key(struct tui *t, int ch)
{
	long page =
	    t->v != NULL && t->v->body_rows > 2 ? t->v->body_rows - 2 : 1;

	/* too small to read: only leaving (and repainting) does anything,
	 * so that nothing changes unseen */
	if (t->v != NULL && t->v->too_small)
		return 0;
	/* over a QR code, a key that acts on the hidden items hides it */
	if (wizard_qr_resource(t->w) != GUIDE_NONE && tui_acts_on_items(ch))
		return wizard_apply(t->w, WIZARD_QR_HIDE, 0);
	switch (ch) {
	case KEY_UP:
	case KEY_BTAB:
		return tui_move(t, WIZARD_UP);
	case KEY_DOWN:
		return tui_move(t, WIZARD_DOWN);
	case KEY_ENTER:
	case KEY_RIGHT:
		return tui_choose(t);
	case KEY_LEFT:
	case KEY_BACKSPACE:
		return wizard_apply(t->w, WIZARD_BACK, 0);
	case KEY_PPAGE:
		return wizard_apply(t->w, WIZARD_PAGE_UP, page);
	case KEY_NPAGE:
		return wizard_apply(t->w, WIZARD_PAGE_DOWN, page);
	case KEY_HOME:
		return wizard_apply(t->w, WIZARD_FIRST, 0);
	case KEY_END:
		return wizard_apply(t->w, WIZARD_LAST, 0);
	case KEY_F(1):
		return wizard_apply(t->w, WIZARD_HELP, 0);
	case KEY_MOUSE:
		return tui_mouse(t);
	}
	if (ch < 0 || ch > 0x7f)
		return 0;
	switch (keys_ascii(ch)) {
	case KEYS_UP:
		return tui_move(t, WIZARD_UP);
	case KEYS_DOWN:
		return tui_move(t, WIZARD_DOWN);
	case KEYS_CHOOSE:
		return tui_choose(t);
	case KEYS_BACK:
		return wizard_apply(t->w, WIZARD_BACK, 0);
	case KEYS_TICK: {
		enum wizard_item_kind k =
		    wizard_item(t->w, t->w->highlight, NULL);
		int todo = k == WIZARD_ITEM_TODO || k == WIZARD_ITEM_PLAN;
		long last = todo ? -1 : tui_last_todo(t->w);

		/* as Enter: never on a to-do item out of view; show it */
		if (todo && t->v != NULL && !t->v->highlight_shown &&
		    t->v->highlight_where != 0)
			return wizard_apply(t->w, WIZARD_SHOW, 0);
		/* on a choice, Space goes to the to-do items it ticks, the
		 * hint promised them: the next Space ticks */
		if (last >= 0)
			return wizard_apply(t->w, WIZARD_SELECT, last);
		return wizard_apply(t->w, WIZARD_TICK, 0);
	}
	case KEYS_PAGE_UP:
		return wizard_apply(t->w, WIZARD_PAGE_UP, page);
	case KEYS_PAGE_DOWN:
		return wizard_apply(t->w, WIZARD_PAGE_DOWN, page);
	case KEYS_PICK:
		/* as dialog: the digit moves the highlight, Enter chooses,
		 * so "5, Enter" cannot skip a screen */
		return wizard_apply(t->w, WIZARD_GO_CHOICE, ch - '0');
	case KEYS_HELP:
		return wizard_apply(t->w, WIZARD_HELP, 0);
	case KEYS_LEAVE: /* tui_read's */
		return 0;
	case KEYS_PLAIN:
		/* in a kiosk too: the session seals the plain mode there,
		 * and its reset brings the full screen back */
		return WIZARD_TO_PLAIN;
	case KEYS_QR:
		return wizard_apply(t->w, WIZARD_QR_NEXT, 0);
	case KEYS_NONE:
		break;
	}
	return 0;
}

static void
tui_colors(struct tui *t)
{
	t->color = 0;
	if (!t->app->color || !has_colors() || start_color() != OK)
		return;
	/* the terminal's own background, or no colours at all */
	if (use_default_colors() != OK)
		return;
	/* calm: a blue title, a bold yellow crisis line; QR explicit */
	init_pair(PAIR_TITLE, COLOR_CYAN, -1);
	init_pair(PAIR_CRISIS, COLOR_YELLOW, -1);
	init_pair(PAIR_HINT, COLOR_CYAN, -1);
	init_pair(PAIR_MORE, COLOR_CYAN, -1);
	/* the brightest white there is: the most contrast for a camera */
	init_pair(PAIR_QR, COLORS >= 16 ? 15 : COLOR_WHITE, COLOR_BLACK);
	/* reversed: black on cyan, as clear on a light terminal as a dark */
	init_pair(PAIR_HIGHLIGHT, COLOR_CYAN, COLOR_BLACK);
	t->color = 1;
}

/* session_io.read: one key, mouse event or resize, or nothing in ms. */
static enum session_in
tui_read(void *ctx, int ms)
{
	struct tui *t = ctx;
	int ch;

	timeout(ms);
	errno = 0;
	ch = getch();
	if (ch == ERR) {
		if (errno == EINTR)
			return SESSION_IN_NONE;
		return tui_input_ended(t) ? SESSION_IN_END : SESSION_IN_NONE;
	}
	t->eof_polls = 0;
	t->ch = ch;
	switch (ch) {
	case KEY_RESIZE:
		return SESSION_IN_REPAINT;
	case 0x0c: /* Ctrl-L: paint everything again */
		clearok(curscr, TRUE);
		return SESSION_IN_REPAINT;
	case KEY_MOUSE:
		if (getmouse(&t->mouse) != OK)
			return SESSION_IN_NONE;
		return tui_mouse_leaves(t) ? SESSION_IN_LEAVE : SESSION_IN_ACT;
	}
	if (ch >= 0 && ch <= 0x7f && keys_ascii(ch) == KEYS_LEAVE) {
		/* an Esc with bytes behind it is Alt+key or a sequence: a
		 * key that does nothing */
		if (ch == 0x1b && tui_escape_rest()) {
			t->ch = 0;
			return SESSION_IN_ACT;
		}
		return SESSION_IN_LEAVE;
	}
	return SESSION_IN_ACT;
}

/* session_io.act: what the key read last does. */
static int
tui_act(void *ctx)
{
	struct tui *t = ctx;

	return tui_key(t, t->ch);
}

/* session_io.paint */
static void
tui_paint(void *ctx, long seconds)
{
	struct tui *t = ctx;

	t->seconds = seconds;
	tui_draw(t);
}

/* session_io.wipe: the screen first, then the scrollback (tmux and VTE
 * push a cleared screen into their history, so the other order leaks). */
static void
tui_wipe(void *ctx, int leaving)
{
	struct tui *t = ctx;

	(void)leaving;
	clear();
	refresh();
	if (t->e3 != NULL) {
		putp(t->e3);
		fflush(stdout);
	}
	flushinp(); /* keys typed and not read yet were the last reader's */
}

/* session_io.stop: the terminal as it was while the program is stopped. */
static void
tui_stop(void *ctx)
{
	(void)ctx;
	endwin();
}

/* session_io.cont: the full screen again, all of it to paint. */
static void
tui_cont(void *ctx)
{
	(void)ctx;
	refresh();
	clearok(curscr, TRUE);
}

/* session_io.restore */
static void
tui_restore(void *ctx)
{
	(void)ctx;
	tui_shutdown();
}

int
tui_run(struct app *app, struct wizard *w)
{
	struct tui t;
	struct session_io io = { .ctx = &t,
		.read = tui_read,
		.act = tui_act,
		.paint = tui_paint,
		.wipe = tui_wipe,
		.restore = tui_restore,
		.stop = tui_stop,
		.cont = tui_cont,
		.ticks = 1 };
	int status;

	if (!tui_usable())
		return FRONTEND_NO_TERMINAL;
	memset(&t, 0, sizeof t);
	t.app = app;
	t.w = w;
	t.flags = app->utf8 ? 0 : VIEW_ASCII;
	t.seconds = -1;
	tui_screen = newterm(NULL, stdout, stdin);
	if (tui_screen == NULL)
		return FRONTEND_NO_TERMINAL;
	set_term(tui_screen);
	tui_active = 1;
	xmalloc_on_fatal(tui_shutdown);
	tui_whole_frames();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	tui_more_keys();
	set_escdelay(25);
	/* a normal cursor, shown: low-vision readers, BRLTTY and Speakup
	 * follow it (where the terminal cannot, it stays as it is) */
	curs_set(1);
	tui_colors(&t);
	/* a terminal with no reverse video (vt52, adm3a) gets the "> " */
	if (!(termattrs() & A_REVERSE))
		t.flags |= VIEW_MARKER;
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		      | BUTTON5_PRESSED
#endif
	    ,
	    NULL);
	t.e3 = tui_e3();
	/*
	 * A terminal that wraps at once after its last column (auto margins
	 * without the newline glitch, as TERM=ansi says) scrolls or moves
	 * the cursor where ncurses does not expect it, and modern emulators
	 * given such a TERM behave otherwise again: the last column is left
	 * empty there, so every line fits whatever the emulator does.
	 */
	t.last_col = tigetflag("am") > 0 && tigetflag("xenl") <= 0;
	status = session_run(&io, w, app);
	window_free(t.v);
	return status;
}
