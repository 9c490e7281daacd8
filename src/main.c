/*
 * main.c: the command line.  Parses the options, sets the locale, loads
 * every language's content and runs one front end: full screen, plain,
 * print, or the content check.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "frontend.h"
#include "load.h"
#include "outside.h"
#include "readlevel.h"
#include "session.h"
#include "wizard.h"
#include "xmalloc.h"

#ifndef SAFESTEPS_VERSION
#define SAFESTEPS_VERSION "0"
#endif
#ifndef SAFESTEPS_DATADIR
#define SAFESTEPS_DATADIR "/usr/local/share/safesteps"
#endif
#ifndef SAFESTEPS_SYSCONFDIR
#define SAFESTEPS_SYSCONFDIR "/etc"
#endif

#define EXIT_USAGE 2
#define IDLE_KIOSK 120
#define IDLE_DEFAULT 900
#define COUNTDOWN_DEFAULT 20
#define WIDTH_MIN 20
#define WIDTH_MAX 1000

enum mode {
	MODE_GUIDE,
	MODE_CHECK,
	MODE_PRINT,
	MODE_LIST,
	MODE_HELP,
	MODE_VERSION
};

struct options {
	enum mode mode;
	const char *lang;
	const char *content;
	const char *site;
	const char *idle;
	const char *countdown;
	const char *width;
	int plain;
	int kiosk;
	int no_color;
	int qr;
	int pages;
};

static const char usage_text[] =
    "Usage: safesteps [OPTION]...\n"
    "       safesteps --check [--site FILE] [FILE | DIR]...\n"
    "       safesteps --print [--lang CODE] [--width N] [--qr] [--pages]\n"
    "A calm, private guide for a young person who is being threatened\n"
    "online with a sexual picture: what to do, one step at a time.\n"
    "\n"
    "  --lang CODE         show the guide in this language (en, fr, ...)\n"
    "  --content DIR       read the content files from DIR\n"
    "  --plain             line-by-line mode, for screen readers\n"
    "  --kiosk             never exit on a key; reset when left alone\n"
    "  --idle SECONDS      ask \"still there?\" after SECONDS without a key\n"
    "                      (default 900, kiosk 120; 0 turns it off)\n"
    "  --countdown SECONDS how long \"still there?\" waits (default 20)\n"
    "  --site FILE         the school's own contacts (default\n"
    "                      " SAFESTEPS_SYSCONFDIR "/safesteps/site.json)\n"
    "  --no-color          no colours (so does NO_COLOR)\n"
    "  --check FILE|DIR... check content files (a folder as the program\n"
    "                      reads it) and a site file; report every problem\n"
    "  --print             print the whole guide as a handout\n"
    "  --width N           wrap the handout or plain text at N columns\n"
    "  --qr                add QR codes of the addresses to the handout\n"
    "  --pages             a form feed between the handout's parts\n"
    "  --list-languages    list the languages there are\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Keys: arrows move, Enter chooses, Left goes back, h talks to\n"
    "someone now, Esc leaves at once.  See safesteps(1).\n";

/*
 * A usage error: what is wrong, with arg (text from the command line,
 * escaped) in quotes in place of the %s in what, or after it; and a hint.
 */
static void
usage_error(const char *what, const char *arg)
{
	const char *at = strstr(what, "%s");
	char *shown;

	if (arg == NULL)
		fprintf(stderr, "safesteps: %s\n", what);
	else {
		shown = outside_escape(arg);
		if (at != NULL)
			fprintf(stderr, "safesteps: %.*s'%s'%s\n",
			    (int)(at - what), what, shown, at + 2);
		else
			fprintf(stderr, "safesteps: %s '%s'\n", what, shown);
		free(shown);
	}
	fputs("Try 'safesteps --help' for more information.\n", stderr);
}

/* Does s name UTF-8 ("fr_CA.UTF-8", "en_US.utf8")? */
static int
names_utf8(const char *s)
{
	for (; *s != '\0'; s++) {
		if (strncasecmp(s, "utf-8", 5) == 0 ||
		    strncasecmp(s, "utf8", 4) == 0)
			return 1;
	}
	return 0;
}

/*
 * Parse a whole number of seconds or columns in [min, max].  Returns 0, or
 * -1 if text is not such a number.
 */
static int
parse_number(const char *text, long min, long max, long *out)
{
	char *end;
	long v;

	if (text == NULL || !isdigit((unsigned char)text[0]))
		return -1;
	v = strtol(text, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/*
 * Set the locale for drawing.  The user's locale if it loads; if it does
 * not (a fresh Debian has only C, C.UTF-8 and POSIX) but asked for UTF-8,
 * C.UTF-8.  Returns 1 if the locale in force is UTF-8.
 */
static int
setup_locale(void)
{
	const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *want = NULL;

	if (setlocale(LC_CTYPE, "") == NULL) {
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
			want = getenv(names[i]);
			if (want != NULL && *want != '\0')
				break;
		}
		if (want != NULL && names_utf8(want))
			setlocale(LC_CTYPE, "C.UTF-8");
		else
			setlocale(LC_CTYPE, "C");
	}
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/*
 * The language code at the start of a locale name or a LANGUAGE entry
 * (the first len bytes of v): "fr_CA.UTF-8" and "fr" give "fr".  Returns
 * 0, or -1 when v does not start with 2 or 3 lowercase letters.
 */
static int
lang_code(const char *v, size_t len, char out[4])
{
	size_t n = guide_lang_len(v, len);

	if (n == 0 || (n < len && isalpha((unsigned char)v[n])))
		return -1;
	memcpy(out, v, n);
	out[n] = '\0';
	return 0;
}

/*
 * The language the environment asks for, as gettext reads it: the
 * messages locale (LC_ALL, else LC_MESSAGES, else LANG) read as text
 * ("fr_CA.UTF-8" -> "fr") even when that locale is not installed; before
 * it, the first language of LANGUAGE (a list such as "fr_CA:fr:en") that
 * c has, unless the locale is C or POSIX (C.UTF-8 too), where gettext
 * ignores LANGUAGE.  Returns its index in c, or GUIDE_NONE.
 */
static size_t
env_language(const struct content *c)
{
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v = NULL, *list, *end;
	char code[4];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		v = getenv(names[i]);
		if (v != NULL && *v != '\0')
			break;
		v = NULL;
	}
	if (v == NULL || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ||
	    strncmp(v, "C.", 2) == 0)
		return GUIDE_NONE;
	list = getenv("LANGUAGE");
	for (; list != NULL && *list != '\0'; list = end + (*end == ':')) {
		end = strchr(list, ':');
		if (end == NULL)
			end = list + strlen(list);
		if (lang_code(list, (size_t)(end - list), code) == 0 &&
		    (i = content_find(c, code)) != GUIDE_NONE)
			return i;
	}
	if (lang_code(v, strlen(v), code) != 0)
		return GUIDE_NONE;
	return content_find(c, code);
}

/* Keep no core dump: it could hold the screen's text. */
static void
harden(void)
{
	struct rlimit rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/*
 * Flush standard output.  Returns 0, or 1 after a line on stderr that says
 * why it could not be written (a full disk, a closed terminal).
 */
static int
stdout_status(void)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	fprintf(stderr, "safesteps: standard output: %s\n",
	    strerror(errno != 0 ? errno : EIO));
	return 1;
}

/* Print a report's diagnostics to stderr. */
static void
print_report(const struct load_report *rep)
{
	for (size_t i = 0; i < rep->ndiags; i++) {
		char *line = load_diag_format(rep, i);

		fprintf(stderr, "safesteps: %s\n", line);
		free(line);
	}
}

/* Print the lines of msgs to stderr, and forget them. */
static void
print_msgs(struct load_report *msgs)
{
	print_report(msgs);
	load_report_free(msgs);
}

/* Print the reading level of every screen of g. */
static void
print_levels(const struct guide *g)
{
	struct readlevel r;

	for (size_t i = 0; i < g->nscreens; i++) {
		readlevel_screen(g, i, &r);
		if (r.french)
			printf("  %-20s reading ease %5.1f (%s, at least "
			       "%.0f)%s\n",
			    g->screens[i].id, r.score,
			    g->screens[i].audience == GUIDE_ADULT ? "adult"
								  : "youth",
			    g->screens[i].audience == GUIDE_ADULT
				? READLEVEL_ADULT_EASE
				: READLEVEL_YOUTH_EASE,
			    r.too_hard ? " too hard" : "");
		else
			printf("  %-20s grade %4.1f (%s, at most %.0f)%s\n",
			    g->screens[i].id, r.score,
			    g->screens[i].audience == GUIDE_ADULT ? "adult"
								  : "youth",
			    g->screens[i].audience == GUIDE_ADULT
				? READLEVEL_ADULT_GRADE
				: READLEVEL_YOUTH_GRADE,
			    r.too_hard ? " too hard" : "");
	}
}

/*
 * Check one content file as the program reads it, with the site file
 * (site_name, may be NULL) applied: every problem on stderr; if it is
 * valid, a summary line and the reading levels on stdout.  Returns 0
 * when it is valid.
 */
static int
check_content(
    const char *path, const struct load_site *site, const char *site_name)
{
	struct load_report rep = { 0 };
	struct guide *g = content_load_file(path, site, &rep);
	const struct guide *by;
	char *shown, *with = NULL;
	int status;

	if (g != NULL && (by = load_site_uncovered(site, g->lang)) != NULL) {
		/* not a fault of the file: a school may offer one language */
		load_report_add(&rep, 1, NULL,
		    "language \"%s\" is left out with this site file: it sets "
		    "\"region\" for \"%s\" but not for \"%s\", whose "
		    "screens would show this file's own numbers (to offer "
		    "\"%s\", give it its own \"region\", \"emergency\" and "
		    "\"crisis\" in the site file)",
		    g->lang, by->lang, g->lang, g->lang);
		print_report(&rep);
		load_report_free(&rep);
		guide_free(g);
		return 0;
	}
	if (g != NULL)
		readlevel_check(g, &rep);
	print_report(&rep);
	if (g != NULL) {
		shown = outside_escape(path);
		if (site_name != NULL)
			with = outside_escape(site_name);
		printf("%s: valid%s%s: %zu screens, %d steps, %zu resources, "
		       "%zu sources",
		    shown, with != NULL ? " with " : "",
		    with != NULL ? with : "", g->nscreens, GUIDE_STEPS,
		    g->nresources, g->nsources);
		if (rep.nwarnings > 0)
			printf(", %zu warning%s", rep.nwarnings,
			    rep.nwarnings == 1 ? "" : "s");
		printf("\n");
		print_levels(g);
		free(with);
		free(shown);
	}
	status = g != NULL ? 0 : 1;
	load_report_free(&rep);
	guide_free(g);
	return status;
}

/* Check a site file by itself, as check_content does.  Returns it, or
 * NULL when it is not valid. */
static struct load_site *
check_site(const char *path)
{
	struct load_report rep = { 0 };
	struct load_site *site = load_site_read(path, &rep);
	size_t people = 0, resources = 0;
	char *shown;

	print_report(&rep);
	if (site != NULL) {
		shown = outside_escape(path);
		for (size_t i = 0; i < site->nparts; i++) {
			people += site->parts[i]->npeople;
			resources += site->parts[i]->nresources;
		}
		printf("%s: valid site file: %zu language%s (", shown,
		    site->nparts, site->nparts == 1 ? "" : "s");
		for (size_t i = 0; i < site->nparts; i++)
			printf("%s%s", i > 0 ? ", " : "", site->parts[i]->lang);
		printf("), %zu people, %zu resources", people, resources);
		if (rep.nwarnings > 0)
			printf(", %zu warning%s", rep.nwarnings,
			    rep.nwarnings == 1 ? "" : "s");
		printf("\n");
		free(shown);
	}
	load_report_free(&rep);
	return site;
}

/*
 * A directory given to --check: its "*.json" files, each checked as the
 * program would read it.  Returns 0 when all are valid.
 */
static int
check_dir(const char *dir, const struct load_site *site, const char *site_name)
{
	char **paths, *shown;
	size_t n;
	int status = 0, r = content_dir_files(dir, &paths, &n);

	if (r != 0 || n == 0) {
		shown = outside_escape(dir);
		fprintf(stderr, "safesteps: %s: %s\n", shown,
		    r != 0 ? strerror(errno)
			   : "no content file (*.json) in it");
		free(shown);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		status |= check_content(paths[i], site, site_name);
		free(paths[i]);
	}
	free(paths);
	return status;
}

/*
 * safesteps --check [--site FILE] [FILE | DIR]...: every problem of every
 * file, one summary line per valid file; the content files with the site
 * file applied, as the program reads them.
 */
static int
run_check(int argc, char **argv, const char *site_name)
{
	struct load_site *site = NULL;
	struct stat st;
	int status = 0;

	if (site_name != NULL && (site = check_site(site_name)) == NULL)
		status = 1;
	for (int i = 0; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			status |= check_dir(argv[i], site, site_name);
		else
			status |= check_content(argv[i], site, site_name);
	}
	load_site_free(site);
	return stdout_status() != 0 ? 1 : status;
}

/* Is this a terminal the full-screen mode should try? */
static int
want_plain(const struct options *o)
{
	const char *term = getenv("TERM");
	const char *acc = getenv("ACCESSIBLE");

	if (o->plain || (acc != NULL && strcmp(acc, "1") == 0))
		return 1;
	if (!isatty(STDOUT_FILENO))
		return 1;
	return term == NULL || *term == '\0' || strcmp(term, "dumb") == 0;
}

/* Parse the command line into o; -1 after a usage error was printed. */
static int
parse_args(int argc, char **argv, struct options *o)
{
	enum {
		OPT_LANG = 256,
		OPT_CONTENT,
		OPT_PLAIN,
		OPT_KIOSK,
		OPT_IDLE,
		OPT_COUNTDOWN,
		OPT_SITE,
		OPT_NO_COLOR,
		OPT_CHECK,
		OPT_PRINT,
		OPT_WIDTH,
		OPT_QR,
		OPT_PAGES,
		OPT_LIST
	};
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "content", required_argument, NULL, OPT_CONTENT },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "kiosk", no_argument, NULL, OPT_KIOSK },
		{ "idle", required_argument, NULL, OPT_IDLE },
		{ "countdown", required_argument, NULL, OPT_COUNTDOWN },
		{ "site", required_argument, NULL, OPT_SITE },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "print", no_argument, NULL, OPT_PRINT },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "qr", no_argument, NULL, OPT_QR },
		{ "pages", no_argument, NULL, OPT_PAGES },
		{ "list-languages", no_argument, NULL, OPT_LIST },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_LANG:
			o->lang = optarg;
			break;
		case OPT_CONTENT:
			o->content = optarg;
			break;
		case OPT_PLAIN:
			o->plain = 1;
			break;
		case OPT_KIOSK:
			o->kiosk = 1;
			break;
		case OPT_IDLE:
			o->idle = optarg;
			break;
		case OPT_COUNTDOWN:
			o->countdown = optarg;
			break;
		case OPT_SITE:
			o->site = optarg;
			break;
		case OPT_NO_COLOR:
			o->no_color = 1;
			break;
		case OPT_CHECK:
			o->mode = MODE_CHECK;
			break;
		case OPT_PRINT:
			o->mode = MODE_PRINT;
			break;
		case OPT_WIDTH:
			o->width = optarg;
			break;
		case OPT_QR:
			o->qr = 1;
			break;
		case OPT_PAGES:
			o->pages = 1;
			break;
		case OPT_LIST:
			o->mode = MODE_LIST;
			break;
		case 'h':
			o->mode = MODE_HELP;
			break;
		case 'V':
			o->mode = MODE_VERSION;
			break;
		case ':':
			usage_error(
			    "option %s needs a value", argv[optind - 1]);
			return -1;
		default:
			usage_error("unknown option", argv[optind - 1]);
			return -1;
		}
	}
	if (o->mode == MODE_CHECK && optind >= argc && o->site == NULL) {
		usage_error("--check needs at least one FILE", NULL);
		return -1;
	}
	if (o->mode != MODE_CHECK && optind < argc) {
		usage_error("unexpected argument", argv[optind]);
		return -1;
	}
	return 0;
}

/*
 * Check a numeric option.  A bad value is a usage error, except in kiosk
 * mode, where it falls back to the default with one line on stderr so the
 * kiosk still shows the guide.
 */
static int
number_option(const struct options *o, const char *name, const char *text,
    long min, long max, long def, long *out)
{
	char *shown;

	*out = def;
	if (text == NULL || parse_number(text, min, max, out) == 0)
		return 0;
	shown = outside_escape(text);
	if (o->kiosk)
		fprintf(stderr,
		    "safesteps: --%s '%s' is not a number from %ld to %ld; "
		    "using %ld\n",
		    name, shown, min, max, def);
	else
		fprintf(stderr,
		    "safesteps: --%s '%s' is not a number from %ld to %ld\n"
		    "Try 'safesteps --help' for more information.\n",
		    name, shown, min, max);
	free(shown);
	*out = def;
	return o->kiosk ? 0 : -1;
}

/* List the languages of c on stream f, as "  en  English" lines. */
static void
list_languages(const struct content *c, FILE *f, const char *indent)
{
	for (size_t i = 0; i < c->n; i++)
		fprintf(f, "%s%s\t%s\n", indent, c->guides[i]->lang,
		    c->guides[i]->lang_name);
}

/* Pick the starting language.  Returns its index, or -1 (usage error). */
static long
pick_language(const struct options *o, const struct content *c)
{
	size_t i;
	char *shown;

	if (o->lang != NULL) {
		if ((i = content_find(c, o->lang)) != GUIDE_NONE)
			return (long)i;
		shown = outside_escape(o->lang);
		fprintf(stderr, "safesteps: no content in language '%s'%s\n",
		    shown, o->kiosk ? "; using the default" : "");
		free(shown);
		if (!o->kiosk) {
			fprintf(stderr, "The languages there are:\n");
			list_languages(c, stderr, "  ");
			return -1;
		}
	}
	if ((i = env_language(c)) != GUIDE_NONE)
		return (long)i;
	if ((i = content_find(c, "en")) != GUIDE_NONE)
		return (long)i;
	return 0;
}

/*
 * Run the guide with app: full screen unless plain is wanted, then
 * whichever mode the reader or a kiosk's reset asks for.
 */
static int
run_guide(struct app *app, int plain)
{
	struct wizard *w = wizard_new(app);
	int status = plain ? FRONTEND_NO_TERMINAL : FRONTEND_TO_FULL;
	char *wipe = NULL;

	/*
	 * On the Linux console ncurses would talk to the gpm daemon through
	 * a socket for the mouse.  The program opens no socket, ever: an
	 * empty list of GPM terminals turns that off.
	 */
	setenv("NCURSES_GPM_TERMS", "", 1);
	/* before any terminal is set up: see session.h */
	session_catch();
	for (;;) {
		/* the plain mode's wipe: read from the terminal's description
		 * once, when the plain mode first runs (the full screen does
		 * not need it, and starts sooner without) */
		if (wipe == NULL && (status == FRONTEND_TO_PLAIN ||
					status == FRONTEND_NO_TERMINAL))
			app->wipe = wipe = tui_wipe_bytes();
		if (status == FRONTEND_TO_FULL)
			status = tui_run(app, w);
		else if (status == FRONTEND_TO_PLAIN)
			/* from the full screen: a kiosk's reset goes back */
			status = plain_run(app, w, app->kiosk);
		else if (status == FRONTEND_NO_TERMINAL)
			status = plain_run(app, w, 0);
		else
			break;
	}
	session_uncatch();
	app->wipe = NULL;
	free(wipe);
	wizard_free(w);
	return status;
}

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	struct content_opts co = { 0 };
	struct content c = { 0 };
	struct load_report msgs = { 0 };
	struct app app = { 0 };
	long lang, width;
	int status, loaded;

	harden();
	app.utf8 = setup_locale();
	if (parse_args(argc, argv, &o) != 0)
		return EXIT_USAGE;
	/*
	 * A filter's output read by a program that stopped reading
	 * ("safesteps --print | head -1") ends it silently, killed by
	 * SIGPIPE, as it ends cat: even when started with SIGPIPE ignored.
	 * The guide ignores it: leaving must always run the wipe, and a
	 * closed pipe is then a write error like any other.
	 */
	signal(SIGPIPE, o.mode == MODE_GUIDE ? SIG_IGN : SIG_DFL);
	switch (o.mode) {
	case MODE_HELP:
		fputs(usage_text, stdout);
		return stdout_status();
	case MODE_VERSION:
		printf("safesteps %s\n", SAFESTEPS_VERSION);
		return stdout_status();
	case MODE_CHECK:
		return run_check(argc - optind, argv + optind, o.site);
	default:
		break;
	}

	app.kiosk = o.kiosk;
	app.qr = o.qr;
	app.pages = o.pages;
	/* no-color.org: only a NO_COLOR that is set and not empty counts */
	app.color = !o.no_color &&
		    (getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == '\0');
	if (number_option(&o, "idle", o.idle, 0, 86400,
		o.kiosk ? IDLE_KIOSK : IDLE_DEFAULT, &app.idle) != 0 ||
	    number_option(&o, "countdown", o.countdown, 1, 3600,
		COUNTDOWN_DEFAULT, &app.countdown) != 0 ||
	    number_option(
		&o, "width", o.width, WIDTH_MIN, WIDTH_MAX, 0, &width) != 0)
		return EXIT_USAGE;
	app.width = (int)width;

	co.dir = o.content;
	co.env_dir = getenv("SAFESTEPS_CONTENT");
	if (co.env_dir != NULL && *co.env_dir == '\0')
		co.env_dir = NULL;
	co.etc_dir = SAFESTEPS_SYSCONFDIR "/safesteps/content";
	co.installed = SAFESTEPS_DATADIR;
	co.site = o.site != NULL ? o.site
				 : SAFESTEPS_SYSCONFDIR "/safesteps/site.json";
	co.site_required = o.site != NULL;
	co.kiosk = o.kiosk;
	loaded = content_load(&co, &c, &msgs);
	/*
	 * A line about a skipped file must not be drawn over the guide, nor
	 * wiped with it: on a terminal it waits until the screen is restored.
	 */
	if (loaded != 0 || o.mode != MODE_GUIDE || !isatty(STDERR_FILENO))
		print_msgs(&msgs);
	if (loaded != 0)
		return 1;

	if (o.mode == MODE_LIST) {
		list_languages(&c, stdout, "");
		status = stdout_status();
		content_free(&c);
		return status;
	}
	if ((lang = pick_language(&o, &c)) < 0) {
		print_msgs(&msgs);
		content_free(&c);
		return EXIT_USAGE;
	}
	app.guides = c.guides;
	app.nguides = c.n;
	app.lang = (size_t)lang;
	if (o.mode == MODE_PRINT)
		status = print_run(&app);
	else
		status = run_guide(&app, want_plain(&o));
	print_msgs(&msgs);
	content_free(&c);
	return status;
}
