/*
 * textout.h: lines of text to a stream, for the front ends that write
 * text (plain and print).
 *
 * The lines come from the view, wrapped to the width and folded to ASCII
 * already when the locale is not UTF-8 (VIEW_ASCII).  The first write
 * error is kept and every later write skipped, so a caller checks once,
 * at the end (textout_flush).
 */
#ifndef SAFESTEPS_TEXTOUT_H
#define SAFESTEPS_TEXTOUT_H

#include <stddef.h>
#include <stdio.h>

struct textout {
	FILE *f;
	int width; /* columns to wrap to */
	int ascii; /* 1: the locale is not UTF-8 (the view folds) */
	int err;   /* errno of the first failed write, or 0 */
	int blank; /* 1: the last line written was empty */
};

/* Write n bytes as they are, remembering the first error. */
void textout_bytes(struct textout *o, const char *s, size_t n);

/* Write one line (without its newline) and a newline. */
void textout_line(struct textout *o, const char *text);

/* Push what was written out; returns 0, or -1 after any write error. */
int textout_flush(struct textout *o);

#endif
