/*
 * ascii.h: UTF-8 text folded to ASCII, for a locale that is not UTF-8.
 *
 * In such a locale the terminal would show broken bytes for every accent.
 * ascii_fold keeps the text readable instead: letters lose their accents
 * ("J'écoute" -> "J'ecoute": canonical decomposition with libunistring,
 * then the combining marks dropped), typographic quotes, dashes, bullets,
 * arrows, the ellipsis and the unusual spaces become their ASCII cousins,
 * ligatures are spelled out ("œ" -> "oe", "ß" -> "ss"), and anything else
 * that is not ASCII becomes "?".  Control characters other than tab and
 * newline become "?" too, so the result is never an escape sequence.
 *
 * The result can be longer than the input (an ellipsis is three
 * characters), so a caller that wraps text folds it first, or checks the
 * width of what it got.  Pure: no I/O, no locale dependence.
 */
#ifndef SAFESTEPS_ASCII_H
#define SAFESTEPS_ASCII_H

/*
 * The ASCII form of utf8 (invalid bytes count as unknown characters and
 * become "?").  Caller frees.
 */
char *ascii_fold(const char *utf8);

/* ascii_fold(s) when ascii, else a copy of s.  Caller frees. */
char *ascii_maybe(const char *s, int ascii);

#endif
