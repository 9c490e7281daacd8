/*
 * test_qr.c: the QR module.  The matrix for a known address has the size
 * of the smallest version, error correction level M, the finder patterns
 * where they must be; the drawings have the right size and a light quiet
 * zone; and what a barcode reader (zbarimg) sees in the matrix, in the
 * screen painting (half blocks and ASCII) and in the paper lines is
 * "https://" followed by the address, for every address the guide shows.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "pbm.h"
#include "qr.h"
#include "term.h"
#include "xmalloc.h"
#include "tool.h"

/*
 * Every web address of a resource in ../shared/facts/guidance.md, which
 * the bundled content uses.
 */
static const char *const addresses[] = {
	"kidshelpphone.ca",
	"cybertip.ca",
	"cyberaide.ca",
	"needhelpnow.ca",
	"aidezmoisvp.ca",
	"takeitdown.ncmec.org",
	"report.cybertip.org",
	"988lifeline.org",
	"childline.org.uk",
};
#define NADDRESSES (sizeof addresses / sizeof addresses[0])

/* Bytes a version holds in 8-bit mode at level M (ISO/IEC 18004). */
static const int capacity_m[] = { 0, 14, 26, 42, 62, 84, 106, 122 };

static char *
expected_text(const char *address)
{
	return xasprintf("https://%s", address);
}

/* The smallest version whose 8-bit capacity at level M holds len bytes. */
static int
smallest_version(size_t len)
{
	int v;

	for (v = 1; v < (int)(sizeof capacity_m / sizeof capacity_m[0]); v++)
		if ((size_t)capacity_m[v] >= len)
			return v;
	return 0;
}

/* Assert a finder pattern with its top left module at (x0, y0). */
static void
assert_finder(const struct qr *q, int x0, int y0)
{
	int x, y, ring, want;

	for (y = 0; y < 7; y++) {
		for (x = 0; x < 7; x++) {
			/* 0: the outer ring, 1: the light ring, 2: the core */
			ring = x < y ? x : y;
			if (6 - x < ring)
				ring = 6 - x;
			if (6 - y < ring)
				ring = 6 - y;
			want = ring != 1;
			ck_assert_msg(qr_module(q, x0 + x, y0 + y) == want,
			    "finder at (%d,%d): module (%d,%d) is %s", x0, y0,
			    x, y, want ? "light" : "dark");
		}
	}
	/* The separator around it, inside the symbol, is light. */
	for (x = -1; x <= 7; x++) {
		for (y = -1; y <= 7; y += 8) {
			if (x0 + x < 0 || y0 + y < 0 || x0 + x >= q->size ||
			    y0 + y >= q->size)
				continue;
			ck_assert(!qr_module(q, x0 + x, y0 + y));
			ck_assert(!qr_module(q, x0 + y, y0 + x));
		}
	}
}

/*
 * The 15 format bits, read from the copy around the top left finder
 * (first) or from the copy split between the other two (second).
 */
static int
format_bits(const struct qr *q, int second)
{
	int i, bits = 0, x, y, n = q->size;

	for (i = 0; i < 15; i++) {
		if (!second) {
			if (i < 6) {
				x = 8;
				y = i;
			} else if (i < 8) {
				x = 8;
				y = i + 1;
			} else if (i == 8) {
				x = 7;
				y = 8;
			} else {
				x = 14 - i;
				y = 8;
			}
		} else if (i < 8) {
			x = n - 1 - i;
			y = 8;
		} else {
			x = 8;
			y = n - 15 + i;
		}
		bits |= qr_module(q, x, y) << i;
	}
	return bits;
}

START_TEST(test_known_address)
{
	struct qr q;

	ck_assert_int_eq(qr_make("kidshelpphone.ca", &q), 0);
	/* "https://kidshelpphone.ca" is 24 bytes: version 2 holds 26. */
	ck_assert_int_eq(q.version, 2);
	ck_assert_int_eq(q.size, 21 + 4 * (2 - 1));
	assert_finder(&q, 0, 0);
	assert_finder(&q, q.size - 7, 0);
	assert_finder(&q, 0, q.size - 7);
	/* No finder at the fourth corner. */
	ck_assert(qr_module(&q, q.size - 1, q.size - 1) !=
		      qr_module(&q, q.size - 1, q.size - 7) ||
		  qr_module(&q, q.size - 7, q.size - 1) !=
		      qr_module(&q, q.size - 1, q.size - 1) ||
		  qr_module(&q, q.size - 2, q.size - 2) !=
		      qr_module(&q, q.size - 1, q.size - 1));
	/* The dark module beside the bottom left finder. */
	ck_assert(qr_module(&q, 8, q.size - 8));
	qr_free(&q);
	ck_assert_ptr_null(q.dark);
	qr_free(&q);
	qr_free(NULL);
}
END_TEST

START_TEST(test_level_m_smallest_version)
{
	struct qr q;
	size_t i;
	int bits;

	for (i = 0; i < NADDRESSES; i++) {
		char *text = expected_text(addresses[i]);

		ck_assert_int_eq(qr_make(addresses[i], &q), 0);
		ck_assert_int_eq(q.size, 21 + 4 * (q.version - 1));
		/*
		 * libqrencode may mix modes (digits in numeric mode), which
		 * can only make the code smaller than all 8-bit.
		 */
		ck_assert_int_le(q.version, smallest_version(strlen(text)));
		ck_assert_int_ge(q.version, 1);
		/* Both copies of the format information agree, and say M. */
		bits = format_bits(&q, 0);
		ck_assert_int_eq(bits, format_bits(&q, 1));
		bits ^= 0x5412;
		ck_assert_msg((bits >> 13) == 0,
		    "%s: error correction level bits %d, not M", addresses[i],
		    bits >> 13);
		qr_free(&q);
		free(text);
	}
}
END_TEST

START_TEST(test_case_kept)
{
	struct qr lower, upper;
	struct pbm p;
	char *got;
	int x, y;

	ck_assert_int_eq(qr_make("Cybertip.ca", &upper), 0);
	ck_assert_int_eq(qr_make("cybertip.ca", &lower), 0);
	ck_assert(
	    upper.size != lower.size ||
	    memcmp(upper.dark, lower.dark, (size_t)upper.size * upper.size));
	pbm_init(&p, upper.size, upper.size);
	for (y = 0; y < upper.size; y++)
		for (x = 0; x < upper.size; x++)
			pbm_set(&p, x, y, qr_module(&upper, x, y));
	got = pbm_zbar(&p, 3);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, "https://Cybertip.ca");
	free(got);
	pbm_free(&p);
	qr_free(&upper);
	qr_free(&lower);
}
END_TEST

START_TEST(test_bad_address)
{
	struct qr q;
	char *long_address = xmalloc(QR_ADDRESS_MAX + 2);

	ck_assert_int_eq(qr_make("", &q), -1);
	ck_assert_ptr_null(q.dark);
	ck_assert_int_eq(qr_make(NULL, &q), -1);
	memset(long_address, 'a', QR_ADDRESS_MAX + 1);
	long_address[QR_ADDRESS_MAX + 1] = '\0';
	ck_assert_int_eq(qr_make(long_address, &q), -1);
	ck_assert_int_eq(q.size, 0);
	/* The longest accepted address still makes a (large) code. */
	long_address[QR_ADDRESS_MAX] = '\0';
	ck_assert_int_eq(qr_make(long_address, &q), 0);
	ck_assert_int_ge(q.version, 20);
	qr_free(&q);
	free(long_address);
}
END_TEST

START_TEST(test_fit)
{
	struct qr q;
	int quiet = -1;

	ck_assert_int_eq(qr_make("kidshelpphone.ca", &q), 0);
	ck_assert_int_eq(q.size, 25);
	/* Half blocks: 25 + 8 = 33 columns, ceil(33 / 2) = 17 lines. */
	ck_assert_int_eq(qr_cols(&q, 1, 4), 33);
	ck_assert_int_eq(qr_rows(&q, 1, 4), 17);
	ck_assert_int_eq(qr_fit(&q, 33, 17, 1, &quiet), 1);
	ck_assert_int_eq(quiet, 4);
	ck_assert_int_eq(qr_fit(&q, 80, 24, 1, &quiet), 1);
	ck_assert_int_eq(quiet, 4);
	ck_assert_int_eq(qr_fit(&q, 32, 17, 1, &quiet), 1);
	ck_assert_int_eq(quiet, 2);
	ck_assert_int_eq(qr_fit(&q, 33, 16, 1, &quiet), 1);
	ck_assert_int_eq(quiet, 2);
	ck_assert_int_eq(qr_fit(&q, 29, 15, 1, &quiet), 1);
	ck_assert_int_eq(quiet, 2);
	quiet = -1;
	ck_assert_int_eq(qr_fit(&q, 28, 15, 1, &quiet), 0);
	ck_assert_int_eq(qr_fit(&q, 29, 14, 1, &quiet), 0);
	ck_assert_int_eq(qr_fit(&q, 0, 0, 1, &quiet), 0);
	ck_assert_int_eq(quiet, -1);
	/* ASCII: two columns and one line per module. */
	ck_assert_int_eq(qr_cols(&q, 0, 4), 66);
	ck_assert_int_eq(qr_rows(&q, 0, 4), 33);
	ck_assert_int_eq(qr_fit(&q, 66, 33, 0, &quiet), 1);
	ck_assert_int_eq(quiet, 4);
	ck_assert_int_eq(qr_fit(&q, 65, 33, 0, &quiet), 1);
	ck_assert_int_eq(quiet, 2);
	ck_assert_int_eq(qr_fit(&q, 58, 29, 0, &quiet), 1);
	ck_assert_int_eq(quiet, 2);
	ck_assert_int_eq(qr_fit(&q, 57, 29, 0, &quiet), 0);
	ck_assert_int_eq(qr_fit(&q, 80, 24, 0, &quiet), 0);
	qr_free(&q);
}
END_TEST

/* The number of characters (not bytes) in a UTF-8 string. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

START_TEST(test_quiet_zone_and_lines)
{
	struct qr q;
	char **lines;
	size_t n;
	int utf8, quiet, col, row, top, bottom, cols, rows, inside;
	const char *s;

	ck_assert_int_eq(qr_make("takeitdown.ncmec.org", &q), 0);
	for (utf8 = 0; utf8 <= 1; utf8++) {
		for (quiet = QR_QUIET_MIN; quiet <= QR_QUIET_MAX; quiet += 2) {
			cols = qr_cols(&q, utf8, quiet);
			rows = qr_rows(&q, utf8, quiet);
			lines = qr_lines(&q, utf8, quiet, &n);
			ck_assert_uint_eq(n, (size_t)rows);
			ck_assert_int_eq(
			    rows, utf8 ? (q.size + 2 * quiet + 1) / 2
				       : q.size + 2 * quiet);
			for (row = 0; row < rows; row++) {
				ck_assert_uint_eq(
				    utf8_chars(lines[row]), (size_t)cols);
				s = lines[row];
				for (col = 0; col < cols; col++) {
					qr_cell(&q, utf8, quiet, col, row, &top,
					    &bottom);
					/* Is any module of the cell inside? */
					if (utf8)
						inside =
						    col >= quiet &&
						    col < quiet + q.size &&
						    2 * row + 1 >= quiet &&
						    2 * row < quiet + q.size;
					else
						inside =
						    col / 2 >= quiet &&
						    col / 2 < quiet + q.size &&
						    row >= quiet &&
						    row < quiet + q.size;
					if (!inside)
						ck_assert_msg(!top && !bottom,
						    "quiet zone dark at %d,%d",
						    col, row);
					/* On paper, the ink is the dark. */
					if (utf8) {
						const char *g =
						    qr_glyph(top, bottom);

						ck_assert(strncmp(s, g,
							      strlen(g)) == 0);
						s += strlen(g);
					} else {
						ck_assert_int_eq(
						    *s++, top ? '#' : ' ');
					}
				}
				ck_assert_int_eq(*s, '\0');
			}
			qr_lines_free(lines, n);
		}
	}
	/* Outside the drawing is light too. */
	qr_cell(&q, 1, 2, -1, 0, &top, &bottom);
	ck_assert(!top && !bottom);
	qr_cell(&q, 0, 2, 0, qr_rows(&q, 0, 2), &top, &bottom);
	ck_assert(!top && !bottom);
	qr_lines_free(NULL, 0);
	qr_free(&q);
}
END_TEST

/*
 * The painting rule (qr.h, "Half blocks on a real screen"): a cell whose
 * two modules are alike is a space, reversed where they are light; a mixed
 * cell, which only half blocks have, is the lower half block, reversed
 * where the bottom module is dark.  The wide form has no glyph at all.
 */
START_TEST(test_paint_rule)
{
	struct qr q;
	struct qr_paint p;
	int halves, col, row, top, bottom, mixed = 0, alike = 0;

	ck_assert_int_eq(qr_make("takeitdown.ncmec.org", &q), 0);
	for (halves = 0; halves <= 1; halves++) {
		for (row = 0; row < qr_rows(&q, halves, QR_QUIET_MIN); row++) {
			for (col = 0; col < qr_cols(&q, halves, QR_QUIET_MIN);
			     col++) {
				qr_cell(&q, halves, QR_QUIET_MIN, col, row,
				    &top, &bottom);
				qr_paint(
				    &q, halves, QR_QUIET_MIN, col, row, &p);
				if (top == bottom) {
					ck_assert_str_eq(p.glyph, " ");
					ck_assert_int_eq(p.reverse, !top);
					alike++;
					continue;
				}
				ck_assert_msg(halves,
				    "a mixed cell in the wide form at %d,%d",
				    col, row);
				ck_assert_str_eq(p.glyph, "\xe2\x96\x84");
				ck_assert_int_eq(p.reverse, bottom);
				mixed++;
			}
		}
	}
	ck_assert_int_gt(mixed, 0);
	ck_assert_int_gt(alike, 0);
	qr_free(&q);
}
END_TEST

/*
 * The wide form wherever it fits, even with the least quiet zone; half
 * blocks only where it does not, and only in a UTF-8 locale.
 */
START_TEST(test_choose)
{
	struct qr q;
	int halves = -1, quiet = -1;

	/* 25 modules: wide 66x33 or 58x29, half blocks 33x17 or 29x15. */
	ck_assert_int_eq(qr_make("kidshelpphone.ca", &q), 0);
	ck_assert_int_eq(q.size, 25);
	ck_assert_int_eq(qr_choose(&q, 100, 35, 1, &halves, &quiet), 1);
	ck_assert_int_eq(halves, 0);
	ck_assert_int_eq(quiet, 4);
	ck_assert_int_eq(qr_choose(&q, 66, 32, 1, &halves, &quiet), 1);
	ck_assert_int_eq(halves, 0);
	ck_assert_int_eq(quiet, 2);
	ck_assert_int_eq(qr_choose(&q, 58, 29, 0, &halves, &quiet), 1);
	ck_assert_int_eq(halves, 0);
	ck_assert_int_eq(quiet, 2);
	/* 80x24's body: too short for the wide form. */
	ck_assert_int_eq(qr_choose(&q, 80, 19, 1, &halves, &quiet), 1);
	ck_assert_int_eq(halves, 1);
	ck_assert_int_eq(quiet, 4);
	ck_assert_int_eq(qr_choose(&q, 57, 40, 1, &halves, &quiet), 1);
	ck_assert_int_eq(halves, 1);
	ck_assert_int_eq(qr_choose(&q, 29, 15, 1, &halves, &quiet), 1);
	ck_assert_int_eq(halves, 1);
	ck_assert_int_eq(quiet, 2);
	/* Nothing fits: *halves and *quiet are left alone. */
	halves = quiet = -1;
	ck_assert_int_eq(qr_choose(&q, 80, 19, 0, &halves, &quiet), 0);
	ck_assert_int_eq(qr_choose(&q, 57, 40, 0, &halves, &quiet), 0);
	ck_assert_int_eq(qr_choose(&q, 28, 40, 1, &halves, &quiet), 0);
	ck_assert_int_eq(qr_choose(&q, 80, 14, 1, &halves, &quiet), 0);
	ck_assert_int_eq(halves, -1);
	ck_assert_int_eq(quiet, -1);
	/* Where nothing fits: would a taller window do? */
	ck_assert_int_eq(qr_fits_width(&q, 29, 1), 1);
	ck_assert_int_eq(qr_fits_width(&q, 28, 1), 0);
	ck_assert_int_eq(qr_fits_width(&q, 58, 0), 1);
	ck_assert_int_eq(qr_fits_width(&q, 57, 0), 0);
	qr_free(&q);
	ck_assert_int_eq(qr_fits_width(&q, 80, 1), 0);
}
END_TEST

START_TEST(test_glyphs)
{
	ck_assert_str_eq(qr_glyph(0, 0), " ");
	ck_assert_str_eq(qr_glyph(1, 0), "\xe2\x96\x80");
	ck_assert_str_eq(qr_glyph(0, 1), "\xe2\x96\x84");
	ck_assert_str_eq(qr_glyph(1, 1), "\xe2\x96\x88");
}
END_TEST

/*
 * What a screen shows: a cell painted as qr_paint says, on a terminal
 * whose foreground is light and background dark.  The ink is the
 * foreground, or the background when reversed.
 */
struct screen {
	const struct qr *q;
	int utf8;
	int quiet;
	int margin; /* cells of dark terminal background around the drawing */
};

static void
screen_cell(void *arg, int col, int row, int *top_dark, int *bottom_dark)
{
	const struct screen *s = arg;
	struct qr_paint p;
	int ink_dark, top_ink, bottom_ink;
	int c = col - (s->utf8 ? 1 : 2) * s->margin, r = row - s->margin;

	if (c < 0 || r < 0 || c >= qr_cols(s->q, s->utf8, s->quiet) ||
	    r >= qr_rows(s->q, s->utf8, s->quiet)) {
		*top_dark = *bottom_dark = 1;
		return;
	}
	qr_paint(s->q, s->utf8, s->quiet, c, r, &p);
	ink_dark = p.reverse;
	if (strcmp(p.glyph, " ") == 0)
		top_ink = bottom_ink = 0;
	else if (strcmp(p.glyph, "\xe2\x96\x80") == 0)
		top_ink = 1, bottom_ink = 0;
	else if (strcmp(p.glyph, "\xe2\x96\x84") == 0)
		top_ink = 0, bottom_ink = 1;
	else if (strcmp(p.glyph, "\xe2\x96\x88") == 0)
		top_ink = bottom_ink = 1;
	else
		ck_abort_msg("unexpected glyph \"%s\"", p.glyph);
	ck_assert_msg(s->utf8 || strcmp(p.glyph, " ") == 0,
	    "ASCII painting with \"%s\"", p.glyph);
	*top_dark = top_ink ? ink_dark : !ink_dark;
	*bottom_dark = bottom_ink ? ink_dark : !ink_dark;
}

/* Lines on paper: the ink is dark, the paper light. */
struct paper {
	char **lines;
	size_t n;
	int utf8;
};

static void
paper_cell(void *arg, int col, int row, int *top_dark, int *bottom_dark)
{
	const struct paper *p = arg;
	const char *s;
	int i;

	ck_assert_int_lt(row, (int)p->n);
	s = p->lines[row];
	/* Skip col characters. */
	for (i = 0; i < col; i++) {
		ck_assert_int_ne(*s, '\0');
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
	}
	if (!p->utf8) {
		ck_assert(*s == '#' || *s == ' ');
		*top_dark = *bottom_dark = *s == '#';
	} else if (strncmp(s, " ", 1) == 0) {
		*top_dark = *bottom_dark = 0;
	} else if (strncmp(s, "\xe2\x96\x80", 3) == 0) {
		*top_dark = 1, *bottom_dark = 0;
	} else if (strncmp(s, "\xe2\x96\x84", 3) == 0) {
		*top_dark = 0, *bottom_dark = 1;
	} else {
		ck_assert(strncmp(s, "\xe2\x96\x88", 3) == 0);
		*top_dark = *bottom_dark = 1;
	}
}

static void
assert_decodes(
    const struct pbm *p, int scale, const char *want, const char *what)
{
	char *got = pbm_zbar(p, scale);

	ck_assert_msg(
	    got != NULL, "%s: zbarimg found no code for %s", what, want);
	ck_assert_msg(strcmp(got, want) == 0, "%s: decoded \"%s\", not \"%s\"",
	    what, got, want);
	free(got);
}

/*
 * A terminal font's half blocks, as a model: the background fills a cell
 * of FONT_W x h pixels; the lower half block's ink covers rows from to
 * to - 1, and the upper half block's the same rows counted from the
 * bottom (a font draws them alike).
 */
#define FONT_W 8
struct font {
	int h, from, to;
	const char *what;
};

/* A painting rule: qr_paint, or the one before it (below). */
typedef void (*paint_fn)(
    const struct qr *q, int col, int row, struct qr_paint *out);

static void
paint_now(const struct qr *q, int col, int row, struct qr_paint *out)
{
	qr_paint(q, 1, QR_QUIET_MIN, col, row, out);
}

/*
 * The rule before issue 19: upper, lower and no half block, the light
 * halves reversed.  It reads off libvterm, but not off real terminals.
 */
static void
paint_before(const struct qr *q, int col, int row, struct qr_paint *out)
{
	int top, bottom;

	qr_cell(q, 1, QR_QUIET_MIN, col, row, &top, &bottom);
	out->glyph = top && bottom ? " " : qr_glyph(top, bottom);
	out->reverse = !(top && bottom);
}

/* Whether row y of a cell is ink for glyph g in font f. */
static int
font_ink(const struct font *f, const char *g, int y)
{
	if (strcmp(g, "\xe2\x96\x84") == 0)
		return y >= f->from && y < f->to;
	if (strcmp(g, "\xe2\x96\x80") == 0)
		return y >= f->h - f->to && y < f->h - f->from;
	ck_assert_str_eq(g, " ");
	return 0;
}

/* Pixels of a half-block drawing painted by paint in a font, light
 * foreground on a dark background, two cells of background around. */
static void
font_picture(
    const struct qr *q, const struct font *f, paint_fn paint, struct pbm *p)
{
	int cols = qr_cols(q, 1, QR_QUIET_MIN),
	    rows = qr_rows(q, 1, QR_QUIET_MIN);
	int col, row, x, y, dark;
	struct qr_paint c;

	pbm_init(p, (cols + 4) * FONT_W, (rows + 4) * f->h);
	for (row = -2; row < rows + 2; row++) {
		for (col = -2; col < cols + 2; col++) {
			int inside =
			    row >= 0 && col >= 0 && row < rows && col < cols;

			if (inside)
				paint(q, col, row, &c);
			for (y = 0; y < f->h; y++) {
				/* ink is the foreground: light unless
				 * reversed; the background the other way */
				dark = !inside ||
				       (font_ink(f, c.glyph, y) ? c.reverse
								: !c.reverse);
				for (x = 0; x < FONT_W; x++)
					pbm_set(p, (col + 2) * FONT_W + x,
					    (row + 2) * f->h + y, dark);
			}
		}
	}
}

/*
 * Fonts whose glyph falls short of the middle of the cell or of its edge
 * by a pixel or two, or goes a pixel past the middle: the codes still
 * read.  The rule before did not, where the glyph falls short of the
 * edge: a stripe of background between two dark modules in every row.
 * (tests/test_qr_window.c reads the codes off real terminals.)
 */
START_TEST(test_font_model)
{
	static const struct font fonts[] = {
		{ 16, 8, 16, "exact" },
		{ 17, 10, 17, "two rows short of the middle" },
		{ 17, 7, 17, "a row past the middle" },
		{ 18, 9, 17, "a row short of the edge" },
	};
	char *want = expected_text("takeitdown.ncmec.org"), *got;
	struct qr q;
	struct pbm p;
	size_t i;

	ck_assert_int_eq(qr_make("takeitdown.ncmec.org", &q), 0);
	for (i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
		font_picture(&q, &fonts[i], paint_now, &p);
		assert_decodes(&p, 1, want, fonts[i].what);
		pbm_free(&p);
	}
	/* The model is not lenient: the rule before fails in it. */
	font_picture(&q, &fonts[0], paint_before, &p);
	assert_decodes(&p, 1, want, "the rule before, exact");
	pbm_free(&p);
	font_picture(&q, &fonts[3], paint_before, &p);
	got = pbm_zbar(&p, 1);
	ck_assert_msg(got == NULL, "the rule before read as %s", got);
	pbm_free(&p);
	qr_free(&q);
	free(want);
}
END_TEST

START_TEST(test_round_trip)
{
	const char *address = addresses[_i];
	char *want = expected_text(address);
	struct qr q;
	struct pbm p;
	struct screen s;
	struct paper paper;
	int x, y, utf8;

	ck_assert_int_eq(qr_make(address, &q), 0);

	/* The matrix itself, two pixels per module. */
	pbm_init(&p, q.size, q.size);
	for (y = 0; y < q.size; y++)
		for (x = 0; x < q.size; x++)
			pbm_set(&p, x, y, qr_module(&q, x, y));
	assert_decodes(&p, 2, want, "matrix");
	pbm_free(&p);

	/*
	 * The screen painting, in both forms, with the least quiet zone,
	 * surrounded by the dark terminal background.
	 */
	for (utf8 = 0; utf8 <= 1; utf8++) {
		s.q = &q;
		s.utf8 = utf8;
		s.quiet = QR_QUIET_MIN;
		s.margin = 3;
		pbm_from_cells(&p,
		    qr_cols(&q, utf8, s.quiet) + 2 * s.margin * (utf8 ? 1 : 2),
		    qr_rows(&q, utf8, s.quiet) + 2 * s.margin, screen_cell, &s);
		assert_decodes(&p, 2, want,
		    utf8 ? "screen, half blocks" : "screen, ASCII");
		pbm_free(&p);
	}

	/* The paper lines, in both forms. */
	for (utf8 = 0; utf8 <= 1; utf8++) {
		paper.utf8 = utf8;
		paper.lines = qr_lines(&q, utf8, QR_QUIET_MAX, &paper.n);
		pbm_from_cells(&p, qr_cols(&q, utf8, QR_QUIET_MAX),
		    (int)paper.n, paper_cell, &paper);
		assert_decodes(
		    &p, 2, want, utf8 ? "paper, half blocks" : "paper, ASCII");
		pbm_free(&p);
		qr_lines_free(paper.lines, paper.n);
	}
	qr_free(&q);
	free(want);
}
END_TEST

/*
 * Every resource with a web address in the bundled English content: its
 * code, painted on a screen in both forms with the quiet zone that fits
 * at 80x24, reads as "https://" and the address.
 */
START_TEST(test_content_round_trip)
{
	struct guide *g = cli_guide_of("en");
	struct qr q;
	struct pbm p;
	struct screen s;
	size_t i, nweb = 0;
	int utf8;
	char *want;

	for (i = 0; i < g->nresources; i++) {
		if (g->resources[i].web == NULL)
			continue;
		nweb++;
		want = expected_text(g->resources[i].web);
		ck_assert_int_eq(qr_make(g->resources[i].web, &q), 0);
		for (utf8 = 0; utf8 <= 1; utf8++) {
			s.q = &q;
			s.utf8 = utf8;
			s.margin = 3;
			ck_assert_msg(qr_fit(&q, utf8 ? 80 : 160,
					  utf8 ? 24 : 80, utf8, &s.quiet),
			    "%s does not fit", want);
			pbm_from_cells(&p,
			    qr_cols(&q, utf8, s.quiet) +
				2 * s.margin * (utf8 ? 1 : 2),
			    qr_rows(&q, utf8, s.quiet) + 2 * s.margin,
			    screen_cell, &s);
			assert_decodes(&p, 2, want,
			    utf8 ? "content, half blocks" : "content, ASCII");
			pbm_free(&p);
		}
		qr_free(&q);
		free(want);
	}
	ck_assert_msg(nweb >= 1, "no resource with a web address");
	guide_free(g);
}
END_TEST

/* The reader is not lenient: an inverted code, or none, reads as nothing. */
START_TEST(test_reader_is_strict)
{
	struct qr q;
	struct pbm p;
	int x, y;
	char *got;

	ck_assert_int_eq(qr_make("kidshelpphone.ca", &q), 0);
	pbm_init(&p, q.size + 8, q.size + 8);
	for (y = 0; y < q.size + 8; y++)
		for (x = 0; x < q.size + 8; x++)
			pbm_set(&p, x, y, !qr_module(&q, x - 4, y - 4));
	got = pbm_zbar(&p, 2);
	ck_assert_msg(got == NULL, "inverted code read as \"%s\"", got);
	pbm_free(&p);
	pbm_init(&p, 40, 40);
	ck_assert_ptr_null(pbm_zbar(&p, 2));
	pbm_free(&p);
	qr_free(&q);
}
END_TEST

static Suite *
qr_suite(void)
{
	Suite *s = suite_create("qr");
	TCase *tc = tcase_create("qr");

	tcase_set_timeout(tc, term_seconds(60));
	tcase_add_test(tc, test_known_address);
	tcase_add_test(tc, test_level_m_smallest_version);
	tool_add_test(tc, test_case_kept, "zbarimg", "zbar-tools");
	tcase_add_test(tc, test_bad_address);
	tcase_add_test(tc, test_fit);
	tcase_add_test(tc, test_quiet_zone_and_lines);
	tool_add_test(tc, test_glyphs, "zbarimg", "zbar-tools");
	tcase_add_test(tc, test_paint_rule);
	tcase_add_test(tc, test_choose);
	tool_add_test(tc, test_font_model, "zbarimg", "zbar-tools");
	tool_add_loop_test(
	    tc, test_round_trip, 0, (int)NADDRESSES, "zbarimg", "zbar-tools");
	tool_add_test(tc, test_content_round_trip, "zbarimg", "zbar-tools");
	tool_add_test(tc, test_reader_is_strict, "zbarimg", "zbar-tools");
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(qr_suite());
}
