/*
 * window.c: the full screen's window (window.h): the document's header, a
 * slice of its body, and the footer.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "footer.h"
#include "layout.h"
#include "window.h"
#include "xmalloc.h"

#define ELLIPSIS(a) ((a) ? "..." : "\xe2\x80\xa6")

/* A window of rows lines, all blank. */
static struct window *
window_new(int rows, int cols)
{
	struct window *v = xcalloc(1, sizeof *v);
	int i;

	v->rows = rows < 0 ? 0 : rows;
	v->cols = cols < 0 ? 0 : cols;
	v->lines = xcalloc(v->rows ? (size_t)v->rows : 1, sizeof *v->lines);
	for (i = 0; i < v->rows; i++)
		view_line_set(&v->lines[i], xstrdup(""), VIEW_BLANK);
	v->hint_row = -1;
	v->first_shown = v->last_shown = -1;
	v->leave_col = -1;
	v->leave_end = -1;
	v->cursor_row = 0;
	v->cursor_col = 0;
	return v;
}

/* Put text (cut to the width) on row r. */
static struct view_line *
window_set(struct window *v, int r, const char *text, enum view_kind kind)
{
	struct view_line *l = &v->lines[r];

	free(l->text);
	view_line_set(l, layout_fit(text, v->cols, NULL), kind);
	return l;
}

/* Copy a document line onto row r. */
static void
window_copy(struct window *v, int r, const struct view_line *src)
{
	struct view_line *l = window_set(v, r, src->text, src->kind);

	char *text = l->text;
	int width = l->width;

	/* the document's line as it is, cut to the window's width */
	*l = *src;
	l->text = text;
	l->width = width;
}

/* How many rows the crisis line takes in the full view (at most 3). */
static int
crisis_rows(const struct wizard *w, int cols, int ascii)
{
	struct layout_line *l;
	char *t;
	size_t n = footer_crisis(w, cols, 3, ascii, &t, &l);

	free(l);
	free(t);
	return (int)n;
}

/* Put the crisis line on at most max rows ending above row bottom;
 * returns the rows used. */
static int
put_crisis(
    struct window *v, const struct wizard *w, int ascii, int bottom, int max)
{
	struct layout_line *l;
	char *t;
	size_t n;
	int i;

	if (max < 1)
		return 0;
	n = footer_crisis(w, v->cols, max, ascii, &t, &l);
	for (i = 0; i < (int)n; i++) {
		char *s = xstrndup(t + l[i].off, l[i].len);

		window_set(v, bottom - (int)n + i, s, VIEW_CRISIS);
		free(s);
	}
	free(l);
	free(t);
	return (int)n;
}
/* Rows for text wrapped to cols from row top, at most max; returns used. */
static int
put_wrapped(struct window *v, int top, int max, const char *text,
    enum view_kind kind, int ascii)
{
	struct layout_line *l;
	char *t = ascii_maybe(text, ascii);
	size_t n = layout_wrap(t, v->cols < 1 ? 1 : v->cols, &l), i;

	if ((int)n > max)
		n = max < 0 ? 0 : (size_t)max;
	for (i = 0; i < n; i++) {
		char *s = xstrndup(t + l[i].off, l[i].len);

		window_set(v, top + (int)i, s, kind);
		free(s);
	}
	free(l);
	free(t);
	return (int)n;
}

/*
 * A short view: lines of notice from the top, "Esc leave quickly" and the
 * crisis line at the bottom; the crisis line comes first when rows are
 * short, then the leave hint, then the notice.
 */
static struct window *
short_view(const struct wizard *w, int rows, int cols, int flags,
    const char *const *notice, size_t nnotice)
{
	struct window *v = window_new(rows, cols);
	int ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	int bottom = v->rows, top = 0;
	size_t i;

	if (v->rows == 0 || v->cols == 0)
		return v;
	bottom -= put_crisis(v, w, ascii, bottom, bottom);
	if (bottom > 0) {
		char *leave = ascii_maybe(
		    wizard_guide(w)->ui[GUIDE_UI_HINT_LEAVE], ascii);
		struct view_line *l;

		bottom--;
		l = window_set(v, bottom, leave, VIEW_HINT);
		v->hint_row = bottom;
		v->leave_col = 0;
		v->leave_end = l->width;
		free(leave);
	}
	for (i = 0; i < nnotice && top < bottom; i++) {
		if (i > 0 && top < bottom - 1)
			top++; /* a blank line between parts */
		top += put_wrapped(
		    v, top, bottom - top, notice[i], VIEW_NOTICE, ascii);
	}
	return v;
}

/* Rows of body shown from scroll s out of nbody in h rows, and whether
 * the "more" lines are there. */
static int
body_shown(size_t s, size_t nbody, int h, int *above, int *below)
{
	int avail = h;

	*above = s > 0;
	avail -= *above;
	*below = nbody - s > (size_t)avail;
	avail -= *below;
	return avail < 0 ? 0 : avail;
}

/*
 * The scroll nearest to s that shows body lines first to last of nbody in
 * h rows (their start, when they are more than a page): what following
 * the highlighted item gives.
 */
static size_t
scroll_to_show(
    size_t s, size_t maxs, size_t nbody, int h, size_t first, size_t last)
{
	int above, below;

	if (first < s)
		s = first;
	while (s < maxs && s < first &&
	       last >= s + (size_t)body_shown(s, nbody, h, &above, &below))
		s++;
	return s;
}

/* The first row in [from, to) with text on it, else from. */
static int
first_text_row(const struct window *v, int from, int to)
{
	int r;

	for (r = from; r < to && r < v->rows; r++)
		if (v->lines[r].text[0] != '\0')
			return r;
	return from;
}

/*
 * The document the window shows: w's screen at tcols, its paragraphs
 * apart where the whole screen then still fits in rows.
 */
static struct view_doc *
window_document(
    const struct wizard *w, int rows, int cols, int tcols, int flags, int ascii)
{
	struct view_doc *d, *loose;
	int room;

	d = view_document(w, w->screen, tcols, &view_screen, flags);
	if (flags & VIEW_LOOSE)
		return d;
	loose = view_document(
	    w, w->screen, tcols, &view_screen, flags | VIEW_LOOSE);
	room = rows - 1 - crisis_rows(w, cols, ascii) - (int)loose->nheader;
	if ((int)(loose->nlines - loose->nheader) <= room) {
		view_doc_free(d);
		return loose;
	}
	view_doc_free(loose);
	return d;
}

/* The footer: the crisis line at the bottom, the key hint above it.
 * Returns the hint's row. */
static int
window_footer(struct window *v, const struct wizard *w, int ascii)
{
	int bottom = v->rows - put_crisis(v, w, ascii, v->rows, 3) - 1;
	char *hint =
	    footer_hint(w, v->cols, ascii, &v->leave_col, &v->leave_end);

	window_set(v, bottom, hint, VIEW_HINT);
	v->hint_row = bottom;
	free(hint);
	return bottom;
}

/*
 * The header above row bottom: the title and progress, at most a third of
 * the rows.  A title too long for it is cut, but "Step 2 of 5" stays.
 * Returns its rows.
 */
static int
window_header(struct window *v, const struct view_doc *d, int bottom, int tcols,
    int ascii)
{
	int nprog = 0, ntitle, cap, showt, showp, i;

	for (i = 0; i < (int)d->nheader; i++)
		nprog += d->lines[i].kind == VIEW_PROGRESS;
	ntitle = (int)d->nheader - nprog;
	cap = bottom / 3 < 1 ? 1 : bottom / 3;
	showt = ntitle;
	if (ntitle + nprog > cap)
		showt = cap - nprog < 1 ? 1 : cap - nprog;
	showp = ntitle + nprog > cap ? cap - showt : nprog;
	for (i = 0; i < showt; i++)
		window_copy(v, i, &d->lines[i]);
	if (showt < ntitle) { /* a very long title: cut it */
		char *cut = xasprintf(
		    "%s%s", d->lines[showt - 1].text, ELLIPSIS(ascii));
		char *fit = layout_fit(cut, tcols, ELLIPSIS(ascii));

		window_set(v, showt - 1, fit, VIEW_TITLE);
		free(fit);
		free(cut);
	}
	for (i = 0; i < showp; i++)
		window_copy(v, showt + i, &d->lines[ntitle + i]);
	return showt + showp;
}

/*
 * Where the cursor goes when the highlighted item is not shown: on the
 * "more" line towards it, so that a screen reader says there is more,
 * else on the first line of text: never on a blank line.
 */
static void
window_cursor(
    struct window *v, int has, int above, int below, size_t first, size_t s)
{
	int nhead = v->body_top, h = v->body_rows;

	if (has)
		v->highlight_where = first < s ? -1 : 1;
	v->cursor_col = 0;
	if (v->highlight_where > 0 && below)
		v->cursor_row = nhead + h - 1;
	else if (v->highlight_where < 0 && above)
		v->cursor_row = nhead;
	else
		v->cursor_row = first_text_row(v, nhead, nhead + h);
}

/* The "more" line of UI string which on row r. */
static void
window_more(struct window *v, int r, const struct wizard *w,
    enum guide_ui which, int ascii)
{
	char *t = ascii_maybe(wizard_guide(w)->ui[which], ascii);

	window_set(v, r, t, VIEW_MORE);
	free(t);
}

/*
 * The body between the header (v->body_top) and the footer, scrolled to
 * w->scroll (clamped), or to show the highlighted item when w->follow.
 */
static void
window_body(struct window *v, const struct wizard *w, const struct view_doc *d,
    int ascii)
{
	int h = v->body_rows, above, below, shown, r, i, has;
	size_t nbody = d->nlines - d->nheader, s, maxs, first = 0, last = 0;

	maxs = nbody > (size_t)h ? nbody - (size_t)(h - 1) : 0;
	s = w->scroll > maxs ? maxs : w->scroll;
	has = w->highlight < d->nitems &&
	      d->item_first[w->highlight] != GUIDE_NONE;
	v->show_scroll = s;
	if (has) {
		first = d->item_first[w->highlight] - d->nheader;
		last = d->item_last[w->highlight] - d->nheader;
		v->show_scroll = scroll_to_show(s, maxs, nbody, h, first, last);
		if (w->follow)
			s = v->show_scroll;
	}
	v->scroll = s;
	v->max_scroll = maxs;
	shown = body_shown(s, nbody, h, &above, &below);
	r = v->body_top;
	if (above)
		window_more(v, r++, w, GUIDE_UI_MORE_ABOVE, ascii);
	for (i = 0; i < shown && s + (size_t)i < nbody; i++, r++) {
		const struct view_line *l =
		    &d->lines[d->nheader + s + (size_t)i];

		window_copy(v, r, l);
		if (l->item >= 0 && l->first) {
			if (v->first_shown < 0)
				v->first_shown = l->item;
			v->last_shown = l->item;
		}
		if (l->marked && l->first) {
			v->highlight_shown = 1;
			v->cursor_row = r;
			v->cursor_col = l->col;
		}
	}
	if (below)
		window_more(
		    v, v->body_top + h - 1, w, GUIDE_UI_MORE_BELOW, ascii);
	if (!v->highlight_shown)
		window_cursor(v, has, above, below, first, s);
}

struct window *
window_make(const struct wizard *w, int rows, int cols, int flags)
{
	int ascii = (flags & VIEW_ASCII) || !w->app->utf8;
	int tcols = cols > WINDOW_TEXT_COLS ? WINDOW_TEXT_COLS : cols;
	struct window *v;
	struct view_doc *d;
	int bottom;

	if (rows < WINDOW_MIN_ROWS || cols < WINDOW_MIN_COLS) {
		const char *notice[] = {
			wizard_guide(w)->ui[GUIDE_UI_TOO_SMALL]
		};

		v = short_view(w, rows, cols, flags, notice, 1);
		v->too_small = 1;
		return v;
	}
	v = window_new(rows, cols);
	d = window_document(w, rows, cols, tcols, flags, ascii);
	bottom = window_footer(v, w, ascii);
	v->body_top = window_header(v, d, bottom, tcols, ascii);
	v->body_rows = bottom - v->body_top;
	window_body(v, w, d, ascii);
	view_doc_free(d);
	return v;
}

struct window *
window_still_there(const struct wizard *w, int rows, int cols, long seconds,
    int kiosk, int flags)
{
	char *count = view_countdown(w, seconds, kiosk);
	const char *notice[2];
	struct window *v;

	notice[0] = wizard_guide(w)->ui[GUIDE_UI_STILL_THERE];
	notice[1] = count;
	v = short_view(w, rows, cols, flags, notice, 2);
	free(count);
	return v;
}

void
window_free(struct window *v)
{
	int i;

	if (v == NULL)
		return;
	for (i = 0; i < v->rows; i++)
		free(v->lines[i].text);
	free(v->lines);
	free(v);
}
