/*
 * test_plain.c: the plain line mode through pipes, as a screen-reader user
 * or a script meets it: golden transcripts of a scripted session, hostile
 * input, the end of input and write errors.
 *
 * Golden files live in tests/golden (or $SAFESTEPS_GOLDEN).  A changed
 * content file changes them: look at the diff the failing test prints,
 * then run the tests with SAFESTEPS_UPDATE_GOLDEN=1 to write them anew.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "golden.h"
#include "guide.h"
#include "guidescreen.h"
#include "layout.h"
#include "run.h"
#include "scratch.h"
#include "term.h"
#include "xmalloc.h"

/*
 * Run the program with --content and the given options (NULL-ended), a
 * locale, and stdin; stdout to a pipe, or to stdout_path.
 */
static void
run_plain(const char *const *opts, const char *lang_env, const char *in,
    size_t inlen, const char *stdout_path, struct run_result *r)
{
	const char *env[2] = { lang_env, NULL };

	cli_run(NULL, opts, env, in, inlen, stdout_path, r);
}

/* Whether the goodbye line is at the end of the output (its first words:
 * the line may be wrapped). */
static int
ends_with_bye(const struct run_result *r, const struct guide *g)
{
	const char *bye = g->ui[GUIDE_UI_PLAIN_BYE];
	size_t k = strlen(bye) < 20 ? strlen(bye) : 20;
	size_t tail = r->outlen < 400 ? r->outlen : 400;

	char head[21];

	memcpy(head, bye, k);
	head[k] = '\0';
	return r->outlen > 0 && r->out[r->outlen - 1] == '\n' &&
	       cli_count(r->out + r->outlen - tail, tail, head) > 0;
}

/* The scripted session of the golden transcripts. */
static char *
session(size_t *len)
{
	char *path = xasprintf("%s/plain-session.in", golden_dir());
	char *s = golden_read_file(path, len);

	ck_assert_msg(s != NULL, "cannot read %s", path);
	free(path);
	return s;
}

/* One golden transcript: options, a locale, a file name. */
struct golden_case {
	const char *lang;  /* --lang */
	const char *width; /* --width */
	const char *env;   /* LANG=... */
	const char *file;  /* in tests/golden */
};

static const struct golden_case plain_goldens[] = {
	{ "en", "72", "LANG=C.UTF-8", "plain-en-72.txt" },
	{ "en", "40", "LANG=C.UTF-8", "plain-en-40.txt" },
	{ "fr", "72", "LANG=C.UTF-8", "plain-fr-72.txt" },
	{ "fr", "40", "LANG=C.UTF-8", "plain-fr-40.txt" },
	{ "en", "72", "LANG=C", "plain-en-72-ascii.txt" },
	{ "fr", "72", "LANG=C", "plain-fr-72-ascii.txt" },
};

START_TEST(golden_transcript)
{
	const struct golden_case *c = &plain_goldens[_i];
	const char *opts[] = { "--plain", "--lang", c->lang, "--width",
		c->width, NULL };
	struct run_result r;
	size_t len;
	char *in = session(&len);

	run_plain(opts, c->env, in, len, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(r.errlen == 0, "stderr: %s", r.err);
	golden_check(c->file, r.out, r.outlen);
	run_free(&r);
	free(in);
}
END_TEST

/* Every line of out fits in width columns (ASCII output: bytes). */
static void
expect_ascii_within(const char *out, size_t len, size_t width)
{
	size_t col = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];

		ck_assert_msg(c < 0x80, "non-ASCII byte 0x%02x at %zu", c, i);
		ck_assert_msg(c >= 0x20 || c == '\n', "control byte 0x%02x", c);
		if (c == '\n') {
			col = 0;
			continue;
		}
		col++;
		ck_assert_msg(col <= width, "a line is wider than %zu", width);
	}
}

START_TEST(ascii_locale_is_ascii)
{
	const char *langs[] = { "en", "fr" };

	for (size_t i = 0; i < 2; i++) {
		const char *opts[] = { "--plain", "--lang", langs[i], "--width",
			"40", NULL };
		struct run_result r;
		size_t len;
		char *in = session(&len);

		run_plain(opts, "LANG=C", in, len, NULL, &r);
		cli_expect_status(&r, 0);
		expect_ascii_within(r.out, r.outlen, 40);
		run_free(&r);
		free(in);
	}
}
END_TEST

/* Feed in, expect exit 0, n_bad gentle lines, the goodbye at the end. */
static void
hostile(const char *in, size_t inlen, size_t n_bad)
{
	const char *opts[] = { "--plain", "--lang", "en", NULL };
	struct guide *g = cli_guide_of("en");
	const struct guide_screen *start = &g->screens[g->start];
	char num[16];
	char *bad;
	struct run_result r;

	snprintf(num, sizeof num, "%zu", start->nchoices);
	bad = guide_format(g->ui[GUIDE_UI_PLAIN_BAD_NUMBER], "n", num);
	run_plain(opts, "LANG=C.UTF-8", in, inlen, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(cli_count(r.out, r.outlen, bad) == n_bad,
	    "%zu gentle lines (\"%s\"), want %zu:\n%s",
	    cli_count(r.out, r.outlen, bad), bad, n_bad, r.out);
	ck_assert_msg(
	    ends_with_bye(&r, g), "no goodbye at the end:\n%s", r.out);
	/* Nothing typed comes back: no escape, no NUL, no stray byte. */
	ck_assert_ptr_null(memchr(r.out, '\033', r.outlen));
	ck_assert_ptr_null(memchr(r.out, '\0', r.outlen));
	ck_assert_msg(r.errlen == 0, "stderr: %s", r.err);
	run_free(&r);
	free(bad);
	guide_free(g);
}

START_TEST(hostile_numbers)
{
	struct guide *g = cli_guide_of("en");
	/* the number just past the start screen's last choice */
	char *in = xasprintf("0\n99\n-1\n+1\n%zu\n1 2\n1x\nx1\n"
			     "99999999999999999999\n"
			     "-99999999999999999999\n"
			     "t 999\nt -1\nt 0\nt\nt x\nt 1\n"
			     "t 99999999999999999999\n"
			     "q\n",
	    g->screens[g->start].nchoices + 1);

	const char *opts[] = { "--plain", "--lang", "en", NULL };
	struct run_result r;

	/* On the start screen (no to-do item) every one is wrong: the ten
	 * numbers get the range of the choices, the seven "t" lines the
	 * news that there is nothing to tick here. */
	hostile(in, strlen(in), 10);
	run_plain(opts, "LANG=C.UTF-8", in, strlen(in), NULL, &r);
	ck_assert_uint_eq(
	    cli_count(r.out, r.outlen, g->ui[GUIDE_UI_PLAIN_NO_TODO]), 7);
	run_free(&r);
	free(in);
	guide_free(g);
}
END_TEST

START_TEST(hostile_empty_lines)
{
	static const char in[] = "\n\n   \n\t\n\r\n";

	/* An empty line repeats the prompt, without a complaint. */
	hostile(in, sizeof in - 1, 0);
}
END_TEST

/* A line over 4 KiB is one wrong entry, and reading goes on. */
START_TEST(hostile_long_line)
{
	size_t n = 5000;
	char *in = xmalloc(n + 8);

	memset(in, 'x', n);
	memcpy(in + n, "\n1\n", 3);
	hostile(in, n + 3, 1);
	/* A long line of digits is one wrong number too. */
	memset(in, '1', n);
	hostile(in, n + 3, 1);
	free(in);
}
END_TEST

/*
 * Input that no person types ends the plain mode with status 1 and one
 * line on stderr, at once, instead of spinning: sh runs the program so
 * that its stdin can be a device or a pipe from a generator.  Nothing of
 * the input comes back.
 */
static void
hostile_ends(const char *shell_input, const char *why)
{
	const char *argv[] = { "/bin/sh", "-c", shell_input, run_bin(),
		cli_content_dir(), NULL };
	const char *env[] = { "LANG=C.UTF-8", NULL };
	struct run_result r;
	long long t0 = term_now_ms();

	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 5000, &r), 0);
	ck_assert_msg(r.status != -1, "%s: still running after 5 s", why);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 1,
	    "%s: status %#x, not exit 1; stderr: %s", why, r.status, r.err);
	ck_assert_msg(strstr(r.err, "safesteps: standard input: ") == r.err &&
			  cli_count(r.err, r.errlen, "\n") == 1,
	    "%s: stderr is not one line about the input: %s", why, r.err);
	ck_assert_ptr_null(memchr(r.out, '\033', r.outlen));
	ck_assert_ptr_null(memchr(r.out, '\0', r.outlen));
	ck_assert_msg(term_now_ms() - t0 < term_ms(5000), "%s: took %lld ms",
	    why, term_now_ms() - t0);
	run_free(&r);
}

START_TEST(hostile_endless)
{
	hostile_ends(
	    "exec \"$0\" --content \"$1\" --plain </dev/zero", "/dev/zero");
	hostile_ends("exec \"$0\" --content \"$1\" --plain --kiosk </dev/zero",
	    "/dev/zero, kiosk");
	hostile_ends("head -c 100000000 /dev/urandom | "
		     "exec \"$0\" --content \"$1\" --plain",
	    "100 MB of random bytes");
	/* 64 KiB without a newline: no NUL, no end in sight. */
	hostile_ends("yes x | tr -d '\\n' | exec \"$0\" --content \"$1\" "
		     "--plain",
	    "x without a newline");
}
END_TEST

/* Random bytes with no NUL and no digit: every line a wrong entry. */
START_TEST(hostile_binary)
{
	char in[4096];
	unsigned int seed = 12345;
	size_t lines = 0;

	for (size_t i = 0; i < sizeof in; i++) {
		seed = seed * 1103515245u + 12345u;
		in[i] = (char)(seed >> 16);
		/* No digit, so that no line can be a valid choice; no NUL,
		 * which ends the plain mode (hostile_endless). */
		if ((in[i] >= '0' && in[i] <= '9') || in[i] == '\0')
			in[i] = 'z';
		if (in[i] == '\n')
			lines++;
	}
	in[sizeof in - 1] = '\n';
	lines++;
	/* Lines that are only blanks are not complaints: none here. */
	hostile(in, sizeof in, lines);
}
END_TEST

START_TEST(hostile_escapes)
{
	static const char in[] = "1\033\n\033[2J\n\033]0;x\007\n\xff\xfe\n"
				 "\xc3\xa9\n1\xe2\x80\x8b\n";

	hostile(in, sizeof in - 1, 6);
}
END_TEST

/* A NUL byte is not text: status 1 at once, nothing after it read. */
START_TEST(hostile_nul)
{
	const char *opts[] = { "--plain", "--lang", "en", NULL };
	static const char in[] = "1\n\0\nq\n";
	struct run_result r;

	run_plain(opts, "LANG=C.UTF-8", in, sizeof in - 1, NULL, &r);
	cli_expect_status(&r, 1);
	ck_assert_msg(strstr(r.err, "NUL") != NULL, "stderr: %s", r.err);
	run_free(&r);
}
END_TEST

START_TEST(eof_at_once)
{
	const char *opts[] = { "--plain", NULL };
	struct guide *g = cli_guide_of("en");
	struct run_result r;

	run_plain(opts, "LANG=C.UTF-8", NULL, 0, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strstr(r.out, g->screens[g->start].title) != NULL,
	    "no start screen:\n%s", r.out);
	ck_assert(ends_with_bye(&r, g));
	run_free(&r);
	guide_free(g);
}
END_TEST

START_TEST(upper_case_and_spaces)
{
	const char *opts[] = { "--plain", "--lang", "en", "--width", "200",
		NULL };
	struct guide *g = cli_guide_of("en");
	const struct guide_screen *help = &g->screens[g->help];
	struct run_result r;
	static const char in[] = "  H  \n";

	run_plain(opts, "LANG=C.UTF-8", in, sizeof in - 1, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strstr(r.out, help->title) != NULL,
	    "\"H\" did not open %s:\n%s", help->title, r.out);
	run_free(&r);
	guide_free(g);
}
END_TEST

START_TEST(walk_with_numbers_only)
{
	/* From the start, the first choice of every screen until each step
	 * has been seen: a reader using numbers and Enter only. */
	const char *opts[] = { "--plain", "--lang", "en", "--width", "200",
		NULL };
	struct guide *g = cli_guide_of("en");
	static const char in[] = "1\n1\n1\n1\n1\n1\n1\n1\n";
	struct run_result r;

	run_plain(opts, "LANG=C.UTF-8", in, sizeof in - 1, NULL, &r);
	cli_expect_status(&r, 0);
	for (int i = 0; i < GUIDE_STEPS; i++) {
		const char *t = g->screens[g->steps[i].screen].title;

		ck_assert_msg(strstr(r.out, t) != NULL,
		    "step %d (%s) never shown:\n%s", i + 1, t, r.out);
	}
	run_free(&r);
	guide_free(g);
}
END_TEST

/* How many languages the content directory has (one .json each). */
static size_t
nlanguages(void)
{
	DIR *d = opendir(cli_content_dir());
	struct dirent *e;
	size_t n = 0;

	ck_assert(d != NULL);
	while ((e = readdir(d)) != NULL) {
		size_t k = strlen(e->d_name);

		n += k == 7 && strcmp(e->d_name + 2, ".json") == 0;
	}
	closedir(d);
	return n;
}

/*
 * The numbers to type from the start screen to reach screen to, one per
 * line, appended to *in (breadth first over the choices).  Returns 0, or
 * -1 if no choice leads there.
 */
static int
path_to(const struct guide *g, size_t to, char **in)
{
	size_t *prev = xcalloc(g->nscreens, sizeof *prev);
	size_t *num = xcalloc(g->nscreens, sizeof *num);
	size_t *queue = xcalloc(g->nscreens, sizeof *queue);
	size_t head = 0, tail = 0, nl = nlanguages(), s, c, depth = 0;
	size_t steps[256];

	for (s = 0; s < g->nscreens; s++)
		prev[s] = (size_t)-1;
	prev[g->start] = g->start;
	queue[tail++] = g->start;
	while (head < tail) {
		const struct guide_screen *sc = &g->screens[queue[head++]];
		size_t off = sc->kind == GUIDE_KIND_LANGUAGES ? nl : 0;

		for (c = 0; c < sc->nchoices; c++) {
			size_t t = sc->choices[c].target;

			if (prev[t] != (size_t)-1)
				continue;
			prev[t] = (size_t)(sc - g->screens);
			num[t] = off + c + 1;
			queue[tail++] = t;
		}
	}
	if (prev[to] == (size_t)-1) {
		free(prev);
		free(num);
		free(queue);
		return -1;
	}
	for (s = to; s != g->start && depth < 256; s = prev[s])
		steps[depth++] = num[s];
	while (depth > 0) {
		char *more = xasprintf("%s%zu\n", *in, steps[--depth]);

		free(*in);
		*in = more;
	}
	free(prev);
	free(num);
	free(queue);
	return 0;
}

/*
 * A screen (text from its title to the prompt) names each resource at
 * most once: a reader hears every contact once, not twice in a row.
 */
static void
expect_each_resource_once(
    const struct guide *g, const char *screen, const char *id)
{
	const char *end = strstr(screen, g->ui[GUIDE_UI_PLAIN_PROMPT]);
	size_t len = end != NULL ? (size_t)(end - screen) : strlen(screen);

	for (size_t i = 0; i < g->nresources; i++) {
		char *line = xasprintf("\n%s\n", g->resources[i].name);

		ck_assert_msg(cli_count(screen, len, line) <= 1,
		    "%s: %s is listed %zu times on the screen", id,
		    g->resources[i].name, cli_count(screen, len, line));
		free(line);
	}
}

/*
 * The whole guide with numbers and Enter only: every screen can be
 * reached from the start by typing choice numbers, in both languages.
 */
/*
 * Fail if a screen of the plain mode shows a mark that speech would spell
 * out ("middle dot", "left bracket x right bracket", "bullet", arrows,
 * the progress dots).
 */
static void
expect_nothing_spelled_out(const char *screen, const char *id)
{
	static const char *const marks[] = { "\xc2\xb7", "\xe2\x80\xa2", "[x]",
		"[ ]", "\xe2\x86\x90", "\xe2\x86\x91", "\xe2\x86\x93",
		"\xe2\x97\x8f", "\xe2\x97\x8b", "\xe2\x96\xb2",
		"\xe2\x96\xbc" };

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		ck_assert_msg(strstr(screen, marks[i]) == NULL,
		    "%s: \"%s\" in the plain mode:\n%s", id, marks[i], screen);
}

START_TEST(every_screen_by_numbers)
{
	static const char *const langs[] = { "en", "fr" };

	for (size_t li = 0; li < 2; li++) {
		struct guide *g = cli_guide_of(langs[li]);

		for (size_t s = 0; s < g->nscreens; s++) {
			const char *opts[] = { "--plain", "--lang", langs[li],
				"--width", "400", NULL };
			struct run_result r;
			char *in = xstrdup("");
			const char *last;

			ck_assert_msg(path_to(g, s, &in) == 0,
			    "%s: no choice leads to %s", langs[li],
			    g->screens[s].id);
			run_plain(
			    opts, "LANG=C.UTF-8", in, strlen(in), NULL, &r);
			cli_expect_status(&r, 0);
			/* The last screen shown is the one wanted. */
			last = r.out;
			for (const char *p = r.out;
			     (p = strstr(p, "\n\n")) != NULL; p++)
				if (strncmp(p + 2, g->screens[s].title,
					strlen(g->screens[s].title)) == 0)
					last = p + 2;
			ck_assert_msg(strncmp(last, g->screens[s].title,
					  strlen(g->screens[s].title)) == 0,
			    "%s: typing %s did not reach %s", langs[li], in,
			    g->screens[s].id);
			expect_each_resource_once(g, last, g->screens[s].id);
			expect_nothing_spelled_out(last, g->screens[s].id);
			run_free(&r);
			free(in);
		}
		guide_free(g);
	}
}
END_TEST

/*
 * On the plan, "t N" ticks the plan's items (numbered from 1, the steps'
 * first, as the full screen lists them): one line answers ("Done: ..."),
 * and "r" then reads the plan again, where the item reads "tN Done: ...";
 * a step's heading reads "Step n of 5: ...", never "n. ..." like a
 * choice; a number past the last item names the real range.
 */
START_TEST(plan_ticks_its_items)
{
	const char *opts[] = { "--plain", "--lang", "en", "--width", "400",
		NULL };
	struct guide *g = cli_guide_of("en");
	const struct guide_screen *s1 = &g->screens[g->steps[0].screen];
	size_t plan = (size_t)-1, nitems = 0;
	struct run_result r;
	char *in = xstrdup(""), *more, *want;
	const char *p;

	for (size_t s = 0; s < g->nscreens; s++)
		if (g->screens[s].kind == GUIDE_KIND_PLAN)
			plan = s;
		else
			nitems += g->screens[s].ntodos;
	ck_assert(plan != (size_t)-1);
	ck_assert(path_to(g, plan, &in) == 0);
	more = xasprintf("%st 1\nr\nt %zu\n", in, nitems + 1);
	run_plain(opts, "LANG=C.UTF-8", more, strlen(more), NULL, &r);
	cli_expect_status(&r, 0);
	/* The tick's answer: one line, then the prompt is not repeated. */
	want = xasprintf(
	    "\n%s: %s\n", g->ui[GUIDE_UI_PLAN_DONE], s1->todos[0].text);
	ck_assert_msg(strstr(r.out, want) != NULL, "no \"%s\" after t 1:\n%s",
	    want, r.out);
	ck_assert_msg(cli_count(r.out, r.outlen, g->screens[plan].title) == 2,
	    "the plan was shown %zu times, not twice (the way there, r)",
	    cli_count(r.out, r.outlen, g->screens[plan].title));
	free(want);
	/* The plan after the tick: the last time its title is shown. */
	p = strstr(r.out, g->screens[plan].title);
	while (p != NULL && strstr(p + 1, g->screens[plan].title) != NULL)
		p = strstr(p + 1, g->screens[plan].title);
	ck_assert(p != NULL);
	want = xasprintf(
	    "\nt1 %s: %s\n", g->ui[GUIDE_UI_PLAN_DONE], s1->todos[0].text);
	ck_assert_msg(
	    strstr(p, want) != NULL, "no \"%s\" on the plan:\n%s", want, p);
	free(want);
	want = xasprintf(
	    "\nt2 %s: %s\n", g->ui[GUIDE_UI_PLAN_LEFT], s1->todos[1].text);
	ck_assert_msg(
	    strstr(p, want) != NULL, "no \"%s\" on the plan:\n%s", want, p);
	free(want);
	want = xasprintf("Step 1 of %d: %s\n", GUIDE_STEPS, g->steps[0].title);
	ck_assert_msg(
	    strstr(p, want) != NULL, "no \"%s\" on the plan:\n%s", want, p);
	free(want);
	want = xasprintf("\n1. %s\n", g->steps[0].title);
	ck_assert_msg(strstr(p, want) == NULL,
	    "a step heading reads like a choice:\n%s", p);
	free(want);
	expect_nothing_spelled_out(p, "plan");
	/* "t N" past the last item: the range of the plan's items. */
	want = xasprintf("from 1 to %zu.", nitems);
	ck_assert_msg(
	    strstr(p, want) != NULL, "no \"%s\" after a bad t N:\n%s", want, p);
	free(want);
	run_free(&r);
	free(more);
	free(in);
	guide_free(g);
}
END_TEST

/* Every to-do item of the five steps (and of any other screen that has
 * some) ticked with "t N", going from the start to each screen by numbers
 * and back: the plan then has nothing left to do.  An item listed on two
 * screens is one item: it is ticked where it comes first (a second "t N"
 * would untick it). */
/* Whether to-do id is listed on a screen before screen s. */
static int
todo_listed_before(const struct guide *g, size_t s, const char *id)
{
	for (size_t i = 0; i < s; i++)
		for (size_t t = 0; t < g->screens[i].ntodos; t++)
			if (strcmp(g->screens[i].todos[t].id, id) == 0)
				return 1;
	return 0;
}

START_TEST(tick_everything)
{
	const char *opts[] = { "--plain", "--lang", "en", "--width", "400",
		NULL };
	struct guide *g = cli_guide_of("en");
	size_t plan = (size_t)-1;
	struct run_result r;
	char *in = xstrdup(""), *more, *left, *done;
	const char *p;

	for (size_t i = 0; i < g->nscreens; i++) {
		const struct guide_screen *sc = &g->screens[i];
		size_t home = 0;

		if (sc->ntodos == 0 || sc->kind == GUIDE_KIND_PLAN)
			continue;
		ck_assert(path_to(g, i, &in) == 0);
		for (size_t t = 0; t < sc->ntodos; t++) {
			if (todo_listed_before(g, i, sc->todos[t].id))
				continue;
			more = xasprintf("%st %zu\n", in, t + 1);
			free(in);
			in = more;
		}
		/* The step's choice back to the start, else its path back. */
		for (size_t c = 0; c < sc->nchoices; c++)
			if (sc->choices[c].target == g->start)
				home = c + 1;
		if (home == 0) {
			/* b as many times as the path was long. */
			char *tmp = xstrdup("");
			size_t n = 0;

			ck_assert(path_to(g, i, &tmp) == 0);
			for (const char *q = tmp; *q != '\0'; q++)
				n += *q == '\n';
			while (n-- > 0) {
				more = xasprintf("%sb\n", in);
				free(in);
				in = more;
			}
			free(tmp);
		} else {
			more = xasprintf("%s%zu\n", in, home);
			free(in);
			in = more;
		}
	}
	for (size_t s = 0; s < g->nscreens; s++)
		if (g->screens[s].kind == GUIDE_KIND_PLAN)
			plan = s;
	ck_assert(plan != (size_t)-1);
	ck_assert(path_to(g, plan, &in) == 0);
	run_plain(opts, "LANG=C.UTF-8", in, strlen(in), NULL, &r);
	cli_expect_status(&r, 0);
	p = strstr(r.out, g->screens[plan].title);
	while (p != NULL && strstr(p + 1, g->screens[plan].title) != NULL)
		p = strstr(p + 1, g->screens[plan].title);
	ck_assert_msg(p != NULL, "no plan:\n%s", r.out);
	/* Every item of the plan reads "tN Done: ...", none "Still to do". */
	left = xasprintf(" %s: ", g->ui[GUIDE_UI_PLAN_LEFT]);
	done = xasprintf(" %s: ", g->ui[GUIDE_UI_PLAN_DONE]);
	ck_assert_msg(strstr(p, left) == NULL,
	    "something is left in the plan after ticking everything:\n%s", p);
	ck_assert(strstr(p, done) != NULL);
	ck_assert_msg(strstr(p, "[ ]") == NULL && strstr(p, "[x]") == NULL,
	    "boxes a screen reader spells out:\n%s", p);
	free(left);
	free(done);
	run_free(&r);
	free(in);
	guide_free(g);
}
END_TEST

START_TEST(kiosk_q_resets)
{
	const char *opts[] = { "--plain", "--kiosk", "--lang", "en", "--width",
		"200", NULL };
	struct guide *g = cli_guide_of("en");
	const char *title = g->screens[g->start].title;
	static const char in[] = "1\nq\n";
	struct run_result r;

	run_plain(opts, "LANG=C.UTF-8", in, sizeof in - 1, NULL, &r);
	cli_expect_status(&r, 0);
	/* The start screen at first and again after q. */
	ck_assert_uint_eq(cli_count(r.out, r.outlen, title), 2);
	run_free(&r);
	guide_free(g);
}
END_TEST

START_TEST(dev_full)
{
	const char *opts[] = { "--plain", NULL };
	static const char in[] = "1\n2\nq\n";
	struct run_result r;

	run_plain(opts, "LANG=C.UTF-8", in, sizeof in - 1, "/dev/full", &r);
	cli_expect_status(&r, 1);
	ck_assert_msg(strstr(r.err, "safesteps: standard output:") != NULL,
	    "stderr: %s", r.err);
	ck_assert_msg(cli_count(r.err, r.errlen, "\n") == 1,
	    "more than one line on stderr: %s", r.err);
	run_free(&r);
}
END_TEST

/*
 * Run the program with stdout a pipe whose read end is already closed
 * and stdin an endless supply of choices: it must stop with status 1.
 */
static int
run_closed_pipe(const char *const *opts, char *err, size_t errcap)
{
	const char *argv[32];
	int out[2], perr[2], in[2], st;
	size_t n = 0, got = 0;
	ssize_t k;
	pid_t pid;

	argv[n++] = run_bin();
	argv[n++] = "--content";
	argv[n++] = cli_content_dir();
	for (size_t i = 0; opts[i] != NULL && n < 30; i++)
		argv[n++] = opts[i];
	argv[n] = NULL;
	ck_assert(pipe(out) == 0 && pipe(perr) == 0 && pipe(in) == 0);
	close(out[0]);
	signal(SIGPIPE, SIG_IGN);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char *env[] = { "LANG=C.UTF-8", "PATH=/usr/bin:/bin", NULL };

		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(perr[1], 2);
		for (int fd = 3; fd < 256; fd++)
			close(fd);
		signal(SIGPIPE, SIG_DFL);
		execve(argv[0], (char *const *)argv, env);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(perr[1]);
	/* A few answers; it should have stopped at the first screen. */
	k = write(in[1], "1\n1\n1\n", 6);
	(void)k;
	close(in[1]);
	while (got + 1 < errcap &&
	       (k = read(perr[0], err + got, errcap - 1 - got)) > 0)
		got += (size_t)k;
	err[got] = '\0';
	close(perr[0]);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	return st;
}

START_TEST(closed_pipe)
{
	const char *opts[] = { "--plain", NULL };
	char err[4096];
	int st = run_closed_pipe(opts, err, sizeof err);

	ck_assert_msg(WIFEXITED(st), "killed by signal %d", WTERMSIG(st));
	ck_assert_int_eq(WEXITSTATUS(st), 1);
	ck_assert_msg(strstr(err, "safesteps: standard output:") != NULL,
	    "stderr: %s", err);
}
END_TEST

START_TEST(width_from_option)
{
	const char *opts[] = { "--plain", "--lang", "en", "--width", "30",
		NULL };
	static const char in[] = "1\n1\nh\n";
	struct run_result r;
	size_t col = 0;

	run_plain(opts, "LANG=C.UTF-8", in, sizeof in - 1, NULL, &r);
	cli_expect_status(&r, 0);
	/* Count columns as characters: the English text is 1 column each. */
	for (size_t i = 0; i < r.outlen; i++) {
		if (r.out[i] == '\n') {
			col = 0;
			continue;
		}
		if (((unsigned char)r.out[i] & 0xC0) != 0x80)
			col++;
		ck_assert_msg(col <= 30, "a line is wider than 30:\n%s", r.out);
	}
	run_free(&r);
}
END_TEST

/* Where needle is in the first len bytes of hay after from, or -1. */
static long
find_bytes(const char *hay, size_t len, size_t from, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = from; i + k <= len; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return (long)i;
	return -1;
}

/*
 * Wait at most ms (not scaled) for text to come in the program's output
 * after byte from; returns where it is, or -1.
 */
static long
wait_output(struct term *t, size_t from, const char *text, int ms)
{
	const unsigned char *out;
	struct timespec t0, now;
	size_t len;
	long at;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		out = term_output(t, &len);
		at = find_bytes((const char *)out, len, from, text);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (at >= 0 || (now.tv_sec - t0.tv_sec) * 1000 +
				       (now.tv_nsec - t0.tv_nsec) / 1000000 >=
				   ms)
			return at;
		term_settle(t, 20, 20);
	}
}

/* How many bytes the program has written so far. */
static size_t
output_len(struct term *t)
{
	size_t len;

	term_output(t, &len);
	return len;
}

/*
 * A kiosk in the plain mode (TERM=dumb on a terminal) left alone on a
 * used guide asks "still there?", then starts over; on its start screen
 * it waits without asking; a line during the countdown keeps the place.
 */
START_TEST(kiosk_idle_resets)
{
	const char *env[] = { "TERM=dumb", "LANG=C.UTF-8", NULL };
	/* Seconds of idle time and of countdown: longer under valgrind.
	 * The rules about time are tested as tables (test_session); this
	 * shows them wired to the plain mode. */
	int unit = (int)(term_factor() + 0.999);
	char secs[16];
	const char *argv[] = { run_bin(), "--content", cli_content_dir(),
		"--lang", "en", "--kiosk", "--idle", secs, "--countdown", secs,
		NULL };
	struct guide *g = cli_guide_of("en");
	const char *start = g->screens[g->start].title;
	const char *steps = g->screens[guide_screen_find(g, "steps")].title;
	const char *still = g->ui[GUIDE_UI_STILL_THERE_PLAIN];
	const char *prompt = g->ui[GUIDE_UI_PLAIN_PROMPT];
	struct term *t;
	size_t from;
	long at;

	snprintf(secs, sizeof secs, "%d", unit);
	t = term_start(24, 200, env, argv);
	ck_assert(t != NULL);
	ck_assert_msg(wait_output(t, 0, prompt, term_ms(5000)) >= 0,
	    "no start screen:\n%s", term_dump(t));

	/* Used, then left alone: the question, then the start again. */
	from = output_len(t);
	term_send_bytes(t, "1\r", 2);
	ck_assert(wait_output(t, from, steps, term_ms(5000)) >= 0);
	at = wait_output(t, from, still, term_ms(5000));
	ck_assert_msg(
	    at >= 0, "no \"%s\" after the idle time:\n%s", still, term_dump(t));
	ck_assert_msg(wait_output(t, (size_t)at, start, term_ms(5000)) >= 0,
	    "no start screen after the countdown:\n%s", term_dump(t));

	term_free(t);
	guide_free(g);
}
END_TEST

/* The end of a transcript: the last screen's crisis line, its prompt
 * and the goodbye (the last 500 bytes). */
static const char *
last_prompt(const struct run_result *r, const struct guide *g)
{
	(void)g;
	return r->outlen > 500 ? r->out + r->outlen - 500 : r->out;
}

/*
 * The prompt names the commands this screen has, and only those: no "t
 * and a number" without a to-do item, no "b" with nowhere to go back to,
 * no "h" on the help screen; "r" and "q" always.
 */
START_TEST(prompt_names_this_screens_commands)
{
	static const struct {
		const char *in;
		int tick, back, help;
	} cases[] = {
		{ "", 0, 0, 1 },       /* the start: choices, help */
		{ "1\n1\n", 1, 1, 1 }, /* step 1: to-do items, back */
		{ "h\n", 0, 1, 0 },    /* help: back, no h */
	};
	const char *opts[] = { "--plain", "--lang", "en", "--width", "200",
		NULL };
	struct guide *g = cli_guide_of("en");
	struct run_result r;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *p;

		run_plain(opts, "LANG=C.UTF-8", cases[i].in,
		    strlen(cases[i].in), NULL, &r);
		cli_expect_status(&r, 0);
		p = last_prompt(&r, g);
		ck_assert_int_eq(strstr(p, g->ui[GUIDE_UI_PLAIN_TICK]) != NULL,
		    cases[i].tick);
		ck_assert_int_eq(strstr(p, g->ui[GUIDE_UI_PLAIN_BACK]) != NULL,
		    cases[i].back);
		ck_assert_int_eq(strstr(p, g->ui[GUIDE_UI_PLAIN_HELP]) != NULL,
		    cases[i].help);
		ck_assert_ptr_nonnull(strstr(p, g->ui[GUIDE_UI_PLAIN_AGAIN]));
		ck_assert_ptr_nonnull(strstr(p, g->ui[GUIDE_UI_PLAIN_LEAVE]));
		run_free(&r);
	}
	guide_free(g);
}
END_TEST

/* At every width the prompt breaks between commands, never inside one
 * ("h:" above "talk to someone now" was a command cut in two). */
START_TEST(prompt_never_cut_inside_a_command)
{
	static const enum guide_ui parts[] = { GUIDE_UI_PLAIN_PROMPT,
		GUIDE_UI_PLAIN_TICK, GUIDE_UI_PLAIN_BACK, GUIDE_UI_PLAIN_HELP,
		GUIDE_UI_PLAIN_AGAIN, GUIDE_UI_PLAIN_LEAVE };
	struct guide *g = cli_guide_of("en");
	struct run_result r;
	char width[16];
	const char *opts[] = { "--plain", "--lang", "en", "--width", width,
		NULL };

	for (int wd = 20; wd <= 80; wd += 3) {
		snprintf(width, sizeof width, "%d", wd);
		run_plain(opts, "LANG=C.UTF-8", "1\n1\n", 4, NULL, &r);
		cli_expect_status(&r, 0);
		for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
			const char *part = g->ui[parts[k]];

			if (gs_width(part) > wd)
				continue; /* wrapped on its own lines */
			ck_assert_msg(strstr(last_prompt(&r, g), part) != NULL,
			    "at %d columns \"%s\" is cut:\n%s", wd, part,
			    last_prompt(&r, g));
		}
		run_free(&r);
	}
	guide_free(g);
}
END_TEST

/* The crisis line is one line where it fits (a pause between its parts,
 * no mark to spell out), else one part to a line. */
START_TEST(crisis_one_line_where_it_fits)
{
	const char *wide[] = { "--plain", "--lang", "en", "--width", "200",
		NULL };
	const char *narrow[] = { "--plain", "--lang", "en", "--width", "40",
		NULL };
	struct guide *g = cli_guide_of("en");
	const char *sep = strstr(g->crisis, GUIDE_CRISIS_SEP);
	char *first, *one;
	struct run_result r;

	ck_assert_ptr_nonnull(sep);
	first = xstrndup(g->crisis, (size_t)(sep - g->crisis));
	one = xasprintf("\n%s\n", g->crisis);
	/* each " · " read as ". " */
	for (char *m; (m = strstr(one, GUIDE_CRISIS_SEP)) != NULL;)
		memmove(m, m + 2, strlen(m + 2) + 1), m[0] = '.', m[1] = ' ';
	run_plain(wide, "LANG=C.UTF-8", NULL, 0, NULL, &r);
	ck_assert_msg(strstr(r.out, one) != NULL, "no \"%s\" on one line:\n%s",
	    one + 1, r.out);
	run_free(&r);
	free(one);
	one = xasprintf("\n%s\n", first);
	run_plain(narrow, "LANG=C.UTF-8", NULL, 0, NULL, &r);
	ck_assert_msg(strstr(r.out, one) != NULL,
	    "at 40 columns \"%s\" is not a line of its own:\n%s", first, r.out);
	run_free(&r);
	free(one);
	free(first);
	guide_free(g);
}
END_TEST

/* "r" reads the screen again; an empty line repeats only the prompt. */
START_TEST(r_repeats_the_screen)
{
	const char *opts[] = { "--plain", "--lang", "en", NULL };
	struct guide *g = cli_guide_of("en");
	const char *title = g->screens[g->start].title;
	struct run_result r;

	run_plain(opts, "LANG=C.UTF-8", "r\n\nR\n", 5, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_uint_eq(cli_count(r.out, r.outlen, title), 3);
	ck_assert_uint_eq(
	    cli_count(r.out, r.outlen, g->ui[GUIDE_UI_PLAIN_PROMPT]), 4);
	run_free(&r);
	guide_free(g);
}
END_TEST

/*
 * A content file written before the commands had strings of their own
 * (no plain_leave) keeps its one plain_prompt, whole, on every screen:
 * the program does not add its English parts to it.
 */
START_TEST(older_content_keeps_its_prompt)
{
	char *dir = scratch_dir(), *path, *src, *old;
	const char *opts[] = { "--plain", "--lang", "en", "--content", dir,
		"--width", "400", NULL };
	struct run_result r;

	path = xasprintf("%s/en.json", cli_content_dir());
	src = scratch_read(path, NULL);
	free(path);
	/* the new keys out, the prompt as older files wrote it */
	old = src;
	for (const char *k = "plain_tick\0plain_back\0plain_help\0"
			     "plain_again\0plain_leave\0";
	     *k != '\0'; k += strlen(k) + 1) {
		char *at = strstr(old, k), *end;

		ck_assert_ptr_nonnull(at);
		at -= 1; /* the quote before the key */
		end = strchr(at, '\n');
		memmove(at, end + 1, strlen(end + 1) + 1);
	}
	{
		char *p = strstr(old, "\"plain_prompt\": \""), *e;

		ck_assert_ptr_nonnull(p);
		p += strlen("\"plain_prompt\": \"");
		e = strchr(p, '"');
		src = xasprintf(
		    "%.*sType a number. q: leave.%s", (int)(p - old), old, e);
	}
	path = scratch_write(dir, "en.json", src, strlen(src));
	run_plain(opts, "LANG=C.UTF-8", "1\n", 2, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_uint_eq(
	    cli_count(r.out, r.outlen, "Type a number. q: leave.\n"), 2);
	ck_assert_ptr_null(strstr(r.out, "r: read"));
	run_free(&r);
	scratch_remove(dir);
	free(path);
	free(src);
	free(old);
}
END_TEST

/* On a terminal, without --width, the lines fit the terminal's width. */
START_TEST(width_from_terminal)
{
	const char *env[] = { "TERM=dumb", "LANG=C.UTF-8", NULL };
	const char *argv[] = { run_bin(), "--content", cli_content_dir(),
		"--lang", "en", NULL };
	struct guide *g = cli_guide_of("en");
	const unsigned char *out;
	struct term *t;
	size_t len, start = 0;
	int widest = 0, status;

	t = term_start(24, 50, env, argv);
	ck_assert(t != NULL);
	ck_assert(wait_output(t, 0, "\n1. ", term_ms(5000)) >= 0);
	term_send_bytes(t, "1\r", 2);
	ck_assert(
	    wait_output(t, 0, g->screens[guide_screen_find(g, "steps")].title,
		term_ms(5000)) >= 0);
	term_send_bytes(t, "q\r", 2);
	ck_assert(term_wait_exit(t, 5000, &status) >= 0);
	out = term_output(t, &len);
	for (size_t i = 0; i <= len; i++) {
		if (i < len && out[i] != '\n' && out[i] != '\r')
			continue;
		if (i > start) {
			int w =
			    layout_width((const char *)out + start, i - start);

			/* What the terminal echoed ("1", "q") is short too. */
			ck_assert_msg(w <= 50, "a line of %d columns: %.*s", w,
			    (int)(i - start), out + start);
			if (w > widest)
				widest = w;
		}
		start = i + 1;
	}
	ck_assert_msg(widest > 40, "the widest line has %d columns", widest);
	term_free(t);
	guide_free(g);
}
END_TEST

static Suite *
plain_suite(void)
{
	Suite *s = suite_create("plain");
	TCase *tc = tcase_create("golden");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, golden_transcript, 0,
	    sizeof plain_goldens / sizeof plain_goldens[0]);
	tcase_add_test(tc, ascii_locale_is_ascii);
	suite_add_tcase(s, tc);

	tc = tcase_create("input");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, hostile_numbers);
	tcase_add_test(tc, hostile_empty_lines);
	tcase_add_test(tc, hostile_long_line);
	tcase_add_test(tc, hostile_endless);
	tcase_add_test(tc, hostile_binary);
	tcase_add_test(tc, hostile_escapes);
	tcase_add_test(tc, hostile_nul);
	tcase_add_test(tc, eof_at_once);
	tcase_add_test(tc, upper_case_and_spaces);
	tcase_add_test(tc, walk_with_numbers_only);
	tcase_add_test(tc, every_screen_by_numbers);
	tcase_add_test(tc, tick_everything);
	tcase_add_test(tc, plan_ticks_its_items);
	tcase_add_test(tc, kiosk_q_resets);
	tcase_add_test(tc, kiosk_idle_resets);
	tcase_add_test(tc, width_from_option);
	tcase_add_test(tc, width_from_terminal);
	tcase_add_test(tc, prompt_names_this_screens_commands);
	tcase_add_test(tc, prompt_never_cut_inside_a_command);
	tcase_add_test(tc, crisis_one_line_where_it_fits);
	tcase_add_test(tc, r_repeats_the_screen);
	tcase_add_test(tc, older_content_keeps_its_prompt);
	suite_add_tcase(s, tc);

	tc = tcase_create("output");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, dev_full);
	tcase_add_test(tc, closed_pipe);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(plain_suite());
}
