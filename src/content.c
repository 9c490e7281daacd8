/* content.c: finding every language's content and loading it. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "content.h"
#include "load.h"
#include "outside.h"
#include "xmalloc.h"

/* Where a language can come from, in the order they are tried. */
enum origin {
	FROM_DIR,
	FROM_ENV,
	FROM_ETC,
	FROM_INSTALLED,
	FROM_BUILTIN,
	NORIGINS
};

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

/* Add the languages of the files in dir; -1 (errno set) if it cannot be
 * read. */
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

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
content_dir_files(const char *dir, char ***paths, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len, len0 = strlen(dir);

	*paths = NULL;
	*n = 0;
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		*paths = xreallocarray(*paths, *n + 1, sizeof **paths);
		(*paths)[(*n)++] = xasprintf("%s%s%s", dir,
		    len0 > 0 && dir[len0 - 1] == '/' ? "" : "/", e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*paths, *n, sizeof **paths, path_cmp);
	return 0;
}

struct guide *
content_load_file(
    const char *path, const struct load_site *site, struct load_report *rep)
{
	struct guide *g = load_file_site(path, site, rep);
	const char *base = strrchr(path, '/');
	char code[4];

	base = base != NULL ? base + 1 : path;
	if (!lang_of(base, code)) {
		load_report_add(rep, 1, 0, 0, NULL,
		    "the program reads only files named after their language "
		    "(such as \"%s.json\"), so it would not read this one",
		    g != NULL ? g->lang : "en");
		return g;
	}
	if (g != NULL && strcmp(g->lang, code) != 0) {
		load_report_add(rep, 0, 0, 0, "language.code",
		    "the file says \"%s\" but its name says \"%s\"", g->lang,
		    code);
		guide_free(g);
		return NULL;
	}
	return g;
}

/* The first error of rep as a line, or its first line if none. */
static char *
first_error(const struct load_report *rep)
{
	for (size_t i = 0; i < rep->ndiags; i++)
		if (!rep->diags[i].warning)
			return load_diag_format(rep, i);
	return load_diag_format(rep, 0);
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

/*
 * Load language code from the first place that has a valid copy.  Each
 * broken copy before it becomes one line naming the copy used instead.
 * NULL when there is none (the language is left out).
 */
static struct guide *
load_lang(const char *dirs[NORIGINS], const char *code,
    const struct load_site *site, struct content_msgs *m)
{
	const struct builtin_content *b;
	struct load_report rep;
	struct guide *g = NULL;
	struct stat st;
	char *path, *broken[NORIGINS], *using = NULL, *name;
	size_t nbroken = 0;

	for (int i = FROM_DIR; i < FROM_BUILTIN && g == NULL; i++) {
		if (dirs[i] == NULL)
			continue;
		path = xasprintf("%s/%s.json", dirs[i], code);
		if (stat(path, &st) != 0 && errno == ENOENT) {
			free(path);
			continue;
		}
		memset(&rep, 0, sizeof rep);
		if ((g = content_load_file(path, site, &rep)) != NULL)
			using = outside_escape(path);
		else
			broken[nbroken++] = first_error(&rep);
		load_report_free(&rep);
		free(path);
	}
	if (g == NULL && (b = builtin_find(code)) != NULL) {
		name = xasprintf("built-in %s.json", code);
		memset(&rep, 0, sizeof rep);
		g = load_buffer_site(name, b->data, b->len, site, &rep);
		if (g == NULL) /* a bug: the build checks the built-in copy */
			broken[nbroken++] = first_error(&rep);
		else
			using = xstrdup("the built-in copy");
		load_report_free(&rep);
		free(name);
	}
	for (size_t i = 0; i < nbroken; i++) {
		if (using != NULL)
			msg_add(m, xasprintf("%s; using %s instead", broken[i],
				       using));
		else
			msg_add(m, xasprintf("%s; no other copy, so language "
					     "\"%s\" is left out",
				       broken[i], code));
		free(broken[i]);
	}
	free(using);
	return g;
}

/*
 * Read the site file.  A broken one is skipped with one line; a missing
 * one is an error only when it was asked for by name, outside a kiosk.
 * Returns 0 (*site may be NULL) or -1.
 */
static int
read_site(const struct content_opts *o, struct load_site **site,
    struct content_msgs *m)
{
	struct load_report rep = { 0 };
	struct stat st;
	char *line, *name;

	*site = NULL;
	if (o->site == NULL)
		return 0;
	if (stat(o->site, &st) != 0 && errno == ENOENT) {
		if (!o->site_required)
			return 0;
		name = outside_escape(o->site);
		msg_add(m, xasprintf("%s: %s%s", name, strerror(ENOENT),
			       o->kiosk ? "; site file skipped" : ""));
		free(name);
		return o->kiosk ? 0 : -1;
	}
	if ((*site = load_site_read(o->site, &rep)) == NULL) {
		line = first_error(&rep);
		msg_add(m, xasprintf("%s; site file skipped", line));
		free(line);
	}
	load_report_free(&rep);
	return 0;
}

/*
 * Note that directory dirs[i] cannot be read, and leave it out.  Returns
 * -1 when that is an error: --content DIR outside a kiosk.
 */
static int
dir_missing(const struct content_opts *o, const char *dirs[NORIGINS], int i,
    struct content_msgs *m)
{
	int e = errno;
	char *name;

	if ((i == FROM_ETC || i == FROM_INSTALLED) && e == ENOENT) {
		dirs[i] = NULL; /* not installed: quietly skip it */
		return 0;
	}
	name = outside_escape(dirs[i]);
	if (i == FROM_DIR && !o->kiosk)
		msg_add(m, xasprintf("%s: %s", name, strerror(e)));
	else
		msg_add(m, xasprintf("%s: %s; %s skipped", name, strerror(e),
			       i == FROM_ENV ? "SAFESTEPS_CONTENT" : "folder"));
	free(name);
	dirs[i] = NULL;
	return i == FROM_DIR && !o->kiosk ? -1 : 0;
}

int
content_load(
    const struct content_opts *o, struct content *c, struct content_msgs *m)
{
	const char *dirs[NORIGINS] = { o->dir, o->env_dir, o->etc_dir,
		o->installed, NULL };
	char(*codes)[4] = NULL;
	size_t ncodes = 0;
	struct guide *g;
	struct load_site *site = NULL;

	memset(c, 0, sizeof *c);
	for (int i = FROM_DIR; i < FROM_BUILTIN; i++) {
		if (dirs[i] == NULL || scan_dir(dirs[i], &codes, &ncodes) == 0)
			continue;
		if (dir_missing(o, dirs, i, m) != 0)
			goto fail;
	}
	for (size_t i = 0; i < builtin_ncontents; i++)
		code_add(&codes, &ncodes, builtin_contents[i].lang);
	if (read_site(o, &site, m) != 0)
		goto fail;

	for (size_t i = 0; i < ncodes; i++) {
		if ((g = load_lang(dirs, codes[i], site, m)) == NULL)
			continue;
		c->guides =
		    xreallocarray(c->guides, c->n + 1, sizeof *c->guides);
		c->guides[c->n++] = g;
	}
	if (c->n == 0) {
		msg_add(m, xstrdup("no content found"));
		goto fail;
	}
	load_site_free(site);
	free(codes);
	return 0;

fail:
	load_site_free(site);
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
