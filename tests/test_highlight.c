/*
 * test_highlight.c: the full screen shows the highlighted item by reverse
 * video and the terminal cursor, never by a change of text, so that a
 * screen reader that speaks every changed line (Fenrir) says only the
 * line the cursor moved to, and a braille display or a low-vision reader
 * follows the cursor.
 *
 * Through libvterm (term.h): a move changes no row's text; the highlight
 * is reverse video with the colour pair, or with bold without colour; a
 * terminal with no reverse video gets the "> " marker instead.  Through
 * tmux, a real terminal emulator: on every screen of the guide, at 80x24
 * and at 40x12, tmux reports the cursor shown (#{cursor_flag}) and on the
 * highlighted row, before and after a Down.  tmux runs on a server of its
 * own (tmux -L) with its socket in a temporary directory that the
 * fixture removes, whatever the test did; no tmux is a counted skip.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guide.h"
#include "guidescreen.h"
#include "run.h"
#include "term.h"
#include "tmpdir.h"
#include "tool.h"
#include "xmalloc.h"

static struct guide *en, *fr;

/* The highlighted item's colour pair (tui.c): cyan, black, reversed. */
#define PAIR_FG 6
#define PAIR_BG 0

/* The start screen's choice i. */
static const char *
start_choice(size_t i)
{
	return gs_screen(en, "start")->choices[i].label;
}

/*
 * Every row's text at once (term_screen_text), copied.  Caller frees.
 */
static char *
screen_copy(struct term *t)
{
	return xstrdup(term_screen_text(t));
}

/* Fail unless t's screen reads exactly as before (a copy from
 * screen_copy). */
static void
expect_same_text(struct term *t, const char *before, const char *what)
{
	const char *now = term_screen_text(t);

	ck_assert_msg(strcmp(before, now) == 0,
	    "%s changed the screen's text; before:\n%s\nafter:\n%s", what,
	    before, now);
}

/* A Down, an Up to a to-do item: the highlight and the cursor move, the
 * text of every row stays. */
START_TEST(move_changes_no_text)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	const struct guide_screen *st;
	char *before;

	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, start_choice(0));
	before = screen_copy(t);
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, start_choice(1));
	expect_same_text(t, before, "Down on the start screen");
	free(before);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, start_choice(0));
	gs_walk_to_step(t, en, 1);
	st = gs_screen(en, en->screens[en->steps[0].screen].id);
	gs_reveal(t);
	gs_expect_highlight(t, st->choices[0].label);
	before = screen_copy(t);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, st->todos[st->ntodos - 1].text);
	expect_same_text(t, before, "Up to a to-do item on step 1");
	free(before);
	term_free(t);
}
END_TEST

/*
 * Row r from its first column to its last drawn character: every cell
 * reverse, and bold and the colours as wanted (fg, bg: palette indexes,
 * -1 for the terminal's own).
 */
static void
expect_row_highlighted(struct term *t, int r, int bold, int fg, int bg)
{
	const char *text = term_row_text(t, r);
	struct term_cell cell;
	int c, cols;

	term_size(t, NULL, &cols);
	ck_assert_msg(text[0] != '\0', "row %d is blank", r);
	for (c = GS_GUTTER; c < cols; c++) {
		ck_assert_int_eq(term_cell(t, r, c, &cell), 0);
		if (cell.text[0] == '\0')
			break; /* past the text */
		ck_assert_msg(cell.reverse && cell.bold == bold &&
				  cell.fg == fg && cell.bg == bg,
		    "row %d col %d (\"%s\"): reverse %d bold %d fg %d bg %d, "
		    "not reverse 1 bold %d fg %d bg %d:\n%s",
		    r, c, cell.text, cell.reverse, cell.bold, cell.fg, cell.bg,
		    bold, fg, bg, term_dump(t));
	}
	for (c = 0; c < GS_GUTTER; c++) {
		ck_assert_int_eq(term_cell(t, r, c, &cell), 0);
		ck_assert_msg(cell.reverse,
		    "row %d: the gutter is not "
		    "reversed:\n%s",
		    r, term_dump(t));
	}
}

/* Only the highlighted item's rows have reverse video. */
static void
expect_reverse_only_on(struct term *t, int row)
{
	struct term_cell cell;
	int rows, cols, r, c;

	term_size(t, &rows, &cols);
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols && r != row; c++) {
			ck_assert_int_eq(term_cell(t, r, c, &cell), 0);
			ck_assert_msg(!cell.reverse,
			    "reverse video at row %d col %d, the highlight "
			    "is on row %d:\n%s",
			    r, c, row, term_dump(t));
		}
}

/* With colour: reverse video in the highlight's pair (black on cyan). */
START_TEST(highlight_in_colour)
{
	struct term *t = gs_start(24, 80, gs_env_xterm, NULL);
	int r;

	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, start_choice(1));
	r = gs_marked_row(t);
	expect_row_highlighted(t, r, 0, PAIR_FG, PAIR_BG);
	expect_reverse_only_on(t, r);
	term_free(t);
}
END_TEST

/* Without colour (NO_COLOR, --no-color, vt100): reverse video and bold. */
START_TEST(highlight_without_colour)
{
	static const char *const env_nc[] = { "TERM=xterm-256color",
		"LANG=C.UTF-8", "NO_COLOR=1", NULL };
	static const char *const env_vt[] = { "TERM=vt100", "LANG=C.UTF-8",
		NULL };
	const char *const *env = _i == 0 ? env_nc : env_vt;
	struct term *t = _i == 1 ? gs_start(24, 80, env, "--no-color", NULL)
				 : gs_start(24, 80, env, NULL);
	int r;

	gs_wait_screen(t, en, "start");
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, start_choice(1));
	r = gs_marked_row(t);
	expect_row_highlighted(t, r, 1, -1, -1);
	expect_reverse_only_on(t, r);
	term_free(t);
}
END_TEST

/* The libvterm tests' directory (a terminfo entry), made and removed by
 * an unchecked fixture: in the parent, so it goes even after a failure. */
static char *vt_dir;

static void
vt_setup(void)
{
	vt_dir = tmpdir_make("safesteps-highlight");
}

static void
vt_teardown(void)
{
	tmpdir_remove(vt_dir);
	free(vt_dir);
	vt_dir = NULL;
}

/*
 * A terminal type like xterm-256color with no reverse video and no
 * standout (as vt52 or adm3a), compiled with tic into dir.
 */
static void
make_norev_terminfo(const char *dir)
{
	char *src = xasprintf("%s/norev.ti", dir), *tic = tool_path("tic");
	const char *argv[] = { tic, "-x", "-o", dir, src, NULL };
	const char *env[] = { "LANG=C", NULL };
	struct run_result r;
	FILE *f = fopen(src, "w");

	ck_assert_msg(f != NULL, "cannot write %s", src);
	fputs("xterm-norev|xterm without reverse video or standout,\n"
	      "\trev@, smso@, rmso@, sgr@, use=xterm-256color,\n",
	    f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(r.status == 0, "tic failed: %s", r.err);
	run_free(&r);
	free(src);
	free(tic);
}

/* The row that starts with "> " and label's first words, or -1. */
static int
arrow_row(struct term *t, const char *label)
{
	char *want = xasprintf("> %s", label), *w = gs_words(want, 40);
	int r = -1;

	term_find(t, w, &r, NULL);
	free(w);
	free(want);
	return r;
}

/* Whether the "> " is on the start screen's choice *(size_t *)arg
 * (from 0). */
static int
arrow_on(struct term *t, void *arg)
{
	size_t i = *(size_t *)arg;
	char *label = xasprintf("%zu. %s", i + 1, start_choice(i));
	int r = arrow_row(t, label);

	free(label);
	return r >= 0;
}

/* How many rows start with "> ". */
static int
arrows(struct term *t)
{
	int rows, r, n = 0;

	term_size(t, &rows, NULL);
	for (r = 0; r < rows; r++)
		n += strncmp(term_row_text(t, r), "> ", 2) == 0;
	return n;
}

/*
 * A terminal that has no reverse video: the "> " marker says which item
 * is highlighted (the text must say it there), and the cursor is on it.
 */
START_TEST(no_reverse_video_gets_marker)
{
	const char *dir = vt_dir;
	char *ti = xasprintf("TERMINFO=%s", dir);
	const char *env[] = { "TERM=xterm-norev", "LANG=C.UTF-8", ti, NULL };
	char *one = xasprintf("1. %s", start_choice(0));
	size_t first = 0, second = 1;
	struct term *t;
	int r, cr, vis;

	if (!tool_need("no_reverse_video_gets_marker", "tic", "ncurses-bin")) {
		free(one);
		free(ti);
		return;
	}
	make_norev_terminfo(dir);
	t = gs_start(24, 80, env, NULL);
	gs_wait_screen(t, en, "start");
	ck_assert_msg(term_wait_until(t, arrow_on, &first, GS_WAIT_MS) == 0,
	    "no \"> \" on the first choice:\n%s", term_dump(t));
	ck_assert_int_eq(arrows(t), 1);
	r = arrow_row(t, one);
	term_cursor(t, &cr, NULL, &vis);
	ck_assert_msg(vis && cr == r,
	    "cursor on row %d (shown %d), not %d:\n%s", cr, vis, r,
	    term_dump(t));
	gs_key(t, TERM_KEY_DOWN);
	ck_assert_msg(term_wait_until(t, arrow_on, &second, GS_WAIT_MS) == 0,
	    "Down did not move the marker:\n%s", term_dump(t));
	ck_assert_int_eq(arrows(t), 1);
	term_free(t);
	free(one);
	free(ti);
}
END_TEST

/*
 * tmux.  The fixture (in the parent process, so it runs even after a
 * failed test) names the server and makes its socket directory, then
 * kills the server and removes the directory.
 */
static char *tm_dir;
static char tm_name[64];
static char *tm_bin;

static void
tmux_setup(void)
{
	tm_bin = tool_path("tmux");
	tm_dir = tmpdir_make("safesteps-highlight");
	snprintf(tm_name, sizeof tm_name, "safesteps-test-%ld", (long)getpid());
}

static const char *const *tmux_env(void);

/* Kill the server, if one runs. */
static void
tmux_teardown_server(void)
{
	const char *argv[] = { tm_bin, "-L", tm_name, "kill-server", NULL };
	struct run_result r;

	if (tm_bin != NULL &&
	    run_cmd(argv, tmux_env(), NULL, 0, NULL, 5000, &r) == 0)
		run_free(&r);
}

static void
tmux_teardown(void)
{
	tmux_teardown_server();
	tmpdir_remove(tm_dir);
	free(tm_dir);
	free(tm_bin);
	tm_dir = tm_bin = NULL;
}

static const char *const *
tmux_env(void)
{
	static char dirvar[4096];
	static const char *env[] = { dirvar, "LANG=C.UTF-8",
		"TERM=xterm-256color", NULL };

	snprintf(dirvar, sizeof dirvar, "TMUX_TMPDIR=%s", tm_dir);
	return env;
}

/* Run "tmux -L name" with the arguments (NULL-terminated); fails the test
 * unless it succeeds.  Returns its output.  Caller frees. */
static char *
tmux(const char *a, ...)
{
	const char *argv[16];
	struct run_result r;
	va_list ap;
	char *out;
	int n = 0;

	argv[n++] = tm_bin;
	argv[n++] = "-L";
	argv[n++] = tm_name;
	argv[n++] = a;
	va_start(ap, a);
	while (n < 15 && (argv[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	argv[n] = NULL;
	ck_assert_int_eq(run_cmd(argv, tmux_env(), NULL, 0, NULL, 5000, &r), 0);
	ck_assert_msg(r.status == 0, "tmux %s failed: %s", a, r.err);
	out = r.out;
	r.out = NULL;
	run_free(&r);
	return out;
}

/* What tmux shows: the rows' text, the row of the first text in reverse
 * video (-1: none), the cursor and whether it is shown. */
struct pane {
	char *text; /* capture-pane -p */
	int reverse_row;
	int cx, cy, shown;
};

/*
 * Reverse video after an SGR sequence with parameters p (up to the final
 * "m"), from rev: 7 turns it on, 27 off, 0 or nothing resets.  Returns
 * where the sequence ends.
 */
static const char *
sgr(const char *p, int *rev)
{
	long v = 0;

	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p - '0');
			continue;
		}
		if (v == 7)
			*rev = 1;
		else if (v == 0 || v == 27)
			*rev = 0;
		v = 0;
		if (*p != ';' && *p != ':')
			return *p != '\0' ? p + 1 : p;
	}
}

/*
 * A capture with escapes (capture-pane -e): its text without them into
 * *text (caller frees), and the first row that has text drawn in reverse
 * video, or -1.
 */
static int
first_reverse_row(const char *s, char **text)
{
	char *t = xmalloc(strlen(s) + 1), *o = t;
	int row = 0, rev = 0, found = -1;

	while (*s != '\0') {
		if (s[0] == '\033' && s[1] == '[') {
			s = sgr(s + 2, &rev);
			continue;
		}
		if (*s == '\n')
			row++;
		else if (rev && *s != ' ' && found < 0)
			found = row;
		*o++ = *s++;
	}
	*o = '\0';
	*text = t;
	return found;
}

static void
pane_free(struct pane *p)
{
	free(p->text);
	p->text = NULL;
}

/* What the pane shows now: one tmux command, so the cursor and the
 * rows are of the same moment. */
static void
pane_read(struct pane *p)
{
	char *out = tmux("display-message", "-p", "-t",
	    "g:", "#{cursor_flag} #{cursor_x} #{cursor_y}", ";", "capture-pane",
	    "-p", "-e", "-t", "g:", NULL);
	const char *nl = strchr(out, '\n');

	ck_assert_int_eq(sscanf(out, "%d %d %d", &p->shown, &p->cx, &p->cy), 3);
	ck_assert_ptr_nonnull(nl);
	p->reverse_row = first_reverse_row(nl + 1, &p->text);
	free(out);
}

/*
 * Wait until the pane shows screen id of g (its title's first words on
 * the first row) and two reads 10 ms apart agree; fill p.
 */
static void
pane_wait_screen(
    struct pane *p, const struct guide *g, const char *id, int cols)
{
	const struct guide_screen *sc = gs_screen(g, id);
	char *title = gs_words(sc->title, cols < 40 ? cols : 40);
	long long end = term_now_ms() + term_ms(GS_WAIT_MS);
	struct pane last = { 0 };

	for (;;) {
		pane_read(p);
		if (strncmp(p->text, title, strlen(title)) == 0 &&
		    last.text != NULL && strcmp(last.text, p->text) == 0 &&
		    last.reverse_row == p->reverse_row && last.cy == p->cy &&
		    last.cx == p->cx)
			break;
		ck_assert_msg(term_now_ms() < end,
		    "tmux %dx?: screen %s (\"%s\") not shown:\n%s", cols, id,
		    title, p->text);
		pane_free(&last);
		last = *p;
		p->text = NULL;
		term_sleep_ms(10);
	}
	pane_free(&last);
	free(title);
}

/* The cursor shown, on the highlighted row, at the item's text. */
static void
expect_cursor_on_highlight(const struct pane *p, const char *where)
{
	ck_assert_msg(p->shown == 1,
	    "%s: tmux reports the cursor hidden (cursor_flag %d):\n%s", where,
	    p->shown, p->text);
	ck_assert_msg(p->reverse_row >= 0,
	    "%s: no highlighted item in view:\n%s", where, p->text);
	ck_assert_msg(p->cy == p->reverse_row && p->cx == GS_GUTTER,
	    "%s: the cursor at %d,%d, the highlight on row %d:\n%s", where,
	    p->cy, p->cx, p->reverse_row, p->text);
}

/* Row r of text (rows apart by newlines), or "" when there is none.
 * Caller frees. */
static char *
row_of(const char *text, int r)
{
	const char *end;

	while (r > 0 && text != NULL && (text = strchr(text, '\n')) != NULL) {
		text++;
		r--;
	}
	if (r != 0 || text == NULL)
		return xstrdup("");
	end = strchr(text, '\n');
	return xstrndup(
	    text, end != NULL ? (size_t)(end - text) : strlen(text));
}

/*
 * On screen id (shown in p): bring the highlighted item into view if it
 * is below the fold (the first Down does), check the cursor on it; then,
 * where there is a next item, a Down, and the cursor on it again.
 */
static void
check_screen(
    struct pane *p, const struct guide *g, const char *id, int cols, int rows)
{
	const struct guide_screen *sc = gs_screen(g, id);
	char *where = xasprintf("%s at %dx%d", id, cols, rows);

	if (p->reverse_row < 0) {
		long long end = term_now_ms() + term_ms(GS_WAIT_MS);

		ck_assert_msg(p->shown == 1,
		    "%s: tmux reports the cursor hidden:\n%s", where, p->text);
		free(tmux("send-keys", "-t", "g:", "Down", NULL));
		/* until the Down has been read: the item comes into view */
		do {
			ck_assert_msg(term_now_ms() < end,
			    "%s: Down did not bring the highlight into "
			    "view:\n%s",
			    where, p->text);
			pane_free(p);
			pane_wait_screen(p, g, id, cols);
		} while (p->reverse_row < 0);
	}
	expect_cursor_on_highlight(p, where);
	if (sc->nchoices > 1 || sc->kind == GUIDE_KIND_LANGUAGES) {
		/* the highlight moves to the next item (which may scroll
		 * into the same row) */
		char *before = row_of(p->text, p->reverse_row), *now = NULL;
		long long end = term_now_ms() + term_ms(GS_WAIT_MS);

		free(tmux("send-keys", "-t", "g:", "Down", NULL));
		do {
			ck_assert_msg(term_now_ms() < end,
			    "%s: Down did not move the highlight:\n%s", where,
			    p->text);
			pane_free(p);
			free(now);
			pane_wait_screen(p, g, id, cols);
			now = row_of(p->text, p->reverse_row);
		} while (strcmp(now, before) == 0);
		expect_cursor_on_highlight(p, where);
		free(before);
		free(now);
	}
	free(where);
}

/*
 * Every screen of the guide, at 80x24 and at 40x12, in one tmux: from
 * the start by digits, checked, and back to the start with b.
 */
START_TEST(tmux_cursor_on_every_screen)
{
	static const int sizes[][2] = { { 80, 24 }, { 40, 12 } };
	int cols = sizes[_i][0], rows = sizes[_i][1];
	size_t nl = fr != NULL ? 2 : 1, s, k;
	char *cmd, x[16], y[16];
	struct pane p = { 0 };

	if (!tool_need("tmux_cursor_on_every_screen", "tmux", "tmux"))
		return;
	tmux_teardown_server();
	snprintf(x, sizeof x, "%d", cols);
	snprintf(y, sizeof y, "%d", rows);
	cmd = xasprintf("exec '%s' --content '%s'", gs_bin(), gs_content_dir());
	free(tmux("-f", "/dev/null", "new-session", "-d", "-s", "g", "-x", x,
	    "-y", y, cmd, NULL));
	free(cmd);
	for (s = 0; s < en->nscreens; s++) {
		const char *id = en->screens[s].id;
		char *path = gs_digit_path(en, s, nl);
		size_t at = en->start;

		ck_assert_msg(path != NULL, "no way by digits to %s", id);
		pane_wait_screen(&p, en, "start", cols);
		for (k = 0; path[k] != '\0'; k++) {
			const struct guide_screen *cur = &en->screens[at];
			size_t off = cur->kind == GUIDE_KIND_LANGUAGES ? nl : 0;
			char key[2] = { path[k], '\0' };

			/* a digit moves the highlight, Enter chooses */
			free(tmux("send-keys", "-t", "g:", "-l", key, ";",
			    "send-keys", "-t", "g:", "Enter", NULL));
			at = cur->choices[(size_t)(path[k] - '1') - off].target;
			pane_free(&p);
			pane_wait_screen(&p, en, en->screens[at].id, cols);
		}
		check_screen(&p, en, id, cols, rows);
		for (k = 0; path[k] != '\0'; k++)
			free(tmux("send-keys", "-t", "g:", "-l", "b", NULL));
		pane_free(&p);
		free(path);
	}
	free(tmux("send-keys", "-t", "g:", "-l", "q", NULL));
}
END_TEST

static Suite *
highlight_suite(void)
{
	Suite *s = suite_create("highlight");
	TCase *tc = tcase_create("libvterm");
	TCase *tm = tcase_create("tmux");

	tcase_set_timeout(tc, term_seconds(30));
	tcase_add_unchecked_fixture(tc, vt_setup, vt_teardown);
	tcase_add_test(tc, move_changes_no_text);
	tcase_add_test(tc, highlight_in_colour);
	tcase_add_loop_test(tc, highlight_without_colour, 0, 2);
	tcase_add_test(tc, no_reverse_video_gets_marker);
	suite_add_tcase(s, tc);
	tcase_set_timeout(tm, term_seconds(60));
	tcase_add_unchecked_fixture(tm, tmux_setup, tmux_teardown);
	tcase_add_loop_test(tm, tmux_cursor_on_every_screen, 0, 2);
	suite_add_tcase(s, tm);
	return s;
}

int
main(void)
{
	return gs_main("test_highlight", highlight_suite, &en, &fr);
}
