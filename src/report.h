/*
 * report.h: the problems found in files, and how they are printed.
 *
 * One container for every message about the content: the loader's
 * (load.c, json.c), the reading level's (readlevel.c) and the content
 * directory's (content.c).  Each problem names its file, line, column,
 * screen and JSON path when they are known.  A struct report_sink caps
 * what one file adds, so that a file of garbage cannot flood the screen.
 */
#ifndef SAFESTEPS_REPORT_H
#define SAFESTEPS_REPORT_H

#include <stdarg.h>
#include <stddef.h>

/* Where a problem is; any part may be NULL (0 for line and col). */
struct load_place {
	const char *file; /* NULL: the report's file */
	int line;         /* 1-based line and column in the file */
	int col;
	const char *screen; /* the id of the screen it is on */
	const char *path;   /* JSON path, "screens[3].choices[0].to" */
};

/* One problem found. */
struct load_diag {
	int warning; /* 1: a warning (the file is still valid), 0: an error */
	char *file;  /* NULL: the report's file */
	int line;    /* where the value, key or bytes are; 0 if unknown */
	int col;
	char *screen; /* the id of the screen it is on, or NULL */
	char *path; /* JSON path such as "screens[3].choices[0].to", or NULL */
	char *msg;  /* what is wrong, in one line */
};

/*
 * Every problem found: in one file (the loader's), or in several (each
 * diag names its file): the program's one container of messages.
 */
struct load_report {
	char *file; /* the name as given, or NULL */
	struct load_diag *diags;
	size_t ndiags;
	size_t nerrors;
	size_t nwarnings;
};

/*
 * One diagnostic as the line the program prints, without "safesteps: " and
 * without a newline: 'FILE:LINE:COL: screen "ID": path: msg', each part
 * when it is known (the path then starts after the screen), with
 * "warning: " before msg for a warning.  Caller frees.
 */
char *load_diag_format(const struct load_report *rep, size_t i);

/*
 * Append a diagnostic to rep (at may be NULL).  Used by the loader and by
 * what is layered on it (readlevel.h, content.h).
 */
void load_report_add(struct load_report *rep, int warning,
    const struct load_place *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* load_report_add with a va_list. */
void load_report_vadd(struct load_report *rep, int warning,
    const struct load_place *at, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Append a copy of diagnostic i of from to "to", with suffix after its
 * message (suffix may be NULL). */
void load_report_copy(struct load_report *to, const struct load_report *from,
    size_t i, const char *suffix);

/* Free what a report holds and zero it; NULL is fine. */
void load_report_free(struct load_report *rep);

/* After this many errors of one file, the rest are counted, not kept; the
 * same for warnings. */
#define REPORT_MAX_KEPT 100

/*
 * Where one file's problems go: rep, with the cap.  Errors are always
 * counted, so that a full report still fails the load; errors and
 * warnings have a cap each, so that many warnings cannot hide an error.
 * Zero it, then set rep.
 */
struct report_sink {
	struct load_report *rep;
	size_t nerrkept;  /* errors kept, then one more: the "too many" line */
	size_t nwarnkept; /* the same for warnings */
	size_t nerrors;   /* errors found, kept or not */
};

/* Add a problem to s->rep unless its kind is over the cap. */
void report_sink_vadd(struct report_sink *s, int warning,
    const struct load_place *at, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
void report_sink_add(struct report_sink *s, int warning,
    const struct load_place *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Whether a problem of this kind would still be kept (the caller need not
 * work out where it is otherwise). */
int report_sink_keeps(const struct report_sink *s, int warning);

#endif
