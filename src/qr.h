/*
 * qr.h: QR codes of resource addresses, as module matrices and as text.
 *
 * A student at a shared computer is safer reading and calling from their
 * own phone, so screens with a web address offer its QR code.  This module
 * is pure: no curses, no I/O.  It turns an address into a module matrix
 * (libqrencode, error correction level M, the smallest version that fits,
 * holding "https://" followed by the address exactly as given), and the
 * matrix into cells that a front end paints or lines that a handout prints.
 *
 * Two forms, chosen by the argument halves:
 *   - wide (halves 0): one module is two cells side by side, one line per
 *     module.  On a screen every cell is a space and only its background
 *     shows the module, so the code reads whatever the font, one without
 *     block glyphs included; on paper "##" or two spaces.  Any locale.
 *   - half blocks (halves 1, UTF-8 locales only): one cell holds two
 *     modules, one above the other; half as tall as the wide form.
 * A quiet zone (light modules) of QR_QUIET_MAX modules surrounds the code
 * where it fits, else QR_QUIET_MIN.  On a screen qr_choose picks the wide
 * form where it fits and half blocks only where it does not; qr_fit says
 * whether one form fits.
 *
 * Call order: struct qr q; qr_make(address, &q); qr_choose(&q, cols, rows,
 * utf8, &halves, &quiet) (a screen) or qr_fit (paper); then for each cell
 * qr_paint (a screen) or qr_lines once (paper); qr_free(&q).
 *
 * Half blocks on a real screen.  A font's block glyphs rarely match the
 * cell: they fall a pixel or two short of an edge or of the middle, or
 * stray a pixel past it.  Drawn with upper and lower half blocks, a code
 * then has thin stripes of the wrong colour across its rows and its
 * finder patterns come apart, and it does not scan (xterm and st with
 * DejaVu Sans Mono); a bitmap font may have no block glyph at all.  A
 * cell's background, though, is always filled exactly.  So qr_paint
 * draws a cell whose two modules are alike as a space, its background
 * showing both, and a mixed cell as the lower half block U+2584, inked in
 * the bottom module's colour on the top module's as background.  One
 * glyph, only where the two modules differ, and the background fills
 * whatever the glyph leaves out.  tests/test_qr_window.c reads the codes
 * off real terminal windows.
 *
 * Polarity.  On a screen, paint light foreground on a dark background:
 * with colours, explicit white on black; without colours, the terminal's
 * default (light on dark on the Linux console and most terminals); in both
 * cases reverse video where qr_paint asks for it.  Light modules are then
 * in reverse video and dark modules are plain, and the code reads the same
 * whatever the colours' theme is when colours are set.  On paper (qr_lines)
 * the glyph's ink is the dark modules and the paper the light ones.
 */
#ifndef SAFESTEPS_QR_H
#define SAFESTEPS_QR_H

#include <stddef.h>

/* The quiet zone around the code, in modules: the least, and the most. */
#define QR_QUIET_MIN 2
#define QR_QUIET_MAX 4

/* The longest address qr_make accepts, in bytes. */
#define QR_ADDRESS_MAX 1024

/* A QR code's modules. */
struct qr {
	int version;         /* 1 to 40 */
	int size;            /* modules per side: 21 + 4 * (version - 1) */
	unsigned char *dark; /* size * size, row by row: 1 dark, 0 light */
};

/* How to paint one cell of the code on a screen (see the polarity note). */
struct qr_paint {
	const char *glyph; /* one cell wide: " ", or the lower half block */
	int reverse;       /* 1: draw it in reverse video */
};

/*
 * Make the QR code of "https://" followed by address into out.  Returns 0,
 * or -1 (out zeroed) for an empty or over-long address or if libqrencode
 * fails.  The caller frees with qr_free.
 */
int qr_make(const char *address, struct qr *out);

/* Free what a code holds and zero it; NULL and a zeroed code are fine. */
void qr_free(struct qr *q);

/* Whether module (x, y) is dark; anything outside the code is light. */
int qr_module(const struct qr *q, int x, int y);

/* The width, in cells, of the code in a form with this quiet zone. */
int qr_cols(const struct qr *q, int halves, int quiet);

/* The height, in cells (lines), of the code in a form with this quiet
 * zone. */
int qr_rows(const struct qr *q, int halves, int quiet);

/*
 * Whether the code fits in cols x rows cells in a form (half blocks if
 * halves, else wide).  Returns 1 and sets *quiet (QR_QUIET_MAX if that
 * fits, else QR_QUIET_MIN), or 0 when even the least quiet zone does not
 * fit.
 */
int qr_fit(const struct qr *q, int cols, int rows, int halves, int *quiet);

/*
 * How to draw the code on a screen of cols x rows cells: the wide form
 * where it fits (it reads in any font), else half blocks if utf8.
 * Returns 1 and sets *halves and *quiet (as qr_fit), or 0 when no form
 * fits; then *halves and *quiet are left alone.
 */
int qr_choose(
    const struct qr *q, int cols, int rows, int utf8, int *halves, int *quiet);

/*
 * Whether a form this locale can draw (half blocks if utf8, else wide)
 * fits in cols columns with the least quiet zone: where qr_choose finds
 * no room, a taller window would then show the code.
 */
int qr_fits_width(const struct qr *q, int cols, int utf8);

/*
 * Which halves of cell (col, row) of the drawing are dark: the module
 * above and the one below for half blocks; in the wide form both are the
 * one module the cell shows.  Cells outside the drawing are light.
 */
void qr_cell(const struct qr *q, int halves, int quiet, int col, int row,
    int *top_dark, int *bottom_dark);

/*
 * The half-block glyph whose ink covers the given halves: " ", "\u2580"
 * (top), "\u2584" (bottom) or "\u2588" (both).  A static string.
 */
const char *qr_glyph(int top_ink, int bottom_ink);

/*
 * What to draw at cell (col, row) of the drawing, for a screen: a space,
 * or for a mixed cell of half blocks "\u2584", and whether to reverse it
 * (see "Half blocks on a real screen" and the polarity note).
 */
void qr_paint(const struct qr *q, int halves, int quiet, int col, int row,
    struct qr_paint *out);

/*
 * The whole drawing as lines of text for paper (ink is dark): half blocks
 * if halves, else "##" for a dark module and two spaces for a light one.
 * Every line is qr_cols cells wide, quiet zone included.  Returns the
 * lines (qr_rows of them, also stored in *nlines); the caller frees with
 * qr_lines_free.
 */
char **qr_lines(const struct qr *q, int halves, int quiet, size_t *nlines);

/* Free lines made by qr_lines; NULL is fine. */
void qr_lines_free(char **lines, size_t nlines);

#endif
