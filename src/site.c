/* site.c: a site file's part applied to a guide, in the model. */
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "site.h"
#include "xmalloc.h"

static const char *const names[SITE_NPLACEHOLDERS] = { "{emergency}",
	"{crisis.call}", "{crisis.text}", "{region}" };
static const char *const keys[SITE_NPLACEHOLDERS] = { "emergency",
	"crisis.call", "crisis.text", "region" };

const char *
site_next_placeholder(const char *s, size_t max, size_t *len)
{
	const char *open, *q;

	for (open = strchr(s, '{'); open != NULL;
	     open = strchr(open + 1, '{')) {
		for (q = open + 1;
		     (*q >= 'a' && *q <= 'z') || *q == '_' || *q == '.'; q++)
			;
		if (*q == '}' && q > open + 1 && (size_t)(q - open) <= max) {
			*len = (size_t)(q - open) + 1;
			return open;
		}
	}
	return NULL;
}

int
site_placeholder_of(const char *p, size_t n)
{
	for (int k = 0; k < SITE_NPLACEHOLDERS; k++)
		if (strlen(names[k]) == n && memcmp(p, names[k], n) == 0)
			return k;
	return -1;
}

const char *
site_value(const struct guide *g, int k)
{
	switch (k) {
	case SITE_EMERGENCY:
		return g->emergency;
	case SITE_CRISIS_CALL:
		return g->crisis_call;
	case SITE_CRISIS_TEXT:
		return g->crisis_text;
	default:
		return g->region;
	}
}

const char *
site_placeholder_key(int k)
{
	return k >= 0 && k < SITE_NPLACEHOLDERS ? keys[k] : NULL;
}

/*
 * Text t with every content placeholder filled from v.  Returns a copy
 * (caller frees), or NULL when one of them has no value: then the text is
 * left out, since a sentence without its number would mislead.  Other
 * words in braces are not ours: shown as they are.
 */
static char *
fill(const char *t, const char *const v[SITE_NPLACEHOLDERS])
{
	char *out = xstrdup(t), *next;

	for (int k = 0; k < SITE_NPLACEHOLDERS; k++) {
		if (strstr(t, names[k]) == NULL)
			continue;
		if (v[k] == NULL) {
			free(out);
			return NULL;
		}
		next = guide_format(out, names[k], v[k]);
		free(out);
		out = next;
	}
	return out;
}

/* Leave out what m is on: its text becomes NULL (swept by sweep_screen),
 * or its screen is marked gone. */
static void
unmark(struct guide *g, const struct site_mark *m, unsigned char *gone)
{
	struct guide_screen *s = &g->screens[m->screen];
	struct guide_block *b;

	switch (m->on) {
	case SITE_MARK_NONE:
		break;
	case SITE_MARK_SCREEN:
		gone[m->screen] = 1;
		break;
	case SITE_MARK_BLOCK:
		b = &s->body[m->i];
		free(b->text);
		b->text = NULL;
		for (size_t j = 0; j < b->nitems; j++) {
			free(b->items[j]);
			b->items[j] = NULL;
		}
		break;
	case SITE_MARK_ITEM:
		free(s->body[m->i].items[m->j]);
		s->body[m->i].items[m->j] = NULL;
		break;
	case SITE_MARK_TODO:
		free(s->todos[m->i].text);
		s->todos[m->i].text = NULL;
		break;
	case SITE_MARK_CHOICE:
		free(s->choices[m->i].label);
		s->choices[m->i].label = NULL;
		break;
	}
}

/* Fill the placeholders of *t from v; NULL when one has no value. */
static void
fill_in(char **t, const char *const v[SITE_NPLACEHOLDERS])
{
	char *f;

	if (*t == NULL || strchr(*t, '{') == NULL)
		return;
	f = fill(*t, v);
	free(*t);
	*t = f;
}

/*
 * Drop what became NULL in s: paragraphs, list items (and a list with
 * none left), to-do items, and choices (also those to a gone screen).
 */
static void
sweep_screen(struct guide_screen *s, const unsigned char *gone)
{
	size_t i, j, n, k;

	for (i = n = 0; i < s->nbody; i++) {
		struct guide_block *b = &s->body[i];

		for (j = k = 0; j < b->nitems; j++)
			if (b->items[j] != NULL)
				b->items[k++] = b->items[j];
		b->nitems = k;
		if (b->text != NULL || b->nitems > 0)
			s->body[n++] = *b;
		else
			free(b->items);
	}
	s->nbody = n;
	for (i = n = 0; i < s->ntodos; i++) {
		if (s->todos[i].text != NULL)
			s->todos[n++] = s->todos[i];
		else
			free(s->todos[i].id);
	}
	s->ntodos = n;
	guide_drop_choices(s, gone);
}

/* Remove the screens marked gone; every index to a screen follows. */
static void
drop_screens(struct guide *g, const unsigned char *gone)
{
	size_t *to = xcalloc(g->nscreens, sizeof *to), i, j, n = 0;

	for (i = 0; i < g->nscreens; i++) {
		if (gone[i]) {
			guide_screen_free(&g->screens[i]);
			continue;
		}
		to[i] = n;
		g->screens[n++] = g->screens[i];
	}
	g->nscreens = n;
	for (i = 0; i < n; i++)
		for (j = 0; j < g->screens[i].nchoices; j++)
			g->screens[i].choices[j].target =
			    to[g->screens[i].choices[j].target];
	g->start = to[g->start];
	g->help = to[g->help];
	for (i = 0; i < GUIDE_STEPS; i++)
		g->steps[i].screen = to[g->steps[i].screen];
	free(to);
}

/* Leave out every resource of the content: a site for another region
 * gives its own. */
static void
drop_resources(struct guide *g)
{
	for (size_t i = 0; i < g->nresources; i++)
		guide_resource_free(&g->resources[i]);
	g->nresources = 0;
	for (size_t i = 0; i < g->nscreens; i++)
		g->screens[i].nresources = 0;
}

/* Append the site's sources and resources (copies) to g; the site's
 * resources come first on the help screen. */
static void
add_site_resources(struct guide *g, const struct guide *p)
{
	struct guide_screen *help = &g->screens[g->help];
	size_t src0 = g->nsources, res0 = g->nresources, i, k, *list;

	if (p->nresources == 0)
		return;
	g->sources = xreallocarray(
	    g->sources, g->nsources + p->nsources, sizeof *g->sources);
	for (i = 0; i < p->nsources; i++) {
		const struct guide_source *from = &p->sources[i];
		struct guide_source *to = &g->sources[g->nsources++];

		to->id = xstrdup(from->id);
		to->title = xstrdup(from->title);
		to->publisher = xstrdup(from->publisher);
		to->date = xstrdup(from->date);
		to->url = xstrdup(from->url);
		to->checked = xstrdup(from->checked);
	}
	g->resources = xreallocarray(
	    g->resources, g->nresources + p->nresources, sizeof *g->resources);
	for (i = 0; i < p->nresources; i++) {
		const struct guide_resource *from = &p->resources[i];
		struct guide_resource *to = &g->resources[g->nresources++];

		to->id = xstrdup(from->id);
		to->name = xstrdup(from->name);
		to->purpose = xstrdup(from->purpose);
		to->web = xstrdup_or_null(from->web);
		to->phone = xstrdup_or_null(from->phone);
		to->text = xstrdup_or_null(from->text);
		to->hours = xstrdup_or_null(from->hours);
		to->region = xstrdup(from->region);
		to->sources = xcalloc(from->nsources, sizeof *to->sources);
		for (k = 0; k < from->nsources; k++)
			to->sources[k] = src0 + from->sources[k];
		to->nsources = from->nsources;
		to->site = 1;
	}
	list = xcalloc(p->nresources + help->nresources, sizeof *list);
	for (i = 0; i < p->nresources; i++)
		list[i] = res0 + i;
	for (i = 0; i < help->nresources; i++)
		list[p->nresources + i] = help->resources[i];
	free(help->resources);
	help->resources = list;
	help->nresources += p->nresources;
}

/* Leave out the sources that nothing left cites (a source of a number
 * that is gone would show it on the sources screen). */
static void
drop_unused_sources(struct guide *g)
{
	unsigned char *used = xcalloc(g->nsources + 1, 1);
	size_t *to = xcalloc(g->nsources + 1, sizeof *to), i, j, n = 0;

	for (i = 0; i < g->nscreens; i++)
		for (j = 0; j < g->screens[i].nsources; j++)
			used[g->screens[i].sources[j]] = 1;
	for (i = 0; i < g->nresources; i++)
		for (j = 0; j < g->resources[i].nsources; j++)
			used[g->resources[i].sources[j]] = 1;
	for (i = 0; i < g->nsources; i++) {
		if (!used[i]) {
			guide_source_free(&g->sources[i]);
			continue;
		}
		to[i] = n;
		g->sources[n++] = g->sources[i];
	}
	g->nsources = n;
	for (i = 0; i < g->nscreens; i++)
		for (j = 0; j < g->screens[i].nsources; j++)
			g->screens[i].sources[j] = to[g->screens[i].sources[j]];
	for (i = 0; i < g->nresources; i++)
		for (j = 0; j < g->resources[i].nsources; j++)
			g->resources[i].sources[j] =
			    to[g->resources[i].sources[j]];
	free(to);
	free(used);
}

/* Replace *field by a copy of value when value is given. */
static void
set_from_site(char **field, const char *value)
{
	if (value == NULL)
		return;
	free(*field);
	*field = xstrdup(value);
}

void
site_apply(struct guide *g, const struct guide *p,
    const struct site_mark *marks, size_t nmarks)
{
	const char *v[SITE_NPLACEHOLDERS];
	const char *region =
	    p != NULL && p->region != NULL ? p->region : g->region;
	int elsewhere = strcmp(region, g->region) != 0, anygone = 0;
	int crisis = p != NULL && p->crisis != NULL;
	unsigned char *gone = xcalloc(g->nscreens + 1, 1);
	size_t i, j, k;

	v[SITE_EMERGENCY] =
	    p != NULL && p->emergency != NULL ? p->emergency : g->emergency;
	v[SITE_CRISIS_CALL] = crisis ? p->crisis_call : g->crisis_call;
	v[SITE_CRISIS_TEXT] = crisis ? p->crisis_text : g->crisis_text;
	v[SITE_REGION] = region;
	for (i = 0; elsewhere && i < nmarks; i++)
		if (strcmp(marks[i].region, region) != 0)
			unmark(g, &marks[i], gone);
	for (i = 0; i < g->nscreens; i++) {
		struct guide_screen *s = &g->screens[i];

		for (j = 0; j < s->nbody; j++) {
			fill_in(&s->body[j].text, v);
			for (k = 0; k < s->body[j].nitems; k++)
				fill_in(&s->body[j].items[k], v);
		}
		for (j = 0; j < s->ntodos; j++)
			fill_in(&s->todos[j].text, v);
		for (j = 0; j < s->nchoices; j++)
			fill_in(&s->choices[j].label, v);
		anygone |= gone[i];
	}
	for (i = 0; i < g->nscreens; i++)
		sweep_screen(&g->screens[i], gone);
	if (anygone)
		drop_screens(g, gone);
	free(gone);
	if (elsewhere)
		drop_resources(g);
	if (p == NULL)
		return;
	add_site_resources(g, p);
	if (p->npeople > 0) {
		g->people = xcalloc(p->npeople, sizeof *g->people);
		for (i = 0; i < p->npeople; i++) {
			g->people[i].name = xstrdup(p->people[i].name);
			g->people[i].details = xstrdup(p->people[i].details);
		}
		g->npeople = p->npeople;
	}
	if (crisis) {
		set_from_site(&g->crisis, p->crisis);
		set_from_site(&g->crisis_short, p->crisis_short);
		free(g->crisis_call);
		free(g->crisis_text);
		g->crisis_call = xstrdup_or_null(p->crisis_call);
		g->crisis_text = xstrdup_or_null(p->crisis_text);
	}
	set_from_site(&g->emergency, p->emergency);
	set_from_site(&g->region, p->region);
	if (elsewhere)
		drop_unused_sources(g);
}
