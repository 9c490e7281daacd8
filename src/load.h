/*
 * load.h: content files (JSON) into a struct guide, and their validation.
 *
 * One code path serves the program and "safesteps --check": load_file reads
 * the file itself (refusing anything over LOAD_MAX_BYTES, directories,
 * FIFOs and devices without blocking), checks the raw bytes (UTF-8, NUL,
 * control bytes, byte-order marks), parses strictly, checks every rule of
 * safesteps-content(5) and reports every problem it finds, not only the
 * first.  Only this module includes cJSON.
 *
 * A site file (safesteps-content(5)) is read and checked once, on its
 * own, with load_site_read; load_file_site then applies its part for the
 * file's language while it makes the guide: the placeholders of the text
 * are filled with the site's numbers, what is bound to another region is
 * left out, and the site's people, resources and sources are added.
 *
 * Call order: struct load_report rep = {0}; g = load_file(path, &rep);
 * read rep; load_report_free(&rep); guide_free(g).  With a site: site =
 * load_site_read(path, &rep); g = load_file_site(path, site, &rep) for
 * each language; load_site_free(site).
 */
#ifndef SAFESTEPS_LOAD_H
#define SAFESTEPS_LOAD_H

#include <stddef.h>

#include "guide.h"

/* The largest content file accepted; exactly this size is allowed. */
#define LOAD_MAX_BYTES (1024 * 1024)

/* One problem found in a file. */
struct load_diag {
	int warning; /* 1: a warning (the file is still valid), 0: an error */
	int line;    /* 1-based line and column for a syntax problem, else 0 */
	int col;
	char *path; /* JSON path such as "screens[3].choices[0].to", or NULL */
	char *msg;  /* what is wrong, in one line */
};

/* Everything found in one file. */
struct load_report {
	char *file; /* the name as given */
	struct load_diag *diags;
	size_t ndiags;
	size_t nerrors;
	size_t nwarnings;
};

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
	struct guide **parts;
	size_t nparts;
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

/* Free a site file's parts; NULL is fine. */
void load_site_free(struct load_site *site);

/*
 * load_file and load_buffer with site's part for the file's language
 * applied (site may be NULL: then they are load_file and load_buffer).
 */
struct guide *load_file_site(
    const char *path, const struct load_site *site, struct load_report *rep);
struct guide *load_buffer_site(const char *name, const char *buf, size_t len,
    const struct load_site *site, struct load_report *rep);

/*
 * One diagnostic as the line the program prints, without "safesteps: " and
 * without a newline: "FILE:LINE:COL: msg" or "FILE: path: msg", with
 * "warning: " before msg for a warning.  Caller frees.
 */
char *load_diag_format(const struct load_report *rep, size_t i);

/*
 * Append a diagnostic to rep (path may be NULL; line and col 0 for none).
 * Used by the loader and by checks layered on it (readlevel.h).
 */
void load_report_add(struct load_report *rep, int warning, int line, int col,
    const char *path, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Free what a report holds and zero it; NULL is fine. */
void load_report_free(struct load_report *rep);

#endif
