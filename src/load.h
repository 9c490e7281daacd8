/*
 * load.h: content files (JSON) into a struct guide, and their validation.
 *
 * One code path serves the program and "safesteps --check": load_file reads
 * the file itself (refusing anything over LOAD_MAX_BYTES, directories,
 * FIFOs and devices without blocking), checks the raw bytes (UTF-8, NUL,
 * control bytes, byte-order marks), parses strictly, checks every rule of
 * safesteps-content(5) and reports every problem it finds, not only the
 * first.  Only this module and json.c (the bytes and the syntax) include
 * cJSON; the problems go to a struct load_report (report.h).
 *
 * A site file (safesteps-content(5)) is read and checked once, on its
 * own, with load_site_read; load_file_with (struct load_opts names the
 * site) then applies its part for the file's language while it makes the
 * guide: the placeholders of the text are filled with the site's
 * numbers, what is bound to another region is left out, and the site's
 * people, resources and sources are added.
 *
 * Call order: struct load_report rep = {0}; g = load_file(path, &rep);
 * read rep; load_report_free(&rep); guide_free(g).  With a site: site =
 * load_site_read(path, &rep); struct load_opts o = { site, NULL }; g =
 * load_file_with(path, &o, &rep) for each language; load_site_free(site).
 */
#ifndef SAFESTEPS_LOAD_H
#define SAFESTEPS_LOAD_H

#include <stddef.h>

#include "guide.h"
#include "report.h"

/* The largest content file accepted; exactly this size is allowed. */
#define LOAD_MAX_BYTES (1024 * 1024)

/*
 * Load and validate a content file.  Returns the guide (caller frees with
 * guide_free) when the file has no error, else NULL.  Every problem,
 * warnings included, is appended to rep, which the caller frees.
 */
struct guide *load_file(const char *path, struct load_report *rep);

/* The same for content already in memory; name is used in messages. */
struct guide *load_buffer(
    const char *name, const char *buf, size_t len, struct load_report *rep);

/*
 * A checked site file: for each language it has, a partial guide that
 * holds only what the site sets (lang always; region, emergency, the
 * crisis lines and numbers, people, resources and their sources when
 * given; everything else empty).
 */
struct load_site {
	int format;
	struct guide **parts;
	size_t nparts;
};

/* How to load a content file. */
struct load_opts {
	const struct load_site *site; /* applied, or NULL */
	const char *lang; /* the language its name says, or NULL: it must
			     say the same */
};

/*
 * Read and check a site file on its own.  Returns it (free with
 * load_site_free) when it has no error, else NULL; every problem goes to
 * rep.
 */
struct load_site *load_site_read(const char *path, struct load_report *rep);

/* The part of site for language lang, or NULL. */
const struct guide *load_site_part(
    const struct load_site *site, const char *lang);

/*
 * When site sets a region for some language but not for lang, the part
 * that sets one (its lang and region name it): lang's screens would show
 * the content's own numbers to a school in another region, so lang is
 * left out.  NULL when site is NULL, sets no region, or sets lang's.
 */
const struct guide *load_site_uncovered(
    const struct load_site *site, const char *lang);

/* Free a site file's parts; NULL is fine. */
void load_site_free(struct load_site *site);

/*
 * load_file and load_buffer as o says (o may be NULL): with the site's
 * part for the file's language applied, and the language the file must
 * say.
 */
struct guide *load_file_with(
    const char *path, const struct load_opts *o, struct load_report *rep);
struct guide *load_buffer_with(const char *name, const char *buf, size_t len,
    const struct load_opts *o, struct load_report *rep);

/*
 * The format as data, for the test that holds it against
 * safesteps-content(5): the k-th key of the t-th object type, with the
 * section of the page that describes it and whether it is required; NULL
 * past the last key of a type (and for every k past the last type).
 */
const char *load_format_key(
    size_t t, size_t k, const char **section, int *required);

#endif
