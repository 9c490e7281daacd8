/*
 * content.h: finding every language's content and loading it.
 *
 * A language is any "xx.json" (two or three lowercase letters) in a
 * content directory, or in the built-in copy.  For each language the first
 * valid file is used, looking in order at --content DIR, $SAFESTEPS_CONTENT,
 * the district's directory (SYSCONFDIR/safesteps/content), the installed
 * directory, then the built-in copy.
 *
 * A broken file costs only itself, in every mode: the next copy is used
 * and the file gets one line in the messages; a language with no valid
 * copy is left out.  A $SAFESTEPS_CONTENT directory that does not exist is
 * skipped with one line; a district or installed directory that does not
 * exist is skipped quietly.  The site file is read once and applied to
 * every language as it loads (load.h); a broken one is skipped with one
 * line.
 * Only a --content DIR or a --site FILE that does not exist is an error,
 * and not in kiosk mode, where it is one line too.
 *
 * Call order: content_load, use the guides, content_free.
 */
#ifndef SAFESTEPS_CONTENT_H
#define SAFESTEPS_CONTENT_H

#include <stddef.h>

#include "guide.h"
#include "load.h"

struct content_opts {
	const char *dir;       /* --content DIR, or NULL */
	const char *env_dir;   /* $SAFESTEPS_CONTENT, or NULL */
	const char *etc_dir;   /* the district's directory, or NULL */
	const char *installed; /* the installed directory */
	const char *site;      /* a site file to apply, or NULL */
	int site_required;     /* 1: --site given (missing file is an error) */
	int kiosk;             /* a missing DIR or FILE is only a line */
};

/* Every language found, sorted by code. */
struct content {
	struct guide **guides;
	size_t n;
};

/*
 * Load every language.  Returns 0 (c filled; msgs may hold a line about
 * each file that was skipped) or -1 (msgs says why; c is empty).  Caller
 * frees both (load_report_free).
 */
int content_load(
    const struct content_opts *o, struct content *c, struct load_report *msgs);

/*
 * Load one content file as the program would: with site (may be NULL)
 * applied, and the name rule (a file named "xx.json" must say it is
 * language xx; a file with another name is a warning, since the program
 * would not read it).  Returns the guide (caller frees) or NULL; rep as
 * for load_file.
 */
struct guide *content_load_file(
    const char *path, const struct load_site *site, struct load_report *rep);

/*
 * The "*.json" files of directory dir, sorted by name, as paths (caller
 * frees each and the array).  Returns 0, or -1 with errno set.
 */
int content_dir_files(const char *dir, char ***paths, size_t *n);

/* Index of language code lang in c, or GUIDE_NONE. */
size_t content_find(const struct content *c, const char *lang);

/* Free what content_load filled; NULL-safe. */
void content_free(struct content *c);

#endif
