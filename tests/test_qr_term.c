/*
 * test_qr_term.c: QR codes as a phone camera would see them on a screen.
 *
 * The screen is read from libvterm (tests/lib/term.h) cell by cell, with
 * each cell's glyph, colours and reverse video; each cell becomes two
 * pixels one above the other (pbm.h), and zbarimg must read "https://"
 * followed by the resource's address.  The terminal is a dark-themed one
 * (libvterm's defaults: light grey on black); where the program sets its
 * colours explicitly the code must also read on a light-themed one.
 *
 * Three sets of tests:
 *  - the reference painter: this program, run as "test_qr_term --paint
 *    ADDRESS", is a small curses program that paints a code exactly as
 *    qr.h tells a front end to (qr_choose, qr_paint, white on black or the
 *    terminal's colours, reverse video).  It proves the painting rule and
 *    this test's reading of the screen, independently of safesteps;
 *  - safesteps itself: "h" then "c" on the help screen, and "c" on every
 *    screen with web resources (reached by its choices), at 80x24 in a
 *    UTF-8 locale with and without colours, at 100x40 (the wide form), and
 *    in the C locale at a size where the wide form fits.  Every web
 *    resource of content/en.json is read at least once;
 *  - the handout: every code that "safesteps --print --qr" prints (ink on
 *    paper: the glyphs are the dark modules) reads as one of the content's
 *    addresses, and every address is printed.
 *
 * Each code is decoded once per size and colour mode: where another
 * screen shows the same address again, its cells (glyph, colours, reverse
 * video) must equal those of the code that was read, which is the same
 * picture on any theme.  Keys are sent once the program is idle
 * (term_wait_idle), not after a fixed quiet time.
 */
#include <check.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <ncursesw/curses.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "pbm.h"
#include "qr.h"
#include "run.h"
#include "term.h"
#include "xmalloc.h"
#include "tool.h"

/* This program's own path, for running it as the child. */
static char self[PATH_MAX];

/* The colour pair the reference painter uses for codes. */
#define PAINT_PAIR 1

/* What the reference painter writes under the code. */
#define PAINT_SCAN "Scan with your own phone camera."
#define PAINT_SMALL "make the window bigger to show the code"

/*
 * Paint the code of address as qr.h says a front end should, with a line
 * of text above it and one under it, then wait for "q".  This is the
 * painting rule the full-screen front end follows.
 */
static int
paint_child(const char *address)
{
	struct qr q;
	struct qr_paint p;
	attr_t base = A_NORMAL;
	int utf8, halves, quiet, row, col, top = 2, left = 3, ch;

	setlocale(LC_ALL, "");
	utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (qr_make(address, &q) == -1)
		return 4;
	if (newterm(NULL, stdout, stdin) == NULL)
		return 5;
	raw();
	noecho();
	curs_set(0);
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		/* Light on dark, both set: bright white where there is one. */
		init_pair(
		    PAINT_PAIR, COLORS >= 16 ? 15 : COLOR_WHITE, COLOR_BLACK);
		base = COLOR_PAIR(PAINT_PAIR);
	}
	mvaddstr(0, 0, "Kids Help Phone: some text around the code");
	if (!qr_choose(
		&q, COLS - left, LINES - top - 2, utf8, &halves, &quiet)) {
		mvaddstr(top, 0, PAINT_SMALL);
	} else {
		for (row = 0; row < qr_rows(&q, halves, quiet); row++) {
			for (col = 0; col < qr_cols(&q, halves, quiet); col++) {
				qr_paint(&q, halves, quiet, col, row, &p);
				attrset(base | (p.reverse ? A_REVERSE : 0));
				mvaddstr(top + row, left + col, p.glyph);
			}
		}
		attrset(A_NORMAL);
		mvaddstr(top + qr_rows(&q, halves, quiet), 0, PAINT_SCAN);
	}
	refresh();
	while ((ch = getch()) != 'q')
		if (ch == ERR)
			break;
	endwin();
	qr_free(&q);
	return 0;
}

/* Whether palette colour idx (xterm's palette) is dark. */
static int
palette_dark(int idx)
{
	static const unsigned char base[16][3] = { { 0, 0, 0 }, { 205, 0, 0 },
		{ 0, 205, 0 }, { 205, 205, 0 }, { 0, 0, 238 }, { 205, 0, 205 },
		{ 0, 205, 205 }, { 229, 229, 229 }, { 127, 127, 127 },
		{ 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 }, { 92, 92, 255 },
		{ 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 } };
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int r, g, b;

	if (idx < 16) {
		r = base[idx][0];
		g = base[idx][1];
		b = base[idx][2];
	} else if (idx < 232) {
		r = level[(idx - 16) / 36];
		g = level[(idx - 16) / 6 % 6];
		b = level[(idx - 16) % 6];
	} else {
		r = g = b = 8 + 10 * (idx - 232);
	}
	return 299 * r + 587 * g + 114 * b < 128 * 1000;
}

/* A screen to read, and the theme its default colours have. */
struct shot {
	struct term *t;
	int light_theme; /* 1: default fg dark, bg light; 0: the reverse */
	int explicit;    /* 1: count block cells in default colours */
	int defaults;    /* how many block cells used a default colour */
};

/* Which halves of a cell are ink: by the glyph; text counts as none. */
static void
glyph_ink(const char *s, int *top, int *bottom)
{
	*top = *bottom = 0;
	if (strcmp(s, "\xe2\x96\x80") == 0)
		*top = 1;
	else if (strcmp(s, "\xe2\x96\x84") == 0)
		*bottom = 1;
	else if (strcmp(s, "\xe2\x96\x88") == 0)
		*top = *bottom = 1;
}

static void
shot_cell(void *arg, int col, int row, int *top_dark, int *bottom_dark)
{
	struct shot *s = arg;
	struct term_cell c;
	int fg_dark, bg_dark, t, top, bottom;

	ck_assert_int_eq(term_cell(s->t, row, col, &c), 0);
	ck_assert_msg(
	    (c.fg_default || c.fg >= 0) && (c.bg_default || c.bg >= 0),
	    "cell %d,%d has a direct colour", row, col);
	fg_dark = c.fg_default ? s->light_theme : palette_dark(c.fg);
	bg_dark = c.bg_default ? !s->light_theme : palette_dark(c.bg);
	if (c.reverse) {
		t = fg_dark;
		fg_dark = bg_dark;
		bg_dark = t;
	}
	glyph_ink(c.text, &top, &bottom);
	if ((top || bottom || c.reverse) && (c.fg_default || c.bg_default))
		s->defaults++;
	*top_dark = top ? fg_dark : bg_dark;
	*bottom_dark = bottom ? fg_dark : bg_dark;
}

/* What zbarimg reads on the whole screen, or NULL.  Caller frees. */
static char *
read_screen(struct term *t, int light_theme, int *defaults)
{
	struct shot s = { t, light_theme, 0, 0 };
	struct pbm p;
	char *got;
	int rows, cols;

	term_size(t, &rows, &cols);
	pbm_from_cells(&p, cols, rows, shot_cell, &s);
	got = pbm_zbar(&p, 2);
	pbm_free(&p);
	if (defaults != NULL)
		*defaults = s.defaults;
	return got;
}

/*
 * Assert that the screen reads as "https://" followed by address, within a
 * few seconds: the program may not have read the last key yet on a busy
 * machine, so read again while it draws.
 */
static void
assert_screen_reads(
    struct term *t, const char *address, int light_theme, const char *what)
{
	char *want = xasprintf("https://%s", address);
	long long deadline = term_now_ms() + term_ms(5000);
	char *got;

	for (;;) {
		got = read_screen(t, light_theme, NULL);
		if ((got != NULL && strcmp(got, want) == 0) ||
		    term_now_ms() > deadline)
			break;
		free(got);
		term_settle(t, 100, 1000);
	}
	ck_assert_msg(got != NULL && strcmp(got, want) == 0,
	    "%s: read \"%s\", not \"%s\", on%s:\n%s", what,
	    got != NULL ? got : "(nothing)", want,
	    light_theme ? " a light theme" : "", term_dump(t));
	free(got);
	free(want);
}

static const char *const env_utf8[] = { "TERM=xterm-256color", "LANG=C.UTF-8",
	NULL };
static const char *const env_mono[] = { "TERM=xterm-256color", "LANG=C.UTF-8",
	"NO_COLOR=1", NULL };
static const char *const env_ascii[] = { "TERM=xterm-256color", "LANG=C",
	NULL };
static const char *const env_vt100[] = { "TERM=vt100", "LANG=C.UTF-8", NULL };

/* The reference painter, at a size, in an environment. */
static struct term *
start_painter(int rows, int cols, const char *const *env, const char *address)
{
	const char *argv[] = { self, "--paint", address, NULL };
	struct term *t = term_start(rows, cols, env, argv);

	ck_assert_ptr_nonnull(t);
	return t;
}

static const char *const paint_addresses[] = { "kidshelpphone.ca",
	"takeitdown.ncmec.org", "988lifeline.org" };

START_TEST(painter_half_blocks)
{
	const char *address = paint_addresses[_i];
	struct term *t;
	int defaults;
	char *got;

	/* With colours: reads on either theme, every block cell coloured. */
	t = start_painter(24, 80, env_utf8, address);
	ck_assert_msg(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL) == 0,
	    "the painter did not paint:\n%s", term_dump(t));
	assert_screen_reads(t, address, 0, "colour");
	assert_screen_reads(t, address, 1, "colour");
	got = read_screen(t, 0, &defaults);
	ck_assert_int_eq(defaults, 0);
	free(got);
	term_free(t);

	/* Without colours: reverse video, read on a dark theme. */
	t = start_painter(24, 80, env_mono, address);
	ck_assert_int_eq(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL), 0);
	assert_screen_reads(t, address, 0, "no colour");
	term_free(t);
	t = start_painter(24, 80, env_vt100, address);
	ck_assert_int_eq(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL), 0);
	assert_screen_reads(t, address, 0, "vt100");
	term_free(t);
}
END_TEST

/* The wide form, where it fits: in the C locale, and in UTF-8 too. */
START_TEST(painter_wide)
{
	const char *address = paint_addresses[_i];
	struct term *t;

	t = start_painter(45, 90, env_utf8, address);
	ck_assert_msg(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL) == 0,
	    "the painter did not paint:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, "\xe2\x96", NULL, NULL) == -1,
	    "half blocks where the wide form fits:\n%s", term_dump(t));
	assert_screen_reads(t, address, 0, "wide, UTF-8, colour");
	term_free(t);
	t = start_painter(45, 90, env_ascii, address);
	ck_assert_msg(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL) == 0,
	    "the painter did not paint:\n%s", term_dump(t));
	/* No half block in the C locale. */
	ck_assert_int_eq(term_find(t, "\xe2\x96", NULL, NULL), -1);
	assert_screen_reads(t, address, 0, "ASCII, colour");
	assert_screen_reads(t, address, 1, "ASCII, colour");
	term_free(t);
	t = start_painter(45, 90,
	    (const char *const[]){ "TERM=vt100", "LANG=C", NULL }, address);
	ck_assert_int_eq(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL), 0);
	assert_screen_reads(t, address, 0, "ASCII, vt100");
	term_free(t);
	/* 80x24 is too small for the ASCII form: a line, not a code. */
	t = start_painter(24, 80, env_ascii, address);
	ck_assert_int_eq(term_wait_text(t, PAINT_SMALL, 3000, NULL, NULL), 0);
	ck_assert_ptr_null(read_screen(t, 0, NULL));
	term_free(t);
}
END_TEST

/* The reading is not lenient: the code's own polarity matters. */
START_TEST(painter_theme_matters)
{
	struct term *t = start_painter(24, 80, env_mono, "kidshelpphone.ca");
	char *got;

	ck_assert_int_eq(term_wait_text(t, PAINT_SCAN, 3000, NULL, NULL), 0);
	/* Reverse video on a light theme turns the code inside out. */
	got = read_screen(t, 1, NULL);
	ck_assert_msg(got == NULL, "inverted code read as %s", got);
	term_free(t);
}
END_TEST

/* safesteps itself. */

static struct guide *english;

/* content/en.json (from SAFESTEPS_CONTENT_DIR), loaded once. */
static const struct guide *
guide_en(void)
{
	if (english == NULL)
		english = cli_guide_of("en");
	return english;
}

/* Whether the start screen's title is on the first row, or the program
 * has ended. */
static int
started(struct term *t, void *arg)
{
	const char *title = arg;

	return term_exited(t) || term_find_in_row(t, 0, title) == 0;
}

static struct term *
start_safesteps(int rows, int cols, const char *const *env)
{
	const char *bin = getenv("SAFESTEPS_BIN");
	const char *argv[] = { bin != NULL ? bin : "build/tests/bin/safesteps",
		"--content", cli_content_dir(), "--lang", "en", NULL };
	const struct guide *g = guide_en();
	char *title = gs_words(g->screens[g->start].title, 30);
	struct term *t;
	int status = 0, tries;

	/*
	 * A failed exec (127) is tried once more: in a shared work tree the
	 * binary may be being linked again just then.
	 */
	for (tries = 0; tries < 2; tries++) {
		t = term_start(rows, cols, env, argv);
		ck_assert_ptr_nonnull(t);
		/* Wait for the first frame. */
		term_wait_until(t, started, title, 5000);
		if (!term_exited(t)) {
			free(title);
			return t;
		}
		term_wait_exit(t, 0, &status);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 127)
			break;
		term_free(t);
		t = NULL;
		nanosleep(&(struct timespec){ 0, 500 * 1000 * 1000 }, NULL);
	}
	ck_abort_msg("%s ended at once (status 0x%x)%s%s", argv[0],
	    (unsigned)status, t != NULL ? ":\n" : "",
	    t != NULL ? term_dump(t) : "");
	return NULL;
}

/* The first bytes of a UI string, cut at a character boundary. */
static char *
ui_prefix(const struct guide *g, enum guide_ui which, size_t max)
{
	const char *s = g->ui[which];
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return xstrndup(s, n);
}

START_TEST(help_screen_code)
{
	const struct guide *g = guide_en();
	const struct guide_screen *help = &g->screens[g->help];
	struct term *t = start_safesteps(24, 80, env_utf8);
	char *scan = ui_prefix(g, GUIDE_UI_QR_SCAN, 24);
	size_t i;

	gs_ch_settle(t, 'h');
	ck_assert_msg(term_wait_text(t, help->title, 5000, NULL, NULL) == 0,
	    "h did not open the help screen:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, "\xe2\x96", NULL, NULL) == -1,
	    "a code before c:\n%s", term_dump(t));
	gs_ch_settle(t, 'c');
	ck_assert_msg(term_wait_text(t, scan, 5000, NULL, NULL) == 0,
	    "c showed no code:\n%s", term_dump(t));
	for (i = 0; i < help->nresources; i++)
		if (g->resources[help->resources[i]].web != NULL)
			break;
	ck_assert_uint_lt(i, help->nresources);
	ck_assert_msg(term_find(t, g->resources[help->resources[i]].name, NULL,
			  NULL) == 0,
	    "the code's resource is not named:\n%s", term_dump(t));
	/* 80x24 is too short for the wide form: half blocks. */
	ck_assert_msg(term_find(t, "\xe2\x96\x84", NULL, NULL) == 0,
	    "no half blocks at 80x24:\n%s", term_dump(t));
	assert_screen_reads(
	    t, g->resources[help->resources[i]].web, 0, "help, c");
	/* With colours set, the code reads on a light theme too. */
	assert_screen_reads(
	    t, g->resources[help->resources[i]].web, 1, "help, c");
	/* Back hides it. */
	ck_assert_int_eq(term_send_key(t, TERM_KEY_LEFT), 0);
	ck_assert_msg(term_wait_gone(t, scan, 3000) == 0,
	    "Back did not hide the code:\n%s", term_dump(t));
	ck_assert_ptr_null(read_screen(t, 0, NULL));
	free(scan);
	term_free(t);
}
END_TEST

/* The key hint names c only where a code is available; elsewhere c does
 * nothing. */
START_TEST(no_code_without_address)
{
	const struct guide *g = guide_en();
	const struct guide_screen *start = &g->screens[g->start];
	struct term *t = start_safesteps(24, 80, env_utf8);
	char *scan = ui_prefix(g, GUIDE_UI_QR_SCAN, 24);
	char *hint = ui_prefix(g, GUIDE_UI_HINT_QR, 40);
	size_t r;

	for (r = 0; r < start->nresources; r++)
		ck_assert_ptr_null(g->resources[start->resources[r]].web);
	ck_assert_msg(term_wait_text(t, start->title, 5000, NULL, NULL) == 0,
	    "no start screen:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, hint, NULL, NULL) == -1,
	    "\"%s\" in the hint without a code:\n%s", hint, term_dump(t));
	gs_ch_settle(t, 'c');
	ck_assert_int_eq(term_find(t, scan, NULL, NULL), -1);
	ck_assert_ptr_null(read_screen(t, 0, NULL));
	gs_ch_settle(t, 'h');
	ck_assert_msg(term_wait_text(t, hint, 5000, NULL, NULL) == 0,
	    "\"%s\" not in the help screen's hint:\n%s", hint, term_dump(t));
	free(scan);
	free(hint);
	term_free(t);
}
END_TEST

/*
 * A code as it was read on one screen: the picture (shot_cell) of the rows
 * between the resource's name and the "scan" line, on a dark and on a
 * light theme.  Where another screen shows the same address at the same
 * size and in the same mode, the same picture reads the same.
 */
struct code_shot {
	const char *address;
	int n, cols;      /* rows, columns */
	unsigned char *p; /* per cell: 1 top dark, 2 bottom dark; +4: light
			     theme */
};

/* A code on the screen: its resource's name, and the "scan" line. */
struct code_wait {
	const char *name;
	const char *scan;
	const struct code_shot *shot; /* the picture it must be, or NULL */
};

/*
 * The rows of the code on the screen (between the name and the "scan"
 * line; the name also in the crisis line is below them): *first and how
 * many.  Returns 0, or -1 when no code is shown.
 */
static int
code_rows(struct term *t, const struct code_wait *w, int *first, int *n)
{
	int name_row = -1, scan_row = -1;

	term_find(t, w->name, &name_row, NULL);
	term_find(t, w->scan, &scan_row, NULL);
	if (name_row < 0 || scan_row <= name_row + 1)
		return -1;
	*first = name_row + 1;
	*n = scan_row - name_row - 1;
	return 0;
}

/* The picture of the code now on the screen; -1 if none is shown. */
static int
shot_take(struct term *t, const struct code_wait *w, const char *address,
    struct code_shot *s)
{
	int first, r, c, theme, top, bottom;

	term_size(t, NULL, &s->cols);
	if (code_rows(t, w, &first, &s->n) != 0)
		return -1;
	s->address = address;
	s->p = xcalloc((size_t)s->n * (size_t)s->cols, 1);
	for (theme = 0; theme <= 1; theme++) {
		struct shot sh = { t, theme, 0, 0 };

		for (r = 0; r < s->n; r++) {
			for (c = 0; c < s->cols; c++) {
				shot_cell(&sh, c, first + r, &top, &bottom);
				s->p[(size_t)r * (size_t)s->cols + (size_t)c] |=
				    (unsigned char)((top | bottom << 1)
						    << (2 * theme));
			}
		}
	}
	return 0;
}

/*
 * Whether the code of w->name is shown and, if w->shot, is its picture;
 * *at is the first cell that differs (-1: none, or no code at all).
 */
static int
code_matches(struct term *t, const struct code_wait *w, long *at)
{
	struct code_shot now;
	size_t i, n;

	*at = -1;
	if (shot_take(t, w, w->shot != NULL ? w->shot->address : "", &now))
		return 0;
	if (w->shot == NULL) {
		free(now.p);
		return 1;
	}
	n = (size_t)now.n * (size_t)now.cols;
	if (now.n != w->shot->n)
		*at = 0;
	for (i = 0; *at < 0 && i < n; i++)
		if (now.p[i] != w->shot->p[i])
			*at = (long)i;
	free(now.p);
	return *at < 0;
}

static int
code_ok(struct term *t, void *arg)
{
	long at;

	return code_matches(t, arg, &at);
}

/*
 * Wait until the code of w->name is shown (the program may still be
 * drawing on a busy machine) and, if w->shot, is the same picture.
 */
static void
expect_code(struct term *t, const struct code_wait *w, const char *what)
{
	long at;

	if (term_wait_until(t, code_ok, (void *)w, 5000) == 0)
		return;
	ck_assert_msg(code_matches(t, w, &at) || at >= 0,
	    "%s: no code of %s between its name and \"%s\":\n%s", what, w->name,
	    w->scan, term_dump(t));
	ck_assert_msg(at < 0,
	    "%s: the code of %s differs from the one read at row %ld, "
	    "column %ld:\n%s",
	    what, w->shot->address, at / w->shot->cols, at % w->shot->cols,
	    term_dump(t));
}

/*
 * Every web resource of every screen: go there, press c once per web
 * resource; read each address's code the first time (on both themes where
 * colours are set), and on later screens expect the same cells.  _i: 0
 * colour at 80x24, 1 no colour at 80x24, 2 the C locale at 140x60, 3
 * vt100 (no colours) at 80x24, 4 colour at 100x40 (the wide form).
 */
START_TEST(every_resource)
{
	static const struct {
		const char *const *env;
		int rows, cols;
		int halves; /* the form this size gets */
		const char *what;
	} runs[] = {
		{ env_utf8, 24, 80, 1, "80x24, colour" },
		{ env_mono, 24, 80, 1, "80x24, no colour" },
		{ env_ascii, 60, 140, 0, "140x60, C locale" },
		{ env_vt100, 24, 80, 1, "80x24, vt100" },
		{ env_utf8, 40, 100, 0, "100x40, colour" },
	};
	const struct guide *g = guide_en();
	unsigned char *read = xcalloc(g->nresources + 1, 1);
	struct code_shot *shots = xcalloc(g->nresources + 1, sizeof *shots);
	size_t nshots = 0, s, r, res, k;
	struct code_wait cw = { NULL, NULL, NULL };
	char *scan = ui_prefix(g, GUIDE_UI_QR_SCAN, 24);
	struct term *t;
	char what[256];
	int depth;

	cw.scan = scan;
	t = start_safesteps(runs[_i].rows, runs[_i].cols, runs[_i].env);
	for (s = 0; s < g->nscreens; s++) {
		const struct guide_screen *sc = &g->screens[s];
		int nweb = 0, keys[64];

		for (r = 0; r < sc->nresources; r++)
			nweb += g->resources[sc->resources[r]].web != NULL;
		if (nweb == 0 || gs_path(g, s, keys, 64) < 0)
			continue;
		depth = gs_go(t, g, s);
		for (r = 0; r < sc->nresources; r++) {
			const struct guide_resource *gr;

			res = sc->resources[r];
			gr = &g->resources[res];
			if (gr->web == NULL)
				continue;
			gs_ch_settle(t, 'c');
			snprintf(what, sizeof what, "%s, screen %s, c %zu",
			    runs[_i].what, sc->id, r + 1);
			for (k = 0; k < nshots; k++)
				if (strcmp(shots[k].address, gr->web) == 0)
					break;
			cw.name = gr->name;
			cw.shot = k < nshots ? &shots[k] : NULL;
			expect_code(t, &cw, what);
			/* The form: half blocks only where the wide one
			 * does not fit, and never in the C locale. */
			if (runs[_i].halves)
				ck_assert_msg(term_find(t, "\xe2\x96\x84", NULL,
						  NULL) == 0,
				    "%s: no half blocks:\n%s", what,
				    term_dump(t));
			else
				ck_assert_msg(
				    term_find(t, "\xe2\x96", NULL, NULL) == -1,
				    "%s: half blocks:\n%s", what, term_dump(t));
			if (k == nshots) {
				assert_screen_reads(t, gr->web, 0, what);
				/* Colours set explicitly read on any theme. */
				if (runs[_i].env == env_utf8)
					assert_screen_reads(
					    t, gr->web, 1, what);
				ck_assert_int_eq(shot_take(t, &cw, gr->web,
						     &shots[nshots++]),
				    0);
			}
			read[res] = 1;
		}
		gs_back_to_start(t, g, depth + 1);
	}
	term_free(t);
	for (res = 0; res < g->nresources; res++)
		ck_assert_msg(g->resources[res].web == NULL || read[res],
		    "%s: resource %s is on no screen reached by choices",
		    runs[_i].what, g->resources[res].id);
	for (k = 0; k < nshots; k++)
		free(shots[k].p);
	free(shots);
	free(read);
	free(scan);
}
END_TEST

/*
 * Where no code fits: one line, never a broken code.  A window wide enough
 * for the code asks to be taller; one too narrow (the C locale's wide
 * form needs 58 columns for this code) to be bigger.
 */
START_TEST(too_small)
{
	static const struct {
		const char *const *env;
		int rows, cols;
		enum guide_ui line;
	} runs[] = {
		{ env_utf8, 14, 50, GUIDE_UI_QR_TALLER },
		{ env_ascii, 24, 80, GUIDE_UI_QR_TALLER },
		{ env_ascii, 40, 50, GUIDE_UI_QR_TOO_SMALL },
	};
	const struct guide *g = guide_en();
	struct term *t =
	    start_safesteps(runs[_i].rows, runs[_i].cols, runs[_i].env);
	char *small = ui_prefix(g, runs[_i].line, 20);
	char *scan = ui_prefix(g, GUIDE_UI_QR_SCAN, 24);

	gs_ch_settle(t, 'h');
	gs_ch_settle(t, 'c');
	ck_assert_msg(term_wait_text(t, small, 5000, NULL, NULL) == 0,
	    "no \"%s\" at %dx%d:\n%s", small, runs[_i].cols, runs[_i].rows,
	    term_dump(t));
	ck_assert_msg(term_find(t, "\xe2\x96", NULL, NULL) == -1,
	    "half blocks at %dx%d:\n%s", runs[_i].cols, runs[_i].rows,
	    term_dump(t));
	ck_assert_msg(term_find(t, scan, NULL, NULL) == -1,
	    "a code at %dx%d:\n%s", runs[_i].cols, runs[_i].rows, term_dump(t));
	free(scan);
	free(small);
	term_free(t);
}
END_TEST

/* Lines of a handout, and which of them are one printed code. */
struct printed {
	char **lines;
	size_t first, n; /* the code's lines */
	int cols;        /* the widest of them, in characters */
	int utf8;
};

/*
 * Whether a printed line is a line of a code: nothing but the code's
 * glyphs, and some ink.  Sets *chars to its length in characters.
 */
static int
code_line(const char *s, int utf8, int *chars)
{
	int n = 0, ink = 0;

	while (*s != '\0') {
		if (*s == ' ') {
			s++;
		} else if (!utf8 && *s == '#') {
			s++;
			ink = 1;
		} else if (utf8 && strncmp(s, "\xe2\x96", 2) == 0 &&
			   (strncmp(s, "\xe2\x96\x80", 3) == 0 ||
			       strncmp(s, "\xe2\x96\x84", 3) == 0 ||
			       strncmp(s, "\xe2\x96\x88", 3) == 0)) {
			s += 3;
			ink = 1;
		} else {
			return 0;
		}
		n++;
	}
	*chars = n;
	return ink;
}

static void
printed_cell(void *arg, int col, int row, int *top_dark, int *bottom_dark)
{
	const struct printed *p = arg;
	const char *s = p->lines[p->first + (size_t)row];
	int i;

	*top_dark = *bottom_dark = 0;
	for (i = 0; i < col && *s != '\0'; i++)
		s += *s == ' ' || *s == '#' ? 1 : 3;
	if (*s == '\0' || *s == ' ')
		return;
	if (*s == '#') {
		*top_dark = *bottom_dark = 1;
	} else {
		char glyph[4];

		memcpy(glyph, s, 3);
		glyph[3] = '\0';
		glyph_ink(glyph, top_dark, bottom_dark);
	}
}

/*
 * Every code in the handout, in the locale of env: each must read as one
 * of the content's addresses, and each address must be printed.
 */
START_TEST(handout)
{
	static const char *const envs[][3] = {
		{ "LANG=C.UTF-8", NULL, NULL },
		{ "LANG=C", NULL, NULL },
	};
	const struct guide *g = guide_en();
	const char *argv[] = { run_bin(), "--content", cli_content_dir(),
		"--print", "--qr", "--lang", "en", NULL };
	struct run_result r;
	struct printed p;
	struct pbm pic;
	unsigned char *seen = xcalloc(g->nresources + 1, 1);
	char **lines = NULL, *line, *save = NULL, *got, *want;
	size_t nlines = 0, i, res, ncodes = 0;
	int chars, same;

	p.utf8 = _i == 0;
	ck_assert_int_eq(run_cmd(argv, envs[_i], NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(r.status == 0, "--print --qr failed: %s", r.err);
	for (line = strtok_r(r.out, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		lines = xreallocarray(lines, nlines + 1, sizeof *lines);
		lines[nlines++] = line;
	}
	p.lines = lines;
	for (i = 0; i < nlines;) {
		if (!code_line(lines[i], p.utf8, &chars)) {
			i++;
			continue;
		}
		p.first = i;
		p.cols = 0;
		while (i < nlines && code_line(lines[i], p.utf8, &chars)) {
			if (chars > p.cols)
				p.cols = chars;
			i++;
		}
		p.n = i - p.first;
		pbm_from_cells(&pic, p.cols, (int)p.n, printed_cell, &p);
		got = pbm_zbar(&pic, 2);
		pbm_free(&pic);
		ck_assert_msg(got != NULL,
		    "%s: the code at line %zu reads as "
		    "nothing",
		    envs[_i][0], p.first + 1);
		for (res = 0; res < g->nresources; res++) {
			if (g->resources[res].web == NULL)
				continue;
			want = xasprintf("https://%s", g->resources[res].web);
			same = strcmp(got, want) == 0;
			free(want);
			if (same) {
				seen[res] = 1;
				break;
			}
		}
		ck_assert_msg(res < g->nresources,
		    "%s: a printed code reads \"%s\"", envs[_i][0], got);
		free(got);
		ncodes++;
	}
	for (res = 0; res < g->nresources; res++)
		ck_assert_msg(g->resources[res].web == NULL || seen[res],
		    "%s: no printed code for %s (%zu codes)", envs[_i][0],
		    g->resources[res].web, ncodes);
	free(lines);
	free(seen);
	run_free(&r);
}
END_TEST

/* The barcode reader these tests need. */
#define ZBAR "zbarimg", "zbar-tools"

static Suite *
qr_term_suite(void)
{
	Suite *s = suite_create("qr_term");
	TCase *painter = tcase_create("painter");
	TCase *app = tcase_create("safesteps");

	tcase_set_timeout(painter, term_seconds(60));
	/* Every test here reads codes off the screen with zbarimg. */
	tool_add_loop_test(painter, painter_half_blocks, 0,
	    (int)(sizeof paint_addresses / sizeof paint_addresses[0]), ZBAR);
	tool_add_loop_test(painter, painter_wide, 0,
	    (int)(sizeof paint_addresses / sizeof paint_addresses[0]), ZBAR);
	tool_add_test(painter, painter_theme_matters, ZBAR);
	suite_add_tcase(s, painter);
	tcase_set_timeout(app, term_seconds(120));
	tool_add_test(app, help_screen_code, ZBAR);
	tool_add_test(app, no_code_without_address, ZBAR);
	tool_add_loop_test(app, every_resource, 0, 5, ZBAR);
	tcase_add_loop_test(app, too_small, 0, 3);
	tool_add_loop_test(app, handout, 0, 2, ZBAR);
	suite_add_tcase(s, app);
	return s;
}

int
main(int argc, char **argv)
{
	int failed;

	if (argc == 3 && strcmp(argv[1], "--paint") == 0)
		return paint_child(argv[2]);
	if (realpath(argv[0], self) == NULL) {
		perror(argv[0]);
		return 1;
	}
	failed = gs_run(qr_term_suite());
	guide_free(english);
	return failed;
}
