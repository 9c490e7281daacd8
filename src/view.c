/*
 * view.c: the lines of a screen, and of the full-screen window.
 *
 * The document is built line by line by a small builder; the window takes
 * the document's header, a slice of its body and a footer made here.  In
 * ASCII mode (a locale that is not UTF-8) every text is folded to ASCII
 * (ascii_fold) before it is wrapped: accents dropped, typographic marks
 * replaced.
 */
#include <stdio.h> /* snprintf only: modules below main never print */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "keys.h"
#include "layout.h"
#include "view.h"
#include "xmalloc.h"

/* The markers, in UTF-8 and in ASCII. */
#define BULLET(a) ((a) ? "* " : "\xe2\x80\xa2 ")
/* Between the parts of the content's crisis line (folded in ASCII). */
#define SEP(a) ((a) ? " | " : " \xc2\xb7 ")
/* Between the key hint's parts: spaces, as in nano's and whiptail's;
 * speech spells out a mark there ("middle dot", "bar") that says nothing. */
#define HINT_SEP "   "
#define ELLIPSIS(a) ((a) ? "..." : "\xe2\x80\xa6")
#define STEP_HERE "\xe2\x97\x8f"  /* ● */
#define STEP_OTHER "\xe2\x97\x8b" /* ○ */

struct builder {
	const struct wizard *w;
	const struct guide *g;
	struct view_doc *d;
	size_t cap;
	int width;
	int ascii;
	int gutter;     /* 1: items have the 2-column gutter */
	int marker;     /* 1: "> " in the highlighted item's gutter */
	long highlight; /* the marked item, or -1 */
};

/*
 * A copy of s, folded to ASCII when ascii is set (ascii_fold: the one
 * folding the program has, so the view, the plain mode and the handout
 * agree: "cœur" is "coeur" everywhere).  Caller frees.
 */
static char *
fold(const char *s, int ascii)
{
	return ascii ? ascii_fold(s) : xstrdup(s);
}

/* Make l a plain line of kind holding text (owned): no item, no mark. */
static void
line_set(struct view_line *l, char *text, enum view_kind kind)
{
	l->text = text;
	l->width = layout_width(text, strlen(text));
	l->kind = kind;
	l->item = -1;
	l->first = 1;
	l->marked = 0;
	l->col = 0;
	l->ref = -1;
}

static struct view_line *
add_line(struct builder *b, const char *text, size_t len, enum view_kind kind)
{
	struct view_doc *d = b->d;
	struct view_line *l;

	if (d->nlines == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 32;
		d->lines = xreallocarray(d->lines, b->cap, sizeof *d->lines);
	}
	l = &d->lines[d->nlines++];
	line_set(l, xstrndup(text, len), kind);
	return l;
}

static void
add_blank(struct builder *b)
{
	if (b->d->nlines > 0 &&
	    b->d->lines[b->d->nlines - 1].kind != VIEW_BLANK)
		add_line(b, "", 0, VIEW_BLANK);
}

/*
 * Add text wrapped after a first-line prefix, with the following lines
 * indented as deep as the prefix.  item >= 0 gives the gutter (and its
 * marker).  Returns the index of the first line added.
 */
static size_t
add_text(struct builder *b, const char *prefix, const char *text,
    enum view_kind kind, long item, long ref)
{
	char *t = fold(text, b->ascii), *pre;
	const char *gutter = "";
	struct layout_line *l;
	size_t n, i, first = b->d->nlines;
	int pw, gw, alone;

	if (item >= 0 && b->gutter)
		gutter = item == b->highlight && b->marker ? "> " : "  ";
	pre = xasprintf("%s%s", gutter, prefix);
	gw = (int)strlen(gutter);
	pw = layout_width(pre, strlen(pre));
	/* in a very narrow window the prefix gets a line of its own */
	alone = pw > 0 && pw + 1 > b->width;
	n = layout_wrap(t, b->width - (alone ? 0 : pw), &l);
	for (i = 0; i < n + alone; i++) {
		char *s, *line;
		struct view_line *vl;

		if (alone && i == 0)
			s = xstrdup(pre);
		else if (alone)
			s = xasprintf(
			    "%.*s", (int)l[i - 1].len, t + l[i - 1].off);
		else
			s = xasprintf("%*s%.*s", i == 0 ? 0 : pw,
			    i == 0 ? pre : "", (int)l[i].len, t + l[i].off);
		line = layout_fit(s, b->width, NULL);
		vl = add_line(b, line, strlen(line), kind);
		vl->item = item;
		vl->first = i == 0;
		vl->marked = item >= 0 && item == b->highlight;
		vl->col = item >= 0 ? gw : 0;
		vl->ref = ref;
		free(line);
		free(s);
	}
	free(l);
	free(pre);
	free(t);
	return first;
}

/* Remember where item i starts and ends. */
static void
item_span(struct builder *b, size_t i, size_t first)
{
	if (i < b->d->nitems) {
		b->d->item_first[i] = first;
		b->d->item_last[i] = b->d->nlines - 1;
	}
}

static const char *
ui(const struct builder *b, enum guide_ui which)
{
	return b->g->ui[which];
}

/*
 * "Step 2 of 5  ○●○○○" (ASCII: "[-#---]"): only the step the reader is
 * on is filled.  The steps can be read in any order, so marks filled up to
 * here would say "done" of steps never opened.
 */
static void
add_progress(struct builder *b, int step)
{
	char n[16], total[16], *a, *s, marks[64];
	size_t i, len = 0;

	snprintf(n, sizeof n, "%d", step);
	snprintf(total, sizeof total, "%d", GUIDE_STEPS);
	a = guide_format(ui(b, GUIDE_UI_STEP_OF), "n", n);
	s = guide_format(a, "total", total);
	free(a);
	if (b->ascii)
		marks[len++] = '[';
	for (i = 0; i < GUIDE_STEPS; i++) {
		int here = (int)i + 1 == step;
		const char *m = b->ascii ? (here ? "#" : "-")
					 : (here ? STEP_HERE : STEP_OTHER);

		memcpy(marks + len, m, strlen(m));
		len += strlen(m);
	}
	if (b->ascii)
		marks[len++] = ']';
	marks[len] = '\0';
	a = xasprintf("%s  %s", s, marks);
	add_text(b, "", a, VIEW_PROGRESS, -1, -1);
	free(a);
	free(s);
}

static void
add_people(struct builder *b)
{
	size_t i;

	if (b->g->npeople == 0)
		return;
	add_text(b, "", ui(b, GUIDE_UI_SITE_HEADING), VIEW_HEADING, -1, -1);
	for (i = 0; i < b->g->npeople; i++) {
		add_text(b, "", b->g->people[i].name, VIEW_RESOURCE, -1, -1);
		if (b->g->people[i].details != NULL)
			add_text(b, "  ", b->g->people[i].details, VIEW_DETAIL,
			    -1, -1);
	}
	add_blank(b);
}

/* "Call: 1-800-668-6868" */
static void
add_detail(struct builder *b, enum guide_ui label, const char *value)
{
	char *s;

	if (value == NULL)
		return;
	/* "Text CONNECT to 686868" needs no "Text:" before it */
	if (strncasecmp(value, ui(b, label), strlen(ui(b, label))) == 0)
		s = xstrdup(value);
	else
		s = xasprintf("%s: %s", ui(b, label), value);
	add_text(b, "  ", s, VIEW_DETAIL, -1, -1);
	free(s);
}

static void
add_resource(struct builder *b, size_t r)
{
	const struct guide_resource *res = &b->g->resources[r];

	add_text(b, "", res->name, VIEW_RESOURCE, -1, (long)r);
	add_text(b, "  ", res->purpose, VIEW_DETAIL, -1, -1);
	add_detail(b, GUIDE_UI_RESOURCE_CALL, res->phone);
	add_detail(b, GUIDE_UI_RESOURCE_TEXT, res->text);
	add_detail(b, GUIDE_UI_RESOURCE_WEB, res->web);
	add_detail(b, GUIDE_UI_RESOURCE_HOURS, res->hours);
}

/* A to-do line that is not an item (in a plan). */
static void
add_plan_todo(struct builder *b, size_t s, size_t t)
{
	int ticked = wizard_ticked(b->w, s, t);

	add_text(b, ticked ? "  [x] " : "  [ ] ",
	    b->g->screens[s].todos[t].text, VIEW_TODO, -1, -1);
}

/* How many to-do items plan screen s lists (0 for another screen). */
static size_t
plan_count(const struct builder *b, size_t s)
{
	size_t k, p, n = 0;

	if (b->g->screens[s].kind != GUIDE_KIND_PLAN)
		return 0;
	for (k = 0; (p = wizard_plan_screen(b->w, s, k)) != (size_t)-1; k++)
		n += b->g->screens[p].ntodos;
	return n;
}

/* Every step's to-do items, done then left, as lines that are not items. */
static void
add_plan_by_step(struct builder *b)
{
	const struct guide *g = b->g;
	size_t i, t;

	for (i = 0; i < GUIDE_STEPS; i++) {
		size_t s = g->steps[i].screen;
		const struct guide_screen *sc = &g->screens[s];
		char *h =
		    xasprintf("%d. %s", g->steps[i].number, g->steps[i].title);
		int pass;

		add_text(b, "", h, VIEW_HEADING, -1, -1);
		free(h);
		/* what is done first, then what is left */
		for (pass = 1; pass >= 0; pass--) {
			int any = 0;

			for (t = 0; t < sc->ntodos; t++)
				if (wizard_ticked(b->w, s, t) == pass)
					any = 1;
			if (!any)
				continue;
			add_text(b, "  ",
			    ui(b,
				pass ? GUIDE_UI_PLAN_DONE : GUIDE_UI_PLAN_LEFT),
			    VIEW_DETAIL, -1, -1);
			for (t = 0; t < sc->ntodos; t++)
				if (wizard_ticked(b->w, s, t) == pass)
					add_plan_todo(b, s, t);
		}
	}
}

/*
 * The plan's to-do items as items: under each screen's heading ("1. Stop
 * contact", or the title of a screen that is not a step) its to-do items
 * in their order, each with its box, ticked where the reader ticked it.
 * *item is the first item's index, and goes on past the last.
 */
static void
add_plan_items(struct builder *b, size_t plan, size_t *item)
{
	const struct guide *g = b->g;
	size_t k, i, t, s;

	for (k = 0; (s = wizard_plan_screen(b->w, plan, k)) != (size_t)-1;
	     k++) {
		const struct guide_screen *sc = &g->screens[s];
		char *h = NULL;

		for (i = 0; i < GUIDE_STEPS && h == NULL; i++)
			if (g->steps[i].screen == s)
				h = xasprintf("%d. %s", g->steps[i].number,
				    g->steps[i].title);
		add_text(
		    b, "", h != NULL ? h : sc->title, VIEW_HEADING, -1, -1);
		free(h);
		for (t = 0; t < sc->ntodos; t++, (*item)++) {
			int x = wizard_ticked(b->w, s, t);
			/* the gutter indents them, or two spaces do */
			const char *box = b->gutter ? (x ? "[x] " : "[ ] ")
						    : (x ? "  [x] " : "  [ ] ");
			size_t first = add_text(b, box, sc->todos[t].text,
			    VIEW_TODO, (long)*item, -1);

			item_span(b, *item, first);
		}
	}
}

/*
 * The plan: its to-do items (as items with VIEW_PLAN_ITEMS, else by
 * step, done then left); the school's people; then, unless the plan
 * screen names its own (contacts 0), the contacts for the guide's region.
 * *item is the index of the plan's first item, and goes on past the last.
 */
static void
add_plan(struct builder *b, size_t plan, size_t *item, int items, int contacts)
{
	const struct guide *g = b->g;
	size_t r, n = 0;

	if (items) {
		add_plan_items(b, plan, item);
	} else { /* the items have no line */
		size_t i, np = plan_count(b, plan);

		for (i = 0; i < np; i++, (*item)++)
			if (*item < b->d->nitems)
				b->d->item_first[*item] =
				    b->d->item_last[*item] = (size_t)-1;
		add_plan_by_step(b);
	}
	add_blank(b);
	add_people(b);
	if (!contacts)
		return;
	/* the contacts for the guide's own region (all, if none is) */
	for (r = 0; r < g->nresources; r++)
		n += strcmp(g->resources[r].region, g->region) == 0;
	for (r = 0; r < g->nresources; r++) {
		if (n > 0 && strcmp(g->resources[r].region, g->region) != 0)
			continue;
		add_resource(b, r);
		add_blank(b);
	}
}

static void
add_sources(struct builder *b)
{
	size_t i;

	for (i = 0; i < b->g->nsources; i++) {
		const struct guide_source *src = &b->g->sources[i];
		char *s = xasprintf("%s, %s", src->publisher, src->date);
		char *c = guide_format(
		    ui(b, GUIDE_UI_SOURCE_CHECKED), "date", src->checked);

		add_text(b, "", src->title, VIEW_RESOURCE, -1, -1);
		add_text(b, "  ", s, VIEW_DETAIL, -1, -1);
		add_text(b, "  ", src->url, VIEW_DETAIL, -1, -1);
		add_text(b, "  ", c, VIEW_DETAIL, -1, -1);
		add_blank(b);
		free(c);
		free(s);
	}
}

/* The key list: two columns where they fit, else keys then what. */
static void
add_keys(struct builder *b)
{
	size_t i;
	int kw = 0;

	add_text(b, "", ui(b, GUIDE_UI_KEYS_TITLE), VIEW_HEADING, -1, -1);
	for (i = 0; i < keys_count; i++) {
		int n = layout_width(
		    keys_table[i].keys, strlen(keys_table[i].keys));

		if (n > kw)
			kw = n;
	}
	for (i = 0; i < keys_count; i++) {
		const char *what = ui(b, keys_table[i].what);

		if (b->width >= kw + 4 + 20) {
			char *pre =
			    xasprintf("  %-*s  ", kw, keys_table[i].keys);

			add_text(b, pre, what, VIEW_KEY, -1, -1);
			free(pre);
		} else {
			add_text(b, "  ", keys_table[i].keys, VIEW_KEY, -1, -1);
			add_text(b, "    ", what, VIEW_KEY, -1, -1);
		}
	}
}

struct view_doc *
view_document(const struct wizard *w, size_t s, int width, int flags)
{
	const struct guide *g = wizard_guide(w);
	const struct guide_screen *sc = &g->screens[s];
	struct builder b = { 0 };
	size_t i, j, nl, item = 0, first, shown;
	unsigned on = (flags & VIEW_PAPER)   ? GUIDE_ON_PAPER
		      : (flags & VIEW_PLAIN) ? GUIDE_ON_PLAIN
					     : GUIDE_ON_SCREEN;

	b.w = w;
	b.g = g;
	b.d = xcalloc(1, sizeof *b.d);
	b.width = width < 1 ? 1 : width;
	b.ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	b.gutter = (flags & (VIEW_GUTTER | VIEW_MARKER)) != 0;
	b.marker = (flags & VIEW_MARKER) != 0;
	b.highlight = b.gutter && s == w->screen ? (long)w->highlight : -1;
	nl = sc->kind == GUIDE_KIND_LANGUAGES ? w->app->nguides : 0;
	b.d->nitems = plan_count(&b, s) + nl + sc->ntodos + sc->nchoices;
	b.d->item_first = xcalloc(b.d->nitems + 1, sizeof(size_t));
	b.d->item_last = xcalloc(b.d->nitems + 1, sizeof(size_t));

	add_text(&b, "", sc->title, VIEW_TITLE, -1, -1);
	if (sc->step > 0)
		add_progress(&b, sc->step);
	b.d->nheader = b.d->nlines;
	add_line(&b, "", 0, VIEW_BLANK);

	if (sc->kind == GUIDE_KIND_HELP)
		add_people(&b);
	for (i = 0, shown = 0; i < sc->nbody; i++) {
		const struct guide_block *bl = &sc->body[i];

		if (bl->on != 0 && (bl->on & on) == 0)
			continue;
		if (shown++ > 0 && (flags & VIEW_LOOSE))
			add_blank(&b);
		if (bl->text != NULL)
			add_text(&b, "", bl->text, VIEW_TEXT, -1, -1);
		for (j = 0; bl->text == NULL && j < bl->nitems; j++) {
			char *pre = xasprintf("  %s", BULLET(b.ascii));

			add_text(&b, pre, bl->items[j], VIEW_BULLET, -1, -1);
			free(pre);
		}
	}
	add_blank(&b);
	if (sc->kind == GUIDE_KIND_PLAN)
		add_plan(&b, s, &item, (flags & VIEW_PLAN_ITEMS) != 0,
		    sc->nresources == 0);
	if (sc->kind == GUIDE_KIND_SOURCES)
		add_sources(&b);
	for (i = 0; i < nl; i++, item++) {
		char *pre = xasprintf("%zu. ", i + 1);

		first = add_text(&b, pre, w->app->guides[i]->lang_name,
		    VIEW_CHOICE, (long)item, -1);
		item_span(&b, item, first);
		free(pre);
	}
	add_blank(&b);
	if (sc->ntodos > 0) {
		add_text(&b, "", ui(&b, GUIDE_UI_TODO_HEADING), VIEW_HEADING,
		    -1, -1);
		for (i = 0; i < sc->ntodos; i++, item++) {
			first = add_text(&b,
			    wizard_ticked(w, s, i) ? "[x] " : "[ ] ",
			    sc->todos[i].text, VIEW_TODO, (long)item, (long)i);
			item_span(&b, item, first);
		}
		add_blank(&b);
	}
	for (i = 0; i < sc->nresources; i++) {
		add_resource(&b, sc->resources[i]);
		add_blank(&b);
	}
	if (sc->kind == GUIDE_KIND_HELP) {
		add_keys(&b);
		add_blank(&b);
	}
	for (i = 0; i < sc->nchoices; i++, item++) {
		char *pre = xasprintf("%zu. ", nl + i + 1);

		first = add_text(
		    &b, pre, sc->choices[i].label, VIEW_CHOICE, (long)item, -1);
		item_span(&b, item, first);
		free(pre);
	}
	/* no blank line at the end */
	while (b.d->nlines > b.d->nheader + 1 &&
	       b.d->lines[b.d->nlines - 1].kind == VIEW_BLANK) {
		b.d->nlines--;
		free(b.d->lines[b.d->nlines].text);
	}
	return b.d;
}

void
view_doc_free(struct view_doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nlines; i++)
		free(d->lines[i].text);
	free(d->lines);
	free(d->item_first);
	free(d->item_last);
	free(d);
}

/* A window of rows lines, all blank. */
static struct view *
window_new(int rows, int cols)
{
	struct view *v = xcalloc(1, sizeof *v);
	int i;

	v->rows = rows < 0 ? 0 : rows;
	v->cols = cols < 0 ? 0 : cols;
	v->lines = xcalloc(v->rows ? (size_t)v->rows : 1, sizeof *v->lines);
	for (i = 0; i < v->rows; i++) {
		v->lines[i].text = xstrdup("");
		v->lines[i].item = -1;
		v->lines[i].ref = -1;
	}
	v->hint_row = -1;
	v->leave_col = -1;
	v->leave_end = -1;
	v->cursor_row = 0;
	v->cursor_col = 0;
	return v;
}

/* Put text (cut to the width) on row r. */
static struct view_line *
window_set(struct view *v, int r, const char *text, enum view_kind kind)
{
	struct view_line *l = &v->lines[r];

	free(l->text);
	line_set(l, layout_fit(text, v->cols, NULL), kind);
	return l;
}

/* Copy a document line onto row r. */
static void
window_copy(struct view *v, int r, const struct view_line *src)
{
	struct view_line *l = window_set(v, r, src->text, src->kind);

	l->item = src->item;
	l->first = src->first;
	l->marked = src->marked;
	l->col = src->col;
	l->ref = src->ref;
}

/*
 * Where the words of text (n bytes) that fit in cols columns begin: after
 * the last word wider than that, so that wrapping never cuts a word (a
 * phone number cut in two is a wrong number).  The numbers come last in
 * a part ("Call/text 988"), so what is kept is the number.  Returns n when
 * the last word is too wide.
 */
static size_t
words_fit(const char *text, size_t n, int cols)
{
	size_t i = 0, start, from = 0;

	while (i < n) {
		while (i < n && text[i] == ' ')
			i++;
		start = i;
		while (i < n && text[i] != ' ')
			i++;
		if (layout_width(text + start, i - start) > cols)
			from = i;
	}
	while (from < n && text[from] == ' ')
		from++;
	return from;
}

/*
 * The short crisis line for cols columns in at most max rows, made of
 * whole words only: of each part (between its separators, in order) the
 * words after the last one wider than the line (words_fit); a part with
 * nothing left, or one the rows cannot hold, is left out.  NULL when no
 * part fits.  Caller frees.
 */
static char *
crisis_parts(const char *text, int cols, int max, int ascii)
{
	char *sep = fold(SEP(ascii), ascii), *acc = NULL;
	const char *p = text, *end;
	struct layout_line *l;

	for (; *p != '\0'; p = *end != '\0' ? end + strlen(sep) : end) {
		char *part, *cand;
		size_t n, from;

		end = strstr(p, sep);
		if (end == NULL)
			end = p + strlen(p);
		from = words_fit(p, (size_t)(end - p), cols);
		if (p + from == end)
			continue;
		part = xstrndup(p + from, (size_t)(end - p) - from);
		cand = acc == NULL ? xstrdup(part)
				   : xasprintf("%s%s%s", acc, sep, part);
		free(part);
		n = layout_wrap(cand, cols, &l);
		free(l);
		if ((int)n > max) {
			free(cand);
			continue;
		}
		free(acc);
		acc = cand;
	}
	free(sep);
	return acc;
}

/*
 * The crisis line wrapped for cols columns in at most max rows: the full
 * line if it fits on one line, else the short one, wrapped if it must be,
 * with whole parts only (crisis_parts).  Only where no part fits whole (a
 * window a few columns wide) is the short line cut.  Returns the number
 * of lines (at most max); caller frees *lines and the text in *text.
 */
static size_t
crisis_lines(const struct wizard *w, int cols, int max, int ascii, char **text,
    struct layout_line **lines)
{
	const struct guide *g = wizard_guide(w);
	char *full = fold(g->crisis, ascii), *parts;
	size_t n;

	if (cols < 1)
		cols = 1;
	if (max < 1)
		max = 1;
	if (layout_width(full, strlen(full)) <= cols) {
		*text = full;
		return layout_wrap(full, cols, lines);
	}
	free(full);
	*text = fold(g->crisis_short, ascii);
	parts = crisis_parts(*text, cols, max, ascii);
	if (parts != NULL) {
		free(*text);
		*text = parts;
	}
	n = layout_wrap(*text, cols, lines);
	return n > (size_t)max ? (size_t)max : n;
}

/* How many rows the crisis line takes in the full view (at most 3). */
static int
crisis_rows(const struct wizard *w, int cols, int ascii)
{
	struct layout_line *l;
	char *t;
	size_t n = crisis_lines(w, cols, 3, ascii, &t, &l);

	free(l);
	free(t);
	return (int)n;
}

/* Put the crisis line on at most max rows ending above row bottom;
 * returns the rows used. */
static int
put_crisis(
    struct view *v, const struct wizard *w, int ascii, int bottom, int max)
{
	struct layout_line *l;
	char *t;
	size_t n;
	int i;

	if (max < 1)
		return 0;
	n = crisis_lines(w, v->cols, max, ascii, &t, &l);
	for (i = 0; i < (int)n; i++) {
		char *s = xstrndup(t + l[i].off, l[i].len);

		window_set(v, bottom - (int)n + i, s, VIEW_CRISIS);
		free(s);
	}
	free(l);
	free(t);
	return (int)n;
}

const char *
view_crisis_part(const char *text, size_t *len)
{
	const char *sep = SEP(0), *end = strstr(text, sep);

	if (end == NULL) {
		*len = strlen(text);
		return NULL;
	}
	*len = (size_t)(end - text);
	return end + strlen(sep);
}

char *
view_hint(
    const struct wizard *w, int cols, int flags, int *leave_col, int *leave_end)
{
	const struct guide *g = wizard_guide(w);
	int ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	enum { NEXT, BACK, TICK, QR, HELP, LEAVE, NPIECES };
	static const enum guide_ui which[NPIECES] = { GUIDE_UI_HINT_NEXT,
		GUIDE_UI_HINT_BACK, GUIDE_UI_HINT_TICK, GUIDE_UI_HINT_QR,
		GUIDE_UI_HINT_HELP, GUIDE_UI_HINT_LEAVE };
	/* dropped in this order when the line is too narrow: Enter is the
	 * key everyone tries, the others are news */
	static const int drop[] = { NEXT, BACK, QR, TICK, HELP };
	char *piece[NPIECES];
	int on[NPIECES], i, total, lc = -1, le = -1;
	const char *sep = HINT_SEP;
	int sw = (int)strlen(sep);
	char *r;
	size_t k, len = 0, ntodos;

	for (k = 0, ntodos = 0; k < wizard_nitems(w); k++) {
		enum wizard_item_kind kind = wizard_item(w, k, NULL);

		ntodos += kind == WIZARD_ITEM_TODO || kind == WIZARD_ITEM_PLAN;
	}
	on[NEXT] = wizard_nitems(w) > ntodos;
	on[BACK] = w->depth > 0 || w->qr >= 0;
	on[TICK] = ntodos > 0;
	on[QR] = wizard_has_web(w);
	on[HELP] = w->screen != g->help;
	on[LEAVE] = 1;
	for (i = 0; i < NPIECES; i++)
		piece[i] = fold(g->ui[which[i]], ascii);
	for (k = 0;; k++) {
		total = 0;
		for (i = 0; i < NPIECES; i++)
			if (on[i])
				total +=
				    (total ? sw : 0) +
				    layout_width(piece[i], strlen(piece[i]));
		if (total <= cols || k == sizeof drop / sizeof drop[0])
			break;
		on[drop[k]] = 0;
	}
	r = xmalloc(strlen(sep) * NPIECES + 1 + strlen(piece[0]) +
		    strlen(piece[1]) + strlen(piece[2]) + strlen(piece[3]) +
		    strlen(piece[4]) + strlen(piece[5]));
	total = 0;
	for (i = 0; i < NPIECES; i++) {
		if (!on[i])
			continue;
		if (len > 0) {
			memcpy(r + len, sep, strlen(sep));
			len += strlen(sep);
			total += sw;
		}
		if (i == LEAVE)
			lc = total;
		memcpy(r + len, piece[i], strlen(piece[i]));
		len += strlen(piece[i]);
		total += layout_width(piece[i], strlen(piece[i]));
	}
	r[len] = '\0';
	for (i = 0; i < NPIECES; i++)
		free(piece[i]);
	if (total > cols) { /* even "Esc leave quickly" alone is too wide */
		char *cut = layout_fit(r, cols, NULL);

		free(r);
		r = cut;
		total = layout_width(r, strlen(r));
	}
	le = total;
	if (lc >= cols)
		lc = le = -1;
	if (leave_col != NULL)
		*leave_col = lc;
	if (leave_end != NULL)
		*leave_end = le;
	return r;
}

/* Rows for text wrapped to cols from row top, at most max; returns used. */
static int
put_wrapped(struct view *v, int top, int max, const char *text,
    enum view_kind kind, int ascii)
{
	struct layout_line *l;
	char *t = fold(text, ascii);
	size_t n = layout_wrap(t, v->cols < 1 ? 1 : v->cols, &l), i;

	if ((int)n > max)
		n = max < 0 ? 0 : (size_t)max;
	for (i = 0; i < n; i++) {
		char *s = xstrndup(t + l[i].off, l[i].len);

		window_set(v, top + (int)i, s, kind);
		free(s);
	}
	free(l);
	free(t);
	return (int)n;
}

/*
 * A short view: lines of notice from the top, "Esc leave quickly" and the
 * crisis line at the bottom; the crisis line comes first when rows are
 * short, then the leave hint, then the notice.
 */
static struct view *
short_view(const struct wizard *w, int rows, int cols, int flags,
    const char *const *notice, size_t nnotice)
{
	struct view *v = window_new(rows, cols);
	int ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	int bottom = v->rows, top = 0;
	size_t i;

	if (v->rows == 0 || v->cols == 0)
		return v;
	bottom -= put_crisis(v, w, ascii, bottom, bottom);
	if (bottom > 0) {
		char *leave =
		    fold(wizard_guide(w)->ui[GUIDE_UI_HINT_LEAVE], ascii);
		struct view_line *l;

		bottom--;
		l = window_set(v, bottom, leave, VIEW_HINT);
		v->hint_row = bottom;
		v->leave_col = 0;
		v->leave_end = l->width;
		free(leave);
	}
	for (i = 0; i < nnotice && top < bottom; i++) {
		if (i > 0 && top < bottom - 1)
			top++; /* a blank line between parts */
		top += put_wrapped(
		    v, top, bottom - top, notice[i], VIEW_NOTICE, ascii);
	}
	return v;
}

/* Rows of body shown from scroll s out of nbody in h rows, and whether
 * the "more" lines are there. */
static int
body_shown(size_t s, size_t nbody, int h, int *above, int *below)
{
	int avail = h;

	*above = s > 0;
	avail -= *above;
	*below = nbody - s > (size_t)avail;
	avail -= *below;
	return avail < 0 ? 0 : avail;
}

/*
 * The scroll nearest to s that shows body lines first to last of nbody in
 * h rows (their start, when they are more than a page): what following
 * the highlighted item gives.
 */
static size_t
scroll_to_show(
    size_t s, size_t maxs, size_t nbody, int h, size_t first, size_t last)
{
	int above, below;

	if (first < s)
		s = first;
	while (s < maxs && s < first &&
	       last >= s + (size_t)body_shown(s, nbody, h, &above, &below))
		s++;
	return s;
}

/* The first row in [from, to) with text on it, else from. */
static int
first_text_row(const struct view *v, int from, int to)
{
	int r;

	for (r = from; r < to && r < v->rows; r++)
		if (v->lines[r].text[0] != '\0')
			return r;
	return from;
}

struct view *
view_window(const struct wizard *w, int rows, int cols, int flags)
{
	const struct guide *g = wizard_guide(w);
	int ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	struct view *v;
	struct view_doc *d;
	int bottom, nhead, h, above, below, shown, r, i;
	int nprog, ntitle, cap, showt, showp, tcols, has;
	size_t nbody, s, maxs, first = 0, last = 0;
	char *hint;

	if (rows < VIEW_MIN_ROWS || cols < VIEW_MIN_COLS) {
		const char *notice[] = { g->ui[GUIDE_UI_TOO_SMALL] };

		v = short_view(w, rows, cols, flags, notice, 1);
		v->too_small = 1;
		return v;
	}
	v = window_new(rows, cols);
	/* the text no wider than can be read with ease */
	tcols = cols > VIEW_TEXT_COLS ? VIEW_TEXT_COLS : cols;
	flags |= VIEW_GUTTER | VIEW_PLAN_ITEMS;
	d = view_document(w, w->screen, tcols, flags);
	/* paragraphs apart where the whole screen still fits */
	if (!(flags & VIEW_LOOSE)) {
		struct view_doc *loose =
		    view_document(w, w->screen, tcols, flags | VIEW_LOOSE);
		int room = rows - 1 - crisis_rows(w, cols, ascii) -
			   (int)loose->nheader;

		if ((int)(loose->nlines - loose->nheader) <= room) {
			view_doc_free(d);
			d = loose;
		} else {
			view_doc_free(loose);
		}
	}

	/* the footer: the crisis line at the bottom, the key hint above */
	bottom = rows - put_crisis(v, w, ascii, rows, 3);
	bottom--;
	hint = view_hint(w, cols, flags, &v->leave_col, &v->leave_end);
	window_set(v, bottom, hint, VIEW_HINT);
	v->hint_row = bottom;
	free(hint);

	/*
	 * The header: the title and progress, at most a third of the rest.
	 * A title too long for it is cut, but "Step 2 of 5" stays.
	 */
	nprog = 0;
	for (i = 0; i < (int)d->nheader; i++)
		nprog += d->lines[i].kind == VIEW_PROGRESS;
	ntitle = (int)d->nheader - nprog;
	cap = bottom / 3 < 1 ? 1 : bottom / 3;
	showt = ntitle;
	if (ntitle + nprog > cap)
		showt = cap - nprog < 1 ? 1 : cap - nprog;
	showp = ntitle + nprog > cap ? cap - showt : nprog;
	for (i = 0; i < showt; i++)
		window_copy(v, i, &d->lines[i]);
	if (showt < ntitle) { /* a very long title: cut it */
		char *cut = xasprintf(
		    "%s%s", d->lines[showt - 1].text, ELLIPSIS(ascii));
		char *fit = layout_fit(cut, tcols, ELLIPSIS(ascii));

		window_set(v, showt - 1, fit, VIEW_TITLE);
		free(fit);
		free(cut);
	}
	for (i = 0; i < showp; i++)
		window_copy(v, showt + i, &d->lines[ntitle + i]);
	nhead = showt + showp;

	/* the body scrolls between them */
	v->body_top = nhead;
	h = bottom - nhead;
	v->body_rows = h;
	nbody = d->nlines - d->nheader;
	maxs = nbody > (size_t)h ? nbody - (size_t)(h - 1) : 0;
	s = w->scroll > maxs ? maxs : w->scroll;
	has = w->highlight < d->nitems &&
	      d->item_first[w->highlight] != (size_t)-1;
	v->show_scroll = s;
	if (has) {
		first = d->item_first[w->highlight] - d->nheader;
		last = d->item_last[w->highlight] - d->nheader;
		v->show_scroll = scroll_to_show(s, maxs, nbody, h, first, last);
		if (w->follow)
			s = v->show_scroll;
	}
	v->scroll = s;
	v->max_scroll = maxs;
	shown = body_shown(s, nbody, h, &above, &below);
	r = nhead;
	if (above) {
		char *t = fold(g->ui[GUIDE_UI_MORE_ABOVE], ascii);

		window_set(v, r++, t, VIEW_MORE);
		free(t);
	}
	for (i = 0; i < shown && s + (size_t)i < nbody; i++) {
		const struct view_line *l =
		    &d->lines[d->nheader + s + (size_t)i];

		window_copy(v, r, l);
		if (l->marked && l->first) {
			v->highlight_shown = 1;
			v->cursor_row = r;
			v->cursor_col = l->col;
		}
		r++;
	}
	if (below) {
		char *t = fold(g->ui[GUIDE_UI_MORE_BELOW], ascii);

		window_set(v, nhead + h - 1, t, VIEW_MORE);
		free(t);
	}
	if (!v->highlight_shown) {
		/*
		 * The cursor on the "more" line towards the highlighted
		 * item, so that a screen reader says there is more, else
		 * on the first line of text: never on a blank line.
		 */
		if (has)
			v->highlight_where = first < s ? -1 : 1;
		v->cursor_col = 0;
		if (v->highlight_where > 0 && below)
			v->cursor_row = nhead + h - 1;
		else if (v->highlight_where < 0 && above)
			v->cursor_row = nhead;
		else
			v->cursor_row = first_text_row(v, nhead, nhead + h);
	}
	view_doc_free(d);
	return v;
}

struct view *
view_still_there(const struct wizard *w, int rows, int cols, long seconds,
    int kiosk, int flags)
{
	const struct guide *g = wizard_guide(w);
	char n[32], *count;
	const char *notice[2];
	struct view *v;

	snprintf(n, sizeof n, "%ld", seconds < 0 ? 0 : seconds);
	count = guide_format(
	    g->ui[kiosk ? GUIDE_UI_COUNTDOWN_RESET : GUIDE_UI_COUNTDOWN_LEAVE],
	    "n", n);
	notice[0] = g->ui[GUIDE_UI_STILL_THERE];
	notice[1] = count;
	v = short_view(w, rows, cols, flags, notice, 2);
	free(count);
	return v;
}

void
view_free(struct view *v)
{
	int i;

	if (v == NULL)
		return;
	for (i = 0; i < v->rows; i++)
		free(v->lines[i].text);
	free(v->lines);
	free(v);
}
