/*
 * print.c: the whole guide as one handout on stdout, for a printer or a
 * file: what a counsellor gives the student to take home.
 *
 * Every screen the young person can reach, in the guide's own order: the
 * start screen (title and reassurance) and the crisis line (a part to a
 * line); then each screen, the five steps together, each to-do item with
 * a "[ ]" box; at the help screen's place, who to talk to, every resource
 * grouped by region; the sources with their dates last.  Left out are the
 * screens that only make sense on a screen: the language menu, and the
 * plan, which lists the ticks made on screen (on paper the steps carry
 * the boxes).  Every screen is printed from view_document with paper's
 * marks, so the wording is the screen's; choices are left out (there is
 * nothing to choose on paper).  A web address is never cut: one wider
 * than the page gets a line of its own.  Parts are separated by blank
 * lines, or by form feeds with --pages.
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

/* Where the handout goes and how. */
struct print_out {
	struct textout t; /* the stream, width, folding, first error */
	const struct app *app;
	struct wizard *w;
	const struct guide *g;
	int started;     /* a part has been written */
	int qr_left_out; /* a QR code did not fit the width */
};

/* The view's flags: paragraphs apart (paper has room), ASCII if need be. */
static int
view_flags(const struct print_out *o)
{
	return VIEW_LOOSE | (o->t.ascii ? VIEW_ASCII : 0);
}

/* A blank line, unless the last line was one already. */
static void
out_blank(struct print_out *o)
{
	if (!o->t.blank)
		textout_line(&o->t, "");
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

/* Whether line l of d is a resource's (its name with a reference, or a
 * detail under one), given whether the line before it was. */
static int
resource_line(const struct view_line *l, int after_resource)
{
	if (l->kind == VIEW_RESOURCE && l->ref >= 0)
		return 1;
	return l->kind == VIEW_DETAIL && after_resource;
}

/* Whether every line after the heading at i, up to the next blank, is a
 * resource's: without them, the heading has nothing under it. */
static int
heads_only_resources(const struct view_doc *d, size_t i)
{
	int in = 0;
	size_t j;

	for (j = i + 1; j < d->nlines && d->lines[j].kind != VIEW_BLANK; j++)
		if (!(in = resource_line(&d->lines[j], in)))
			return 0;
	return j > i + 1;
}

/*
 * Lines of a document as the view made them with paper's marks
 * (view_paper: no choices, no key list), without the resources' lines
 * when skip_resources (a resource and the details under it), nor a
 * heading left with nothing under it.
 */
static void
out_doc(struct print_out *o, const struct view_doc *d, int skip_resources)
{
	int in_resource = 0;

	for (size_t i = 0; i < d->nlines; i++) {
		const struct view_line *l = &d->lines[i];

		in_resource = resource_line(l, in_resource);
		if (skip_resources &&
		    (in_resource || (l->kind == VIEW_HEADING &&
					heads_only_resources(d, i))))
			continue;
		if (l->kind == VIEW_BLANK)
			out_blank(o);
		else
			textout_line(&o->t, l->text);
	}
}

/* Screen s as the view shows it on paper. */
static void
out_screen(struct print_out *o, size_t s)
{
	struct view_doc *d =
	    view_document(o->w, s, o->t.width, &view_paper, view_flags(o));

	out_doc(o, d, 0);
	view_doc_free(d);
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
	} else
		o->qr_left_out = 1;
	qr_free(&q);
}

/* One resource: name, what it is for, how to reach it; its QR code. */
static void
out_resource(struct print_out *o, size_t r)
{
	const struct guide_resource *res = &o->g->resources[r];

	struct view_doc *d =
	    view_resource(o->w, r, o->t.width, &view_paper, view_flags(o));

	out_blank(o);
	out_doc(o, d, 0);
	view_doc_free(d);
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
	struct view_doc *d = view_document(
	    o->w, g->help, o->t.width, &view_paper, view_flags(o));

	out_doc(o, d, 1);
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
		d = view_notice(
		    o->w, region, o->t.width, &view_paper, view_flags(o));
		out_doc(o, d, 0);
		view_doc_free(d);
		for (j = i; j < g->nresources; j++)
			if (strcmp(g->resources[j].region, region) == 0)
				out_resource(o, j);
	}
}

/*
 * The crisis line, its parts one to a line: on paper a list of numbers,
 * none of them broken over two lines ("En danger :" above a lone "911").
 */
static void
out_crisis(struct print_out *o)
{
	struct view_doc *d =
	    view_crisis(o->w, o->t.width, &view_paper, view_flags(o));

	out_doc(o, d, 0);
	view_doc_free(d);
}

/* Whether paper leaves screen s of g out: the language menu, and the
 * plan (the ticks made on a screen); the help screen is the directory. */
static int
paper_skips(const struct guide *g, size_t s)
{
	enum guide_kind k = g->screens[s].kind;

	return k == GUIDE_KIND_LANGUAGES || k == GUIDE_KIND_PLAN ||
	       k == GUIDE_KIND_SOURCES || s == g->start;
}

/* Once, where the codes were left out: why, in the content's words. */
static void
out_qr_note(struct print_out *o)
{
	struct view_doc *d;

	if (!o->qr_left_out)
		return;
	out_part(o);
	d = view_notice(o->w, o->g->ui[GUIDE_UI_QR_NO_ROOM], o->t.width,
	    &view_paper, view_flags(o));
	out_doc(o, d, 0);
	view_doc_free(d);
}

int
print_run(const struct app *app)
{
	struct print_out o = { 0 };
	const struct guide *g;
	size_t s;
	int in_steps = 0;

	o.t.f = stdout;
	o.app = app;
	o.w = wizard_new(app);
	o.g = g = wizard_guide(o.w);
	o.t.width = app->width > 0 ? app->width : PRINT_WIDTH_DEFAULT;
	o.t.ascii = !app->utf8;

	/* The start: the title and the reassurance, and the crisis line. */
	out_part(&o);
	out_screen(&o, g->start);
	out_blank(&o);
	out_crisis(&o);

	for (s = 0; s < g->nscreens; s++) {
		int step = g->screens[s].step > 0;

		if (paper_skips(g, s))
			continue;
		if (step && in_steps) { /* the steps are one part */
			out_blank(&o);
			textout_line(&o.t, "");
		} else
			out_part(&o);
		in_steps = step;
		if (s == g->help)
			out_directory(&o);
		else
			out_screen(&o, s);
	}
	for (s = 0; s < g->nscreens; s++)
		if (g->screens[s].kind == GUIDE_KIND_SOURCES) {
			out_part(&o);
			out_screen(&o, s);
		}
	out_qr_note(&o);

	wizard_free(o.w);
	textout_flush(&o.t);
	if (o.t.err != 0) {
		fprintf(stderr, "safesteps: standard output: %s\n",
		    strerror(o.t.err));
		return 1;
	}
	return 0;
}
