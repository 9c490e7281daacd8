/*
 * ascii.c: UTF-8 text folded to ASCII.
 *
 * Why not iconv("ASCII//TRANSLIT")?  glibc transliterates by the locale,
 * and in the C locale (the very case this serves) it gives "J'?coute".
 * Canonical decomposition (NFD) splits "é" into "e" and a combining acute
 * accent, which is dropped; a small table covers the typography that has
 * no decomposition.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "ascii.h"
#include "xmalloc.h"

/* A character with a fixed ASCII spelling ("" drops it). */
struct fold {
	ucs4_t uc;
	const char *ascii;
};

static const struct fold folds[] = {
	/* Spaces that are not U+0020, and invisible ones. */
	{ 0x00A0, " " },
	{ 0x1680, " " },
	{ 0x2000, " " },
	{ 0x2001, " " },
	{ 0x2002, " " },
	{ 0x2003, " " },
	{ 0x2004, " " },
	{ 0x2005, " " },
	{ 0x2006, " " },
	{ 0x2007, " " },
	{ 0x2008, " " },
	{ 0x2009, " " },
	{ 0x200A, " " },
	{ 0x202F, " " },
	{ 0x205F, " " },
	{ 0x3000, " " },
	{ 0x00AD, "" },
	{ 0x200B, "" },
	{ 0x200C, "" },
	{ 0x200D, "" },
	{ 0x2060, "" },
	{ 0xFEFF, "" },
	/* Quotes and primes. */
	{ 0x2018, "'" },
	{ 0x2019, "'" },
	{ 0x201A, "'" },
	{ 0x201B, "'" },
	{ 0x2039, "'" },
	{ 0x203A, "'" },
	{ 0x2032, "'" },
	{ 0x00B4, "'" },
	{ 0x02BC, "'" },
	{ 0x201C, "\"" },
	{ 0x201D, "\"" },
	{ 0x201E, "\"" },
	{ 0x201F, "\"" },
	{ 0x00AB, "\"" },
	{ 0x00BB, "\"" },
	{ 0x2033, "\"" },
	/* Dashes and hyphens. */
	{ 0x2010, "-" },
	{ 0x2011, "-" },
	{ 0x2012, "-" },
	{ 0x2013, "-" },
	{ 0x2014, "-" },
	{ 0x2015, "-" },
	{ 0x2212, "-" },
	{ 0x2043, "-" },
	{ 0xFE58, "-" },
	/* Bullets, ticks and the progress dots. */
	{ 0x2022, "*" },
	/* The middle dot separates ("988 · 911"), as "|" does in the view. */
	{ 0x00B7, "|" },
	{ 0x25CF, "*" },
	{ 0x2023, "*" },
	{ 0x25E6, "o" },
	{ 0x25CB, "o" },
	{ 0x25AA, "*" },
	{ 0x25A0, "*" },
	{ 0x25A1, "o" },
	{ 0x2219, "*" },
	{ 0x2713, "x" },
	{ 0x2714, "x" },
	{ 0x2717, "x" },
	{ 0x2718, "x" },
	/* Ellipsis and arrows. */
	{ 0x2026, "..." },
	{ 0x2190, "<-" },
	{ 0x2192, "->" },
	{ 0x2191, "^" },
	{ 0x2193, "v" },
	{ 0x2194, "<->" },
	{ 0x21D0, "<=" },
	{ 0x21D2, "=>" },
	{ 0x25B6, ">" },
	{ 0x25BA, ">" },
	{ 0x25C0, "<" },
	{ 0x25C4, "<" },
	{ 0x276F, ">" },
	{ 0x276E, "<" },
	/* Letters that do not decompose. */
	{ 0x0152, "OE" },
	{ 0x0153, "oe" },
	{ 0x00C6, "AE" },
	{ 0x00E6, "ae" },
	{ 0x00DF, "ss" },
	{ 0x1E9E, "SS" },
	{ 0x00D8, "O" },
	{ 0x00F8, "o" },
	{ 0x0110, "D" },
	{ 0x0111, "d" },
	{ 0x0141, "L" },
	{ 0x0142, "l" },
	{ 0x0131, "i" },
	{ 0x00D0, "D" },
	{ 0x00F0, "d" },
	{ 0x00DE, "Th" },
	{ 0x00FE, "th" },
	{ 0xFB00, "ff" },
	{ 0xFB01, "fi" },
	{ 0xFB02, "fl" },
	/* Signs. */
	{ 0x20AC, "EUR" },
	{ 0x00A3, "GBP" },
	{ 0x00A9, "(c)" },
	{ 0x00AE, "(R)" },
	{ 0x2122, "TM" },
	{ 0x00D7, "x" },
	{ 0x00F7, "/" },
	{ 0x00B0, " deg" },
	{ 0x2116, "No." },
	{ 0x00BF, "?" },
	{ 0x00A1, "!" },
	{ 0x2044, "/" },
	{ 0x00BD, "1/2" },
	{ 0x00BC, "1/4" },
	{ 0x00BE, "3/4" },
};

/* A growing output string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap == 0 ? 64 : b->cap;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = xreallocarray(b->s, cap, 1);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* The table's spelling of uc, or NULL. */
static const char *
fold_lookup(ucs4_t uc)
{
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++)
		if (folds[i].uc == uc)
			return folds[i].ascii;
	return NULL;
}

/* Box drawing (U+2500 to U+257F) as "-", "|" or "+". */
static const char *
fold_box(ucs4_t uc)
{
	static const ucs4_t horizontal[] = { 0x2500, 0x2501, 0x2504, 0x2505,
		0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578,
		0x257A, 0x257C, 0x257E };
	static const ucs4_t vertical[] = { 0x2502, 0x2503, 0x2506, 0x2507,
		0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579,
		0x257B, 0x257D, 0x257F };

	for (size_t i = 0; i < sizeof horizontal / sizeof horizontal[0]; i++)
		if (horizontal[i] == uc)
			return "-";
	for (size_t i = 0; i < sizeof vertical / sizeof vertical[0]; i++)
		if (vertical[i] == uc)
			return "|";
	return "+";
}

/* Append the ASCII form of one character (after decomposition). */
static void
fold_char(struct buf *b, ucs4_t uc)
{
	const char *s;
	char c;

	if (uc < 0x80) {
		c = (uc < 0x20 && uc != '\t' && uc != '\n') || uc == 0x7F
			? '?'
			: (char)uc;
		buf_add(b, &c, 1);
		return;
	}
	if ((s = fold_lookup(uc)) != NULL) {
		buf_add(b, s, strlen(s));
		return;
	}
	/* What decomposition split off: accents and other marks. */
	if (uc_is_general_category(uc, UC_CATEGORY_Mn) ||
	    uc_is_general_category(uc, UC_CATEGORY_Me) ||
	    uc_combining_class(uc) != UC_CCC_NR)
		return;
	if (uc >= 0x2500 && uc <= 0x257F) {
		s = fold_box(uc);
		buf_add(b, s, 1);
		return;
	}
	if (uc >= 0xFF01 && uc <= 0xFF5E) { /* fullwidth forms */
		c = (char)(uc - 0xFEE0);
		buf_add(b, &c, 1);
		return;
	}
	buf_add(b, "?", 1);
}

/* A space, or one of the no-break spaces French puts inside quotes. */
static int
is_space(ucs4_t uc)
{
	return uc == ' ' || uc == 0xA0 || uc == 0x202F || uc == 0x2009;
}

char *
ascii_fold(const char *utf8)
{
	const uint8_t *in = (const uint8_t *)utf8;
	size_t n = strlen(utf8), i = 0, nfd_len = 0;
	struct buf clean = { 0 }, out = { 0 };
	uint8_t *nfd;
	const uint8_t *p;

	/* Invalid bytes would make the normalisation fail: "?" each. */
	buf_add(&clean, "", 0);
	while (i < n) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, in + i, n - i);

		if (len <= 0) {
			buf_add(&clean, "?", 1);
			i++;
		} else {
			buf_add(&clean, (const char *)in + i, (size_t)len);
			i += (size_t)len;
		}
	}

	nfd = u8_normalize(
	    UNINORM_NFD, (const uint8_t *)clean.s, clean.len, NULL, &nfd_len);
	if (nfd == NULL) { /* out of memory in libunistring: no accents off */
		p = (const uint8_t *)clean.s;
		nfd_len = clean.len;
	} else
		p = nfd;

	buf_add(&out, "", 0);
	for (i = 0; i < nfd_len;) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, p + i, nfd_len - i);

		/* French quotes keep a space inside ("« oui »"); ASCII
		 * quotes do not: '"oui"', never '" oui "'. */
		if (uc == 0xBB)
			while (out.len > 0 && out.s[out.len - 1] == ' ')
				out.s[--out.len] = '\0';
		fold_char(&out, uc);
		i += len > 0 ? (size_t)len : 1;
		if (uc == 0xAB)
			while (i < nfd_len &&
			       (len = u8_mbtouc(&uc, p + i, nfd_len - i)) > 0 &&
			       is_space(uc))
				i += (size_t)len;
	}
	free(nfd);
	free(clean.s);
	return out.s;
}

char *
ascii_maybe(const char *s, int ascii)
{
	return ascii ? ascii_fold(s) : xstrdup(s);
}
