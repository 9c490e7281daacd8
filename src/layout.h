/*
 * layout.h: display width and line wrapping of UTF-8 text.
 *
 * Widths are in terminal columns, as libunistring's uc_width gives them
 * for a UTF-8 locale (the same tables wcwidth and ncurses use for the
 * characters of the content: accents 1, CJK 2, combining marks 0).
 * Wrapping follows UAX #14 (libunistring's line breaking), so a line is
 * never broken at a no-break space (U+00A0 or U+202F): French ":" and "»"
 * stay with the word before them, "«" with the word after.  A word longer
 * than the line (words glued by no-break spaces count as one) is broken
 * hard between characters, never inside a UTF-8 sequence and never
 * between a base character and its combining marks.
 * Pure: no I/O, no locale dependence.
 */
#ifndef SAFESTEPS_LAYOUT_H
#define SAFESTEPS_LAYOUT_H

#include <stddef.h>

/* One wrapped line: a byte range of the text and its width. */
struct layout_line {
	size_t off; /* first byte */
	size_t len; /* bytes, without the spaces the break dropped */
	int width;  /* display columns, at most the wrapping width */
};

/*
 * Display columns of the first n bytes of s (valid UTF-8; an invalid or
 * unprintable character counts 1).
 */
int layout_width(const char *s, size_t n);

/*
 * Wrap s (NUL-terminated UTF-8) to width columns (at least 1).  Returns the
 * number of lines (at least 1: an empty text is one empty line) and sets
 * *lines to them.  Caller frees *lines.
 */
size_t layout_wrap(const char *s, int width, struct layout_line **lines);

/* For layout_wrap_opt: a word that looks like a web address and is wider
 * than the line is not cut; it gets a line of its own, wider than width
 * (paper: an address cut in two cannot be typed). */
#define LAYOUT_ADDRESS_WHOLE 0x1

/* layout_wrap with LAYOUT_* flags. */
size_t layout_wrap_opt(
    const char *s, int width, int flags, struct layout_line **lines);

/*
 * A copy of s cut to at most width columns, ending in ellipsis (which may
 * be NULL or "") when something was cut.  Caller frees.
 */
char *layout_fit(const char *s, int width, const char *ellipsis);

#endif
