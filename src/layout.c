/*
 * layout.c: display width and line wrapping with libunistring.
 *
 * u8_width_linebreaks chooses the breaks (UAX #14); a segment between two
 * chosen breaks that is still too wide is one word longer than the line,
 * which libunistring never splits: it is cut here at character
 * boundaries, keeping combining marks (width 0) with their base.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "layout.h"
#include "xmalloc.h"

/* Columns of one character; an unprintable one counts 1. */
static int
char_width(ucs4_t uc)
{
	int w = uc_width(uc, "UTF-8");

	return w < 0 ? 1 : w;
}

int
layout_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	int w = 0;

	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p + i, n - i);

		w += char_width(uc);
		i += len > 0 ? (size_t)len : 1;
	}
	return w;
}

size_t
layout_prefix(const char *s, size_t n, int width)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	int w = 0;

	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p + i, n - i);
		int cw = char_width(uc);

		if (cw > 0 && w + cw > width)
			break;
		w += cw;
		i += len > 0 ? (size_t)len : 1;
	}
	return i;
}

/* The byte length of the first character of s and its combining marks. */
static size_t
first_cluster(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p + i, n - i);

		if (i > 0 && char_width(uc) > 0)
			break;
		i += len > 0 ? (size_t)len : 1;
	}
	return i;
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

/*
 * Add the segment [off, off + len) of s without its trailing spaces.
 * Returns 0, or the bytes that fit when the segment is a word too long for
 * the line (at least one character): the caller wraps again after them.
 */
static size_t
add_segment(struct lines *l, const char *s, size_t off, size_t len, int width)
{
	int w;
	size_t k;

	while (len > 0 && s[off + len - 1] == ' ')
		len--;
	w = layout_width(s + off, len);
	if (w <= width) {
		lines_add(l, off, len, w);
		return 0;
	}
	k = layout_prefix(s + off, len, width);
	if (k == 0) /* one character wider than the line */
		k = first_cluster(s + off, len);
	lines_add(l, off, k, layout_width(s + off, k));
	return k;
}

size_t
layout_wrap(const char *s, int width, struct layout_line **out)
{
	struct lines l = { 0 };
	size_t n = strlen(s), start = 0;
	char *p;

	if (width < 1)
		width = 1;
	if (n == 0) {
		lines_add(&l, 0, 0, 0);
		*out = l.v;
		return l.n;
	}
	p = xmalloc(n);
	/*
	 * Break the rest of the text; after a word cut hard, the breaks that
	 * follow it are chosen again, from the cut.
	 */
	while (start < n) {
		size_t seg = start, i, cut = 0;

		u8_width_linebreaks((const uint8_t *)s + start, n - start,
		    width, 0, 0, NULL, "UTF-8", p);
		for (i = start + 1; i <= n && cut == 0; i++) {
			if (i < n && p[i - start] != UC_BREAK_POSSIBLE &&
			    p[i - start] != UC_BREAK_MANDATORY)
				continue;
			cut = add_segment(&l, s, seg, i - seg, width);
			if (cut > 0)
				start = seg + cut;
			seg = i;
		}
		if (cut == 0)
			break;
	}
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
	k = layout_prefix(s, n, width - ew);
	while (el > 0 && k > 0 && s[k - 1] == ' ')
		k--;
	r = xmalloc(k + el + 1);
	memcpy(r, s, k);
	memcpy(r + k, ellipsis, el);
	r[k + el] = '\0';
	return r;
}
