/*
 * term.h: a terminal for tests.  Runs a program on a pseudo-terminal of a
 * given size, renders everything it writes with libvterm, and lets a test
 * type keys, resize the window, send signals and look at the screen.
 *
 * The child starts with only the environment the test gives (plus PATH),
 * on a new session whose controlling terminal is the pty slave, with no
 * other file descriptor open.  The parent keeps the slave open too, so the
 * slave's termios can be read after the child has exited and compared with
 * those from before it started.
 *
 * Keys are sent as the terminal type in the child's TERM sends them: for
 * xterm-like types (TERM starting with "xterm", or unset, or unknown to
 * terminfo) through libvterm's keyboard, which follows the modes the
 * program set (application cursor keys, mouse reporting); for every other
 * type (linux, vt100, screen, tmux...) the terminfo strings of that type
 * (kcuu1, knp, kf1, ...), so a key the type lacks cannot be sent.
 *
 * The screen is libvterm's, with two corrections towards xterm: a DEC
 * private mode sequence with several modes is applied mode by mode, and
 * the cursor's visibility follows DECTCEM alone (see term.c).
 *
 * Every wait has a deadline; every time limit given to these functions is
 * multiplied by the environment variable TEST_TIMEOUT_FACTOR (default 1),
 * so that the same tests run under valgrind.  No wait here sleeps blind:
 * waits poll the pty and the child (term_sleep_ms is for the loops of a
 * test that watches something else).
 *
 * Call order: t = term_start(...); term_wait_text(t, ...); term_send_key;
 * ...; term_wait_exit(t, ...); term_free(t).
 *
 * Include this as "term.h": <term.h> is the name of a curses header.
 */
#ifndef SAFESTEPS_TEST_TERM_H
#define SAFESTEPS_TEST_TERM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

struct term;

/* Keys that are not plain characters. */
enum term_key {
	TERM_KEY_ENTER,
	TERM_KEY_ESC,
	TERM_KEY_TAB,
	TERM_KEY_BACKSPACE,
	TERM_KEY_UP,
	TERM_KEY_DOWN,
	TERM_KEY_LEFT,
	TERM_KEY_RIGHT,
	TERM_KEY_HOME,
	TERM_KEY_END,
	TERM_KEY_PGUP,
	TERM_KEY_PGDN,
	TERM_KEY_F1
};

/* Modifiers for term_send_char. */
#define TERM_MOD_CTRL 0x1
#define TERM_MOD_ALT 0x2

/* What one cell of the screen holds. */
struct term_cell {
	char text[32]; /* the character(s), UTF-8; "" for an empty cell */
	int width;     /* 1, or 2 for a wide character */
	int bold;
	int underline;
	int reverse;
	int fg_default; /* 1: the terminal's default foreground */
	int bg_default; /* 1: the terminal's default background */
	int fg, bg; /* palette index when not default and indexed, else -1 */
};

/* TEST_TIMEOUT_FACTOR from the environment (default 1; at least 1). */
double term_factor(void);

/* ms scaled by term_factor(), rounded up. */
int term_ms(int ms);

/* Seconds for tcase_set_timeout: s scaled by term_factor(). */
double term_seconds(double s);

/* Milliseconds on the monotonic clock (unscaled). */
long long term_now_ms(void);

/* Sleep ms milliseconds (unscaled), a signal notwithstanding: the pace of
 * a test's own loop, between two looks at something that is not output
 * (a tmux pane, a speech log), or a delay a seed chose. */
void term_sleep_ms(int ms);

/*
 * Start argv[0] (a path; argv NULL-terminated) on a new pty of rows x cols.
 * env is a NULL-terminated list of "NAME=value" that is the child's whole
 * environment, with PATH=/usr/bin:/bin added unless env sets PATH; its
 * TERM decides how keys are sent.  Returns NULL (with errno) if the pty or
 * the fork failed; a failed exec shows as exit status 127.  Free with
 * term_free.
 */
struct term *term_start(
    int rows, int cols, const char *const env[], const char *const argv[]);

/*
 * The same, with the child's stderr on a pipe instead of the pty, as
 * under systemd (StandardError=journal); read it with term_stderr.
 */
struct term *term_start_err(
    int rows, int cols, const char *const env[], const char *const argv[]);

/*
 * A terminal on a connection that is already open: fd is a socket or a
 * serial line to a program that runs elsewhere (a virtual machine's
 * serial port), termname the terminal type that program was given (it
 * decides how keys are sent, as for term_start).  There is no child:
 * term_wait_idle, term_kill, term_wait_exit, term_pid and the termios
 * functions do not apply, and term_resize tells only the screen.  t owns
 * fd.  Free with term_free.
 */
struct term *term_attach(int fd, int rows, int cols, const char *termname);

/*
 * Read what has come, then blank the screen as a terminal's reset does:
 * what the program draws next is all that is shown.  For a program that
 * is restarted on the same line.
 */
void term_forget(struct term *t);

/* What the child wrote to stderr so far (term_start_err only; else "").
 * Owned by t. */
const char *term_stderr(struct term *t);

/* Kill the child if it still runs (SIGKILL), reap it, free everything.
 * NULL is fine. */
void term_free(struct term *t);

/* Read what the program wrote so far, without waiting.  Returns 0, or -1
 * if the pty failed. */
int term_pump(struct term *t);

/*
 * Read until the program has written nothing for quiet_ms (scaled), or
 * until limit_ms (scaled) have passed.  Returns 0 when quiet, -1 at the
 * limit.
 */
int term_settle(struct term *t, int quiet_ms, int limit_ms);

/*
 * Wait until text (UTF-8) appears on one row of the screen, reading what
 * the program writes, for at most timeout_ms (scaled); then read until the
 * program has been quiet for a moment, so that the frame is complete.
 * Returns 0 and sets *row, *col (0-based; either may be NULL) to where it
 * starts, or -1 at the deadline.
 */
int term_wait_text(
    struct term *t, const char *text, int timeout_ms, int *row, int *col);

/*
 * Wait until ok(t, arg) returns nonzero, reading what the program writes,
 * for at most timeout_ms (scaled); then until the frame is complete (ok
 * must still hold).  Returns 0, or -1 at the deadline.
 */
int term_wait_until(struct term *t, int (*ok)(struct term *t, void *arg),
    void *arg, int timeout_ms);

/*
 * Wait until the program has read every byte sent to it and sleeps (state
 * S in /proc: waiting for more input, with nothing left to do), for at
 * most timeout_ms (scaled); then until its output is quiet.  Use it before
 * a key that must arrive apart from the one before, as a person's would.
 * Returns 0, or -1 at the deadline.
 */
int term_wait_idle(struct term *t, int timeout_ms);

/* The same as term_wait_text, waiting until text is on no row. */
int term_wait_gone(struct term *t, const char *text, int timeout_ms);

/* Where text is on the screen now (first row from the top), without
 * reading.  Returns 0 and sets *row, *col, or -1 if it is not there. */
int term_find(struct term *t, const char *text, int *row, int *col);

/* The same, looking only at one row; returns the column or -1. */
int term_find_in_row(struct term *t, int row, const char *text);

/*
 * One row as UTF-8, trailing blanks removed, a wide character once.
 * Returns a string owned by t, valid until the next call on t.
 */
const char *term_row_text(struct term *t, int row);

/* The whole screen: every row as term_row_text, each ending in '\n'.
 * Owned by t, valid until the next call on t. */
const char *term_screen_text(struct term *t);

/* The screen framed for a failure message: row numbers, and the cursor's
 * place.  Owned by t, valid until the next call on t. */
const char *term_dump(struct term *t);

/* Where the cursor is (0-based) and whether the program shows it (as
 * xterm keeps that: by DECTCEM alone, not saved with the cursor). */
void term_cursor(struct term *t, int *row, int *col, int *visible);

/* The cell at row, col.  Returns 0, or -1 outside the screen. */
int term_cell(struct term *t, int row, int col, struct term_cell *cell);

/* The current size. */
void term_size(struct term *t, int *rows, int *cols);

/* Send bytes to the program as one write.  Returns 0 or -1. */
int term_send_bytes(struct term *t, const void *buf, size_t len);

/* Send a key as the terminal type sends it.  Returns 0, or -1 if this
 * terminal type has no such key (vt100 has no PgDn) or the write failed. */
int term_send_key(struct term *t, enum term_key key);

/* Send a character (a Unicode code point) with TERM_MOD_* modifiers:
 * Ctrl-C is ('c', TERM_MOD_CTRL), Alt+x is ('x', TERM_MOD_ALT), as one
 * write.  Returns 0 or -1. */
int term_send_char(struct term *t, uint32_t c, int mods);

/*
 * Click the left button at row, col (0-based): press and release, as the
 * terminal reports them in the mouse mode the program set, the release
 * once the program has read the press (term_wait_idle).  Returns 0, or -1
 * if the program asked for no mouse reports (nothing is sent).
 */
int term_click(struct term *t, int row, int col);

/* Turn the mouse wheel once at row, col: down if down, else up.  Returns
 * 0, or -1 if the program asked for no mouse reports. */
int term_wheel(struct term *t, int row, int col, int down);

/* Resize the window: the screen, then the pty (the child gets SIGWINCH).
 * Returns 0 or -1. */
int term_resize(struct term *t, int rows, int cols);

/* Send a signal to the child.  Returns 0 or -1. */
int term_kill(struct term *t, int sig);

/*
 * Wait at most timeout_ms (scaled) for the child to end, reading its
 * output meanwhile and after.  Returns the milliseconds it took (unscaled
 * wall time), with the wait(2) status in *status, or -1 at the deadline
 * (the child still runs).  Once the child has ended, returns 0 and the
 * same status again.
 */
int term_wait_exit(struct term *t, int timeout_ms, int *status);

/* The child's resource usage (ru_maxrss: its peak memory), once it has
 * ended and term_wait_exit or term_exited reaped it.  Returns 0, or -1
 * while it runs. */
int term_rusage(struct term *t, struct rusage *ru);

/* 1 once the child has been reaped. */
int term_exited(struct term *t);

/*
 * What the terminal keeps besides the screen, as tmux and VTE keep it:
 * the lines pushed off the top of the normal screen, and the rows of the
 * normal screen each time it is cleared (CSI 2 J, or CSI J from the top
 * left); CSI 3 J empties it.  The alternate screen keeps nothing.  One
 * line each, '\n' after each.  Owned by t, valid until the next call.
 */
const char *term_history_text(struct term *t);
/* 1 if the screen or the kept history holds text anywhere, else 0. */
int term_kept_has(struct term *t, const char *text);
/* The alternate screen is off for this terminal (as in tmux with
 * alternate-screen off): its modes are ignored.  Call before reading any
 * output (right after term_start). */
void term_no_altscreen(struct term *t);

/* Every byte the program wrote so far, in order (*len set). Owned by t. */
const unsigned char *term_output(struct term *t, size_t *len);

/* 1 if the program wrote these bytes in a row at some point, else 0. */
int term_output_has(struct term *t, const void *bytes, size_t len);

/* The same, looking only at what was written from byte from on (a length
 * term_output gave before). */
int term_output_has_since(
    struct term *t, size_t from, const void *bytes, size_t len);

/* How many bells (BEL, as a control, not ending a string) the screen saw. */
int term_bells(struct term *t);

/*
 * Whether the slave's termios now equal those from before the child
 * started (c_iflag, c_oflag, c_cflag, c_lflag, c_cc, speeds).  Returns 1
 * if so; else 0 and a description of the first differences in why (may be
 * NULL).
 */
int term_termios_restored(struct term *t, char *why, size_t whylen);

/*
 * The string capability cap (terminfo name: "E3", "kf1") of the terminal
 * type name, or NULL if the type is unknown or lacks it.  Caller frees.
 */
char *term_terminfo(const char *name, const char *cap);

/* The child's pid. */
pid_t term_pid(struct term *t);

#endif
