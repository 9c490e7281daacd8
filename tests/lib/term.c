/*
 * term.c: a terminal for tests (see term.h): a pty, a child process and a
 * libvterm screen that renders what the child writes.
 */
#define _GNU_SOURCE /* close_range */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#include "term.h"
#include "xmalloc.h"

/* The keys that term_send_key knows, as terminfo capabilities. */
static const char *const key_caps[] = {
	[TERM_KEY_ENTER] = NULL, /* Return sends CR on every type */
	[TERM_KEY_ESC] = NULL,
	[TERM_KEY_TAB] = NULL,
	[TERM_KEY_BACKSPACE] = "kbs",
	[TERM_KEY_UP] = "kcuu1",
	[TERM_KEY_DOWN] = "kcud1",
	[TERM_KEY_LEFT] = "kcub1",
	[TERM_KEY_RIGHT] = "kcuf1",
	[TERM_KEY_HOME] = "khome",
	[TERM_KEY_END] = "kend",
	[TERM_KEY_PGUP] = "kpp",
	[TERM_KEY_PGDN] = "knp",
	[TERM_KEY_F1] = "kf1",
};
#define NKEYS (sizeof(key_caps) / sizeof(key_caps[0]))

/* The same keys for libvterm. */
static const VTermKey key_vterm[] = {
	[TERM_KEY_ENTER] = VTERM_KEY_ENTER,
	[TERM_KEY_ESC] = VTERM_KEY_ESCAPE,
	[TERM_KEY_TAB] = VTERM_KEY_TAB,
	[TERM_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
	[TERM_KEY_UP] = VTERM_KEY_UP,
	[TERM_KEY_DOWN] = VTERM_KEY_DOWN,
	[TERM_KEY_LEFT] = VTERM_KEY_LEFT,
	[TERM_KEY_RIGHT] = VTERM_KEY_RIGHT,
	[TERM_KEY_HOME] = VTERM_KEY_HOME,
	[TERM_KEY_END] = VTERM_KEY_END,
	[TERM_KEY_PGUP] = VTERM_KEY_PAGEUP,
	[TERM_KEY_PGDN] = VTERM_KEY_PAGEDOWN,
	[TERM_KEY_F1] = VTERM_KEY_FUNCTION(1),
};

/* How long the program must be quiet before a frame counts as complete. */
#define TERM_QUIET_MS 15
/* The most a frame may take to arrive once it has started. */
#define TERM_FRAME_MS 1000
/* How often a wait looks whether the child has ended. */
#define CHILD_POLL_MS 2

struct term {
	int master;
	int slave; /* kept open: termios can be read after the child exits */
	pid_t pid;
	int exited;
	int status;
	struct rusage usage; /* the child's, once reaped */

	VTerm *vt;
	VTermScreen *screen;
	int rows, cols;
	int curs_vis; /* as xterm keeps it: set by DECTCEM (?25) alone */
	int mouse;    /* VTERM_PROP_MOUSE_*: what the program asked for */
	int bells;

	int terminfo_keys; /* 1: keys from terminfo, 0: from libvterm */
	char *keys[NKEYS]; /* the terminfo strings, NULL when absent */

	unsigned char *out; /* everything the child wrote */
	size_t outlen, outcap;
	char *reply; /* what libvterm sends back (keys, answers) */
	size_t replylen, replycap;

	struct termios before;

	int errfd; /* read end of the child's stderr pipe, or -1 */
	char *err; /* what came through it */
	size_t errlen, errcap;

	char dec[64]; /* a CSI sequence being read (see feed) */
	size_t declen;
	char carry[4]; /* the start of a UTF-8 character cut by a read */
	size_t carrylen;

	/* What the terminal keeps (see term_kept_has): lines pushed off the
	 * top of the normal screen, and the normal screen's rows when it
	 * was cleared, as tmux and VTE keep them; emptied by CSI 3 J. */
	char **hist;
	size_t nhist, histcap;
	char *histtext; /* term_history_text's, apart from text so that
			   both can be in one message */
	size_t histtextcap;
	int alt;    /* 1 while the alternate screen is shown */
	int no_alt; /* 1: the alternate screen is off (term_no_altscreen) */

	char *text; /* the last string handed out */
	size_t textcap;
};

double
term_factor(void)
{
	const char *s = getenv("TEST_TIMEOUT_FACTOR");
	char *end;
	double f;

	if (s == NULL || *s == '\0')
		return 1;
	f = strtod(s, &end);
	if (*end != '\0' || !(f >= 1) || f > 1000)
		return 1;
	return f;
}

int
term_ms(int ms)
{
	return (int)ceil(ms * term_factor());
}

double
term_seconds(double s)
{
	return s * term_factor();
}

long long
term_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
term_sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Grow a buffer to hold at least need bytes. */
static void
grow(void *pp, size_t *cap, size_t need)
{
	char **p = pp;
	size_t n = *cap ? *cap : 256;

	if (need <= *cap)
		return;
	while (n < need)
		n *= 2;
	*p = xreallocarray(*p, n, 1);
	*cap = n;
}

/* libvterm's answers and keys are collected and written in one go. */
static void
on_output(const char *s, size_t len, void *user)
{
	struct term *t = user;

	grow(&t->reply, &t->replycap, t->replylen + len);
	memcpy(t->reply + t->replylen, s, len);
	t->replylen += len;
}

static int
on_bell(void *user)
{
	struct term *t = user;

	t->bells++;
	return 1;
}

static int
on_prop(VTermProp prop, VTermValue *val, void *user)
{
	struct term *t = user;

	if (prop == VTERM_PROP_MOUSE)
		t->mouse = val->number;
	return 1;
}

static void hist_push(struct term *t, const char *line);
static size_t render_row(struct term *t, int row, int *colmap);
static size_t render_cells(struct term *t, const VTermScreenCell *cells,
    int ncols, int row, int *colmap);

/* A line scrolled off the top of the normal screen: the terminal keeps
 * it.  (libvterm calls this for the normal screen only.) */
static int
on_pushline(int cols, const VTermScreenCell *cells, void *user)
{
	struct term *t = user;

	render_cells(t, cells, cols, -1, NULL);
	hist_push(t, t->text);
	return 1;
}

static const VTermScreenCallbacks screen_cbs = {
	.settermprop = on_prop,
	.bell = on_bell,
	.sb_pushline = on_pushline,
};

/* Write all of buf to the master, waiting (with a deadline) when full. */
static int
write_all(struct term *t, const void *buf, size_t len)
{
	const char *p = buf;
	long long deadline = term_now_ms() + term_ms(2000);
	struct pollfd pfd;
	ssize_t n;

	while (len > 0) {
		n = write(t->master, p, len);
		if (n > 0) {
			p += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EINTR)
			return -1;
		if (term_now_ms() >= deadline)
			return -1;
		pfd.fd = t->master;
		pfd.events = POLLOUT;
		poll(&pfd, 1, 10);
	}
	return 0;
}

static int
flush_reply(struct term *t)
{
	int r = 0;

	if (t->replylen > 0)
		r = write_all(t, t->reply, t->replylen);
	t->replylen = 0;
	return r;
}

/* Reap the child if it has ended.  Returns 1 if it has. */
static int
reap(struct term *t, int block)
{
	pid_t r;

	if (t->exited)
		return 1;
	if (t->pid <= 0) /* term_attach: no child */
		return 0;
	do
		r = wait4(t->pid, &t->status, block ? 0 : WNOHANG, &t->usage);
	while (r < 0 && errno == EINTR);
	if (r == t->pid) {
		t->exited = 1;
		return 1;
	}
	return 0;
}

/* Feed bytes to libvterm as they are. */
static void
feed_raw(struct term *t, const char *s, size_t n)
{
	if (n > 0)
		vterm_input_write(t->vt, s, n);
}

/* The DEC private mode sequence in t->dec is whole: feed it one mode at a
 * time ("CSI ? 1006 ; 1000 h" as "CSI ? 1006 h" "CSI ? 1000 h"). */
static void
feed_dec(struct term *t)
{
	char one[80], fin = t->dec[t->declen - 1];
	size_t i = 3, j;

	while (i < t->declen - 1) {
		for (j = i; t->dec[j] != ';' && j < t->declen - 1; j++)
			;
		snprintf(one, sizeof one, "\033[?%.*s%c", (int)(j - i),
		    t->dec + i, fin);
		if (j - i == 2 && strncmp(t->dec + i, "25", 2) == 0)
			t->curs_vis = fin == 'h';
		if ((j - i == 4 && (strncmp(t->dec + i, "1049", 4) == 0 ||
				       strncmp(t->dec + i, "1047", 4) == 0)) ||
		    (j - i == 2 && strncmp(t->dec + i, "47", 2) == 0)) {
			if (t->no_alt) { /* as tmux with alternate-screen off */
				i = j + 1;
				continue;
			}
			t->alt = fin == 'h';
		}
		feed_raw(t, one, strlen(one));
		i = j + 1;
	}
}

/*
 * Erase in display (CSI n J) is about to be fed.  What a terminal keeps
 * of it, as tmux does (VTE does the same): clearing the normal screen
 * (ED 2, or ED 0 with the cursor at the top left) pushes its rows into the
 * history; ED 3 empties the history.  libvterm 0.1 does neither.
 */
static void
feed_ed(struct term *t)
{
	VTermPos pos;
	int n = atoi(t->dec + 2), last = -1;

	if (n == 3) {
		for (size_t i = 0; i < t->nhist; i++)
			free(t->hist[i]);
		t->nhist = 0;
		return;
	}
	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
	if (t->alt || !(n == 2 || (n == 0 && pos.row == 0 && pos.col == 0)))
		return;
	for (int r = 0; r < t->rows; r++)
		if (render_row(t, r, NULL) > 0)
			last = r;
	for (int r = 0; r <= last; r++) {
		render_row(t, r, NULL);
		hist_push(t, t->text);
	}
}

/*
 * Feed what the program wrote to libvterm.  libvterm 0.1.4 acts only on
 * the first mode of a DEC private mode set or reset with several, and
 * ncurses enables the mouse with one ("CSI ? 1006 ; 1000 h"), so those are
 * split here; a sequence cut between two reads is kept until it is whole.
 * Everything else goes through untouched.
 *
 * The cursor's visibility is kept here too, as xterm, VTE and tmux keep
 * it: only DECTCEM (CSI ? 25 h/l) changes it.  libvterm also saves it with
 * DECSC and restores it with DECRC and on leaving the alternate screen,
 * so after ncurses' "ESC 7 CSI r ESC 8" around a scroll it would report
 * a cursor hidden that every real terminal shows.
 */
static void
feed(struct term *t, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];
		int param;

		if (t->declen == 0) {
			if (c == '\033') {
				feed_raw(t, s + start, i - start);
				t->dec[t->declen++] = c;
			}
			continue;
		}
		t->dec[t->declen++] = c;
		param = (c >= '0' && c <= '9') || c == ';' ||
			(c == '?' && t->declen == 3);
		if ((t->declen == 2 && c == '[') ||
		    (t->declen > 2 && param && t->declen < sizeof t->dec - 1)) {
			start = i + 1;
			continue;
		}
		t->dec[t->declen] = '\0';
		if (t->declen > 3 && t->dec[2] == '?' && (c == 'h' || c == 'l'))
			feed_dec(t);
		else if (t->declen > 2 && t->dec[2] != '?' && c == 'J') {
			feed_ed(t);
			feed_raw(t, t->dec, t->declen);
		} else if (c == '\033') {
			feed_raw(t, t->dec, t->declen - 1);
			t->declen = 0;
			start = i;
			i--; /* read this ESC again as a start */
			continue;
		} else /* not one of those: as it came */
			feed_raw(t, t->dec, t->declen);
		t->declen = 0;
		start = i + 1;
	}
	if (t->declen == 0)
		feed_raw(t, s + start, n - start);
}

/* Read what the child wrote to its stderr pipe, without waiting. */
static void
pump_err(struct term *t)
{
	char buf[1024];
	ssize_t n;

	while (t->errfd >= 0) {
		n = read(t->errfd, buf, sizeof buf);
		if (n > 0) {
			grow(&t->err, &t->errcap, t->errlen + (size_t)n + 1);
			memcpy(t->err + t->errlen, buf, (size_t)n);
			t->errlen += (size_t)n;
			t->err[t->errlen] = '\0';
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0) { /* every writer has closed it */
			close(t->errfd);
			t->errfd = -1;
		}
		return;
	}
}

const char *
term_stderr(struct term *t)
{
	pump_err(t);
	return t->err != NULL ? t->err : "";
}

/*
 * How many bytes at the end of s[0..n) are the start of a UTF-8
 * character whose other bytes have not come yet (0 to 3).
 */
static size_t
utf8_cut(const char *s, size_t n)
{
	size_t k;

	for (k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = (unsigned char)s[n - k];
		size_t need;

		if ((c & 0xc0) == 0x80)
			continue; /* a continuation byte: look further back */
		need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		return need > k ? k : 0;
	}
	return 0;
}

int
term_pump(struct term *t)
{
	char buf[8192 + sizeof t->carry];
	size_t have, cut;
	ssize_t n;

	pump_err(t);
	for (;;) {
		/* A character cut between two reads is fed whole: libvterm
		 * 0.3 can draw U+FFFD for a cut one.  That happens on a slow
		 * line (a serial port), seldom on a pty. */
		memcpy(buf, t->carry, t->carrylen);
		n = read(
		    t->master, buf + t->carrylen, sizeof buf - sizeof t->carry);
		if (n > 0) {
			grow(&t->out, &t->outcap, t->outlen + (size_t)n);
			memcpy(
			    t->out + t->outlen, buf + t->carrylen, (size_t)n);
			t->outlen += (size_t)n;
			have = t->carrylen + (size_t)n;
			cut = utf8_cut(buf, have);
			memcpy(t->carry, buf + have - cut, cut);
			t->carrylen = cut;
			feed(t, buf, have - cut);
			if (flush_reply(t) < 0)
				return -1;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		return -1; /* EIO or EOF: cannot happen while we hold the slave */
	}
}

/*
 * Wait for the pty to have something to read for at most ms (unscaled);
 * while the child runs, look at it every CHILD_POLL_MS.  (No pidfd: the
 * valgrind in Debian 12 does not know pidfd_open.)  Returns 1 if there may
 * be something to do, 0 on timeout.
 */
static int
wait_io(struct term *t, long long ms)
{
	struct pollfd pfd;
	int r;

	if (ms < 0)
		ms = 0;
	if (!t->exited && ms > CHILD_POLL_MS)
		ms = CHILD_POLL_MS;
	pfd.fd = t->master;
	pfd.events = POLLIN;
	pfd.revents = 0;
	r = poll(&pfd, 1, (int)ms);
	if (r == 0)
		reap(t, 0);
	return r != 0;
}

/* Read until nothing arrives for quiet (unscaled ms) or until the limit. */
static int
settle_abs(struct term *t, int quiet, long long limit)
{
	long long last = term_now_ms(), now;

	for (;;) {
		term_pump(t);
		now = term_now_ms();
		if (now - last >= quiet)
			return 0;
		if (now >= limit)
			return -1;
		if (wait_io(t, quiet - (now - last))) {
			struct pollfd pfd = { t->master, POLLIN, 0 };

			if (poll(&pfd, 1, 0) > 0)
				last = term_now_ms();
		}
	}
}

int
term_settle(struct term *t, int quiet_ms, int limit_ms)
{
	return settle_abs(
	    t, term_ms(quiet_ms), term_now_ms() + term_ms(limit_ms));
}

static int
utf8_put(char *s, uint32_t c)
{
	if (c < 0x80) {
		s[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | (c >> 6));
		s[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		s[0] = (char)(0xe0 | (c >> 12));
		s[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	s[0] = (char)(0xf0 | (c >> 18));
	s[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	s[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	s[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Render one row into t->text, trailing blanks removed.  colmap (may be
 * NULL), of at least cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1 entries, gets
 * the column of each byte.  Returns the length.
 */
static size_t
render_row(struct term *t, int row, int *colmap)
{
	return render_cells(t, NULL, t->cols, row, colmap);
}

/* render_row for the cells given (ncols of them), or, when cells is NULL,
 * for row of the screen. */
static size_t
render_cells(struct term *t, const VTermScreenCell *cells, int ncols, int row,
    int *colmap)
{
	VTermScreenCell cell;
	VTermPos pos;
	size_t len = 0, keep = 0;
	int col, i, n;

	grow(&t->text, &t->textcap,
	    (size_t)ncols * 4 * VTERM_MAX_CHARS_PER_CELL + 1);
	pos.row = row;
	for (col = 0; col < ncols;) {
		pos.col = col;
		if (cells != NULL)
			cell = cells[col];
		else if (!vterm_screen_get_cell(t->screen, pos, &cell))
			break;
		if (cell.chars[0] == 0 || cell.chars[0] == (uint32_t)-1) {
			if (colmap)
				colmap[len] = col;
			t->text[len++] = ' ';
			col++;
			continue;
		}
		for (i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] &&
			    cell.chars[i] != (uint32_t)-1;
		     i++) {
			n = utf8_put(t->text + len, cell.chars[i]);
			if (colmap) {
				int k;

				for (k = 0; k < n; k++)
					colmap[len + (size_t)k] = col;
			}
			len += (size_t)n;
		}
		keep = len;
		col += cell.width > 1 ? cell.width : 1;
	}
	t->text[keep] = '\0';
	return keep;
}

const char *
term_row_text(struct term *t, int row)
{
	if (row < 0 || row >= t->rows) {
		grow(&t->text, &t->textcap, 1);
		t->text[0] = '\0';
		return t->text;
	}
	render_row(t, row, NULL);
	return t->text;
}

int
term_find_in_row(struct term *t, int row, const char *text)
{
	int *colmap;
	char *hit;
	int col = -1;

	if (row < 0 || row >= t->rows)
		return -1;
	colmap = xcalloc(
	    (size_t)t->cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1, sizeof *colmap);
	render_row(t, row, colmap);
	hit = strstr(t->text, text);
	if (hit != NULL)
		col = colmap[hit - t->text];
	free(colmap);
	return col;
}

int
term_find(struct term *t, const char *text, int *row, int *col)
{
	int r, c;

	for (r = 0; r < t->rows; r++) {
		c = term_find_in_row(t, r, text);
		if (c >= 0) {
			if (row)
				*row = r;
			if (col)
				*col = c;
			return 0;
		}
	}
	return -1;
}

static char *
screen_text(struct term *t, int numbered)
{
	char *all = NULL, *line;
	size_t len = 0, cap = 0, n;
	int r, cr, cc, vis;

	for (r = 0; r < t->rows; r++) {
		render_row(t, r, NULL);
		n = strlen(t->text);
		line = t->text;
		grow(&all, &cap, len + n + 16);
		if (numbered)
			len += (size_t)snprintf(all + len, 16, "%2d|", r);
		memcpy(all + len, line, n);
		len += n;
		all[len++] = '\n';
	}
	if (numbered) {
		term_cursor(t, &cr, &cc, &vis);
		grow(&all, &cap, len + 256);
		len += (size_t)snprintf(all + len, 128,
		    "size %dx%d, cursor at row %d col %d (%s)", t->rows,
		    t->cols, cr, cc, vis ? "visible" : "hidden");
		if (reap(t, 0) && WIFEXITED(t->status))
			len += (size_t)snprintf(all + len, 64,
			    "; the program exited with status %d",
			    WEXITSTATUS(t->status));
		else if (t->exited && WIFSIGNALED(t->status))
			len += (size_t)snprintf(all + len, 64,
			    "; the program was killed by signal %d",
			    WTERMSIG(t->status));
		all[len++] = '\n';
	}
	grow(&all, &cap, len + 1);
	all[len] = '\0';
	return all;
}

/* Hand out a string as t->text. */
static const char *
hand_out(struct term *t, char *s)
{
	free(t->text);
	t->text = s;
	t->textcap = strlen(s) + 1;
	return s;
}

const char *
term_screen_text(struct term *t)
{
	return hand_out(t, screen_text(t, 0));
}

const char *
term_dump(struct term *t)
{
	return hand_out(t, screen_text(t, 1));
}

void
term_cursor(struct term *t, int *row, int *col, int *visible)
{
	VTermPos pos;

	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
	if (row)
		*row = pos.row;
	if (col)
		*col = pos.col;
	if (visible)
		*visible = t->curs_vis;
}

int
term_cell(struct term *t, int row, int col, struct term_cell *c)
{
	VTermScreenCell cell;
	VTermPos pos = { row, col };
	size_t len = 0;
	int i;

	memset(c, 0, sizeof *c);
	if (row < 0 || row >= t->rows || col < 0 || col >= t->cols)
		return -1;
	if (!vterm_screen_get_cell(t->screen, pos, &cell))
		return -1;
	for (i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] &&
		    cell.chars[i] != (uint32_t)-1;
	     i++)
		len += (size_t)utf8_put(c->text + len, cell.chars[i]);
	c->text[len] = '\0';
	c->width = cell.width;
	c->bold = cell.attrs.bold;
	c->underline = cell.attrs.underline != 0;
	c->reverse = cell.attrs.reverse;
	c->fg_default = VTERM_COLOR_IS_DEFAULT_FG(&cell.fg);
	c->bg_default = VTERM_COLOR_IS_DEFAULT_BG(&cell.bg);
	c->fg = (!c->fg_default && VTERM_COLOR_IS_INDEXED(&cell.fg))
		    ? cell.fg.indexed.idx
		    : -1;
	c->bg = (!c->bg_default && VTERM_COLOR_IS_INDEXED(&cell.bg))
		    ? cell.bg.indexed.idx
		    : -1;
	return 0;
}

void
term_size(struct term *t, int *rows, int *cols)
{
	if (rows)
		*rows = t->rows;
	if (cols)
		*cols = t->cols;
}

int
term_wait_until(
    struct term *t, int (*ok)(struct term *, void *), void *arg, int timeout_ms)
{
	long long deadline = term_now_ms() + term_ms(timeout_ms), now;

	for (;;) {
		term_pump(t);
		if (ok(t, arg)) {
			/* The frame may still be arriving: let it finish. */
			settle_abs(t, term_ms(TERM_QUIET_MS),
			    term_now_ms() + term_ms(TERM_FRAME_MS));
			if (ok(t, arg))
				return 0;
		}
		now = term_now_ms();
		if (now >= deadline)
			return -1;
		if (t->exited) {
			/* Nothing more will come but what is in flight. */
			settle_abs(t, term_ms(TERM_QUIET_MS), deadline);
			return ok(t, arg) ? 0 : -1;
		}
		wait_io(t, deadline - now);
	}
}

/* The state letter of the child in /proc (R, S, D, Z...), or 0. */
static char
child_state(struct term *t)
{
	char path[64], buf[512], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)t->pid);
	f = fopen(path, "re");
	if (f == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the name may hold anything */
	return p != NULL && p[1] == ' ' ? p[2] : 0;
}

static int
idle_ok(struct term *t, void *arg)
{
	int pending = -1;

	(void)arg;
	if (ioctl(t->slave, TIOCINQ, &pending) < 0 || pending != 0)
		return 0;
	return child_state(t) == 'S';
}

int
term_wait_idle(struct term *t, int timeout_ms)
{
	if (t->exited)
		return -1;
	return term_wait_until(t, idle_ok, NULL, timeout_ms);
}

struct text_wait {
	const char *text;
	int want; /* 1: until there, 0: until gone */
	int row, col;
};

static int
text_ok(struct term *t, void *arg)
{
	struct text_wait *tw = arg;

	return (term_find(t, tw->text, &tw->row, &tw->col) == 0) == tw->want;
}

int
term_wait_text(
    struct term *t, const char *text, int timeout_ms, int *row, int *col)
{
	struct text_wait tw = { text, 1, -1, -1 };

	if (term_wait_until(t, text_ok, &tw, timeout_ms) < 0)
		return -1;
	if (row)
		*row = tw.row;
	if (col)
		*col = tw.col;
	return 0;
}

int
term_wait_gone(struct term *t, const char *text, int timeout_ms)
{
	struct text_wait tw = { text, 0, -1, -1 };

	return term_wait_until(t, text_ok, &tw, timeout_ms);
}

int
term_send_bytes(struct term *t, const void *buf, size_t len)
{
	term_pump(t);
	return write_all(t, buf, len);
}

int
term_send_key(struct term *t, enum term_key key)
{
	const char *s;

	if ((size_t)key >= NKEYS)
		return -1;
	term_pump(t);
	if (!t->terminfo_keys) {
		/* libvterm knows the modes the program set (DECCKM, ...). */
		vterm_keyboard_key(t->vt, key_vterm[key], VTERM_MOD_NONE);
		return flush_reply(t);
	}
	switch (key) {
	case TERM_KEY_ENTER:
		s = "\r";
		break;
	case TERM_KEY_ESC:
		s = "\033";
		break;
	case TERM_KEY_TAB:
		s = "\t";
		break;
	default:
		s = t->keys[key];
		break;
	}
	if (s == NULL)
		return -1;
	return write_all(t, s, strlen(s));
}

int
term_send_char(struct term *t, uint32_t c, int mods)
{
	char buf[8];
	size_t len = 0;
	VTermModifier vm = VTERM_MOD_NONE;

	term_pump(t);
	if (!t->terminfo_keys) {
		if (mods & TERM_MOD_CTRL)
			vm |= VTERM_MOD_CTRL;
		if (mods & TERM_MOD_ALT)
			vm |= VTERM_MOD_ALT;
		vterm_keyboard_unichar(t->vt, c, vm);
		return flush_reply(t);
	}
	if (mods & TERM_MOD_ALT)
		buf[len++] = '\033';
	if ((mods & TERM_MOD_CTRL) && c < 0x80)
		buf[len++] = (char)(c & 0x1f);
	else
		len += (size_t)utf8_put(buf + len, c);
	return write_all(t, buf, len);
}

int
term_click(struct term *t, int row, int col)
{
	term_pump(t);
	if (t->mouse == VTERM_PROP_MOUSE_NONE)
		return -1;
	vterm_mouse_move(t->vt, row, col, VTERM_MOD_NONE);
	vterm_mouse_button(t->vt, 1, 1, VTERM_MOD_NONE);
	if (flush_reply(t) < 0)
		return -1;
	/* A hand takes a while to let go: the release comes apart. */
	term_wait_idle(t, 1000);
	vterm_mouse_button(t->vt, 1, 0, VTERM_MOD_NONE);
	return flush_reply(t);
}

int
term_wheel(struct term *t, int row, int col, int down)
{
	term_pump(t);
	if (t->mouse == VTERM_PROP_MOUSE_NONE)
		return -1;
	vterm_mouse_move(t->vt, row, col, VTERM_MOD_NONE);
	/* libvterm: buttons 4 and 5 are the wheel, reported on press only */
	vterm_mouse_button(t->vt, down ? 5 : 4, 1, VTERM_MOD_NONE);
	return flush_reply(t);
}

int
term_resize(struct term *t, int rows, int cols)
{
	struct winsize ws;

	term_pump(t);
	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	vterm_set_size(t->vt, rows, cols);
	t->rows = rows;
	t->cols = cols;
	return ioctl(t->master, TIOCSWINSZ, &ws);
}

int
term_kill(struct term *t, int sig)
{
	if (t->exited) {
		errno = ESRCH;
		return -1;
	}
	return kill(t->pid, sig);
}

int
term_wait_exit(struct term *t, int timeout_ms, int *status)
{
	long long start = term_now_ms(), deadline = start + term_ms(timeout_ms);
	long long took, now;

	if (t->exited) {
		if (status)
			*status = t->status;
		return 0;
	}
	for (;;) {
		term_pump(t);
		if (reap(t, 0))
			break;
		now = term_now_ms();
		if (now >= deadline)
			return -1;
		wait_io(t, deadline - now);
	}
	took = term_now_ms() - start;
	/* What the child wrote last may still be on its way through the pty. */
	settle_abs(
	    t, term_ms(TERM_QUIET_MS), term_now_ms() + term_ms(TERM_FRAME_MS));
	if (status)
		*status = t->status;
	return (int)took;
}

int
term_rusage(struct term *t, struct rusage *ru)
{
	if (!reap(t, 0))
		return -1;
	*ru = t->usage;
	return 0;
}

int
term_exited(struct term *t)
{
	return reap(t, 0);
}

/* Keep a line in the history (a copy). */
static void
hist_push(struct term *t, const char *line)
{
	if (t->nhist == t->histcap) {
		t->histcap = t->histcap ? 2 * t->histcap : 64;
		t->hist = xreallocarray(t->hist, t->histcap, sizeof *t->hist);
	}
	t->hist[t->nhist++] = xstrdup(line);
}

void
term_no_altscreen(struct term *t)
{
	t->no_alt = 1;
}

const char *
term_history_text(struct term *t)
{
	size_t need = 1;
	char *p;

	for (size_t i = 0; i < t->nhist; i++)
		need += strlen(t->hist[i]) + 1;
	grow(&t->histtext, &t->histtextcap, need);
	p = t->histtext;
	for (size_t i = 0; i < t->nhist; i++) {
		size_t n = strlen(t->hist[i]);

		memcpy(p, t->hist[i], n);
		p += n;
		*p++ = '\n';
	}
	*p = '\0';
	return t->histtext;
}

int
term_kept_has(struct term *t, const char *text)
{
	for (size_t i = 0; i < t->nhist; i++)
		if (strstr(t->hist[i], text) != NULL)
			return 1;
	return term_find(t, text, NULL, NULL) == 0;
}

const unsigned char *
term_output(struct term *t, size_t *len)
{
	*len = t->outlen;
	return t->out;
}

int
term_output_has(struct term *t, const void *bytes, size_t len)
{
	return t->outlen >= len && memmem(t->out, t->outlen, bytes, len);
}

int
term_output_has_since(
    struct term *t, size_t from, const void *bytes, size_t len)
{
	if (from > t->outlen)
		return 0;
	return t->outlen - from >= len &&
	       memmem(t->out + from, t->outlen - from, bytes, len) != NULL;
}

int
term_bells(struct term *t)
{
	return t->bells;
}

static size_t why_add(char *why, size_t whylen, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static size_t
why_add(char *why, size_t whylen, size_t at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (why == NULL || at >= whylen)
		return at;
	va_start(ap, fmt);
	n = vsnprintf(why + at, whylen - at, fmt, ap);
	va_end(ap);
	return n > 0 ? at + (size_t)n : at;
}

int
term_termios_restored(struct term *t, char *why, size_t whylen)
{
	struct termios now;
	const struct termios *b = &t->before;
	size_t at = 0;
	int same = 1, i;

	if (why && whylen)
		why[0] = '\0';
	if (tcgetattr(t->slave, &now) < 0) {
		why_add(why, whylen, 0, "tcgetattr: %s", strerror(errno));
		return 0;
	}
#define FLAG(f)                                                                \
	if (b->f != now.f) {                                                   \
		same = 0;                                                      \
		at = why_add(why, whylen, at, #f " %#lo before, %#lo after; ", \
		    (unsigned long)b->f, (unsigned long)now.f);                \
	}
	FLAG(c_iflag)
	FLAG(c_oflag)
	FLAG(c_cflag)
	FLAG(c_lflag)
#undef FLAG
	for (i = 0; i < NCCS; i++) {
		if (b->c_cc[i] != now.c_cc[i]) {
			same = 0;
			at = why_add(why, whylen, at,
			    "c_cc[%d] %d before, %d after; ", i, b->c_cc[i],
			    now.c_cc[i]);
		}
	}
	if (cfgetispeed(b) != cfgetispeed(&now) ||
	    cfgetospeed(b) != cfgetospeed(&now)) {
		same = 0;
		why_add(why, whylen, at, "speed changed; ");
	}
	return same;
}

pid_t
term_pid(struct term *t)
{
	return t->pid;
}

/* How keys are sent for this TERM: libvterm for xterm-like types (and for
 * types terminfo does not know), else that type's terminfo strings. */
static void
setup_keys(struct term *t, const char *name)
{
	char *probe;
	size_t k;

	if (name == NULL || strncmp(name, "xterm", 5) == 0)
		return;
	probe = term_terminfo(name, "clear");
	if (probe == NULL)
		return;
	free(probe);
	t->terminfo_keys = 1;
	for (k = 0; k < NKEYS; k++)
		if (key_caps[k] != NULL)
			t->keys[k] = term_terminfo(name, key_caps[k]);
}

/* The child's side of the fork: only async-signal-safe calls. */
static void
child(int slave, int errfd, char *const argv[], char *const envp[])
{
	sigset_t none;
	int sig;

	if (setsid() < 0 || ioctl(slave, TIOCSCTTY, 0) < 0)
		_exit(126);
	if (dup2(slave, 0) < 0 || dup2(slave, 1) < 0 ||
	    dup2(errfd >= 0 ? errfd : slave, 2) < 0)
		_exit(126);
	close_range(3, ~0U, 0);
	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execve(argv[0], argv, envp);
	_exit(127);
}

/*
 * The terminal being started, reachable from a global: in the child,
 * after a failed exec, valgrind's leak check (make valgrind) runs at
 * _exit, and a terminal that only a dead local pointed to would be
 * reported lost, its --error-exitcode turning status 127 into 1
 * (volatile: a store that nothing reads would be left out).
 */
static struct term *volatile starting;

/* A terminal of rows x cols for termname (NULL: xterm), with no
 * connection yet. */
static struct term *
term_new(int rows, int cols, const char *termname)
{
	struct term *t;

	t = xcalloc(1, sizeof *t);
	t->master = t->slave = t->errfd = -1;
	t->rows = rows;
	t->cols = cols;
	t->curs_vis = 1;

	setup_keys(t, termname);

	t->vt = vterm_new(rows, cols);
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, on_output, t);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_set_callbacks(t->screen, &screen_cbs, t);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_reset(t->screen, 1);
	return t;
}

struct term *
term_attach(int fd, int rows, int cols, const char *termname)
{
	struct term *t = term_new(rows, cols, termname);

	t->master = fd;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return t;
}

void
term_forget(struct term *t)
{
	term_pump(t);
	vterm_screen_reset(t->screen, 1);
	t->curs_vis = 1;
	t->declen = 0;
}

static struct term *
start(int rows, int cols, const char *const env[], const char *const argv[],
    int with_err)
{
	struct term *t;
	int errp[2] = { -1, -1 };
	struct winsize ws;
	const char *termname = NULL;
	char **envp;
	size_t n = 0, i, j = 0;
	int has_path = 0, fl;

	while (env && env[n])
		n++;
	envp = xcalloc(n + 2, sizeof *envp);
	for (i = 0; i < n; i++) {
		if (strncmp(env[i], "PATH=", 5) == 0)
			has_path = 1;
		if (strncmp(env[i], "TERM=", 5) == 0)
			termname = env[i] + 5;
		envp[j++] = (char *)env[i];
	}
	if (!has_path)
		envp[j++] = (char *)"PATH=/usr/bin:/bin";
	envp[j] = NULL;

	t = term_new(rows, cols, termname);

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	if (openpty(&t->master, &t->slave, NULL, NULL, &ws) < 0)
		goto fail;
	fcntl(t->master, F_SETFD, FD_CLOEXEC);
	fcntl(t->slave, F_SETFD, FD_CLOEXEC);
	fl = fcntl(t->master, F_GETFL);
	fcntl(t->master, F_SETFL, fl | O_NONBLOCK);
	if (tcgetattr(t->slave, &t->before) < 0)
		goto fail;
	if (with_err) {
		if (pipe2(errp, O_CLOEXEC) < 0)
			goto fail;
		t->errfd = errp[0];
		fcntl(t->errfd, F_SETFL, fcntl(t->errfd, F_GETFL) | O_NONBLOCK);
	}

	fflush(NULL);
	starting = t;
	t->pid = fork();
	if (t->pid < 0)
		goto fail;
	if (t->pid == 0)
		child(t->slave, errp[1], (char *const *)argv, envp);
	if (errp[1] >= 0)
		close(errp[1]);
	free(envp);
	return t;

fail:
	if (errp[1] >= 0)
		close(errp[1]);
	free(envp);
	t->pid = 0;
	t->exited = 1;
	term_free(t);
	return NULL;
}

struct term *
term_start(
    int rows, int cols, const char *const env[], const char *const argv[])
{
	return start(rows, cols, env, argv, 0);
}

struct term *
term_start_err(
    int rows, int cols, const char *const env[], const char *const argv[])
{
	return start(rows, cols, env, argv, 1);
}

void
term_free(struct term *t)
{
	size_t k;

	if (t == NULL)
		return;
	/* Kill only our own child: if someone reaped it behind our back
	 * (ECHILD), its pid may belong to another process by now. */
	errno = 0;
	if (!t->exited && t->pid > 0 && !reap(t, 0) && errno != ECHILD) {
		kill(t->pid, SIGKILL);
		reap(t, 1);
	}
	if (t->master >= 0)
		close(t->master);
	if (t->slave >= 0)
		close(t->slave);
	if (t->errfd >= 0)
		close(t->errfd);
	free(t->err);
	if (t->vt)
		vterm_free(t->vt);
	for (k = 0; k < NKEYS; k++)
		free(t->keys[k]);
	free(t->out);
	free(t->reply);
	for (k = 0; k < t->nhist; k++)
		free(t->hist[k]);
	free(t->hist);
	free(t->histtext);
	free(t->text);
	free(t);
}
