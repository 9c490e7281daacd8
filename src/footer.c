/*
 * footer.c: the crisis line and the key hint, fitted to the window
 * (footer.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "footer.h"
#include "xmalloc.h"

/*
 * Where the words of text (n bytes) that fit in cols columns begin: after
 * the last word wider than that, so that wrapping never cuts a word (a
 * phone number cut in two is a wrong number).  The numbers come last in
 * a part ("Call/text 988"), so what is kept is the number.  Returns n when
 * the last word is too wide.
 */
static size_t
words_fit(const char *text, size_t n, int cols)
{
	size_t i = 0, start, from = 0;

	while (i < n) {
		while (i < n && text[i] == ' ')
			i++;
		start = i;
		while (i < n && text[i] != ' ')
			i++;
		if (layout_width(text + start, i - start) > cols)
			from = i;
	}
	while (from < n && text[from] == ' ')
		from++;
	return from;
}

/*
 * The short crisis line for cols columns in at most max rows, made of
 * whole words only: of each part (between its separators, in order) the
 * words after the last one wider than the line (words_fit); a part with
 * nothing left, or one the rows cannot hold, is left out.  NULL when no
 * part fits.  Caller frees.
 */
static char *
crisis_parts(const char *text, int cols, int max, int ascii)
{
	char *sep = ascii_maybe(GUIDE_CRISIS_SEP, ascii), *acc = NULL;
	const char *p = text, *end;
	struct layout_line *l;

	for (; *p != '\0'; p = *end != '\0' ? end + strlen(sep) : end) {
		char *part, *cand;
		size_t n, from;

		end = strstr(p, sep);
		if (end == NULL)
			end = p + strlen(p);
		from = words_fit(p, (size_t)(end - p), cols);
		if (p + from == end)
			continue;
		part = xstrndup(p + from, (size_t)(end - p) - from);
		cand = acc == NULL ? xstrdup(part)
				   : xasprintf("%s%s%s", acc, sep, part);
		free(part);
		n = layout_wrap(cand, cols, &l);
		free(l);
		if ((int)n > max) {
			free(cand);
			continue;
		}
		free(acc);
		acc = cand;
	}
	free(sep);
	return acc;
}

size_t
footer_crisis(const struct wizard *w, int cols, int max, int ascii, char **text,
    struct layout_line **lines)
{
	const struct guide *g = wizard_guide(w);
	char *full = ascii_maybe(g->crisis, ascii), *parts;
	size_t n;

	if (cols < 1)
		cols = 1;
	if (max < 1)
		max = 1;
	if (layout_width(full, strlen(full)) <= cols) {
		*text = full;
		return layout_wrap(full, cols, lines);
	}
	free(full);
	*text = ascii_maybe(g->crisis_short, ascii);
	parts = crisis_parts(*text, cols, max, ascii);
	if (parts != NULL) {
		free(*text);
		*text = parts;
	}
	n = layout_wrap(*text, cols, lines);
	return n > (size_t)max ? (size_t)max : n;
}

/* The hint's pieces, in the order they are shown. */
enum { NEXT, BACK, TICK, QR, HELP, LEAVE, NPIECES };

/* Which pieces w's screen has (on[NPIECES]). */
static void
hint_pieces(const struct wizard *w, int on[])
{
	size_t ntodos = wizard_ntodos(w);

	on[NEXT] = wizard_nitems(w) > ntodos;
	on[BACK] = wizard_can_back(w);
	on[TICK] = ntodos > 0;
	on[QR] = wizard_has_web(w);
	on[HELP] = wizard_can_help(w);
	on[LEAVE] = 1;
}

/*
 * The pieces that are on, joined by FOOTER_HINT_SEP (spaces, as nano's
 * and whiptail's: speech spells out a mark there, "middle dot", that says
 * nothing); *lc gets the column of LEAVE.  Caller frees.
 */
static char *
hint_join(char *const piece[], const int on[], int *lc)
{
	size_t cap = 1, len = 0;
	char *r;
	int total = 0;

	for (int i = 0; i < NPIECES; i++)
		cap += strlen(piece[i]) + strlen(FOOTER_HINT_SEP);
	r = xmalloc(cap);
	for (int i = 0; i < NPIECES; i++) {
		if (!on[i])
			continue;
		if (len > 0) {
			memcpy(
			    r + len, FOOTER_HINT_SEP, strlen(FOOTER_HINT_SEP));
			len += strlen(FOOTER_HINT_SEP);
			total += (int)strlen(FOOTER_HINT_SEP);
		}
		if (i == LEAVE)
			*lc = total;
		memcpy(r + len, piece[i], strlen(piece[i]));
		len += strlen(piece[i]);
		total += layout_width(piece[i], strlen(piece[i]));
	}
	r[len] = '\0';
	return r;
}

char *
footer_hint(
    const struct wizard *w, int cols, int ascii, int *leave_col, int *leave_end)
{
	static const enum guide_ui which[NPIECES] = { GUIDE_UI_HINT_NEXT,
		GUIDE_UI_HINT_BACK, GUIDE_UI_HINT_TICK, GUIDE_UI_HINT_QR,
		GUIDE_UI_HINT_HELP, GUIDE_UI_HINT_LEAVE };
	/* dropped in this order when the line is too narrow: the QR code
	 * is an extra, Back the key everyone finds; "Enter next" says how
	 * to go on, and goes last but for help and leaving */
	static const int drop[] = { QR, BACK, TICK, NEXT, HELP };
	char *piece[NPIECES], *r;
	int on[NPIECES], lc = -1, le;

	hint_pieces(w, on);
	for (int i = 0; i < NPIECES; i++)
		piece[i] = ascii_maybe(wizard_guide(w)->ui[which[i]], ascii);
	r = hint_join(piece, on, &lc);
	for (size_t k = 0; layout_width(r, strlen(r)) > cols &&
			   k < sizeof drop / sizeof *drop;
	     k++) {
		on[drop[k]] = 0;
		free(r);
		r = hint_join(piece, on, &lc);
	}
	for (int i = 0; i < NPIECES; i++)
		free(piece[i]);
	if (layout_width(r, strlen(r)) > cols) {
		/* even "Esc leave quickly" alone is too wide */
		char *cut = layout_fit(r, cols, NULL);

		free(r);
		r = cut;
	}
	le = layout_width(r, strlen(r));
	if (lc >= cols)
		lc = le = -1;
	if (leave_col != NULL)
		*leave_col = lc;
	if (leave_end != NULL)
		*leave_end = le;
	return r;
}
