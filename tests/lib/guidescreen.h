/*
 * guidescreen.h: what the guide looks like on a terminal, for the tests
 * that drive the full-screen mode through term.h.
 *
 * The guide's window has its title on the first row (and "Step n of 5"
 * on the second), items after a blank two-column gutter, the highlighted
 * one in reverse video with the terminal cursor on it (no "> ": a move
 * changes no line's text), the key hint and the crisis line at the
 * bottom.  These helpers wait for and check those, with strings from the
 * content, and fail the running Check test with the screen in the
 * message.  Waits use GS_WAIT_MS, scaled by TEST_TIMEOUT_FACTOR like
 * every term.h wait.
 *
 * The program under test is $SAFESTEPS_BIN with the content in
 * $SAFESTEPS_CONTENT_DIR; a test program's main is gs_main, which loads
 * the English and French guides before its suite is made.
 */
#ifndef SAFESTEPS_TEST_GUIDESCREEN_H
#define SAFESTEPS_TEST_GUIDESCREEN_H

#include <check.h>
#include <stdarg.h>

#include "guide.h"
#include "term.h"

/* How long a screen may take to appear after a key (ms, scaled). */
#define GS_WAIT_MS 3000
/* How long leaving may take after Esc, q or Ctrl-C (ms, scaled). */
#define GS_LEAVE_MS 100

/* The environment of a terminal test: xterm-256color, UTF-8. */
extern const char *const gs_env_xterm[];

/* $SAFESTEPS_BIN and $SAFESTEPS_CONTENT_DIR (NULL when not set). */
const char *gs_bin(void);
const char *gs_content_dir(void);

/* Run every test of s (Check's normal output) and free it.  Returns main's
 * exit status: 0 when every test passed, else 1.  Any test program may
 * end with it. */
int gs_run(Suite *s);

/*
 * Run a test program: check that $SAFESTEPS_BIN and $SAFESTEPS_CONTENT_DIR
 * are set, load en.json into *en (it must load) and fr.json into *fr
 * (NULL if it does not), run the suite that make returns, free both.
 * name prefixes the messages.  Returns main's exit status: 0 when every
 * test passed, else 1.
 */
int gs_main(const char *name, Suite *(*make)(void), struct guide **en,
    struct guide **fr);

/*
 * Start "$SAFESTEPS_BIN --content dir" with the options in ap (up to a
 * NULL) at rows x cols with exactly env; its stderr on a pipe
 * (term_start_err) if err, else on the terminal.  Waits for nothing;
 * fails the test if it cannot start.  Free with term_free.
 */
struct term *gs_startv(const char *dir, int rows, int cols,
    const char *const *env, int err, va_list ap);

/* gs_startv with the content under test, stderr on the terminal, the
 * options after env (NULL-terminated). */
struct term *gs_start(int rows, int cols, const char *const *env, ...);

/* g's UI string which. */
const char *gs_ui(const struct guide *g, enum guide_ui which);

/* Load dir/lang.json; NULL (and its first problem on stderr) if it is
 * missing or invalid.  Caller frees with guide_free. */
struct guide *gs_load(const char *dir, const char *lang);

/* Screen id of g; fails the test if there is none. */
const struct guide_screen *gs_screen(const struct guide *g, const char *id);

/* The n-th paragraph (from 0) of sc's body that the full screen shows
 * (a text block whose "on" has GUIDE_ON_SCREEN), or NULL. */
const char *gs_para(const struct guide_screen *sc, size_t n);

/* The longest run of whole words at the start of text that fits in cols
 * columns (the first word cut if it alone is wider).  Caller frees. */
char *gs_words(const char *text, int cols);

/* Display columns of s. */
int gs_width(const char *s);

/* "Step n of 5", from the content's template.  Caller frees. */
char *gs_step_of(const struct guide *g, int n);

/* Wait until screen id of g is shown: its title on the first row (and its
 * step on the second); fail the test if it is not. */
void gs_wait_screen(struct term *t, const struct guide *g, const char *id);

/* The row of the item whose text starts with label (a row below the title
 * with the items' blank two-column gutter), *col where the label starts;
 * or -1. */
int gs_item_row(struct term *t, const char *label, int *col);

/* The width of the items' gutter: an item's text starts in this column. */
#define GS_GUTTER 2

/* Whether row r is marked as the highlighted item: reverse video at col. */
int gs_marked(struct term *t, int r, int col);

/* How many items are shown highlighted: rows whose gutter and first text
 * are in reverse video (a wrapped item counts once). */
int gs_nmarked(struct term *t);

/* The first row of the highlighted item, or -1 when none is in view. */
int gs_marked_row(struct term *t);

/* Wait until the item labelled label is the highlighted one: in reverse
 * video, the only one, the cursor shown, on its row at or before its
 * text. */
void gs_expect_highlight(struct term *t, const char *label);

/* The crisis line, the full one where it fits, else the short one, whole
 * on one of the last three rows.  Returns its row. */
int gs_expect_crisis(struct term *t, const struct guide *g);

/* No bell (BEL as a control, or a BEL byte at all) and no flash. */
void gs_expect_quiet(struct term *t);

/* Send a key, or a plain character; fail if this terminal lacks it. */
void gs_key(struct term *t, enum term_key k);
void gs_ch(struct term *t, char c);

/* Choose the choice numbered by digit as a reader does: the digit (which
 * only moves the highlight), then Enter once it was read. */
void gs_pick(struct term *t, char digit);

/* Send a key and wait until the program has read it and is idle. */
void gs_key_settle(struct term *t, enum term_key k);

/* The same with a plain character. */
void gs_ch_settle(struct term *t, char c);

/* When the highlighted item is below the fold (a screen opens at its
 * top), press Down once to bring it into view (it does not move). */
void gs_reveal(struct term *t);

/*
 * The digits that lead from the start screen of g to screen target, each
 * picking a choice by its number (a languages screen lists nlangs
 * languages before its choices), found breadth first; NULL if there is no
 * way by digits.  Caller frees.
 */
char *gs_digit_path(const struct guide *g, size_t target, size_t nlangs);

/* From the start screen to step n (1 to 5) of g, by Enter and Down. */
void gs_walk_to_step(struct term *t, const struct guide *g, int n);

/*
 * The program must have left as Esc leaves: exit status 0 within
 * GS_LEAVE_MS, E3 sent where term_name's terminfo has it, termios as
 * before, the cursor shown, the guide (g's leave hint) gone, no bell.
 */
void gs_expect_left(struct term *t, const struct guide *g,
    const char *term_name, const char *how);

/* Whether row r shows to-do text after "[x] " (1) or "[ ] " (0); -1 if
 * neither. */
int gs_todo_mark(struct term *t, int r, const char *text);

/* Whether the to-do item text is shown ticked (1) or unticked (0); -1
 * if it is not on the screen. */
int gs_todo_state(struct term *t, const char *text);

/* Wait until the to-do item text is shown ticked. */
void gs_wait_ticked(struct term *t, const char *text);
/* Wait until the to-do item text is shown unticked. */
void gs_wait_unticked(struct term *t, const char *text);

/* From the start screen to step n of g, then Up from the step's first
 * choice to its last to-do item.  Returns that item's text (owned by g). */
const char *gs_walk_to_last_todo(struct term *t, const struct guide *g, int n);

/*
 * On the start screen of g: its last choice (the languages screen) by its
 * digit, g's language highlighted there, Down to to's (the next one) and
 * Enter; wait until to's crisis line is shown.
 */
void gs_choose_language(
    struct term *t, const struct guide *g, const struct guide *to);

/*
 * The choice numbers (1 to 9) that lead from g's start screen to screen
 * target, fewest first, never through a languages screen (whose digits
 * pick languages): keys[0..n-1].  Returns n (at most max), or -1 when no
 * way leads there.
 */
int gs_path(const struct guide *g, size_t target, int keys[], int max);

/* Choice n (1 to 9) of the screen shown, which leads to screen to of g,
 * by gs_pick; wait until to is shown. */
void gs_choose(struct term *t, const struct guide *g, int n, size_t to);

/* From the start screen of g to screen to, by gs_path and gs_choose.
 * Returns how many choices it took. */
int gs_go(struct term *t, const struct guide *g, size_t to);

/* Press b n times (Back; the first one hides a QR code if one is shown),
 * each once the program is idle, and wait for the start screen of g. */
void gs_back_to_start(struct term *t, const struct guide *g, int n);

#endif
