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
 * Two forms:
 *   - half blocks (UTF-8 locales): one cell holds two modules, one above
 *     the other, drawn with " ", "\u2580", "\u2584" or "\u2588";
 *   - ASCII (other locales): one module is two cells side by side, one row
 *     per module.
 * A quiet zone (light modules) of QR_QUIET_MAX modules surrounds the code
 * where it fits, else QR_QUIET_MIN; qr_fit says which.
 *
 * Call order: struct qr q; qr_make(address, &q); qr_fit(&q, cols, rows,
 * utf8, &quiet); then for each cell qr_paint (a screen) or qr_lines once
 * (paper); qr_free(&q).
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
	const char *glyph; /* one cell wide: " ", or a half or full block */
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

/* The width, in cells, of the code drawn with this quiet zone. */
int qr_cols(const struct qr *q, int utf8, int quiet);

/* The height, in cells (lines), of the code drawn with this quiet zone. */
int qr_rows(const struct qr *q, int utf8, int quiet);

/*
 * Whether the code fits in cols x rows cells, half blocks if utf8 else
 * ASCII.  Returns 1 and sets *quiet (QR_QUIET_MAX if that fits, else
 * QR_QUIET_MIN), or 0 when even the least quiet zone does not fit.
 */
int qr_fit(const struct qr *q, int cols, int rows, int utf8, int *quiet);

/*
 * Which halves of cell (col, row) of the drawing are dark: the module
 * above and the one below for half blocks; for ASCII both are the one
 * module the cell shows.  Cells outside the drawing are light.
 */
void qr_cell(const struct qr *q, int utf8, int quiet, int col, int row,
    int *top_dark, int *bottom_dark);

/*
 * The half-block glyph whose ink covers the given halves: " ", "\u2580"
 * (top), "\u2584" (bottom) or "\u2588" (both).  A static string.
 */
const char *qr_glyph(int top_ink, int bottom_ink);

/*
 * What to draw at cell (col, row) of the drawing, for a screen: the glyph
 * (half blocks if utf8, else a space) and whether to reverse it.
 */
void qr_paint(const struct qr *q, int utf8, int quiet, int col, int row,
    struct qr_paint *out);

/*
 * The whole drawing as lines of text for paper (ink is dark): half blocks
 * if utf8, else "##" for a dark module and two spaces for a light one.
 * Every line is qr_cols cells wide, quiet zone included.  Returns the
 * lines (qr_rows of them, also stored in *nlines); the caller frees with
 * qr_lines_free.
 */
char **qr_lines(const struct qr *q, int utf8, int quiet, size_t *nlines);

/* Free lines made by qr_lines; NULL is fine. */
void qr_lines_free(char **lines, size_t nlines);

#endif
