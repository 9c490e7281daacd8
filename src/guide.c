/*
 * guide.c: the model's few functions: freeing, UI keys, screen lookup,
 * language codes and template filling.  The loader (load.c) builds the model.
 */
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "xmalloc.h"

static const char *const ui_keys[GUIDE_UI_COUNT] = {
#define GUIDE_UI_KEY(name, key, def) key,
	GUIDE_UI_LIST(GUIDE_UI_KEY)
#undef GUIDE_UI_KEY
};

/* The content key of a UI string, static; NULL when out of range. */
const char *
guide_ui_key(enum guide_ui which)
{
	if ((unsigned)which >= GUIDE_UI_COUNT)
		return NULL;
	return ui_keys[which];
}

static const char *const ui_defaults[GUIDE_UI_COUNT] = {
#define GUIDE_UI_DEFAULT(name, key, def) def,
	GUIDE_UI_LIST(GUIDE_UI_DEFAULT)
#undef GUIDE_UI_DEFAULT
};

const char *
guide_ui_default(enum guide_ui which)
{
	if ((unsigned)which >= GUIDE_UI_COUNT)
		return NULL;
	return ui_defaults[which];
}

void
guide_screen_free(struct guide_screen *s)
{
	size_t i, j;

	free(s->id);
	free(s->title);
	for (i = 0; i < s->nbody; i++) {
		free(s->body[i].text);
		for (j = 0; j < s->body[i].nitems; j++)
			free(s->body[i].items[j]);
		free(s->body[i].items);
	}
	free(s->body);
	for (i = 0; i < s->ntodos; i++) {
		free(s->todos[i].id);
		free(s->todos[i].text);
	}
	free(s->todos);
	for (i = 0; i < s->nchoices; i++)
		free(s->choices[i].label);
	free(s->choices);
	free(s->resources);
	free(s->sources);
}

void
guide_resource_free(struct guide_resource *r)
{
	free(r->id);
	free(r->name);
	free(r->purpose);
	free(r->web);
	free(r->phone);
	free(r->text);
	free(r->hours);
	free(r->region);
	free(r->sources);
}

void
guide_source_free(struct guide_source *s)
{
	free(s->id);
	free(s->title);
	free(s->publisher);
	free(s->date);
	free(s->url);
	free(s->checked);
}

/* Free a guide and every string it owns; NULL is fine. */
void
guide_free(struct guide *g)
{
	size_t i;

	if (g == NULL)
		return;
	free(g->lang);
	free(g->lang_name);
	free(g->region);
	free(g->emergency);
	for (i = 0; i < GUIDE_UI_COUNT; i++)
		free(g->ui[i]);
	free(g->crisis);
	free(g->crisis_short);
	free(g->crisis_call);
	free(g->crisis_text);
	for (i = 0; i < g->nscreens; i++)
		guide_screen_free(&g->screens[i]);
	free(g->screens);
	for (i = 0; i < GUIDE_STEPS; i++)
		free(g->steps[i].title);
	for (i = 0; i < g->nresources; i++)
		guide_resource_free(&g->resources[i]);
	free(g->resources);
	for (i = 0; i < g->nsources; i++)
		guide_source_free(&g->sources[i]);
	free(g->sources);
	for (i = 0; i < g->npeople; i++) {
		free(g->people[i].name);
		free(g->people[i].details);
	}
	free(g->people);
	free(g);
}

/* The index of the screen with this id, or GUIDE_NONE. */
size_t
guide_screen_find(const struct guide *g, const char *id)
{
	size_t i;

	if (g == NULL || id == NULL)
		return GUIDE_NONE;
	for (i = 0; i < g->nscreens; i++) {
		if (g->screens[i].id != NULL &&
		    strcmp(g->screens[i].id, id) == 0)
			return i;
	}
	return GUIDE_NONE;
}

void
guide_drop_choices(struct guide_screen *s, const unsigned char *drop)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nchoices; i++) {
		if (s->choices[i].label != NULL && !drop[s->choices[i].target])
			s->choices[n++] = s->choices[i];
		else
			free(s->choices[i].label);
	}
	s->nchoices = n;
}

size_t
guide_lang_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && n < 4 && s[n] >= 'a' && s[n] <= 'z')
		n++;
	return n == 2 || n == 3 ? n : 0;
}

/*
 * A copy of template with every "{name}" replaced by value; the name may
 * be given with or without its braces ("n" or "{n}").  Caller frees.
 */
char *
guide_format(const char *template, const char *name, const char *value)
{
	char *ph, *out;
	const char *p, *hit;
	size_t phlen, vlen, n, cap, len;

	if (template == NULL)
		return xstrdup("");
	if (name == NULL || *name == '\0' || value == NULL)
		return xstrdup(template);
	if (name[0] == '{')
		ph = xstrdup(name);
	else {
		n = strlen(name);
		ph = xmalloc(n + 3);
		ph[0] = '{';
		memcpy(ph + 1, name, n);
		ph[n + 1] = '}';
		ph[n + 2] = '\0';
	}
	phlen = strlen(ph);
	vlen = strlen(value);

	/* Count first, so the result is allocated once. */
	n = 0;
	for (p = template; (hit = strstr(p, ph)) != NULL; p = hit + phlen)
		n++;
	len = strlen(template);
	cap = len - n * phlen + n * vlen + 1;
	out = xmalloc(cap);

	len = 0;
	for (p = template; (hit = strstr(p, ph)) != NULL; p = hit + phlen) {
		memcpy(out + len, p, (size_t)(hit - p));
		len += (size_t)(hit - p);
		memcpy(out + len, value, vlen);
		len += vlen;
	}
	strcpy(out + len, p);
	free(ph);
	return out;
}

const char *
guide_crisis_part(const char *text, size_t *len)
{
	const char *end = strstr(text, GUIDE_CRISIS_SEP);

	if (end == NULL) {
		*len = strlen(text);
		return NULL;
	}
	*len = (size_t)(end - text);
	return end + strlen(GUIDE_CRISIS_SEP);
}
