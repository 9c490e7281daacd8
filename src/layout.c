/*
 * layout.c: display width and line wrapping with libunistring.
 *
 * libunistring's u8_possible_linebreaks gives the break opportunities of
 * UAX #14; the greedy fill is done here rather than by u8_width_linebreaks
 * because that one counts the space before a break against the width (a
 * line that fits exactly was broken a word early) and never splits a word
 * longer than the line.  Such a word is cut here before a character of
 * non-zero width, so combining marks stay with their base.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h> /* u8_possible_linebreaks */
#include <unistr.h>
#include <uniwidth.h>

#include "layout.h"
#include "xmalloc.h"

/*
 * The character at byte i of s (n bytes): its code point in *uc, its
 * columns in *cw (an unprintable one counts 1), and its length in bytes
 * (an invalid byte is one character).  The one UTF-8 loop of this file:
 * every function below walks the text with it.
 */
static size_t
next_char(const char *s, size_t n, size_t i, ucs4_t *uc, int *cw)
{
	int len = u8_mbtouc(uc, (const uint8_t *)s + i, n - i);
	int w = uc_width(*uc, "UTF-8");

	*cw = w < 0 ? 1 : w;
	return len > 0 ? (size_t)len : 1;
}

int
layout_width(const char *s, size_t n)
{
	size_t i = 0;
	ucs4_t uc;
	int w = 0, cw;

	while (i < n) {
		i += next_char(s, n, i, &uc, &cw);
		w += cw;
	}
	return w;
}

/* How many bytes of s (n bytes) fit in width columns, whole characters
 * with their combining marks only. */
static size_t
prefix_fitting(const char *s, size_t n, int width)
{
	size_t i = 0, len;
	ucs4_t uc;
	int w = 0, cw;

	while (i < n) {
		len = next_char(s, n, i, &uc, &cw);
		if (cw > 0 && w + cw > width)
			break;
		w += cw;
		i += len;
	}
	return i;
}

/* The byte length of the first character of s and its combining marks. */
static size_t
first_cluster(const char *s, size_t n)
{
	size_t i = 0, len;
	ucs4_t uc;
	int cw;

	while (i < n) {
		len = next_char(s, n, i, &uc, &cw);
		if (i > 0 && cw > 0)
			break;
		i += len;
	}
	return i;
}

/* The end of [start, end) of s without its trailing spaces. */
static size_t
trimmed(const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	return end;
}

struct lines {
	struct layout_line *v;
	size_t n, cap;
};

static void
lines_add(struct lines *l, size_t off, size_t len, int width)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].off = off;
	l->v[l->n].len = len;
	l->v[l->n].width = width;
	l->n++;
}

/* A letter, a digit, or a byte of a character beyond ASCII (no locale). */
static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/*
 * Whether the word [start, end) of s looks like a web or e-mail address:
 * it has a slash, an "@", or a dot with a letter or digit on both sides
 * ("cybertip.ca", not the full stop of "pictures.").
 */
static int
address_like(const char *s, size_t start, size_t end)
{
	size_t i;

	for (i = start; i < end; i++) {
		unsigned char prev = i > start ? (unsigned char)s[i - 1] : ' ';
		unsigned char next =
		    i + 1 < end ? (unsigned char)s[i + 1] : ' ';

		if (s[i] == '/' || s[i] == '@')
			return 1;
		if (s[i] == '.' && word_byte(prev) && word_byte(next))
			return 1;
	}
	return 0;
}

/* The end of the word at start when it looks like an address, else
 * start. */
static size_t
address_end(const char *s, size_t start, size_t n)
{
	size_t end = start;

	while (end < n && s[end] != ' ' && s[end] != '\n')
		end++;
	return address_like(s, start, end) ? end : start;
}

/*
 * Where to cut a word longer than the line that runs from start to i (the
 * first character that does not fit): at its last space, where words were
 * glued only to keep them together ("Step 2 of 5"); else after its last
 * slash, so that an address breaks between its parts; else at i.
 */
static size_t
long_word_cut(const char *s, size_t start, size_t i)
{
	size_t k;

	for (k = i; k > start + 1; k--)
		if (s[k - 1] == ' ')
			return k;
	for (k = i; k > start + 1; k--)
		if (s[k - 1] == '/')
			return k;
	return i;
}

/*
 * No break before a short number that ends there (1 to 3 digits, then a
 * mark, a space or the end): "(step 5)", "Step 2 of 5", "call 911" and
 * "Call: 1-800-668-6868" keep the number with the word before it, which
 * says what it is.
 */
static void
keep_numbers(const char *s, size_t n, char *p)
{
	for (size_t i = 1; i < n; i++) {
		size_t k = i;

		if (p[i] != UC_BREAK_POSSIBLE || s[i - 1] != ' ')
			continue;
		while (k < n && k - i < 4 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k > i && k - i <= 3 &&
		    (k == n || !word_byte((unsigned char)s[k])))
			p[i] = UC_BREAK_PROHIBITED;
	}
}

/*
 * No break after a hyphen that joins a short word to the one before it:
 * French "Parles-en", "dis-moi", "vas-y" read as one word, and "-en"
 * alone at the start of a line reads as nothing.
 */
static void
keep_short_after_hyphen(const char *s, size_t n, char *p)
{
	for (size_t i = 1; i < n; i++) {
		size_t k = i;

		if (p[i] != UC_BREAK_POSSIBLE || s[i - 1] != '-')
			continue;
		while (k < n && k - i < 5 && word_byte((unsigned char)s[k]))
			k++;
		if (k - i <= 4 && (k == n || !word_byte((unsigned char)s[k])))
			p[i] = UC_BREAK_PROHIBITED;
	}
}

/* No break opportunity inside a word that looks like an address. */
static void
keep_addresses(const char *s, size_t n, char *p)
{
	size_t i = 0, start;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\n'))
			i++;
		start = i;
		while (i < n && s[i] != ' ' && s[i] != '\n')
			i++;
		if (address_like(s, start, i)) {
			size_t k;

			for (k = start + 1; k < i; k++)
				if (p[k] == UC_BREAK_POSSIBLE)
					p[k] = UC_BREAK_PROHIBITED;
		}
	}
}

size_t
layout_wrap(const char *s, int width, struct layout_line **out)
{
	return layout_wrap_opt(s, width, 0, out);
}

size_t
layout_wrap_opt(const char *s, int width, int flags, struct layout_line **out)
{
	struct lines l = { 0 };
	size_t n = strlen(s), start = 0, brk = 0, i = 0;
	int w = 0;  /* columns from start to i, trailing spaces included */
	int bw = 0; /* columns from start to brk, without trailing spaces */
	char *p;

	if (width < 1)
		width = 1;
	p = xmalloc(n ? n : 1);
	if (n > 0) {
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", p);
		keep_addresses(s, n, p);
		keep_numbers(s, n, p);
		keep_short_after_hyphen(s, n, p);
	}
	while (i < n) {
		ucs4_t uc;
		int cw;
		size_t len = next_char(s, n, i, &uc, &cw);

		if (i > start &&
		    (p[i] == UC_BREAK_POSSIBLE || p[i] == UC_BREAK_MANDATORY)) {
			brk = i;
			bw = layout_width(
			    s + start, trimmed(s, start, i) - start);
		}
		/* a space may hang over the edge: it is dropped at a break */
		if (cw > 0 && uc != ' ' && w + cw > width) {
			size_t end;

			if (brk > start) { /* break at the last opportunity */
				lines_add(&l, start,
				    trimmed(s, start, brk) - start, bw);
				start = brk;
			} else if (i >
				   start) { /* a word longer than the line */
				end = (flags & LAYOUT_ADDRESS_WHOLE)
					  ? address_end(s, start, n)
					  : start;
				if (end == start)
					end = long_word_cut(s, start, i);
				/* glued words ("au 988") are cut at their
				 * space, which goes */
				lines_add(&l, start,
				    trimmed(s, start, end) - start,
				    layout_width(s + start,
					trimmed(s, start, end) - start));
				while (end < n && s[end] == ' ')
					end++;
				start = i = end;
			} else { /* one character wider than the line */
				end = i + first_cluster(s + i, n - i);
				lines_add(&l, start, end - start,
				    layout_width(s + start, end - start));
				start = i = end;
				w = 0;
				brk = start;
				continue;
			}
			brk = start;
			w = layout_width(s + start, i - start);
			continue; /* look at character i again */
		}
		w += cw;
		i += len;
	}
	if (start < n || l.n == 0)
		lines_add(&l, start, trimmed(s, start, n) - start,
		    layout_width(s + start, trimmed(s, start, n) - start));
	free(p);
	*out = l.v;
	return l.n;
}

char *
layout_fit(const char *s, int width, const char *ellipsis)
{
	size_t n = strlen(s), k, el;
	int ew;
	char *r;

	if (width < 0)
		width = 0;
	if (layout_width(s, n) <= width)
		return xstrdup(s);
	if (ellipsis == NULL)
		ellipsis = "";
	el = strlen(ellipsis);
	ew = layout_width(ellipsis, el);
	if (ew > width) {
		ellipsis = "";
		el = 0;
		ew = 0;
	}
	k = prefix_fitting(s, n, width - ew);
	while (el > 0 && k > 0 && s[k - 1] == ' ')
		k--;
	r = xmalloc(k + el + 1);
	memcpy(r, s, k);
	memcpy(r + k, ellipsis, el);
	r[k + el] = '\0';
	return r;
}
