/*
 * qr.c: QR codes of resource addresses (see qr.h).
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "qr.h"
#include "xmalloc.h"

/* What every code holds before the address. */
#define QR_SCHEME "https://"

int
qr_make(const char *address, struct qr *out)
{
	QRcode *code;
	char *text;
	size_t len;
	int i, n;

	memset(out, 0, sizeof *out);
	if (address == NULL)
		return -1;
	len = strlen(address);
	if (len == 0 || len > QR_ADDRESS_MAX)
		return -1;
	text = xasprintf("%s%s", QR_SCHEME, address);
	/*
	 * Version 0 asks for the smallest version that holds the text; the
	 * 8-bit hint with case sensitivity keeps the address exactly as
	 * given, while libqrencode may still put runs of digits in numeric
	 * mode when that makes the code smaller.
	 */
	code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	free(text);
	if (code == NULL)
		return -1;
	n = code->width;
	out->version = code->version;
	out->size = n;
	out->dark = xmalloc((size_t)n * (size_t)n);
	/* Bit 0 of each of libqrencode's bytes is the module's colour. */
	for (i = 0; i < n * n; i++)
		out->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	return 0;
}

void
qr_free(struct qr *q)
{
	if (q == NULL)
		return;
	free(q->dark);
	memset(q, 0, sizeof *q);
}

int
qr_module(const struct qr *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return 0;
	return q->dark[(size_t)y * (size_t)q->size + (size_t)x];
}

int
qr_cols(const struct qr *q, int halves, int quiet)
{
	int side = q->size + 2 * quiet;

	return halves ? side : 2 * side;
}

int
qr_rows(const struct qr *q, int halves, int quiet)
{
	int side = q->size + 2 * quiet;

	/* Sides are odd: the last half-block line's lower half is quiet. */
	return halves ? (side + 1) / 2 : side;
}

int
qr_fit(const struct qr *q, int cols, int rows, int halves, int *quiet)
{
	static const int zones[] = { QR_QUIET_MAX, QR_QUIET_MIN };
	size_t i;

	for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		if (qr_cols(q, halves, zones[i]) <= cols &&
		    qr_rows(q, halves, zones[i]) <= rows) {
			*quiet = zones[i];
			return 1;
		}
	}
	return 0;
}

int
qr_choose(
    const struct qr *q, int cols, int rows, int utf8, int *halves, int *quiet)
{
	/*
	 * The wide form first, even with the least quiet zone against half
	 * blocks with the most: it needs no glyph, so no font can spoil it,
	 * and its modules are twice as big.
	 */
	if (qr_fit(q, cols, rows, 0, quiet)) {
		*halves = 0;
		return 1;
	}
	if (utf8 && qr_fit(q, cols, rows, 1, quiet)) {
		*halves = 1;
		return 1;
	}
	return 0;
}

int
qr_fits_width(const struct qr *q, int cols, int utf8)
{
	/* half blocks are the narrower form: one cell per module */
	return q->size > 0 && qr_cols(q, utf8, QR_QUIET_MIN) <= cols;
}

void
qr_cell(const struct qr *q, int halves, int quiet, int col, int row,
    int *top_dark, int *bottom_dark)
{
	if (col < 0 || row < 0 || col >= qr_cols(q, halves, quiet) ||
	    row >= qr_rows(q, halves, quiet)) {
		*top_dark = *bottom_dark = 0;
		return;
	}
	if (halves) {
		*top_dark = qr_module(q, col - quiet, 2 * row - quiet);
		*bottom_dark = qr_module(q, col - quiet, 2 * row + 1 - quiet);
	} else {
		*top_dark = qr_module(q, col / 2 - quiet, row - quiet);
		*bottom_dark = *top_dark;
	}
}

const char *
qr_glyph(int top_ink, int bottom_ink)
{
	if (top_ink && bottom_ink)
		return "\u2588";
	if (top_ink)
		return "\u2580";
	if (bottom_ink)
		return "\u2584";
	return " ";
}

void
qr_paint(const struct qr *q, int halves, int quiet, int col, int row,
    struct qr_paint *out)
{
	int top, bottom;

	qr_cell(q, halves, quiet, col, row, &top, &bottom);
	/*
	 * The foreground is light and the background dark; reverse video
	 * swaps them.  Two alike modules: a space, reversed if light.  A
	 * mixed cell (half blocks only): the lower half block, whose ink is
	 * the foreground, so reversed if the bottom module is dark; the top
	 * module is the background (qr.h says why).
	 */
	if (top == bottom) {
		out->glyph = " ";
		out->reverse = !top;
	} else {
		out->glyph = "\u2584";
		out->reverse = bottom;
	}
}

char **
qr_lines(const struct qr *q, int halves, int quiet, size_t *nlines)
{
	char **lines;
	char *p;
	int rows = qr_rows(q, halves, quiet), cols = qr_cols(q, halves, quiet);
	int row, col, top, bottom;
	const char *g;

	lines = xcalloc((size_t)rows, sizeof *lines);
	for (row = 0; row < rows; row++) {
		/* A half block is three bytes in UTF-8. */
		p = lines[row] = xmalloc((size_t)cols * 3 + 1);
		for (col = 0; col < cols; col++) {
			qr_cell(q, halves, quiet, col, row, &top, &bottom);
			if (halves)
				g = qr_glyph(top, bottom);
			else
				g = top ? "#" : " ";
			memcpy(p, g, strlen(g));
			p += strlen(g);
		}
		*p = '\0';
	}
	*nlines = (size_t)rows;
	return lines;
}

void
qr_lines_free(char **lines, size_t nlines)
{
	size_t i;

	if (lines == NULL)
		return;
	for (i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
}
