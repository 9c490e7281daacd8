/* report.c: the problems found in files, and how they are printed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outside.h"
#include "report.h"
#include "xmalloc.h"

void
load_report_vadd(struct load_report *rep, int warning,
    const struct load_place *at, const char *fmt, va_list ap)
{
	struct load_diag *d;
	char *msg;
	int n;
	va_list aq;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	msg = xmalloc((size_t)n + 1);
	if (vsnprintf(msg, (size_t)n + 1, fmt, ap) < 0)
		msg[0] = '\0';

	rep->diags =
	    xreallocarray(rep->diags, rep->ndiags + 1, sizeof *rep->diags);
	d = &rep->diags[rep->ndiags++];
	memset(d, 0, sizeof *d);
	d->warning = warning != 0;
	if (at != NULL) {
		d->file = xstrdup_or_null(at->file);
		d->line = at->line;
		d->col = at->col;
		d->screen = xstrdup_or_null(at->screen);
		if (at->path != NULL && *at->path != '\0')
			d->path = xstrdup(at->path);
	}
	d->msg = msg;
	if (warning)
		rep->nwarnings++;
	else
		rep->nerrors++;
}

void
load_report_add(struct load_report *rep, int warning,
    const struct load_place *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_report_vadd(rep, warning, at, fmt, ap);
	va_end(ap);
}

void
load_report_copy(struct load_report *to, const struct load_report *from,
    size_t i, const char *suffix)
{
	const struct load_diag *d = &from->diags[i];
	struct load_place at = { d->file != NULL ? d->file : from->file,
		d->line, d->col, d->screen, d->path };

	load_report_add(
	    to, d->warning, &at, "%s%s", d->msg, suffix != NULL ? suffix : "");
}

void
load_report_free(struct load_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->ndiags; i++) {
		free(rep->diags[i].file);
		free(rep->diags[i].screen);
		free(rep->diags[i].path);
		free(rep->diags[i].msg);
	}
	free(rep->diags);
	free(rep->file);
	memset(rep, 0, sizeof *rep);
}

/*
 * One diagnostic as the line the program prints:
 * FILE:LINE:COL: screen "ID": PATH: warning: MSG, each part when known.
 * With the screen's id, the path starts after the screen
 * ("screens[9].body[1]" reads 'screen "help": body[1]').
 */
char *
load_diag_format(const struct load_report *rep, size_t i)
{
	const struct load_diag *d;
	const char *path, *w, *name;
	char *file = NULL, *screen = NULL, *line;

	if (rep == NULL || i >= rep->ndiags)
		return NULL;
	d = &rep->diags[i];
	/* The name comes from outside: it may hold escape sequences. */
	if ((name = d->file != NULL ? d->file : rep->file) != NULL) {
		line = outside_escape(name);
		if (d->line > 0)
			file = xasprintf("%s:%d:%d: ", line, d->line, d->col);
		else
			file = xasprintf("%s: ", line);
		free(line);
	}
	w = d->warning ? "warning: " : "";
	path = d->path;
	if (d->screen != NULL) {
		screen = xasprintf("screen \"%s\": ", d->screen);
		if (path != NULL && strncmp(path, "screens[", 8) == 0 &&
		    strchr(path, ']') != NULL) {
			path = strchr(path, ']') + 1;
			path += *path == '.';
			if (*path == '\0')
				path = NULL;
		}
	}
	line = xasprintf("%s%s%s%s%s%s", file != NULL ? file : "",
	    screen != NULL ? screen : "", path != NULL ? path : "",
	    path != NULL ? ": " : "", w, d->msg);
	free(screen);
	free(file);
	return line;
}

void
report_sink_vadd(struct report_sink *s, int warning,
    const struct load_place *at, const char *fmt, va_list ap)
{
	size_t *kept = warning ? &s->nwarnkept : &s->nerrkept;

	if (!warning)
		s->nerrors++;
	if (*kept > REPORT_MAX_KEPT)
		return;
	if (*kept == REPORT_MAX_KEPT)
		load_report_add(s->rep, warning, NULL,
		    "too many %s: only the first %d are shown",
		    warning ? "warnings" : "errors", REPORT_MAX_KEPT);
	else
		load_report_vadd(s->rep, warning, at, fmt, ap);
	(*kept)++;
}

void
report_sink_add(struct report_sink *s, int warning, const struct load_place *at,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_sink_vadd(s, warning, at, fmt, ap);
	va_end(ap);
}

int
report_sink_keeps(const struct report_sink *s, int warning)
{
	return (warning ? s->nwarnkept : s->nerrkept) < REPORT_MAX_KEPT;
}
