/* content.c: finding every language's content and loading it. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "content.h"
#include "load.h"
#include "xmalloc.h"

/* Where a language can come from, in the order they are tried. */
enum origin { FROM_DIR, FROM_ENV, FROM_INSTALLED, FROM_BUILTIN, NORIGINS };

static void
msg_add(struct content_msgs *m, char *line)
{
	m->lines = xreallocarray(m->lines, m->n + 1, sizeof *m->lines);
	m->lines[m->n++] = line;
}

/* Is name "xx.json" or "xxx.json" with a lowercase code?  Copy the code. */
static int
lang_of(const char *name, char code[4])
{
	size_t len = strlen(name), n;

	if (len < 7 || len > 8 || strcmp(name + len - 5, ".json") != 0)
		return 0;
	n = len - 5;
	for (size_t i = 0; i < n; i++) {
		if (name[i] < 'a' || name[i] > 'z')
			return 0;
	}
	memcpy(code, name, n);
	code[n] = '\0';
	return 1;
}

/* Add code to the sorted set codes[0..*n) unless it is there. */
static void
code_add(char (**codes)[4], size_t *n, const char *code)
{
	size_t i = 0;

	while (i < *n && strcmp((*codes)[i], code) < 0)
		i++;
	if (i < *n && strcmp((*codes)[i], code) == 0)
		return;
	*codes = xreallocarray(*codes, *n + 1, sizeof **codes);
	memmove(*codes + i + 1, *codes + i, (*n - i) * sizeof **codes);
	strcpy((*codes)[i], code);
	(*n)++;
}

/* Add the languages of the files in dir; -1 if dir cannot be read. */
static int
scan_dir(const char *dir, char (**codes)[4], size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char code[4];

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (lang_of(e->d_name, code))
			code_add(codes, n, code);
	}
	closedir(d);
	return 0;
}

/*
 * Append the diagnostics of rep to msgs: all of them, or (first_only) the
 * first error followed by suffix.
 */
static void
report_to_msgs(const struct load_report *rep, struct content_msgs *m,
    int first_only, const char *suffix)
{
	char *line;

	for (size_t i = 0; i < rep->ndiags; i++) {
		if (first_only && rep->diags[i].warning)
			continue;
		line = load_diag_format(rep, i);
		msg_add(m, xasprintf("%s%s", line, suffix));
		free(line);
		if (first_only)
			return;
	}
}

/*
 * Load language code from file path; check that the file says it is that
 * language.  Returns the guide, or NULL with rep filled.
 */
static struct guide *
load_lang_file(const char *path, const char *code, struct load_report *rep)
{
	struct guide *g = load_file(path, rep);

	if (g != NULL && strcmp(g->lang, code) != 0) {
		load_report_add(rep, 0, 0, 0, "language.code",
		    "the file says \"%s\" but its name says \"%s\"", g->lang,
		    code);
		guide_free(g);
		return NULL;
	}
	return g;
}

static const struct builtin_content *
builtin_find(const char *code)
{
	for (size_t i = 0; i < builtin_ncontents; i++) {
		if (strcmp(builtin_contents[i].lang, code) == 0)
			return &builtin_contents[i];
	}
	return NULL;
}

/* Load one language from the first place that has it.  NULL: failed. */
static struct guide *
load_lang(const struct content_opts *o, const char *dirs[NORIGINS],
    const char *code, struct content_msgs *m, int *failed)
{
	const struct builtin_content *b;
	struct load_report rep;
	struct guide *g;
	struct stat st;
	char *path, *name;

	for (int i = FROM_DIR; i < FROM_BUILTIN; i++) {
		if (dirs[i] == NULL)
			continue;
		path = xasprintf("%s/%s.json", dirs[i], code);
		if (stat(path, &st) != 0) {
			free(path);
			continue;
		}
		memset(&rep, 0, sizeof rep);
		g = load_lang_file(path, code, &rep);
		if (g != NULL) {
			load_report_free(&rep);
			free(path);
			return g;
		}
		if (!o->kiosk) {
			report_to_msgs(&rep, m, 0, "");
			load_report_free(&rep);
			free(path);
			*failed = 1;
			return NULL;
		}
		report_to_msgs(&rep, m, 1, " (using the built-in copy)");
		load_report_free(&rep);
		free(path);
		break;
	}
	if ((b = builtin_find(code)) == NULL)
		return NULL;
	name = xasprintf("built-in %s.json", code);
	memset(&rep, 0, sizeof rep);
	g = load_buffer(name, b->data, b->len, &rep);
	if (g == NULL)
		report_to_msgs(&rep, m, 0, "");
	load_report_free(&rep);
	free(name);
	return g;
}

/* Apply the site file to every guide. */
static int
apply_site(
    const struct content_opts *o, struct content *c, struct content_msgs *m)
{
	struct load_report rep;
	struct stat st;

	if (o->site == NULL)
		return 0;
	if (!o->site_required && stat(o->site, &st) != 0)
		return 0;
	for (size_t i = 0; i < c->n; i++) {
		memset(&rep, 0, sizeof rep);
		if (load_site(o->site, c->guides[i], &rep) != 0) {
			report_to_msgs(&rep, m, o->kiosk,
			    o->kiosk ? " (site file ignored)" : "");
			load_report_free(&rep);
			return o->kiosk ? 0 : -1;
		}
		load_report_free(&rep);
	}
	return 0;
}

int
content_load(
    const struct content_opts *o, struct content *c, struct content_msgs *m)
{
	const char *dirs[NORIGINS] = { o->dir, o->env_dir, o->installed, NULL };
	char(*codes)[4] = NULL;
	size_t ncodes = 0;
	int failed = 0;
	struct guide *g;

	memset(c, 0, sizeof *c);
	for (int i = FROM_DIR; i < FROM_BUILTIN; i++) {
		if (dirs[i] == NULL || scan_dir(dirs[i], &codes, &ncodes) == 0)
			continue;
		if (i == FROM_INSTALLED) {
			dirs[i] = NULL; /* not installed: quietly skip it */
			continue;
		}
		msg_add(m, xasprintf("%s: %s%s", dirs[i], strerror(errno),
			       o->kiosk ? " (using the built-in copy)" : ""));
		if (!o->kiosk)
			goto fail;
		dirs[i] = NULL;
	}
	for (size_t i = 0; i < builtin_ncontents; i++)
		code_add(&codes, &ncodes, builtin_contents[i].lang);

	for (size_t i = 0; i < ncodes; i++) {
		g = load_lang(o, dirs, codes[i], m, &failed);
		if (failed)
			goto fail;
		if (g == NULL)
			continue;
		c->guides =
		    xreallocarray(c->guides, c->n + 1, sizeof *c->guides);
		c->guides[c->n++] = g;
	}
	if (c->n == 0) {
		msg_add(m, xstrdup("no content found"));
		goto fail;
	}
	if (apply_site(o, c, m) != 0)
		goto fail;
	free(codes);
	return 0;

fail:
	free(codes);
	content_free(c);
	return -1;
}

size_t
content_find(const struct content *c, const char *lang)
{
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->guides[i]->lang, lang) == 0)
			return i;
	}
	return (size_t)-1;
}

void
content_free(struct content *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		guide_free(c->guides[i]);
	free(c->guides);
	c->guides = NULL;
	c->n = 0;
}

void
content_msgs_free(struct content_msgs *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->lines[i]);
	free(m->lines);
	m->lines = NULL;
	m->n = 0;
}
