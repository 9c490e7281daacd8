/*
 * content.h: finding every language's content and loading it.
 *
 * A language is any "xx.json" in a content directory, or in the built-in
 * copy.  For each language the first file found is used, looking in order
 * at --content DIR, $SAFESTEPS_CONTENT, the installed directory, then the
 * built-in copy.  Outside kiosk mode a file that is found but invalid, or
 * a --content DIR that does not exist, is an error.  In kiosk mode nothing
 * is an error while a built-in copy exists: the problem becomes one line
 * in the messages and the built-in copy is used.
 *
 * Call order: content_load, use the guides, content_free.
 */
#ifndef SAFESTEPS_CONTENT_H
#define SAFESTEPS_CONTENT_H

#include <stddef.h>

#include "guide.h"

struct content_opts {
	const char *dir;       /* --content DIR, or NULL */
	const char *env_dir;   /* $SAFESTEPS_CONTENT, or NULL */
	const char *installed; /* the installed directory */
	const char *site;      /* a site file to apply, or NULL */
	int site_required;     /* 1: --site given (missing file is an error) */
	int kiosk;             /* fall back instead of failing */
};

/* Lines for stderr, without "safesteps: " and without newlines. */
struct content_msgs {
	char **lines;
	size_t n;
};

/* Every language found, sorted by code. */
struct content {
	struct guide **guides;
	size_t n;
};

/*
 * Load every language.  Returns 0 (c filled; msgs may hold kiosk fallback
 * notes) or -1 (msgs says why; c is empty).  Caller frees both.
 */
int content_load(
    const struct content_opts *o, struct content *c, struct content_msgs *msgs);

/* Index of language code lang in c, or (size_t)-1. */
size_t content_find(const struct content *c, const char *lang);

/* Free what content_load filled; NULL-safe. */
void content_free(struct content *c);
void content_msgs_free(struct content_msgs *m);

#endif
