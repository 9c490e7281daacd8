/*
 * guidescreen.c: what the guide looks like on a terminal, for the tests
 * that drive the full-screen mode (see guidescreen.h).
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "guidescreen.h"
#include "layout.h"
#include "load.h"
#include "xmalloc.h"

const char *const gs_env_xterm[] = { "TERM=xterm-256color", "LANG=C.UTF-8",
	NULL };

const char *
gs_bin(void)
{
	return getenv("SAFESTEPS_BIN");
}

const char *
gs_content_dir(void)
{
	return getenv("SAFESTEPS_CONTENT_DIR");
}

/* Run every test of s; 0 when all passed, else 1. */
int
gs_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

/*
 * Run a test program: the environment checked, en (required) and fr
 * loaded before the suite is made, both freed after.  Returns 0 when
 * every test passed, else 1.
 */
int
gs_main(const char *name, Suite *(*make)(void), struct guide **en,
    struct guide **fr)
{
	int failed;

	if (gs_bin() == NULL || gs_content_dir() == NULL) {
		fprintf(stderr,
		    "%s: set SAFESTEPS_BIN and "
		    "SAFESTEPS_CONTENT_DIR\n",
		    name);
		return 1;
	}
	*en = gs_load(gs_content_dir(), "en");
	if (*en == NULL) {
		fprintf(stderr, "%s: no valid %s/en.json\n", name,
		    gs_content_dir());
		return 1;
	}
	*fr = gs_load(gs_content_dir(), "fr");
	failed = gs_run(make());
	guide_free(*en);
	guide_free(*fr);
	*en = *fr = NULL;
	return failed;
}

/*
 * Start "$SAFESTEPS_BIN --content dir" and the options in ap on a new
 * terminal; fails the test if it cannot.  Free with term_free.
 */
struct term *
gs_startv(const char *dir, int rows, int cols, const char *const *env, int err,
    va_list ap)
{
	const char *argv[16];
	const char *a;
	struct term *t;
	int n = 0;

	argv[n++] = gs_bin();
	argv[n++] = "--content";
	argv[n++] = dir;
	while ((a = va_arg(ap, const char *)) != NULL && n < 15)
		argv[n++] = a;
	argv[n] = NULL;
	t = err ? term_start_err(rows, cols, env, argv)
		: term_start(rows, cols, env, argv);
	ck_assert_msg(t != NULL, "cannot start %s", gs_bin());
	return t;
}

/* The program with the content under test and the options after env
 * (NULL-terminated).  Free with term_free. */
struct term *
gs_start(int rows, int cols, const char *const *env, ...)
{
	struct term *t;
	va_list ap;

	va_start(ap, env);
	t = gs_startv(gs_content_dir(), rows, cols, env, 0, ap);
	va_end(ap);
	return t;
}

const char *
gs_ui(const struct guide *g, enum guide_ui which)
{
	return g->ui[which];
}

struct guide *
gs_load(const char *dir, const char *lang)
{
	struct load_report rep = { 0 };
	struct guide *g;
	char *path = xasprintf("%s/%s.json", dir, lang);

	g = load_file(path, &rep);
	if (g == NULL && rep.ndiags > 0) {
		char *msg = load_diag_format(&rep, 0);

		fprintf(stderr, "%s\n", msg);
		free(msg);
	}
	load_report_free(&rep);
	free(path);
	return g;
}

const struct guide_screen *
gs_screen(const struct guide *g, const char *id)
{
	size_t i = guide_screen_find(g, id);

	ck_assert_msg(i != (size_t)-1, "no screen %s in the content", id);
	return &g->screens[i];
}

const char *
gs_para(const struct guide_screen *sc, size_t n)
{
	size_t i;

	for (i = 0; i < sc->nbody; i++) {
		const struct guide_block *b = &sc->body[i];

		if (b->text == NULL || !(b->on & GUIDE_ON_SCREEN))
			continue;
		if (n-- == 0)
			return b->text;
	}
	return NULL;
}

/*
 * The longest run of whole words at the start of text that fits in cols
 * columns (the first word cut if it alone is wider).  Caller frees.
 */
char *
gs_words(const char *text, int cols)
{
	size_t end = 0, i;

	for (i = 0;; i++) {
		if (text[i] == ' ' || text[i] == '\0') {
			if (layout_width(text, i) > cols)
				break;
			end = i;
			if (text[i] == '\0')
				break;
		}
	}
	if (end == 0) /* the first word alone is too wide: cut it */
		return layout_fit(text, cols, NULL);
	return xstrndup(text, end);
}

int
gs_width(const char *s)
{
	return layout_width(s, strlen(s));
}

struct title_wait {
	const char *text;
	const char *step; /* "Step 2 of 5" on row 1, or NULL */
};

static int
title_ok(struct term *t, void *arg)
{
	struct title_wait *w = arg;

	return term_find_in_row(t, 0, w->text) == 0 &&
	       (w->step == NULL || term_find_in_row(t, 1, w->step) == 0);
}

/* "Step n of 5", from the content's template.  Caller frees. */
char *
gs_step_of(const struct guide *g, int n)
{
	char num[16], total[16], *a, *s;

	snprintf(num, sizeof num, "%d", n);
	snprintf(total, sizeof total, "%d", GUIDE_STEPS);
	a = guide_format(gs_ui(g, GUIDE_UI_STEP_OF), "n", num);
	s = guide_format(a, "total", total);
	free(a);
	return s;
}

/* Wait until screen id of g is shown: its title on the first row (and its
 * step on the second). */
void
gs_wait_screen(struct term *t, const struct guide *g, const char *id)
{
	const struct guide_screen *sc = gs_screen(g, id);
	struct title_wait w;
	char *title, *step = NULL;
	int cols;

	term_size(t, NULL, &cols);
	title = gs_words(sc->title, cols < 40 ? cols : 40);
	if (sc->step > 0)
		step = gs_step_of(g, sc->step);
	w.text = title;
	w.step = step;
	ck_assert_msg(term_wait_until(t, title_ok, &w, GS_WAIT_MS) == 0,
	    "screen %s (\"%s\", %s) not shown:\n%s", id, title,
	    step ? step : "no step", term_dump(t));
	free(title);
	free(step);
}

/*
 * Where the item whose text starts with label is: a row below the title
 * with the items' blank two-column gutter.  Returns the row (and *col,
 * where the label starts), or -1.
 */
int
gs_item_row(struct term *t, const char *label, int *col)
{
	int rows, cols, r, c;
	char *w;

	term_size(t, &rows, &cols);
	w = gs_words(label, cols - 8 < 30 ? cols - 8 : 30);
	for (r = 1; r < rows; r++) {
		c = term_find_in_row(t, r, w);
		if (c < 2)
			continue;
		if (strncmp(term_row_text(t, r), "  ", 2) == 0) {
			free(w);
			if (col)
				*col = c;
			return r;
		}
	}
	free(w);
	return -1;
}

/* Whether the cell at r, c is in reverse video. */
static int
reverse_at(struct term *t, int r, int c)
{
	struct term_cell cell;

	return term_cell(t, r, c, &cell) == 0 && cell.reverse;
}

/* Whether row r is marked as the highlighted item: reverse video at col. */
int
gs_marked(struct term *t, int r, int col)
{
	return reverse_at(t, r, col);
}

/*
 * Whether row r is the first row of a highlighted item: its gutter and
 * the text after it in reverse video (a wrapped item's other rows are
 * indented deeper, so their third column is blank).
 */
static int
first_marked_row(struct term *t, int r)
{
	struct term_cell cell;

	return reverse_at(t, r, 0) && term_cell(t, r, GS_GUTTER, &cell) == 0 &&
	       cell.reverse && cell.text[0] != '\0' &&
	       strcmp(cell.text, " ") != 0;
}

int
gs_marked_row(struct term *t)
{
	int rows, r;

	term_size(t, &rows, NULL);
	for (r = 0; r < rows; r++)
		if (first_marked_row(t, r))
			return r;
	return -1;
}

int
gs_nmarked(struct term *t)
{
	int rows, r, n = 0;

	term_size(t, &rows, NULL);
	for (r = 0; r < rows; r++)
		n += first_marked_row(t, r);
	return n;
}

static int
highlight_ok(struct term *t, void *arg)
{
	int r, c, cr;

	r = gs_item_row(t, arg, &c);
	term_cursor(t, &cr, NULL, NULL);
	return r >= 0 && gs_marked(t, r, c) && gs_nmarked(t) == 1 && cr == r;
}

/*
 * Wait until the item labelled label is the highlighted one: in reverse
 * video, the only one, and the terminal cursor shown, on its row, at or
 * before its text.
 */
void
gs_expect_highlight(struct term *t, const char *label)
{
	int r, c, cr, cc, vis;

	term_wait_until(t, highlight_ok, (void *)label, GS_WAIT_MS);
	r = gs_item_row(t, label, &c);
	ck_assert_msg(
	    r >= 0, "item \"%s\" not on screen:\n%s", label, term_dump(t));
	ck_assert_msg(gs_marked(t, r, c),
	    "item \"%s\" (row %d) not marked:\n%s", label, r, term_dump(t));
	ck_assert_msg(gs_nmarked(t) == 1 && gs_marked_row(t) == r,
	    "%d items in reverse video, the first on row %d, not only "
	    "\"%s\" (row %d):\n%s",
	    gs_nmarked(t), gs_marked_row(t), label, r, term_dump(t));
	term_cursor(t, &cr, &cc, &vis);
	ck_assert_msg(vis,
	    "the cursor is hidden: on item \"%s\" a braille display or a "
	    "low-vision reader cannot follow it:\n%s",
	    label, term_dump(t));
	ck_assert_msg(cr == r && cc <= c,
	    "cursor at %d,%d, not on item \"%s\" (row %d, col %d):\n%s", cr, cc,
	    label, r, c, term_dump(t));
}

/* The crisis line: the full one where it fits, else the short one; on one
 * of the last three rows.  Returns its row. */
int
gs_expect_crisis(struct term *t, const struct guide *g)
{
	int rows, cols, r = -1;
	const char *want;

	term_size(t, &rows, &cols);
	want = gs_width(g->crisis) <= cols ? g->crisis : g->crisis_short;
	ck_assert_msg(term_find(t, want, &r, NULL) == 0,
	    "crisis line \"%s\" not shown whole:\n%s", want, term_dump(t));
	ck_assert_msg(r >= rows - 3, "crisis line on row %d of %d:\n%s", r,
	    rows, term_dump(t));
	return r;
}

/* Nothing that would give the reader away: no bell, no flash. */
void
gs_expect_quiet(struct term *t)
{
	ck_assert_msg(term_bells(t) == 0, "the program rang the bell");
	ck_assert_msg(
	    !term_output_has(t, "\007", 1), "the program wrote a BEL byte");
	ck_assert_msg(!term_output_has(t, "\033[?5h", 5),
	    "the program flashed the screen");
}

/* Send a key and check that it could be sent on this terminal type. */
void
gs_key(struct term *t, enum term_key k)
{
	ck_assert_msg(term_send_key(t, k) == 0, "cannot send key %d", k);
}

void
gs_ch(struct term *t, char c)
{
	ck_assert_int_eq(term_send_char(t, (unsigned char)c, 0), 0);
}

/* Send a key and wait until the program has dealt with it. */
void
gs_pick(struct term *t, char digit)
{
	gs_ch(t, digit);
	ck_assert_msg(term_wait_idle(t, GS_WAIT_MS) == 0,
	    "the digit %c was not read:\n%s", digit, term_dump(t));
	gs_key(t, TERM_KEY_ENTER);
}

void
gs_key_settle(struct term *t, enum term_key k)
{
	gs_key(t, k);
	ck_assert_msg(term_wait_idle(t, GS_WAIT_MS) == 0,
	    "the program did not settle:\n%s", term_dump(t));
}

void
gs_ch_settle(struct term *t, char c)
{
	gs_ch(t, c);
	ck_assert_msg(term_wait_idle(t, GS_WAIT_MS) == 0,
	    "the program did not settle after %c:\n%s", c, term_dump(t));
}

static int
one_marked(struct term *t, void *arg)
{
	(void)arg;
	return gs_nmarked(t) == 1;
}

/*
 * A screen opens at its top; when its highlighted item (the first choice)
 * is below the fold, the first Up or Down brings it into view without
 * moving it.  Do that if needed.
 */
void
gs_reveal(struct term *t)
{
	if (gs_nmarked(t) == 1)
		return;
	gs_key(t, TERM_KEY_DOWN);
	ck_assert_msg(term_wait_until(t, one_marked, NULL, GS_WAIT_MS) == 0,
	    "Down did not bring the highlighted item into view:\n%s",
	    term_dump(t));
}

/*
 * The digits that lead from the start screen to screen target (each picks
 * a choice by its number), found breadth first over the content; NULL if
 * there is no way by digits.  Caller frees.
 */
char *
gs_digit_path(const struct guide *g, size_t target, size_t nlangs)
{
	size_t n = g->nscreens, *from = xcalloc(n, sizeof *from);
	char *via = xcalloc(n, 1), *path = NULL;
	size_t *queue = xcalloc(n, sizeof *queue), head = 0, tail = 0, s, i;
	int *seen = xcalloc(n, sizeof *seen);

	queue[tail++] = g->start;
	seen[g->start] = 1;
	while (head < tail) {
		const struct guide_screen *sc = &g->screens[queue[head++]];
		size_t nl = sc->kind == GUIDE_KIND_LANGUAGES ? nlangs : 0;

		for (i = 0; i < sc->nchoices && nl + i < 9; i++) {
			s = sc->choices[i].target;
			if (seen[s])
				continue;
			seen[s] = 1;
			from[s] = (size_t)(sc - g->screens);
			via[s] = (char)('1' + nl + i);
			queue[tail++] = s;
		}
	}
	if (seen[target]) {
		size_t len = 0, k;

		for (s = target; s != g->start; s = from[s])
			len++;
		path = xcalloc(len + 1, 1);
		for (s = target, k = len; s != g->start; s = from[s])
			path[--k] = via[s];
	}
	free(from);
	free(via);
	free(queue);
	free(seen);
	return path;
}

/* From the start screen to step n (1 to 5), by Enter and Down. */
void
gs_walk_to_step(struct term *t, const struct guide *g, int n)
{
	int i;

	gs_wait_screen(t, g, "start");
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, g, "steps");
	for (i = 1; i < n; i++)
		gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, gs_screen(g, "steps")->choices[n - 1].label);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, g, g->screens[g->steps[n - 1].screen].id);
}

/*
 * The program must have left as Esc leaves: exit status 0 within
 * GS_LEAVE_MS of the key, the scrollback cleared where terminfo can, the
 * terminal's modes as before, the cursor shown, the guide gone.
 */
void
gs_expect_left(struct term *t, const struct guide *g, const char *term_name,
    const char *how)
{
	char why[512], *e3;
	int status, ms, vis;

	ms = term_wait_exit(t, GS_LEAVE_MS, &status);
	if (ms < 0) {
		ck_assert_msg(term_wait_exit(t, 2000, &status) >= 0,
		    "%s did not leave:\n%s", how, term_dump(t));
		ck_abort_msg("%s took more than %d ms to leave", how,
		    term_ms(GS_LEAVE_MS));
	}
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "%s: status %#x, not exit 0", how, status);
	e3 = term_terminfo(term_name, "E3");
	if (e3 != NULL) {
		ck_assert_msg(term_output_has(t, e3, strlen(e3)),
		    "%s: the scrollback was not cleared (E3)", how);
		free(e3);
	}
	ck_assert_msg(term_termios_restored(t, why, sizeof why),
	    "%s: the terminal's modes were not restored: %s", how, why);
	term_cursor(t, NULL, NULL, &vis);
	ck_assert_msg(vis, "%s: the cursor was left hidden", how);
	ck_assert_msg(
	    term_find(t, gs_ui(g, GUIDE_UI_HINT_LEAVE), NULL, NULL) < 0,
	    "%s: the guide is still on the screen:\n%s", how, term_dump(t));
	gs_expect_quiet(t);
}

/* Whether row r shows to-do text with "[x] " (ticked) or "[ ] " before. */
int
gs_todo_mark(struct term *t, int r, const char *text)
{
	const char *row = term_row_text(t, r);
	const char *at = strstr(row, text);

	if (at == NULL || at - row < 4)
		return -1;
	if (strncmp(at - 4, "[x] ", 4) == 0)
		return 1;
	if (strncmp(at - 4, "[ ] ", 4) == 0)
		return 0;
	return -1;
}

int
gs_todo_state(struct term *t, const char *text)
{
	int r = gs_item_row(t, text, NULL);

	return r >= 0 ? gs_todo_mark(t, r, text) : -1;
}

static int
ticked_ok(struct term *t, void *arg)
{
	return gs_todo_state(t, arg) == 1;
}

void
gs_wait_ticked(struct term *t, const char *text)
{
	ck_assert_msg(
	    term_wait_until(t, ticked_ok, (void *)text, GS_WAIT_MS) == 0,
	    "\"%s\" not ticked:\n%s", text, term_dump(t));
}

static int
unticked_ok(struct term *t, void *arg)
{
	return gs_todo_state(t, arg) == 0;
}

void
gs_wait_unticked(struct term *t, const char *text)
{
	ck_assert_msg(
	    term_wait_until(t, unticked_ok, (void *)text, GS_WAIT_MS) == 0,
	    "\"%s\" not unticked:\n%s", text, term_dump(t));
}

/* From the start screen to step n of g, up to its last to-do item. */
const char *
gs_walk_to_last_todo(struct term *t, const struct guide *g, int n)
{
	const struct guide_screen *sc;
	const char *todo;

	gs_walk_to_step(t, g, n);
	sc = &g->screens[g->steps[n - 1].screen];
	ck_assert_msg(sc->ntodos > 0 && sc->nchoices > 0,
	    "step %d has no to-do item or no choice", n);
	todo = sc->todos[sc->ntodos - 1].text;
	gs_reveal(t);
	gs_expect_highlight(t, sc->choices[0].label);
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, todo);
	return todo;
}

/* From the start screen of g to the language after g's, by the languages
 * screen. */
void
gs_choose_language(
    struct term *t, const struct guide *g, const struct guide *to)
{
	const struct guide_screen *st = gs_screen(g, "start");
	size_t lang = st->nchoices - 1;

	ck_assert_msg(to != NULL, "no guide to choose");
	ck_assert_str_eq(g->screens[st->choices[lang].target].id, "languages");
	gs_wait_screen(t, g, "start");
	gs_pick(t, (char)('1' + lang));
	gs_wait_screen(t, g, "languages");
	gs_expect_highlight(t, g->lang_name);
	gs_key(t, TERM_KEY_DOWN);
	gs_expect_highlight(t, to->lang_name);
	gs_key(t, TERM_KEY_ENTER);
	ck_assert_msg(
	    term_wait_text(t, to->crisis, GS_WAIT_MS, NULL, NULL) == 0,
	    "no %s crisis line after choosing %s:\n%s", to->lang, to->lang_name,
	    term_dump(t));
}

int
gs_path(const struct guide *g, size_t target, int keys[], int max)
{
	size_t *from = xcalloc(g->nscreens, sizeof *from);
	int *key = xcalloc(g->nscreens, sizeof *key);
	size_t *queue = xcalloc(g->nscreens, sizeof *queue);
	unsigned char *seen = xcalloc(g->nscreens, 1);
	size_t head = 0, tail = 0, s, c, n;
	int len = -1, i;

	queue[tail++] = g->start;
	seen[g->start] = 1;
	while (head < tail) {
		s = queue[head++];
		if (s == target)
			break;
		/* a languages screen lists its languages before its
		 * choices: their digits are not the choices' */
		if (g->screens[s].kind == GUIDE_KIND_LANGUAGES)
			continue;
		for (c = 0; c < g->screens[s].nchoices && c < 9; c++) {
			n = g->screens[s].choices[c].target;
			if (seen[n])
				continue;
			seen[n] = 1;
			from[n] = s;
			key[n] = (int)c + 1;
			queue[tail++] = n;
		}
	}
	if (seen[target]) {
		for (len = 0, s = target; s != g->start; s = from[s])
			len++;
		ck_assert_int_le(len, max);
		for (i = len - 1, s = target; s != g->start; s = from[s])
			keys[i--] = key[s];
	}
	free(from);
	free(key);
	free(queue);
	free(seen);
	return len;
}

void
gs_choose(struct term *t, const struct guide *g, int n, size_t to)
{
	gs_pick(t, (char)('0' + n));
	gs_wait_screen(t, g, g->screens[to].id);
}

int
gs_go(struct term *t, const struct guide *g, size_t to)
{
	int keys[64], n, k;
	size_t at = g->start;

	n = gs_path(g, to, keys, 64);
	ck_assert_msg(n >= 0, "screen %s: no way there by choices 1 to 9",
	    g->screens[to].id);
	for (k = 0; k < n; k++) {
		at = g->screens[at].choices[keys[k] - 1].target;
		gs_choose(t, g, keys[k], at);
	}
	return n;
}

void
gs_back_to_start(struct term *t, const struct guide *g, int n)
{
	int k;

	for (k = 0; k < n; k++)
		gs_ch_settle(t, 'b');
	gs_wait_screen(t, g, g->screens[g->start].id);
}
