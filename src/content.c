/* content.c: finding every language's content and loading it. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
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

/* A line about file (a path from outside) in m. */
static void msg_add(struct load_report *, int, const char *, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static void
msg_add(
    struct load_report *m, int warning, const char *file, const char *fmt, ...)
{
	struct load_place at = { file, 0, 0, NULL, NULL };
	va_list ap;

	va_start(ap, fmt);
	load_report_vadd(m, warning, &at, fmt, ap);
	va_end(ap);
}

/* Is name "xx.json" or "xxx.json" with a lowercase code?  Copy the code. */
static int
lang_of(const char *name, char code[4])
{
	size_t n = guide_lang_len(name, strlen(name));

	if (n == 0 || strcmp(name + n, ".json") != 0)
		return 0;
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
	const char *base = strrchr(path, '/');
	struct load_opts o = { site, NULL };
	struct guide *g;
	char code[4];

	base = base != NULL ? base + 1 : path;
	if (lang_of(base, code))
		o.lang = code;
	g = load_file_with(path, &o, rep);
	if (o.lang == NULL)
		load_report_add(rep, 1, NULL,
		    "the program reads only files named after their language "
		    "(such as \"%s.json\"), so it would not read this one",
		    g != NULL ? g->lang : "en");
	return g;
}

/* Copy the first error of rep (else its first line) to m, with suffix,
 * and how many more there are. */
static void
first_error(
    struct load_report *m, const struct load_report *rep, const char *suffix)
{
	size_t i = 0;
	char *more = NULL;

	while (i < rep->ndiags && rep->diags[i].warning)
		i++;
	if (rep->nerrors > 1)
		more = xasprintf(" (and %zu more: safesteps --check lists "
				 "them)%s",
		    rep->nerrors - 1, suffix);
	if (rep->ndiags > 0)
		load_report_copy(m, rep, i < rep->ndiags ? i : 0,
		    more != NULL ? more : suffix);
	free(more);
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
    const struct load_site *site, struct load_report *m)
{
	const struct builtin_content *b;
	struct load_report rep[NORIGINS];
	struct guide *g = NULL;
	struct stat st;
	char *path, *using = NULL, *name, *suffix;
	size_t nbroken = 0;

	memset(rep, 0, sizeof rep);
	for (int i = FROM_DIR; i < FROM_BUILTIN && g == NULL; i++) {
		if (dirs[i] == NULL)
			continue;
		path = xasprintf("%s/%s.json", dirs[i], code);
		if (stat(path, &st) != 0 && errno == ENOENT) {
			free(path);
			continue;
		}
		if ((g = content_load_file(path, site, &rep[nbroken])) != NULL)
			using = outside_escape(path);
		else
			nbroken++;
		free(path);
	}
	if (g == NULL && (b = builtin_find(code)) != NULL) {
		name = xasprintf("built-in %s.json", code);
		g = load_buffer_with(name, b->data, b->len,
		    &(struct load_opts){ site, NULL }, &rep[nbroken]);
		if (g == NULL) /* a bug: the build checks the built-in copy */
			nbroken++;
		else
			using = xstrdup("the built-in copy");
		free(name);
	}
	if (using != NULL)
		suffix = xasprintf("; using %s instead", using);
	else
		suffix = xasprintf(
		    "; no other copy, so language \"%s\" is left out", code);
	for (size_t i = 0; i < NORIGINS; i++) {
		if (i < nbroken)
			first_error(m, &rep[i], suffix);
		load_report_free(&rep[i]);
	}
	free(suffix);
	free(using);
	return g;
}

/*
 * Read the site file.  A broken or missing one is skipped with one line;
 * it is an error when it was asked for by name, outside a kiosk.
 * Returns 0 (*site may be NULL) or -1.
 */
static int
read_site(const struct content_opts *o, struct load_site **site,
    struct load_report *m)
{
	struct load_report rep = { 0 };
	struct stat st;
	int fatal = 0;

	*site = NULL;
	if (o->site == NULL)
		return 0;
	if (stat(o->site, &st) != 0 && errno == ENOENT) {
		if (!o->site_required)
			return 0;
		msg_add(m, 0, o->site, "%s%s", strerror(ENOENT),
		    o->kiosk ? "; site file skipped" : "");
		return o->kiosk ? 0 : -1;
	}
	if ((*site = load_site_read(o->site, &rep)) == NULL) {
		/*
		 * Skipped, the guide would show the content's own numbers
		 * to a school elsewhere: named with --site outside a kiosk,
		 * it is an error (whoever typed it is there to mend it).
		 */
		fatal = o->site_required && !o->kiosk;
		first_error(m, &rep, fatal ? "" : "; site file skipped");
	}
	load_report_free(&rep);
	return fatal ? -1 : 0;
}

/*
 * Note that directory dirs[i] cannot be read, and leave it out.  Returns
 * -1 when that is an error: --content DIR outside a kiosk.
 */
static int
dir_missing(const struct content_opts *o, const char *dirs[NORIGINS], int i,
    struct load_report *m)
{
	int e = errno;

	if ((i == FROM_ETC || i == FROM_INSTALLED) && e == ENOENT) {
		dirs[i] = NULL; /* not installed: quietly skip it */
		return 0;
	}
	if (i == FROM_DIR && !o->kiosk)
		msg_add(m, 0, dirs[i], "%s", strerror(e));
	else
		msg_add(m, 0, dirs[i], "%s; %s skipped", strerror(e),
		    i == FROM_ENV ? "SAFESTEPS_CONTENT" : "folder");
	dirs[i] = NULL;
	return i == FROM_DIR && !o->kiosk ? -1 : 0;
}

/*
 * Whether a language is left out because the site sets a region for
 * another language but not for code (load_site_uncovered): one line
 * naming the site file.
 */
static int
site_leaves_out(const struct content_opts *o, const struct load_site *site,
    const char *code, struct load_report *m)
{
	const struct guide *by = load_site_uncovered(site, code);

	if (by == NULL)
		return 0;
	msg_add(m, 0, o->site,
	    "\"region\" is set for \"%s\" but not for \"%s\", whose "
	    "screens would show the content's own numbers; language \"%s\" "
	    "is left out",
	    by->lang, code, code);
	return 1;
}

/*
 * Whether the site's region (if it sets one) reaches a language there is
 * content for: only then are the others left out, for leaving every
 * language out would stop the guide.  When it reaches none, one line
 * says the content's own numbers are shown.
 */
static int
site_reaches(const struct content_opts *o, const struct load_site *site,
    char (*codes)[4], size_t ncodes, struct load_report *m)
{
	const struct guide *by;

	for (size_t i = 0; i < ncodes; i++)
		if (load_site_uncovered(site, codes[i]) == NULL)
			return 1;
	if (ncodes > 0 && (by = load_site_uncovered(site, codes[0])) != NULL)
		msg_add(m, 0, o->site,
		    "\"region\" is set only for \"%s\", which has no "
		    "content; the guide shows the content's own numbers",
		    by->lang);
	return 0;
}

/* Leave out every choice that leads to g's language menu. */
static void
drop_language_menu(struct guide *g)
{
	unsigned char *menu = xcalloc(g->nscreens + 1, 1);

	for (size_t i = 0; i < g->nscreens; i++)
		menu[i] = g->screens[i].kind == GUIDE_KIND_LANGUAGES;
	for (size_t i = 0; i < g->nscreens; i++)
		guide_drop_choices(&g->screens[i], menu);
	free(menu);
}

int
content_load(
    const struct content_opts *o, struct content *c, struct load_report *m)
{
	const char *dirs[NORIGINS] = { o->dir, o->env_dir, o->etc_dir,
		o->installed, NULL };
	char(*codes)[4] = NULL;
	size_t ncodes = 0;
	struct guide *g;
	struct load_site *site = NULL;
	int reached;

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

	reached = site_reaches(o, site, codes, ncodes, m);
	for (size_t i = 0; i < ncodes; i++) {
		if (reached && site_leaves_out(o, site, codes[i], m))
			continue;
		if ((g = load_lang(dirs, codes[i], site, m)) == NULL)
			continue;
		c->guides =
		    xreallocarray(c->guides, c->n + 1, sizeof *c->guides);
		c->guides[c->n++] = g;
	}
	if (c->n == 0) {
		msg_add(m, 0, NULL, "no content found");
		goto fail;
	}
	if (c->n == 1) /* a menu of one language is no choice */
		drop_language_menu(c->guides[0]);
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
	return GUIDE_NONE;
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
