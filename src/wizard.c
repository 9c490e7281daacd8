/*
 * wizard.c: the reader's place in the guide, and what each action does.
 *
 * Everything the wizard needs is allocated in wizard_new: the tick table
 * holds one entry per distinct to-do id over every language's guide, so a
 * language switch keeps the ticks and nothing grows afterwards.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"
#include "xmalloc.h"

const struct guide *
wizard_guide(const struct wizard *w)
{
	return w->app->guides[w->lang];
}

const struct guide_screen *
wizard_screen(const struct wizard *w)
{
	return &wizard_guide(w)->screens[w->screen];
}

/* How many language items screen s has (only a "languages" screen). */
static size_t
nlangs(const struct wizard *w, size_t s)
{
	const struct guide *g = wizard_guide(w);

	return g->screens[s].kind == GUIDE_KIND_LANGUAGES ? w->app->nguides : 0;
}

const struct guide_step *
wizard_step_of(const struct wizard *w, size_t s)
{
	const struct guide *g = wizard_guide(w);

	for (size_t i = 0; i < GUIDE_STEPS; i++)
		if (g->steps[i].screen == s)
			return &g->steps[i];
	return NULL;
}

size_t
wizard_plan_screen(const struct wizard *w, size_t plan, size_t k)
{
	const struct guide *g = wizard_guide(w);
	size_t i, s;

	/* a step's screen once, at the first step that has it */
	for (i = 0; i < GUIDE_STEPS; i++)
		if (wizard_step_of(w, g->steps[i].screen) == &g->steps[i] &&
		    k-- == 0)
			return g->steps[i].screen;
	for (s = 0; s < g->nscreens; s++)
		if (s != plan && g->screens[s].ntodos > 0 &&
		    wizard_step_of(w, s) == NULL && k-- == 0)
			return s;
	return GUIDE_NONE;
}

size_t
wizard_nplan(const struct wizard *w, size_t s)
{
	const struct guide *g = wizard_guide(w);
	size_t k, p, n = 0;

	if (g->screens[s].kind != GUIDE_KIND_PLAN)
		return 0;
	for (k = 0; (p = wizard_plan_screen(w, s, k)) != GUIDE_NONE; k++)
		n += g->screens[p].ntodos;
	return n;
}

int
wizard_plan_todo(const struct wizard *w, size_t k, size_t *s, size_t *t)
{
	const struct guide *g = wizard_guide(w);
	size_t i, p;

	if (wizard_screen(w)->kind != GUIDE_KIND_PLAN)
		return -1;
	for (i = 0; (p = wizard_plan_screen(w, w->screen, i)) != GUIDE_NONE;
	     i++) {
		if (k < g->screens[p].ntodos) {
			if (s != NULL)
				*s = p;
			if (t != NULL)
				*t = k;
			return 0;
		}
		k -= g->screens[p].ntodos;
	}
	return -1;
}

size_t
wizard_screen_nitems(const struct wizard *w, size_t s)
{
	const struct guide_screen *sc = &wizard_guide(w)->screens[s];

	return wizard_nplan(w, s) + nlangs(w, s) + sc->ntodos + sc->nchoices;
}

size_t
wizard_nitems(const struct wizard *w)
{
	return wizard_screen_nitems(w, w->screen);
}

enum wizard_item_kind
wizard_item(const struct wizard *w, size_t i, size_t *index)
{
	const struct guide_screen *sc = wizard_screen(w);
	size_t np = wizard_nplan(w, w->screen), nl = nlangs(w, w->screen);
	enum wizard_item_kind kind = WIZARD_ITEM_NONE;
	size_t at = 0;

	if (i < np) {
		kind = WIZARD_ITEM_PLAN;
		at = i;
	} else if ((i -= np) < nl) {
		kind = WIZARD_ITEM_LANGUAGE;
		at = i;
	} else if (i < nl + sc->ntodos) {
		kind = WIZARD_ITEM_TODO;
		at = i - nl;
	} else if (i < nl + sc->ntodos + sc->nchoices) {
		kind = WIZARD_ITEM_CHOICE;
		at = i - nl - sc->ntodos;
	}
	if (index != NULL)
		*index = at;
	return kind;
}

size_t
wizard_nchoices(const struct wizard *w)
{
	return nlangs(w, w->screen) + wizard_screen(w)->nchoices;
}

size_t
wizard_ntodos(const struct wizard *w)
{
	return wizard_nplan(w, w->screen) + wizard_screen(w)->ntodos;
}

int
wizard_todo(const struct wizard *w, size_t n, size_t *s, size_t *t)
{
	size_t np = wizard_nplan(w, w->screen);

	if (n < 1 || n > wizard_ntodos(w))
		return -1;
	if (n <= np)
		return wizard_plan_todo(w, n - 1, s, t);
	*s = w->screen;
	*t = n - 1 - np;
	return 0;
}

/* The tick table's entry for a to-do id, or GUIDE_NONE. */
static size_t
tick_find(const struct wizard *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->nticks; i++)
		if (strcmp(w->tick_ids[i], id) == 0)
			return i;
	return GUIDE_NONE;
}

int
wizard_ticked(const struct wizard *w, size_t s, size_t t)
{
	const struct guide *g = wizard_guide(w);
	size_t i;

	if (s >= g->nscreens || t >= g->screens[s].ntodos)
		return 0;
	i = tick_find(w, g->screens[s].todos[t].id);
	return i != GUIDE_NONE && w->ticked[i];
}

size_t
wizard_nticked(const struct wizard *w)
{
	size_t i, n = 0;

	for (i = 0; i < w->nticks; i++)
		n += w->ticked[i] != 0;
	return n;
}

size_t
wizard_qr_resource(const struct wizard *w)
{
	const struct guide_screen *sc = wizard_screen(w);

	if (w->qr < 0 || (size_t)w->qr >= sc->nresources)
		return GUIDE_NONE;
	return sc->resources[w->qr];
}

int
wizard_has_web(const struct wizard *w)
{
	const struct guide *g = wizard_guide(w);
	const struct guide_screen *sc = wizard_screen(w);
	size_t i;

	for (i = 0; i < sc->nresources; i++)
		if (g->resources[sc->resources[i]].web != NULL)
			return 1;
	return 0;
}

/* The item a screen opens on: its first choice ("next"), the current
 * language on a languages screen, else the first item. */
static size_t
first_highlight(const struct wizard *w)
{
	const struct guide_screen *sc = wizard_screen(w);
	size_t nl = nlangs(w, w->screen), np = wizard_nplan(w, w->screen);

	if (nl > 0)
		return np + (w->lang < nl ? w->lang : 0);
	if (sc->nchoices > 0)
		return np + sc->ntodos;
	return 0;
}

/* Show screen s from its top, without touching history. */
static void
enter(struct wizard *w, size_t s)
{
	w->screen = s;
	w->highlight = first_highlight(w);
	w->scroll = 0;
	w->follow = 0;
	w->qr = -1;
}

/* Go to screen s, remembering the place left. */
static int
go(struct wizard *w, size_t s)
{
	struct wizard_place *p;

	if (w->depth == WIZARD_HISTORY) {
		memmove(w->history, w->history + 1,
		    (WIZARD_HISTORY - 1) * sizeof w->history[0]);
		w->depth--;
	}
	p = &w->history[w->depth++];
	p->screen = w->screen;
	p->highlight = w->highlight;
	p->scroll = w->scroll;
	p->follow = w->follow;
	enter(w, s);
	return WIZARD_REDRAW | WIZARD_SCREEN_CHANGED;
}

static int
back(struct wizard *w)
{
	const struct wizard_place *p;

	if (w->qr >= 0) {
		w->qr = -1;
		return WIZARD_REDRAW;
	}
	if (w->depth == 0)
		return 0;
	p = &w->history[--w->depth];
	w->screen = p->screen;
	w->highlight = p->highlight;
	w->scroll = p->scroll;
	w->follow = p->follow;
	w->qr = -1;
	return WIZARD_REDRAW | WIZARD_SCREEN_CHANGED;
}

/* Keep the highlight on an existing item. */
static void
clamp_highlight(struct wizard *w)
{
	size_t n = wizard_nitems(w);

	if (w->highlight >= n)
		w->highlight = n > 0 ? n - 1 : 0;
}

/* The same screen, by id, in guide to (its start screen if it has none). */
static size_t
remap(const struct guide *from, const struct guide *to, size_t s)
{
	size_t i = guide_screen_find(to, from->screens[s].id);

	return i == GUIDE_NONE ? to->start : i;
}

static int
language(struct wizard *w, long arg)
{
	const struct guide *from = wizard_guide(w), *to;
	size_t i;

	if (arg < 0 || (size_t)arg >= w->app->nguides || (size_t)arg == w->lang)
		return 0;
	to = w->app->guides[arg];
	w->screen = remap(from, to, w->screen);
	for (i = 0; i < w->depth; i++)
		w->history[i].screen = remap(from, to, w->history[i].screen);
	w->lang = (size_t)arg;
	w->qr = -1;
	clamp_highlight(w);
	return WIZARD_REDRAW | WIZARD_SCREEN_CHANGED | WIZARD_LANGUAGE_CHANGED;
}

/* Tick or untick to-do item t of screen s. */
static int
tick(struct wizard *w, size_t s, size_t t)
{
	const struct guide_screen *sc = &wizard_guide(w)->screens[s];
	size_t i;

	if (t >= sc->ntodos)
		return 0;
	i = tick_find(w, sc->todos[t].id);
	assert(i != GUIDE_NONE);
	w->ticked[i] = !w->ticked[i];
	return WIZARD_REDRAW;
}

/* Tick or untick to-do number n (from 0) of the current screen: a
 * plan's items first, then the screen's own (wizard_todo). */
static int
tick_n(struct wizard *w, size_t n)
{
	size_t s, t;

	if (wizard_todo(w, n + 1, &s, &t) != 0)
		return 0;
	return tick(w, s, t);
}

/* Choosing a language: switch, then back to where the reader was. */
static int
choose_language(struct wizard *w, size_t lang)
{
	int flags = language(w, (long)lang) | back(w);

	clamp_highlight(w); /* the same ids, but content may differ */
	return flags;
}

/* Act on item i: choose a choice or language, tick a to-do item. */
static int
act(struct wizard *w, size_t i)
{
	const struct guide_screen *sc = wizard_screen(w);
	size_t np = wizard_nplan(w, w->screen), at;

	switch (wizard_item(w, i, &at)) {
	case WIZARD_ITEM_LANGUAGE:
		return choose_language(w, at);
	case WIZARD_ITEM_PLAN:
	case WIZARD_ITEM_TODO:
		return tick_n(w, i < np ? at : np + at);
	case WIZARD_ITEM_CHOICE:
		return go(w, sc->choices[at].target);
	case WIZARD_ITEM_NONE:
		break;
	}
	return 0;
}

static int
scroll_by(struct wizard *w, long lines)
{
	size_t old = w->scroll;

	if (lines < 0)
		w->scroll =
		    (size_t)-lines > w->scroll ? 0 : w->scroll - (size_t)-lines;
	else
		w->scroll += (size_t)lines;
	w->follow = 0;
	return old != w->scroll ? WIZARD_REDRAW : 0;
}

static int
move(struct wizard *w, int down)
{
	size_t n = wizard_nitems(w);

	if (n == 0 || (!down && w->highlight == 0) ||
	    (down && w->highlight + 1 >= n))
		return scroll_by(w, down ? 1 : -1);
	if (down)
		w->highlight++;
	else
		w->highlight--;
	w->follow = 1;
	return WIZARD_REDRAW;
}

static int
qr_next(struct wizard *w)
{
	const struct guide *g = wizard_guide(w);
	const struct guide_screen *sc = wizard_screen(w);
	size_t k, n = sc->nresources;
	size_t from = w->qr < 0 ? 0 : (size_t)w->qr + 1;

	for (k = 0; k < n; k++) {
		size_t j = (from + k) % n;

		if (g->resources[sc->resources[j]].web != NULL) {
			w->qr = (long)j;
			return WIZARD_REDRAW;
		}
	}
	return 0;
}

static int
reset(struct wizard *w)
{
	int flags = WIZARD_REDRAW | WIZARD_SCREEN_CHANGED | WIZARD_RESET_DONE;

	if (w->lang != w->app->lang)
		flags |= WIZARD_LANGUAGE_CHANGED;
	memset(w->ticked, 0, w->nticks);
	memset(w->history, 0, sizeof w->history);
	w->depth = 0;
	w->lang = w->app->lang;
	enter(w, wizard_guide(w)->start);
	return flags;
}

int
wizard_apply(struct wizard *w, enum wizard_action action, long arg)
{
	const struct guide *g = wizard_guide(w);
	const struct guide_screen *sc = wizard_screen(w);
	size_t nl = nlangs(w, w->screen), np = wizard_nplan(w, w->screen);
	size_t n = wizard_nitems(w), at;
	enum wizard_item_kind kind;

	switch (action) {
	case WIZARD_UP:
		return move(w, 0);
	case WIZARD_DOWN:
		return move(w, 1);
	case WIZARD_CHOOSE:
		return act(w, w->highlight);
	case WIZARD_PICK:
	case WIZARD_GO_CHOICE:
		if (arg < 1 || (size_t)arg > nl + sc->nchoices)
			return 0;
		at = np + ((size_t)arg <= nl ? (size_t)arg - 1
					     : sc->ntodos + (size_t)arg - 1);
		w->highlight = at;
		w->follow = 1;
		if (action == WIZARD_GO_CHOICE)
			return WIZARD_REDRAW;
		return act(w, at) | WIZARD_REDRAW;
	case WIZARD_FIRST:
	case WIZARD_LAST:
		if (n == 0)
			return 0;
		w->highlight = action == WIZARD_FIRST ? 0 : n - 1;
		w->follow = 1;
		return WIZARD_REDRAW;
	case WIZARD_CLICK:
		if (arg < 0 || (size_t)arg >= n)
			return 0;
		w->highlight = (size_t)arg;
		w->follow = 1;
		return act(w, (size_t)arg) | WIZARD_REDRAW;
	case WIZARD_SELECT:
		if (arg < 0 || (size_t)arg >= n)
			return 0;
		w->highlight = (size_t)arg;
		w->follow = 1;
		return WIZARD_REDRAW;
	case WIZARD_BACK:
		return back(w);
	case WIZARD_TICK:
		kind = wizard_item(w, w->highlight, &at);
		if (kind == WIZARD_ITEM_PLAN)
			return tick_n(w, at);
		if (kind == WIZARD_ITEM_TODO)
			return tick_n(w, np + at);
		return 0;
	case WIZARD_TICK_N:
		if (arg < 1)
			return 0;
		return tick_n(w, (size_t)arg - 1);
	case WIZARD_PAGE_UP:
		return scroll_by(w, -(arg < 1 ? 1 : arg));
	case WIZARD_PAGE_DOWN:
		return scroll_by(w, arg < 1 ? 1 : arg);
	case WIZARD_SCROLL:
		return scroll_by(w, arg);
	case WIZARD_SCROLL_TO:
		w->scroll = arg < 0 ? 0 : (size_t)arg;
		return 0;
	case WIZARD_SHOW:
		w->follow = 1;
		return WIZARD_REDRAW;
	case WIZARD_HELP:
		if (w->screen == g->help)
			return w->qr >= 0 ? back(w) : 0;
		return go(w, g->help);
	case WIZARD_LEAVE_NOW:
		return WIZARD_LEAVE;
	case WIZARD_PLAIN:
		return WIZARD_TO_PLAIN;
	case WIZARD_RESET:
		return reset(w);
	case WIZARD_LANGUAGE:
		return language(w, arg);
	case WIZARD_QR_NEXT:
		return qr_next(w);
	case WIZARD_QR_HIDE:
		if (w->qr < 0)
			return 0;
		w->qr = -1;
		return WIZARD_REDRAW;
	}
	return 0;
}

int
wizard_can_back(const struct wizard *w)
{
	return w->depth > 0 || w->qr >= 0;
}

int
wizard_can_help(const struct wizard *w)
{
	return w->screen != wizard_guide(w)->help;
}

int
wizard_pristine(const struct wizard *w)
{
	return w->depth == 0 && w->lang == w->app->lang &&
	       w->screen == wizard_guide(w)->start && w->scroll == 0 &&
	       w->qr < 0 && wizard_nticked(w) == 0 &&
	       w->highlight == first_highlight(w);
}

struct wizard *
wizard_new(const struct app *app)
{
	struct wizard *w;
	size_t i, s, t, max = 0;

	assert(app->nguides > 0 && app->lang < app->nguides);
	w = xcalloc(1, sizeof *w);
	w->app = app;
	for (i = 0; i < app->nguides; i++)
		for (s = 0; s < app->guides[i]->nscreens; s++)
			max += app->guides[i]->screens[s].ntodos;
	w->tick_ids = xcalloc(max ? max : 1, sizeof *w->tick_ids);
	w->ticked = xcalloc(max ? max : 1, 1);
	for (i = 0; i < app->nguides; i++) {
		const struct guide *g = app->guides[i];

		for (s = 0; s < g->nscreens; s++)
			for (t = 0; t < g->screens[s].ntodos; t++) {
				const char *id = g->screens[s].todos[t].id;

				if (tick_find(w, id) == GUIDE_NONE)
					w->tick_ids[w->nticks++] = id;
			}
	}
	reset(w);
	return w;
}

void
wizard_free(struct wizard *w)
{
	if (w == NULL)
		return;
	free(w->tick_ids);
	free(w->ticked);
	free(w);
}
