/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Running out of memory is not an expected failure in a program this size:
 * these functions call the registered fatal hook (which restores the
 * terminal), print one line and exit with status 1.
 */
#ifndef SAFESTEPS_XMALLOC_H
#define SAFESTEPS_XMALLOC_H

#include <stddef.h>

/* Register a function to run before exiting on out of memory (or NULL). */
void xmalloc_on_fatal(void (*hook)(void));

/* malloc, calloc, realloc and strdup that exit on failure. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* xstrdup, or NULL when s is NULL. */
char *xstrdup_or_null(const char *s);

/* asprintf that exits on failure.  Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
