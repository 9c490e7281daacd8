/*
 * print.c: the whole guide as one handout on stdout, for a printer or a
 * file: what a counsellor gives the student to take home.
 *
 * In reading order: the start screen (title and reassurance) and the
 * crisis line (a part to a line); the five steps, each to-do item with a "[ ]" box; what to
 * do if you already paid; who to talk to, every resource grouped by
 * region; the part for the trusted adult; the sources with their dates.
 * Every screen is printed from view_document, so the wording and the
 * wrapping are those of the screen; choices are left out (there is
 * nothing to choose on paper).  Parts are separated by blank lines, or by
 * form feeds with --pages.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "frontend.h"
#include "guide.h"
#include "layout.h"
#include "qr.h"
#include "textout.h"
#include "view.h"
#include "wizard.h"
#include "xmalloc.h"

/* The width of the handout without --width. */
#define PRINT_WIDTH_DEFAULT 72

/* The screen of what to do after paying, by its id in every language. */
#define PRINT_PAID_ID "already-paid"

/* Where the handout goes and how. */
struct print_out {
	struct textout t; /* the stream, width, folding, first error */
	const struct app *app;
	struct wizard *w;
	const struct guide *g;
	int started; /* a part has been written */
};

/* The view's flags: paragraphs apart (paper has room), ASCII if need be. */
static int
view_flags(const struct print_out *o)
{
	return VIEW_LOOSE | VIEW_PAPER | (o->t.ascii ? VIEW_ASCII : 0);
}

/* A blank line, unless the last line was one already. */
static void
out_blank(struct print_out *o)
{
	if (!o->t.blank)
		textout_line(&o->t, "");
}

/*
 * A text of any length wrapped to the width, every line after the first
 * indented by indent columns and the first by first columns.
 */
static void
out_wrapped(struct print_out *o, const char *text, int first, int indent)
{
	struct layout_line *ll;
	char *folded = NULL, *line;
	size_t n;
	int width = o->t.width - (first > indent ? first : indent);

	if (o->t.ascii)
		text = folded = ascii_fold(text);
	n = layout_wrap(text, width < 10 ? 10 : width, &ll);
	for (size_t i = 0; i < n; i++) {
		line = xasprintf("%*s%.*s", i == 0 ? first : indent, "",
		    (int)ll[i].len, text + ll[i].off);
		textout_line(&o->t, line);
		free(line);
	}
	free(ll);
	free(folded);
}

/* Start a major part: a form feed with --pages, else a blank line. */
static void
out_part(struct print_out *o)
{
	if (o->started) {
		out_blank(o);
		if (o->app->pages)
			textout_bytes(&o->t, "\f", 1);
		else
			textout_line(&o->t, "");
	}
	o->started = 1;
	o->t.blank = 1; /* no blank line at the top of a part */
}

/* What out_doc leaves out besides choices and the key list. */
#define PRINT_HEADER 0x1    /* the title and progress lines */
#define PRINT_RESOURCES 0x2 /* the resources (name and details) */

/*
 * Lines of a document as the view made them, without what paper has no
 * use for: choices (nothing to choose on paper), the full screen's key
 * list, and what skip names.
 */
static void
out_doc(struct print_out *o, const struct view_doc *d, int skip)
{
	int in_resource = 0;

	for (size_t i = 0; i < d->nlines; i++) {
		const struct view_line *l = &d->lines[i];

		if (i < d->nheader && (skip & PRINT_HEADER))
			continue;
		if (l->kind == VIEW_RESOURCE && l->ref >= 0)
			in_resource = 1;
		else if (l->kind != VIEW_DETAIL)
			in_resource = 0;
		if (in_resource && (skip & PRINT_RESOURCES))
			continue;
		switch (l->kind) {
		case VIEW_CHOICE:
		case VIEW_MORE:
		case VIEW_HINT:
		case VIEW_CRISIS:
		case VIEW_KEY:
			continue;
		case VIEW_HEADING:
			if (i + 1 < d->nlines &&
			    d->lines[i + 1].kind == VIEW_KEY)
				continue; /* the full screen's key list */
			break;
		case VIEW_BLANK:
			out_blank(o);
			continue;
		default:
			break;
		}
		textout_line(&o->t, l->text);
	}
}

/*
 * Screen s as the view shows it, without its choices; with header, its
 * title and progress lines are replaced by that text.
 */
static void
out_screen(struct print_out *o, size_t s, const char *header)
{
	struct view_doc *d = view_document(o->w, s, o->t.width, view_flags(o));

	if (header != NULL)
		out_wrapped(o, header, 0, 0);
	out_doc(o, d, header != NULL ? PRINT_HEADER : 0);
	view_doc_free(d);
}

/*
 * "Step 2 of 5: Stop contact", as the content writes it in the choices
 * ("Étape 2 : ..." in French, with a space before the colon).
 */
static char *
step_header(const struct guide *g, const struct guide_step *st)
{
	char n[16], total[16];
	char *a, *b, *h;

	snprintf(n, sizeof n, "%d", st->number);
	snprintf(total, sizeof total, "%d", GUIDE_STEPS);
	a = guide_format(g->ui[GUIDE_UI_STEP_OF], "n", n);
	b = guide_format(a, "total", total);
	h = xasprintf("%s%s %s", b, strncmp(g->lang, "fr", 2) == 0 ? " :" : ":",
	    g->screens[st->screen].title);
	free(a);
	free(b);
	return h;
}

/* The QR code of an address, if it fits the width. */
static void
out_qr(struct print_out *o, const char *web)
{
	struct qr q;
	char **lines;
	size_t n;
	int quiet;

	if (qr_make(web, &q) != 0)
		return;
	if (qr_fit(&q, o->t.width, INT_MAX / 2, !o->t.ascii, &quiet)) {
		lines = qr_lines(&q, !o->t.ascii, quiet, &n);
		out_blank(o);
		/* Not folded: the ASCII form is ASCII already. */
		for (size_t i = 0; i < n; i++) {
			textout_bytes(&o->t, lines[i], strlen(lines[i]));
			textout_bytes(&o->t, "\n", 1);
		}
		/* No "scan ... nothing is sent from this computer" line:
		 * on paper there is no computer, and the resource's name
		 * and address stand above the code. */
		qr_lines_free(lines, n);
	}
	qr_free(&q);
}

/*
 * Resource r as the view shows it on a screen that lists it (so the
 * wording is the screen's); returns 0 if no screen does.
 */
static int
out_resource_view(struct print_out *o, size_t r)
{
	const struct guide *g = o->g;

	for (size_t s = 0; s < g->nscreens; s++) {
		const struct guide_screen *sc = &g->screens[s];
		struct view_doc *d;
		size_t i, k;

		for (k = 0; k < sc->nresources && sc->resources[k] != r; k++)
			;
		if (k == sc->nresources)
			continue;
		d = view_document(o->w, s, o->t.width, view_flags(o));
		for (i = 0; i < d->nlines; i++)
			if (d->lines[i].kind == VIEW_RESOURCE &&
			    d->lines[i].ref == (long)r)
				break;
		for (; i < d->nlines; i++) {
			const struct view_line *l = &d->lines[i];

			if (!(l->kind == VIEW_RESOURCE && l->ref == (long)r) &&
			    l->kind != VIEW_DETAIL)
				break;
			textout_line(&o->t, l->text);
		}
		view_doc_free(d);
		return 1;
	}
	return 0;
}

/* "Call: 1-800-668-6868", for a resource no screen shows. */
static void
out_detail(struct print_out *o, enum guide_ui label, const char *value)
{
	const char *name = o->g->ui[label];
	char *line;

	if (value == NULL)
		return;
	if (strncmp(value, name, strlen(name)) == 0)
		line = xstrdup(value);
	else
		line = xasprintf("%s: %s", name, value);
	out_wrapped(o, line, 2, 2);
	free(line);
}

/* One resource: name, what it is for, how to reach it; its QR code. */
static void
out_resource(struct print_out *o, size_t r)
{
	const struct guide_resource *res = &o->g->resources[r];

	out_blank(o);
	if (!out_resource_view(o, r)) {
		out_wrapped(o, res->name, 0, 0);
		if (res->purpose != NULL)
			out_wrapped(o, res->purpose, 2, 2);
		out_detail(o, GUIDE_UI_RESOURCE_CALL, res->phone);
		out_detail(o, GUIDE_UI_RESOURCE_TEXT, res->text);
		out_detail(o, GUIDE_UI_RESOURCE_WEB, res->web);
		out_detail(o, GUIDE_UI_RESOURCE_HOURS, res->hours);
	}
	if (o->app->qr && res->web != NULL)
		out_qr(o, res->web);
}

/*
 * Who to talk to: the help screen (the school's people and its words),
 * then every resource, grouped by region in the order the regions first
 * come.
 */
static void
out_directory(struct print_out *o)
{
	const struct guide *g = o->g;
	struct view_doc *d =
	    view_document(o->w, g->help, o->t.width, view_flags(o));

	out_doc(o, d, PRINT_RESOURCES);
	view_doc_free(d);
	for (size_t i = 0; i < g->nresources; i++) {
		const char *region = g->resources[i].region;
		size_t j;

		/* Each region once, where its first resource is. */
		for (j = 0; j < i; j++)
			if (strcmp(g->resources[j].region, region) == 0)
				break;
		if (j < i)
			continue;
		out_blank(o);
		textout_line(&o->t, "");
		out_wrapped(o, region, 0, 0);
		for (j = i; j < g->nresources; j++)
			if (strcmp(g->resources[j].region, region) == 0)
				out_resource(o, j);
	}
}

/*
 * The crisis line, its parts (" · " between them) one to a line: on
 * paper a list of numbers, none of them broken over two lines ("En
 * danger :" above a lone "911").
 */
static void
out_crisis(struct print_out *o)
{
	const char *p, *next;
	size_t n;

	for (p = o->g->crisis; p != NULL; p = next) {
		char *part;

		next = view_crisis_part(p, &n);
		part = xstrndup(p, n);
		out_wrapped(o, part, 0, 2);
		free(part);
	}
}

int
print_run(const struct app *app)
{
	struct print_out o = { 0 };
	const struct guide *g;
	size_t s;
	char *h;

	o.t.f = stdout;
	o.app = app;
	o.w = wizard_new(app);
	o.g = g = wizard_guide(o.w);
	o.t.width = app->width > 0 ? app->width : PRINT_WIDTH_DEFAULT;
	o.t.ascii = !app->utf8;

	/* The start: the title and the reassurance, and the crisis line. */
	out_part(&o);
	out_screen(&o, g->start, NULL);
	out_blank(&o);
	out_crisis(&o);

	out_part(&o);
	for (int i = 0; i < GUIDE_STEPS; i++) {
		if (i > 0) {
			out_blank(&o);
			textout_line(&o.t, "");
		}
		h = step_header(g, &g->steps[i]);
		out_screen(&o, g->steps[i].screen, h);
		free(h);
	}

	if ((s = guide_screen_find(g, PRINT_PAID_ID)) != (size_t)-1) {
		out_part(&o);
		out_screen(&o, s, NULL);
	}

	out_part(&o);
	out_directory(&o);

	for (s = 0; s < g->nscreens; s++)
		if (g->screens[s].audience == GUIDE_ADULT) {
			out_part(&o);
			out_screen(&o, s, NULL);
		}

	for (s = 0; s < g->nscreens; s++)
		if (g->screens[s].kind == GUIDE_KIND_SOURCES) {
			out_part(&o);
			out_screen(&o, s, NULL);
		}

	wizard_free(o.w);
	textout_flush(&o.t);
	if (o.t.err != 0) {
		fprintf(stderr, "safesteps: standard output: %s\n",
		    strerror(o.t.err));
		return 1;
	}
	return 0;
}
