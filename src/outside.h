/*
 * outside.h: text that comes from outside the program (file names, paths,
 * option values, keys of a content file) made safe to print in a message.
 *
 * A file named "\e]0;x\a.json" must not retitle the window or clear the
 * screen when a message names it.  outside_escape shows every byte that a
 * terminal could take as a command as an escape a person can read: ESC as
 * "\e", another control character as "\x07" (C1 controls, written in
 * UTF-8, as "\u009B"), a bidi control that would reorder the line as
 * "\u202E", a byte that is not UTF-8 as "\xE9", and the backslash itself
 * as "\\", so that the escapes cannot be forged.  Everything else is kept.
 * Pure: no I/O, no locale dependence.
 */
#ifndef SAFESTEPS_OUTSIDE_H
#define SAFESTEPS_OUTSIDE_H

#include <stddef.h>
#include <stdint.h>

/* The printable form of s (NULL gives "(null)").  Caller frees. */
char *outside_escape(const char *s);

/* The name of control character cp, with a space before it (" (ESC)"),
 * or "" when it has none worth saying. */
const char *outside_control_name(uint32_t cp);

/*
 * What is wrong with character cp in text from a file (written: the four
 * hex digits of its escape, or NULL when it is raw), in buf, or NULL when
 * nothing is.  A control character could send the terminal a command; a
 * bidi control reorders the text around it, so that a line reads other
 * than it is.
 */
const char *outside_bad_char(
    uint32_t cp, const char *written, char *buf, size_t size);

/*
 * A string from a file made safe to put inside quotes in a message:
 * quotes and backslashes escaped, control and bidi characters as \uXXXX,
 * invalid bytes as \xNN, and cut after 40 characters ("...").  Returns
 * b->s.
 */
struct outside_shown {
	char s[40 * 6 + 8];
};
const char *outside_show(struct outside_shown *b, const char *str);

#endif
