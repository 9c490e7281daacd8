/*
 * footer.h: the full screen's footer, fitted to the window: the crisis
 * line (on every screen, at every size) and the key hint line.
 *
 * A phone number cut in two is a wrong number: the crisis line is never
 * cut inside a word.  Where the full line does not fit, the short one is
 * used; where that does not fit either, whole parts of it are left out,
 * the ones the rows cannot hold, and of a part only the words after the
 * last one wider than the line are kept (the number comes last in a
 * part).  The key hint drops its pieces in an order that keeps "Esc leave
 * quickly" to the last.  Pure: no I/O.
 */
#ifndef SAFESTEPS_FOOTER_H
#define SAFESTEPS_FOOTER_H

#include <stddef.h>

#include "layout.h"
#include "wizard.h"

/* Between the key hint's parts. */
#define FOOTER_HINT_SEP "   "

/*
 * The crisis line for cols columns in at most max rows: the full line if
 * it fits on one line, else the short one, wrapped if it must be, with
 * whole parts only.  Only where no part fits whole (a window a few
 * columns wide) is the short line cut.  ascii folds it.  Returns the
 * number of lines (at most max); *text gets the text they index into and
 * *lines the lines.  Caller frees both.
 */
size_t footer_crisis(const struct wizard *w, int cols, int max, int ascii,
    char **text, struct layout_line **lines);

/*
 * The key hint line for w's screen, cut to cols columns; *leave_col and
 * *leave_end (may be NULL) get where the leave part sits, [col, end), or
 * -1.  ascii folds it.  Caller frees.
 */
char *footer_hint(const struct wizard *w, int cols, int ascii, int *leave_col,
    int *leave_end);

#endif
