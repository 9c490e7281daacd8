/*
 * site.h: a site file's part applied to a guide, in the model.
 *
 * The loader (load.h) reads a site file and a content file; this module
 * then makes the guide the school wants, without any JSON: it fills the
 * placeholders of the text with the site's numbers (else the file's own),
 * and, when the site sets another region than the content's, leaves out
 * what the content marks for another region (a screen, and the choices
 * that lead to it; a paragraph, a list, a list item, a to-do item, a
 * choice), every resource of the content and the sources nothing cites
 * any more; a text whose placeholder has no value is left out too.  It
 * adds the site's people, resources (first on the help screen) and
 * sources, and its crisis line.  See safesteps-content(5).
 *
 * Call order: the loader records the region marks while it reads the
 * content, then calls site_apply once on a guide that has no error.
 */
#ifndef SAFESTEPS_SITE_H
#define SAFESTEPS_SITE_H

#include <stddef.h>

#include "guide.h"

/* The placeholders of content text, by index. */
enum site_placeholder {
	SITE_EMERGENCY,   /* {emergency}: guide.emergency */
	SITE_CRISIS_CALL, /* {crisis.call}: guide.crisis_call */
	SITE_CRISIS_TEXT, /* {crisis.text}: guide.crisis_text */
	SITE_REGION,      /* {region}: guide.region */
	SITE_NPLACEHOLDERS
};

/* What a region mark is on. */
enum site_mark_on {
	SITE_MARK_NONE,
	SITE_MARK_SCREEN,
	SITE_MARK_BLOCK,
	SITE_MARK_ITEM,
	SITE_MARK_TODO,
	SITE_MARK_CHOICE
};

/*
 * A region mark: screens[screen], or its body[i] (list item j), todo[i]
 * or choices[i], is true only in region (owned by the caller).
 */
struct site_mark {
	enum site_mark_on on;
	size_t screen, i, j;
	const char *region;
};

/*
 * The next placeholder in s: "{", then a-z, "_" and ".", then "}" (braces
 * around anything else are text; at most max bytes).  Returns where it
 * starts, with its length in *len, or NULL.
 */
const char *site_next_placeholder(const char *s, size_t max, size_t *len);

/* Which content placeholder the n bytes at p are, or -1. */
int site_placeholder_of(const char *p, size_t n);

/* The key that gives placeholder k its value ("crisis.call"), static. */
const char *site_placeholder_key(int k);

/* g's own value of placeholder k, or NULL. */
const char *site_value(const struct guide *g, int k);

/*
 * Apply site part p (NULL: no site; the file's own values fill the
 * placeholders) to g, by the marks the loader found (marks[0..nmarks)).
 * g must have no error: every index in it is right.  p keeps what it
 * owns; g gets copies.
 */
void site_apply(struct guide *g, const struct guide *p,
    const struct site_mark *marks, size_t nmarks);

#endif
