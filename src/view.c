/*
 * view.c: what a screen says, as typed lines (view.h).
 *
 * A small builder adds lines: each text is folded to ASCII where the
 * locale is not UTF-8 (ascii_fold, the one folding the program has, so
 * every mode agrees: "cœur" is "coeur" everywhere), wrapped to the width
 * after its mark, and tagged with what it is.  The marks come from the
 * mode's table; the words from the content.
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

#define STEP_HERE "\xe2\x97\x8f"  /* ● */
#define STEP_OTHER "\xe2\x97\x8b" /* ○ */
#define BULLET "  \xe2\x80\xa2 "  /* folded to "  * " in ASCII */

const struct view_marks view_screen = {
	.on = GUIDE_ON_SCREEN,
	.gutter = 2,
	.bullet = BULLET,
	.bullet_hang = 4,
	.box = { "[ ] ", "[x] " },
	.progress_marks = 1,
	.plan_items = 1,
	.keys = 1,
	.choices = 1,
};

/* A screen reader spells out marks: the plain mode says what a line is
 * in words, and an indent shows where a list item ends. */
const struct view_marks view_plain = {
	.on = GUIDE_ON_PLAIN,
	.bullet = "  ",
	.bullet_hang = 4,
	.plan_items = 1,
	.plan_step_of = 1,
	.choices = 1,
	.crisis_line = 1,
};

/* Paper: boxes to tick with a pen, nothing to choose, no keys. */
const struct view_marks view_paper = {
	.on = GUIDE_ON_PAPER,
	.bullet = BULLET,
	.bullet_hang = 4,
	.box = { "[ ] ", "[x] " },
	.step_title = 1,
	.crisis_hang = 2,
	.address_whole = 1,
};

struct builder {
	const struct wizard *w;
	const struct guide *g;
	const struct view_marks *m;
	struct view_doc *d;
	size_t cap;
	int width;
	int ascii;
	int marker;     /* 1: "> " in the highlighted item's gutter */
	long highlight; /* the marked item, or -1 */
	int ntodo;      /* to-do items so far: the next one's number - 1 */
};

void
view_line_set(struct view_line *l, char *text, enum view_kind kind)
{
	memset(l, 0, sizeof *l);
	l->text = text;
	l->width = layout_width(text, strlen(text));
	l->kind = kind;
	l->item = -1;
	l->first = 1;
	l->ref = -1;
	l->label = -1;
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
	view_line_set(l, xstrndup(text, len), kind);
	return l;
}

static void
add_blank(struct builder *b)
{
	if (b->d->nlines > 0 &&
	    b->d->lines[b->d->nlines - 1].kind != VIEW_BLANK)
		add_line(b, "", 0, VIEW_BLANK);
}

/* Tag lines first to the last added as item (its gutter says where its
 * text starts) and with ref. */
static void
tag_item(struct builder *b, size_t first, long item, long ref, int gw)
{
	for (size_t i = first; i < b->d->nlines; i++) {
		struct view_line *l = &b->d->lines[i];

		l->item = item;
		l->first = i == first;
		l->marked = item >= 0 && item == b->highlight;
		l->col = item >= 0 ? gw : 0;
		l->ref = ref;
	}
}

/*
 * Add text wrapped after a first-line prefix; the other lines are indented
 * hang columns (hang < 0: as deep as the prefix), and the text is wrapped
 * to the width less the deeper of the two.  item >= 0 gives the gutter
 * (and its marker).  Returns the index of the first line added.
 */
static size_t
add_text(struct builder *b, const char *prefix, int hang, const char *text,
    enum view_kind kind, long item, long ref)
{
	char *t = ascii_maybe(text, b->ascii), *pre, *whole, *gutter;
	struct layout_line *l;
	size_t n, i, first = b->d->nlines;
	int gw = item >= 0 ? b->m->gutter : 0, pw, indent, alone;

	gutter = xasprintf("%*s", gw, "");
	if (gw >= 2 && item == b->highlight && b->marker)
		gutter[0] = '>';
	whole = xasprintf("%s%s", gutter, prefix);
	pre = ascii_maybe(whole, b->ascii); /* a bullet too */
	free(whole);
	pw = layout_width(pre, strlen(pre));
	indent = hang < 0 ? pw : gw + hang;
	/* in a very narrow window the prefix gets a line of its own */
	alone = pw > 0 && pw + 1 > b->width;
	n = layout_wrap_opt(t,
	    b->width - (alone ? 0 : (pw > indent ? pw : indent)),
	    b->m->address_whole ? LAYOUT_ADDRESS_WHOLE : 0, &l);
	for (i = 0; i < n + alone; i++) {
		char *s, *line;

		if (alone && i == 0)
			s = xstrdup(pre);
		else if (alone)
			s = xasprintf(
			    "%.*s", (int)l[i - 1].len, t + l[i - 1].off);
		else
			s = xasprintf("%*s%.*s", i == 0 ? 0 : indent,
			    i == 0 ? pre : "", (int)l[i].len, t + l[i].off);
		/* cut to the width, but for a whole address (paper) */
		line = b->m->address_whole ? xstrdup(s)
					   : layout_fit(s, b->width, NULL);
		add_line(b, line, strlen(line), kind);
		free(line);
		free(s);
	}
	tag_item(b, first, item, ref, gw);
	free(l);
	free(pre);
	free(gutter);
	free(t);
	return first;
}

/*
 * Add prefix and text as one text, wrapped to the whole width on its
 * first line and the rest under hang columns (none in a window so narrow
 * that hang is more than half of it): the plain mode's "t2 Done: ...",
 * whose number and state lead the first line, as speech reads them.
 */
static size_t
add_hanging(struct builder *b, const char *prefix, int hang, const char *text,
    enum view_kind kind, long item, long ref)
{
	char *whole = xasprintf("%s%s", prefix, text);
	char *t = ascii_maybe(whole, b->ascii), *s;
	struct layout_line *l;
	const char *rest;
	size_t n, first = b->d->nlines;

	if (hang > b->width / 2)
		hang = 0;
	n = layout_wrap(t, b->width, &l);
	add_line(b, t + l[0].off, l[0].len, kind);
	rest = n > 1 ? t + l[1].off : "";
	free(l);
	n = *rest != '\0' ? layout_wrap(rest, b->width - hang, &l) : 0;
	for (size_t i = 0; i < n; i++) {
		s = xasprintf(
		    "%*s%.*s", hang, "", (int)l[i].len, rest + l[i].off);
		add_line(b, s, strlen(s), kind);
		free(s);
	}
	if (n > 0)
		free(l);
	tag_item(b, first, item, ref, 0);
	free(t);
	free(whole);
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

/* "Step 2 of 5", from the content's words: the one place it is made. */
static char *
step_of(const struct builder *b, int step)
{
	char n[16], total[16], *a, *s;

	snprintf(n, sizeof n, "%d", step);
	snprintf(total, sizeof total, "%d", GUIDE_STEPS);
	a = guide_format(ui(b, GUIDE_UI_STEP_OF), "n", n);
	s = guide_format(a, "total", total);
	free(a);
	return s;
}

/* "label: value", with the content's separator ("Appel : " in French). */
static char *
labelled(const struct builder *b, const char *label, const char *value)
{
	return xasprintf("%s%s%s", label, ui(b, GUIDE_UI_LABEL_SEP), value);
}

/* Set what the lines from first on are: their number, total, state. */
static void
tag_typed(struct builder *b, size_t first, int n, int total, int ticked)
{
	for (size_t i = first; i < b->d->nlines; i++) {
		b->d->lines[i].n = n;
		b->d->lines[i].total = total;
		b->d->lines[i].ticked = ticked;
	}
}

/*
 * "Step 2 of 5", and on the full screen "  ○●○○○" (ASCII "[-#---]") after
 * it: only the step the reader is on is filled.  The steps can be read in
 * any order, so marks filled up to here would say "done" of steps never
 * opened.  The words come first: the marks are not needed to understand
 * the line, and speech reads them badly.
 */
static void
add_progress(struct builder *b, int step)
{
	char *s = step_of(b, step), *a, marks[64];
	size_t len = 0;

	if (b->m->progress_marks) {
		if (b->ascii)
			marks[len++] = '[';
		for (int i = 1; i <= GUIDE_STEPS; i++) {
			const char *mk =
			    b->ascii ? (i == step ? "#" : "-")
				     : (i == step ? STEP_HERE : STEP_OTHER);

			memcpy(marks + len, mk, strlen(mk));
			len += strlen(mk);
		}
		if (b->ascii)
			marks[len++] = ']';
		marks[len] = '\0';
		a = xasprintf("%s  %s", s, marks);
		free(s);
		s = a;
	}
	tag_typed(b, add_text(b, "", -1, s, VIEW_PROGRESS, -1, -1), step,
	    GUIDE_STEPS, 0);
	free(s);
}

/* The title, and where the screen is a step, where it stands. */
static void
add_title(struct builder *b, const struct guide_screen *sc)
{
	char *s, *t;

	if (sc->step > 0 && b->m->step_title) {
		s = step_of(b, sc->step);
		t = labelled(b, s, sc->title);
		tag_typed(b, add_text(b, "", -1, t, VIEW_TITLE, -1, -1),
		    sc->step, GUIDE_STEPS, 0);
		free(t);
		free(s);
		return;
	}
	add_text(b, "", -1, sc->title, VIEW_TITLE, -1, -1);
	if (sc->step > 0)
		add_progress(b, sc->step);
}

static void add_resource(struct builder *b, size_t r);

/*
 * The school's own, under the site's heading: its people, and on the
 * help screen sc (NULL elsewhere) the services the site file names.
 */
static void
add_people(struct builder *b, const struct guide_screen *sc)
{
	size_t nsite = 0;

	for (size_t i = 0; sc != NULL && i < sc->nresources; i++)
		nsite += b->g->resources[sc->resources[i]].site;
	if (b->g->npeople == 0 && nsite == 0)
		return;
	add_text(b, "", -1, ui(b, GUIDE_UI_SITE_HEADING), VIEW_HEADING, -1, -1);
	for (size_t i = 0; i < b->g->npeople; i++) {
		add_text(
		    b, "", -1, b->g->people[i].name, VIEW_RESOURCE, -1, -1);
		if (b->g->people[i].details != NULL)
			add_text(b, "  ", -1, b->g->people[i].details,
			    VIEW_DETAIL, -1, -1);
	}
	for (size_t i = 0, n = b->g->npeople; sc != NULL && i < sc->nresources;
	     i++) {
		if (!b->g->resources[sc->resources[i]].site)
			continue;
		if (n++ > 0) /* a blank line between services, as below */
			add_blank(b);
		add_resource(b, sc->resources[i]);
	}
	add_blank(b);
}

/* "Call: 1-800-668-6868" */
static void
add_detail(struct builder *b, enum guide_ui label, const char *value)
{
	const char *name = ui(b, label);
	size_t first;
	char *s;

	if (value == NULL)
		return;
	/* "Text CONNECT to 686868" needs no "Text:" before it */
	if (strncasecmp(value, name, strlen(name)) == 0)
		s = xstrdup(value);
	else
		s = labelled(b, name, value);
	first = add_text(b, "  ", -1, s, VIEW_DETAIL, -1, -1);
	for (size_t i = first; i < b->d->nlines; i++)
		b->d->lines[i].label = (int)label;
	free(s);
}

static void
add_resource(struct builder *b, size_t r)
{
	const struct guide_resource *res = &b->g->resources[r];

	add_text(b, "", -1, res->name, VIEW_RESOURCE, -1, (long)r);
	if (res->purpose != NULL)
		add_text(b, "  ", -1, res->purpose, VIEW_DETAIL, -1, -1);
	add_detail(b, GUIDE_UI_RESOURCE_CALL, res->phone);
	add_detail(b, GUIDE_UI_RESOURCE_TEXT, res->text);
	add_detail(b, GUIDE_UI_RESOURCE_WEB, res->web);
	add_detail(b, GUIDE_UI_RESOURCE_HOURS, res->hours);
}

/*
 * A to-do item: its box ("[x] "), or in words with its number for "t N"
 * ("t2 Done: "); item and ref as add_text takes them.  lead goes before
 * the box (a plan's items where there is no gutter to indent them).
 */
static size_t
add_todo(struct builder *b, const char *text, int ticked, long item, long ref,
    const char *lead)
{
	size_t first;
	char *pre;

	b->ntodo++;
	if (b->m->box[0] != NULL) {
		pre = xasprintf("%s%s", lead, b->m->box[ticked != 0]);
		first = add_text(b, pre, -1, text, VIEW_TODO, item, ref);
	} else {
		char *num = xasprintf("t%d ", b->ntodo);

		pre = xasprintf("%s%s%s", num,
		    ui(b, ticked ? GUIDE_UI_PLAN_DONE : GUIDE_UI_PLAN_LEFT),
		    ui(b, GUIDE_UI_LABEL_SEP));
		first = add_hanging(
		    b, pre, (int)strlen(num), text, VIEW_TODO, item, ref);
		free(num);
	}
	tag_typed(b, first, b->ntodo, 0, ticked != 0);
	free(pre);
	return first;
}

/* A plan's heading for screen s: "1. Stop contact" or (plain) "Step 1 of
 * 5: Stop contact" for a step, else the screen's title. */
static void
add_plan_heading(struct builder *b, size_t s)
{
	const struct guide_step *st = wizard_step_of(b->w, s);
	char *h, *so;
	size_t first;

	if (st == NULL) {
		add_text(
		    b, "", -1, b->g->screens[s].title, VIEW_HEADING, -1, -1);
		return;
	}
	if (b->m->plan_step_of) {
		so = step_of(b, st->number);
		h = labelled(b, so, st->title);
		free(so);
	} else
		h = xasprintf("%d. %s", st->number, st->title);
	first = add_text(b, "", -1, h, VIEW_HEADING, -1, -1);
	tag_typed(b, first, st->number, 0, 0);
	free(h);
}

/* Every step's to-do items, done then left, as lines that are not items. */
static void
add_plan_by_step(struct builder *b)
{
	const struct guide *g = b->g;

	for (int i = 0; i < GUIDE_STEPS; i++) {
		size_t s = g->steps[i].screen;
		const struct guide_screen *sc = &g->screens[s];

		add_plan_heading(b, s);
		/* what is done first, then what is left */
		for (int pass = 1; pass >= 0; pass--) {
			int any = 0;

			for (size_t t = 0; t < sc->ntodos; t++)
				any |= wizard_ticked(b->w, s, t) == pass;
			if (!any)
				continue;
			add_text(b, "  ", -1,
			    ui(b,
				pass ? GUIDE_UI_PLAN_DONE : GUIDE_UI_PLAN_LEFT),
			    VIEW_DETAIL, -1, -1);
			for (size_t t = 0; t < sc->ntodos; t++)
				if (wizard_ticked(b->w, s, t) == pass)
					add_todo(b, sc->todos[t].text, pass, -1,
					    -1, "  ");
		}
	}
}

/*
 * The plan's to-do items as items: under each screen's heading, its to-do
 * items in their order, ticked where the reader ticked them.  *item is the
 * first item's index, and goes on past the last.
 */
static void
add_plan_items(struct builder *b, size_t plan, size_t *item)
{
	const struct guide *g = b->g;
	size_t k, t, s;

	for (k = 0; (s = wizard_plan_screen(b->w, plan, k)) != GUIDE_NONE;
	     k++) {
		const struct guide_screen *sc = &g->screens[s];

		add_plan_heading(b, s);
		for (t = 0; t < sc->ntodos; t++, (*item)++)
			item_span(b, *item,
			    add_todo(b, sc->todos[t].text,
				wizard_ticked(b->w, s, t), (long)*item, -1,
				b->m->gutter > 0 ? "" : "  "));
	}
}

/*
 * The plan: its to-do items; the school's people; then, unless the plan
 * screen names its own (contacts 0), the contacts for the guide's region.
 * *item is the index of the plan's first item, and goes on past the last.
 */
static void
add_plan(struct builder *b, size_t plan, size_t *item, int contacts)
{
	const struct guide *g = b->g;
	size_t r, n = 0;

	if (b->m->plan_items) {
		add_plan_items(b, plan, item);
	} else { /* the items have no line */
		for (size_t i = 0, np = wizard_nplan(b->w, plan); i < np;
		     i++, (*item)++)
			if (*item < b->d->nitems)
				b->d->item_first[*item] =
				    b->d->item_last[*item] = GUIDE_NONE;
		add_plan_by_step(b);
	}
	add_blank(b);
	add_people(b, NULL);
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
	for (size_t i = 0; i < b->g->nsources; i++) {
		const struct guide_source *src = &b->g->sources[i];
		char *s = xasprintf("%s, %s", src->publisher, src->date);
		char *c = guide_format(
		    ui(b, GUIDE_UI_SOURCE_CHECKED), "date", src->checked);

		add_text(b, "", -1, src->title, VIEW_RESOURCE, -1, -1);
		add_text(b, "  ", -1, s, VIEW_DETAIL, -1, -1);
		add_text(b, "  ", -1, src->url, VIEW_DETAIL, -1, -1);
		add_text(b, "  ", -1, c, VIEW_DETAIL, -1, -1);
		add_blank(b);
		free(c);
		free(s);
	}
}

/* The key list: two columns where they fit, else keys then what. */
static void
add_keys(struct builder *b)
{
	int kw = 0;

	add_text(b, "", -1, ui(b, GUIDE_UI_KEYS_TITLE), VIEW_HEADING, -1, -1);
	for (size_t i = 0; i < keys_count; i++) {
		const char *keys = ui(b, keys_table[i].keys);
		int n = layout_width(keys, strlen(keys));

		if (n > kw)
			kw = n;
	}
	for (size_t i = 0; i < keys_count; i++) {
		const char *what = ui(b, keys_table[i].what);
		const char *keys = ui(b, keys_table[i].keys);

		if (b->width >= kw + 4 + 20) {
			char *pre = xasprintf("  %s%*s  ", keys,
			    kw - layout_width(keys, strlen(keys)), "");

			add_text(b, pre, -1, what, VIEW_KEY, -1, -1);
			free(pre);
		} else {
			add_text(b, "  ", -1, keys, VIEW_KEY, -1, -1);
			add_text(b, "    ", -1, what, VIEW_KEY, -1, -1);
		}
	}
}

/* A numbered choice (a screen's, or a language). */
static void
add_choice(struct builder *b, size_t n, const char *label, size_t item)
{
	char *pre = xasprintf("%zu. ", n);
	size_t first = add_text(b, pre, -1, label, VIEW_CHOICE, (long)item, -1);

	tag_typed(b, first, (int)n, 0, 0);
	item_span(b, item, first);
	free(pre);
}

/* The body blocks this mode shows, paragraphs and bulleted lists. */
static void
add_body(struct builder *b, const struct guide_screen *sc, int loose)
{
	size_t shown = 0;

	for (size_t i = 0; i < sc->nbody; i++) {
		const struct guide_block *bl = &sc->body[i];

		if (bl->on != 0 && (bl->on & b->m->on) == 0)
			continue;
		if (shown++ > 0 && loose)
			add_blank(b);
		if (bl->text != NULL)
			add_text(b, "", -1, bl->text, VIEW_TEXT, -1, -1);
		for (size_t j = 0; bl->text == NULL && j < bl->nitems; j++)
			add_text(b, b->m->bullet, b->m->bullet_hang,
			    bl->items[j], VIEW_BULLET, -1, -1);
	}
	add_blank(b);
}

/* A builder for w at width with m and flags, and its empty document. */
static void
builder_start(struct builder *b, const struct wizard *w, int width,
    const struct view_marks *m, int flags)
{
	memset(b, 0, sizeof *b);
	b->w = w;
	b->g = wizard_guide(w);
	b->m = m;
	b->d = xcalloc(1, sizeof *b->d);
	b->width = width < 1 ? 1 : width;
	b->ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	b->marker = (flags & VIEW_MARKER) != 0;
	b->highlight = -1;
}

/* No blank line at the end of a document. */
static struct view_doc *
builder_end(struct builder *b)
{
	struct view_doc *d = b->d;

	while (d->nlines > d->nheader + 1 &&
	       d->lines[d->nlines - 1].kind == VIEW_BLANK) {
		d->nlines--;
		free(d->lines[d->nlines].text);
	}
	return d;
}

struct view_doc *
view_document(const struct wizard *w, size_t s, int width,
    const struct view_marks *m, int flags)
{
	struct builder b;
	const struct guide_screen *sc;
	size_t i, nl, item = 0;

	builder_start(&b, w, width, m, flags);
	sc = &b.g->screens[s];
	if (m->gutter > 0 && s == w->screen)
		b.highlight = (long)w->highlight;
	nl = sc->kind == GUIDE_KIND_LANGUAGES ? w->app->nguides : 0;
	b.d->nitems = wizard_screen_nitems(w, s);
	b.d->item_first = xcalloc(b.d->nitems + 1, sizeof(size_t));
	b.d->item_last = xcalloc(b.d->nitems + 1, sizeof(size_t));

	add_title(&b, sc);
	b.d->nheader = b.d->nlines;
	add_line(&b, "", 0, VIEW_BLANK);
	if (sc->kind == GUIDE_KIND_HELP)
		add_people(&b, sc);
	add_body(&b, sc, (flags & VIEW_LOOSE) != 0);
	if (sc->kind == GUIDE_KIND_PLAN)
		add_plan(&b, s, &item, sc->nresources == 0);
	if (sc->kind == GUIDE_KIND_SOURCES)
		add_sources(&b);
	for (i = 0; i < nl; i++, item++)
		if (m->choices)
			add_choice(
			    &b, i + 1, w->app->guides[i]->lang_name, item);
	add_blank(&b);
	if (sc->ntodos > 0) {
		add_text(&b, "", -1, ui(&b, GUIDE_UI_TODO_HEADING),
		    VIEW_HEADING, -1, -1);
		for (i = 0; i < sc->ntodos; i++, item++)
			item_span(&b, item,
			    add_todo(&b, sc->todos[i].text,
				wizard_ticked(w, s, i), (long)item, (long)i,
				""));
		add_blank(&b);
	}
	for (i = 0; i < sc->nresources; i++) {
		/* the school's own are under its heading (add_people) */
		if (sc->kind == GUIDE_KIND_HELP &&
		    b.g->resources[sc->resources[i]].site)
			continue;
		add_resource(&b, sc->resources[i]);
		add_blank(&b);
	}
	if (sc->kind == GUIDE_KIND_HELP && m->keys) {
		add_keys(&b);
		add_blank(&b);
	}
	for (i = 0; i < sc->nchoices; i++, item++)
		if (m->choices)
			add_choice(&b, nl + i + 1, sc->choices[i].label, item);
	return builder_end(&b);
}

struct view_doc *
view_resource(const struct wizard *w, size_t r, int width,
    const struct view_marks *m, int flags)
{
	struct builder b;

	builder_start(&b, w, width, m, flags);
	add_resource(&b, r);
	return b.d;
}

/* The crisis line's parts joined by ". " (no second mark after one that
 * ends a sentence).  Caller frees. */
static char *
crisis_sentences(const char *crisis)
{
	const char *p, *next;
	char *acc = xstrdup(""), *more;
	size_t n;

	for (p = crisis; p != NULL; p = next) {
		next = guide_crisis_part(p, &n);
		more = xasprintf("%s%.*s%s", acc, (int)n, p,
		    next == NULL                       ? ""
		    : n > 0 && strchr(".!?", p[n - 1]) ? " "
						       : ". ");
		free(acc);
		acc = more;
	}
	return acc;
}

struct view_doc *
view_crisis(
    const struct wizard *w, int width, const struct view_marks *m, int flags)
{
	struct builder b;
	const char *p, *next;
	char *one;
	size_t n;

	builder_start(&b, w, width, m, flags);
	one = crisis_sentences(b.g->crisis);
	if (m->crisis_line && layout_width(one, strlen(one)) <= b.width) {
		add_text(&b, "", -1, one, VIEW_CRISIS, -1, -1);
		free(one);
		return b.d;
	}
	free(one);
	for (p = b.g->crisis; p != NULL; p = next) {
		char *part;

		next = guide_crisis_part(p, &n);
		part = xstrndup(p, n);
		add_text(&b, "", m->crisis_hang, part, VIEW_CRISIS, -1, -1);
		free(part);
	}
	return b.d;
}

/*
 * Add texts (n of them) as one paragraph of kind, a space between them,
 * wrapped so that no line breaks inside one of them unless it alone is
 * wider than a line.
 */
static void
add_whole_parts(
    struct builder *b, const char *const *texts, size_t n, enum view_kind kind)
{
	char *line = NULL, *t, *more;

	for (size_t i = 0; i < n; i++) {
		t = ascii_maybe(texts[i], b->ascii);
		if (line != NULL && layout_width(line, strlen(line)) + 1 +
					    layout_width(t, strlen(t)) <=
					b->width) {
			more = xasprintf("%s %s", line, t);
			free(line);
			line = more;
			free(t);
			continue;
		}
		if (line != NULL) {
			add_text(b, "", -1, line, kind, -1, -1);
			free(line);
		}
		line = t;
	}
	if (line != NULL) {
		add_text(b, "", -1, line, kind, -1, -1);
		free(line);
	}
}

struct view_doc *
view_prompt(const struct wizard *w, int width, int flags)
{
	struct builder b;
	const char *parts[8];
	size_t n = 0;

	builder_start(&b, w, width, &view_plain, flags);
	if (!b.g->ui_given[GUIDE_UI_PLAIN_LEAVE]) {
		parts[n++] = ui(&b, GUIDE_UI_PLAIN_PROMPT);
	} else {
		if (wizard_nchoices(w) > 0)
			parts[n++] = ui(&b, GUIDE_UI_PLAIN_PROMPT);
		if (wizard_ntodos(w) > 0)
			parts[n++] = ui(&b, GUIDE_UI_PLAIN_TICK);
		if (wizard_can_back(w))
			parts[n++] = ui(&b, GUIDE_UI_PLAIN_BACK);
		if (wizard_can_help(w))
			parts[n++] = ui(&b, GUIDE_UI_PLAIN_HELP);
		parts[n++] = ui(&b, GUIDE_UI_PLAIN_AGAIN);
		parts[n++] = ui(&b, GUIDE_UI_PLAIN_LEAVE);
	}
	add_whole_parts(&b, parts, n, VIEW_HINT);
	return b.d;
}

struct view_doc *
view_todo_said(const struct wizard *w, size_t n, int width, int flags)
{
	struct builder b;
	size_t s, t;
	int ticked;
	char *said;

	builder_start(&b, w, width, &view_plain, flags);
	if (wizard_todo(w, n, &s, &t) != 0)
		return b.d;
	ticked = wizard_ticked(w, s, t);
	said = labelled(&b,
	    ui(&b, ticked ? GUIDE_UI_PLAN_DONE : GUIDE_UI_PLAN_LEFT),
	    b.g->screens[s].todos[t].text);
	tag_typed(&b, add_text(&b, "", -1, said, VIEW_TODO, -1, (long)t),
	    (int)n, 0, ticked);
	free(said);
	return b.d;
}

struct view_doc *
view_notice(const struct wizard *w, const char *text, int width,
    const struct view_marks *m, int flags)
{
	struct builder b;

	builder_start(&b, w, width, m, flags);
	add_text(&b, "", -1, text, VIEW_NOTICE, -1, -1);
	return b.d;
}

char *
view_countdown(const struct wizard *w, long seconds, int kiosk)
{
	const struct guide *g = wizard_guide(w);
	char n[32];

	snprintf(n, sizeof n, "%ld", seconds < 0 ? 0 : seconds);
	return guide_format(
	    g->ui[kiosk ? GUIDE_UI_COUNTDOWN_RESET : GUIDE_UI_COUNTDOWN_LEAVE],
	    "n", n);
}

void
view_doc_free(struct view_doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i].text);
	free(d->lines);
	free(d->item_first);
	free(d->item_last);
	free(d);
}
