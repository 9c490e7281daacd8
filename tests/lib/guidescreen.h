/*
 * guidescreen.h: what the guide looks like on a terminal, for the tests
 * that drive the full-screen mode through term.h.
 *
 * The guide's window has its title on the first row (and "Step n of 5"
 * on the second), items with a two-column gutter whose "> " marks the
 * highlighted one, the key hint and the crisis line at the bottom.  These
 * helpers wait for and check those, with strings from the content, and
 * fail the running Check test with the screen in the message.  Waits use
 * GS_WAIT_MS, scaled by TEST_TIMEOUT_FACTOR like every term.h wait.
 */
#ifndef SAFESTEPS_TEST_GUIDESCREEN_H
#define SAFESTEPS_TEST_GUIDESCREEN_H

#include "guide.h"
#include "term.h"

/* How long a screen may take to appear after a key (ms, scaled). */
#define GS_WAIT_MS 3000
/* How long leaving may take after Esc, q or Ctrl-C (ms, scaled). */
#define GS_LEAVE_MS 100

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
 * with a "> " or "  " gutter), *col where the label starts; or -1. */
int gs_item_row(struct term *t, const char *label, int *col);

/* Whether row r is marked as the highlighted item: "> ", or reverse video
 * at col. */
int gs_marked(struct term *t, int r, int col);

/* How many rows carry the "> " marker. */
int gs_nmarked(struct term *t);

/* Wait until the item labelled label is the highlighted one: marked, the
 * only one marked, the cursor on its row at or before its text. */
void gs_expect_highlight(struct term *t, const char *label);

/* The crisis line, the full one where it fits, else the short one, whole
 * on one of the last three rows.  Returns its row. */
int gs_expect_crisis(struct term *t, const struct guide *g);

/* No bell (BEL as a control, or a BEL byte at all) and no flash. */
void gs_expect_quiet(struct term *t);

/* Send a key, or a plain character; fail if this terminal lacks it. */
void gs_key(struct term *t, enum term_key k);
void gs_ch(struct term *t, char c);

/* When the highlighted item is below the fold (a screen opens at its
 * top), press Down once to bring it into view (it does not move). */
void gs_reveal(struct term *t);

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

/* Wait until the to-do item text is shown ticked. */
void gs_wait_ticked(struct term *t, const char *text);

#endif
