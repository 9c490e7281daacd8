/*
 * test_print.c: the handout (--print) through a pipe: golden files in
 * English and French, at widths 72 and 40 and in an ASCII locale; the
 * parts in reading order; every resource; the QR codes scan; write
 * errors.
 *
 * Golden files live in tests/golden (or $SAFESTEPS_GOLDEN).  A changed
 * content file changes them: look at the diff the failing test prints,
 * then run the tests with SAFESTEPS_UPDATE_GOLDEN=1 to write them anew.
 */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "golden.h"
#include "guide.h"
#include "guidescreen.h"
#include "layout.h"
#include "pbm.h"
#include "run.h"
#include "xmalloc.h"
#include "tool.h"

/* Run safesteps --content DIR --print with opts (NULL-ended). */
static void
run_print(const char *const *opts, const char *lang_env,
    const char *stdout_path, struct run_result *r)
{
	const char *env[2] = { lang_env, NULL };

	cli_run("--print", opts, env, NULL, 0, stdout_path, r);
}

/* Where needle first is in out after from, or (size_t)-1. */
static size_t
find_from(const char *out, size_t from, const char *needle)
{
	const char *p = strstr(out + from, needle);

	return p == NULL ? (size_t)-1 : (size_t)(p - out);
}

struct golden_case {
	const char *lang;
	const char *width;
	const char *env;
	const char *extra; /* another option, or NULL */
	const char *file;
};

static const struct golden_case print_goldens[] = {
	{ "en", "72", "LANG=C.UTF-8", NULL, "print-en-72.txt" },
	{ "en", "40", "LANG=C.UTF-8", NULL, "print-en-40.txt" },
	{ "fr", "72", "LANG=C.UTF-8", NULL, "print-fr-72.txt" },
	{ "fr", "40", "LANG=C.UTF-8", NULL, "print-fr-40.txt" },
	{ "en", "72", "LANG=C", NULL, "print-en-72-ascii.txt" },
	{ "fr", "72", "LANG=C", NULL, "print-fr-72-ascii.txt" },
	{ "en", "72", "LANG=C.UTF-8", "--pages", "print-en-72-pages.txt" },
};

START_TEST(golden_handout)
{
	const struct golden_case *c = &print_goldens[_i];
	const char *opts[] = { "--lang", c->lang, "--width", c->width, c->extra,
		NULL };
	struct run_result r;

	run_print(opts, c->env, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(r.errlen == 0, "stderr: %s", r.err);
	golden_check(c->file, r.out, r.outlen);
	run_free(&r);
}
END_TEST

/* Every line fits in width columns; in ASCII, only printable ASCII. */
/* Whether a line (len bytes) is one web address and its indent. */
static int
address_alone(const char *p, size_t len)
{
	size_t i = strspn(p, " ");

	if (i >= len || memchr(p + i, ' ', len - i) != NULL)
		return 0;
	return memchr(p + i, '.', len - i) != NULL;
}

static void
expect_fits(const struct run_result *r, int width, int ascii)
{
	const char *p = r->out;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (len > 0 && *p == '\f') {
			p++;
			len--;
		}
		/* only a web address alone on its line may be wider: it
		 * is never cut */
		ck_assert_msg(
		    layout_width(p, len) <= width || address_alone(p, len),
		    "a line is wider than %d: \"%.*s\"", width, (int)len, p);
		for (size_t i = 0; ascii && i < len; i++)
			ck_assert_msg((unsigned char)p[i] >= 0x20 &&
					  (unsigned char)p[i] < 0x7f,
			    "byte 0x%02x in \"%.*s\"", (unsigned char)p[i],
			    (int)len, p);
		p += len + (nl != NULL);
	}
}

START_TEST(fits_the_width)
{
	static const char *const langs[] = { "en", "fr" };
	static const char *const widths[] = { "20", "40", "72", "100" };

	for (size_t i = 0; i < 2; i++)
		for (size_t k = 0; k < 4; k++)
			for (int ascii = 0; ascii < 2; ascii++) {
				const char *opts[] = { "--lang", langs[i],
					"--width", widths[k], NULL };
				struct run_result r;

				run_print(opts,
				    ascii ? "LANG=C" : "LANG=C.UTF-8", NULL,
				    &r);
				cli_expect_status(&r, 0);
				expect_fits(&r, atoi(widths[k]), ascii);
				run_free(&r);
			}
}
END_TEST

START_TEST(parts_in_reading_order)
{
	static const char *const langs[] = { "en", "fr" };

	for (size_t li = 0; li < 2; li++) {
		const char *opts[] = { "--lang", langs[li], "--width", "200",
			NULL };
		struct guide *g = cli_guide_of(langs[li]);
		struct run_result r;
		size_t at = 0, s;

		run_print(opts, "LANG=C.UTF-8", NULL, &r);
		cli_expect_status(&r, 0);
		/* The start screen's title, then the crisis line. */
		at = find_from(r.out, at, g->screens[g->start].title);
		ck_assert_msg(at == 0, "the handout does not begin with the "
				       "start screen's title");
		/* The crisis line's parts, in order, each a line of its own. */
		for (const char *p = g->crisis, *end; *p != '\0';
		     p = *end != '\0' ? end + 4 : end) {
			char *part;

			if ((end = strstr(p, " \xc2\xb7 ")) == NULL)
				end = p + strlen(p);
			part = xasprintf("\n%.*s\n", (int)(end - p), p);
			at = find_from(r.out, at, part);
			ck_assert_msg(at != (size_t)-1,
			    "no crisis line part \"%s\"", part);
			free(part);
		}
		/* The five steps in order, each item with an empty box. */
		for (int i = 0; i < GUIDE_STEPS; i++) {
			const struct guide_screen *sc =
			    &g->screens[g->steps[i].screen];

			at = find_from(r.out, at, sc->title);
			ck_assert_msg(at != (size_t)-1,
			    "step %d (%s) missing or out of order", i + 1,
			    sc->title);
			for (size_t t = 0; t < sc->ntodos; t++) {
				char *box =
				    xasprintf("[ ] %s", sc->todos[t].text);

				ck_assert_msg(strstr(r.out, box) != NULL,
				    "no \"%s\"", box);
				free(box);
			}
		}
		s = guide_screen_find(g, "already-paid");
		ck_assert(s != (size_t)-1);
		at = find_from(r.out, at, g->screens[s].title);
		ck_assert_msg(at != (size_t)-1, "no \"already paid\" part");
		at = find_from(r.out, at, g->screens[g->help].title);
		ck_assert_msg(at != (size_t)-1, "no \"who to talk to\" part");
		/* Every resource, with its phone and address. */
		for (size_t i = 0; i < g->nresources; i++) {
			const struct guide_resource *res = &g->resources[i];

			ck_assert_msg(
			    find_from(r.out, at, res->name) != (size_t)-1,
			    "no %s", res->name);
			if (res->phone != NULL)
				ck_assert_msg(strstr(r.out, res->phone) != NULL,
				    "no phone of %s", res->name);
			if (res->web != NULL)
				ck_assert_msg(strstr(r.out, res->web) != NULL,
				    "no address of %s", res->name);
		}
		for (s = 0; s < g->nscreens; s++)
			if (g->screens[s].audience == GUIDE_ADULT) {
				at = find_from(r.out, at, g->screens[s].title);
				ck_assert_msg(at != (size_t)-1,
				    "no part for the adult (%s)",
				    g->screens[s].title);
			}
		for (s = 0; s < g->nscreens; s++)
			if (g->screens[s].kind == GUIDE_KIND_SOURCES)
				at = find_from(r.out, at, g->screens[s].title);
		ck_assert_msg(at != (size_t)-1, "no sources at the end");
		for (size_t i = 0; i < g->nsources; i++) {
			ck_assert(find_from(r.out, at, g->sources[i].url) !=
				  (size_t)-1);
			ck_assert(find_from(r.out, at, g->sources[i].date) !=
				  (size_t)-1);
		}
		/* Nothing to choose on paper, nothing ticked. */
		for (s = 0; s < g->nscreens; s++)
			for (size_t c = 0; c < g->screens[s].nchoices; c++) {
				char *ch = xasprintf("%zu. %s", c + 1,
				    g->screens[s].choices[c].label);

				ck_assert_msg(strstr(r.out, ch) == NULL,
				    "a choice on paper: %s", ch);
				free(ch);
			}
		ck_assert_ptr_null(strstr(r.out, "[x]"));
		ck_assert_ptr_null(strchr(r.out, '\f'));
		run_free(&r);
		guide_free(g);
	}
}
END_TEST

/*
 * Every screen the young person can reach is on paper, but the two that
 * only make sense on a screen (the languages, and the plan of ticks):
 * its title, or for a step "Step n of 5: title".
 */
START_TEST(every_screen_on_paper)
{
	static const char *const langs[] = { "en", "fr" };

	for (size_t i = 0; i < 2; i++) {
		const char *opts[] = { "--lang", langs[i], "--width", "200",
			NULL };
		struct guide *g = cli_guide_of(langs[i]);
		struct run_result r;

		run_print(opts, "LANG=C.UTF-8", NULL, &r);
		cli_expect_status(&r, 0);
		for (size_t s = 0; s < g->nscreens; s++) {
			const struct guide_screen *sc = &g->screens[s];
			int off = sc->kind == GUIDE_KIND_LANGUAGES ||
				  sc->kind == GUIDE_KIND_PLAN;
			char *t = xasprintf("\n%s\n", sc->title);

			if (sc->step > 0) {
				free(t);
				t = xasprintf("%s%s\n",
				    g->ui[GUIDE_UI_LABEL_SEP], sc->title);
			}
			ck_assert_msg(
			    (strstr(r.out, t) != NULL) == !off || s == g->start,
			    "%s: screen %s is %s the handout", langs[i], sc->id,
			    off ? "in" : "not in");
			free(t);
		}
		run_free(&r);
		guide_free(g);
	}
}
END_TEST

/*
 * On paper a web address is never cut (it cannot be typed in two
 * pieces): one wider than the page gets a line of its own; and "(step 5)"
 * never splits, at any width.
 */
START_TEST(addresses_and_steps_whole)
{
	struct guide *g = cli_guide_of("en");
	char width[16];
	const char *opts[] = { "--lang", "en", "--width", width, NULL };
	struct run_result r;

	for (int wd = 20; wd <= 72; wd++) {
		snprintf(width, sizeof width, "%d", wd);
		run_print(opts, "LANG=C.UTF-8", NULL, &r);
		cli_expect_status(&r, 0);
		for (size_t k = 0; k < g->nsources; k++)
			ck_assert_msg(strstr(r.out, g->sources[k].url) != NULL,
			    "at %d columns %s is cut", wd, g->sources[k].url);
		ck_assert_ptr_null(strstr(r.out, "(step\n"));
		ck_assert_ptr_null(strstr(r.out, "step\n5)"));
		run_free(&r);
	}
	guide_free(g);
}
END_TEST

/* QR codes too wide for a narrow page are not dropped silently: the
 * handout says so, once. */
START_TEST(qr_left_out_says_so)
{
	const char *narrow[] = { "--lang", "en", "--qr", "--width", "20",
		NULL };
	const char *wide[] = { "--lang", "en", "--qr", NULL };
	struct guide *g = cli_guide_of("en");
	char *note = gs_words(g->ui[GUIDE_UI_QR_NO_ROOM], 18);
	struct run_result r;

	run_print(narrow, "LANG=C.UTF-8", NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_uint_eq(cli_count(r.out, r.outlen, note), 1);
	run_free(&r);
	run_print(wide, "LANG=C.UTF-8", NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_uint_eq(cli_count(r.out, r.outlen, note), 0);
	run_free(&r);
	free(note);
	guide_free(g);
}
END_TEST

START_TEST(pages_have_form_feeds)
{
	const char *opts[] = { "--lang", "en", "--pages", NULL };
	struct guide *g = cli_guide_of("en");
	struct run_result r;
	size_t parts = 3; /* the start, the steps, the sources */

	/* every other screen a part, but the menu of languages and the plan
	 * (the help screen is the directory's part) */
	for (size_t s = 0; s < g->nscreens; s++)
		parts += s != g->start && g->screens[s].step == 0 &&
			 g->screens[s].kind != GUIDE_KIND_LANGUAGES &&
			 g->screens[s].kind != GUIDE_KIND_PLAN &&
			 g->screens[s].kind != GUIDE_KIND_SOURCES;
	run_print(opts, "LANG=C.UTF-8", NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_uint_eq(cli_count(r.out, r.outlen, "\f"), parts - 1);
	/* Each at the start of a line. */
	for (size_t i = 1; i < r.outlen; i++)
		if (r.out[i] == '\f')
			ck_assert(r.out[i - 1] == '\n');
	run_free(&r);
	guide_free(g);
}
END_TEST

/* The QR drawing of a handout as cells: half blocks or "##" pairs. */
struct qr_cells {
	char **rows;
	int nrows;
	int utf8;
};

/* Ink of cell (col, row) of the drawing (paper: ink is dark). */
static void
qr_cell_ink(void *arg, int col, int row, int *top, int *bottom)
{
	const struct qr_cells *q = arg;
	const char *p = q->rows[row];
	int c = 0;

	*top = *bottom = 0;
	if (!q->utf8) {
		if (col < (int)strlen(p))
			*top = *bottom = p[col] == '#';
		return;
	}
	/* Walk to the col-th character (each one column wide). */
	while (*p != '\0' && c < col) {
		p += (*p & 0x80) ? 3 : 1;
		c++;
	}
	if (*p == '\0' || *p == ' ')
		return;
	if (strncmp(p, "\xe2\x96\x80", 3) == 0)
		*top = 1;
	else if (strncmp(p, "\xe2\x96\x84", 3) == 0)
		*bottom = 1;
	else if (strncmp(p, "\xe2\x96\x88", 3) == 0)
		*top = *bottom = 1;
}

/* Whether a line is part of a QR drawing. */
static int
qr_line(const char *s, size_t len, int utf8)
{
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len;) {
		if (s[i] == ' ' || (!utf8 && s[i] == '#')) {
			i++;
			continue;
		}
		if (utf8 && i + 3 <= len &&
		    (memcmp(s + i, "\xe2\x96\x80", 3) == 0 ||
			memcmp(s + i, "\xe2\x96\x84", 3) == 0 ||
			memcmp(s + i, "\xe2\x96\x88", 3) == 0)) {
			i += 3;
			continue;
		}
		return 0;
	}
	return 1;
}

/*
 * Decode every QR drawing in a handout with zbarimg; returns the texts,
 * one per line.  Caller frees.
 */
static char *
decode_handout(const char *out, int utf8)
{
	char *all = xstrdup(""), *lines = xstrdup(out), *save = NULL, *tok;
	char **rows = NULL;
	int n = 0, cap = 0;

	/* Split keeping empty lines: strsep on '\n'. */
	save = lines;
	while ((tok = strsep(&save, "\n")) != NULL) {
		int is_qr =
		    qr_line(tok, strlen(tok), utf8) &&
		    (strchr(tok, '#') != NULL || strstr(tok, "\xe2\x96") ||
			(n > 0 && strlen(tok) >= 20));
		if (is_qr) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				rows = xreallocarray(
				    rows, (size_t)cap, sizeof *rows);
			}
			rows[n++] = tok;
			continue;
		}
		if (n > 0) {
			struct qr_cells q = { rows, n, utf8 };
			int cols = 0;
			struct pbm p;
			char *text, *joined;

			for (int i = 0; i < n; i++) {
				int w = utf8 ? layout_width(
						   rows[i], strlen(rows[i]))
					     : (int)strlen(rows[i]);

				if (w > cols)
					cols = w;
			}
			pbm_from_cells(&p, cols, n, qr_cell_ink, &q);
			text = pbm_zbar(&p, utf8 ? 4 : 2);
			pbm_free(&p);
			joined = xasprintf(
			    "%s%s\n", all, text != NULL ? text : "(nothing)");
			free(all);
			all = joined;
			free(text);
			n = 0;
		}
	}
	free(rows);
	free(lines);
	return all;
}

START_TEST(qr_codes_scan)
{
	struct guide *g = cli_guide_of("en");

	for (int utf8 = 1; utf8 >= 0; utf8--) {
		const char *opts[] = { "--lang", "en", "--qr", NULL };
		struct run_result r;
		char *got;
		size_t nweb = 0;

		run_print(opts, utf8 ? "LANG=C.UTF-8" : "LANG=C", NULL, &r);
		cli_expect_status(&r, 0);
		got = decode_handout(r.out, utf8);
		for (size_t i = 0; i < g->nresources; i++) {
			char *want;

			if (g->resources[i].web == NULL)
				continue;
			nweb++;
			want = xasprintf("https://%s\n", g->resources[i].web);
			ck_assert_msg(strstr(got, want) != NULL,
			    "%s: no code reads %s; decoded:\n%s",
			    utf8 ? "UTF-8" : "ASCII", want, got);
			free(want);
		}
		/* One code per resource with an address, and all read. */
		ck_assert_uint_eq(cli_count(got, strlen(got), "\n"), nweb);
		ck_assert_ptr_null(strstr(got, "(nothing)"));
		free(got);
		run_free(&r);
	}
	guide_free(g);
}
END_TEST

START_TEST(no_qr_without_option)
{
	const char *opts[] = { "--lang", "en", NULL };
	struct guide *g = cli_guide_of("en");
	struct run_result r;

	run_print(opts, "LANG=C.UTF-8", NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_ptr_null(strstr(r.out, "\xe2\x96\x88"));
	ck_assert_ptr_null(strstr(r.out, g->ui[GUIDE_UI_QR_SCAN]));
	run_free(&r);
	guide_free(g);
}
END_TEST

static const char *
testdata(void)
{
	const char *s = getenv("SAFESTEPS_TESTDATA");

	return s != NULL && *s != '\0' ? s : "tests/data";
}

/* A school's site file: its people come first under "who to talk to",
 * and its crisis line replaces the content's. */
START_TEST(site_people_in_handout)
{
	char *site = xasprintf("%s/site-valid.json", testdata());
	const char *opts[] = { "--lang", "en", "--width", "200", "--site", site,
		NULL };
	struct guide *g = cli_guide_of("en");
	struct run_result r;
	size_t help, chen;

	run_print(opts, "LANG=C.UTF-8", NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strstr(r.out, "Childline 0800 1111") != NULL,
	    "no crisis line from the site file");
	help = find_from(r.out, 0, g->screens[g->help].title);
	ck_assert(help != (size_t)-1);
	chen = find_from(r.out, help, "Ms. Chen, counsellor");
	ck_assert_msg(chen != (size_t)-1, "no school counsellor:\n%s", r.out);
	ck_assert(find_from(r.out, chen, "Room 114, Monday to Friday 8 to 4") !=
		  (size_t)-1);
	ck_assert(find_from(r.out, help, g->ui[GUIDE_UI_SITE_HEADING]) < chen);
	/* Before the resources of the content. */
	ck_assert(chen < find_from(r.out, help, g->resources[0].name));
	run_free(&r);
	guide_free(g);
	free(site);
}
END_TEST

START_TEST(dev_full)
{
	const char *opts[] = { NULL };
	struct run_result r;

	run_print(opts, "LANG=C.UTF-8", "/dev/full", &r);
	cli_expect_status(&r, 1);
	ck_assert_msg(strstr(r.err, "safesteps: standard output:") != NULL,
	    "stderr: %s", r.err);
	ck_assert_uint_eq(cli_count(r.err, r.errlen, "\n"), 1);
	run_free(&r);
}
END_TEST

/*
 * A reader that stopped reading ("safesteps --print | head -1"): the
 * program ends as if killed by SIGPIPE and says nothing.  It is started
 * with SIGPIPE ignored (as some shells and services start programs), the
 * harder case: it must restore the default itself.
 */
START_TEST(closed_pipe)
{
	const char *argv[] = { run_bin(), "--content", cli_content_dir(),
		"--print", NULL };
	int out[2], perr[2], st;
	char err[4096];
	size_t got = 0;
	ssize_t k;
	pid_t pid;

	ck_assert(pipe(out) == 0 && pipe(perr) == 0);
	close(out[0]); /* nobody will ever read */
	signal(SIGPIPE, SIG_IGN);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char *env[] = { "LANG=C.UTF-8", "PATH=/usr/bin:/bin", NULL };

		dup2(out[1], 1);
		dup2(perr[1], 2);
		for (int fd = 3; fd < 256; fd++)
			close(fd);
		execve(argv[0], (char *const *)argv, env);
		_exit(127);
	}
	close(out[1]);
	close(perr[1]);
	while (got + 1 < sizeof err &&
	       (k = read(perr[0], err + got, sizeof err - 1 - got)) > 0)
		got += (size_t)k;
	err[got] = '\0';
	close(perr[0]);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	/* As cat would: killed by SIGPIPE (141 in the shell), silently,
	 * also when started with SIGPIPE ignored. */
	ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
	    "not killed by SIGPIPE: status %d", st);
	ck_assert_msg(got == 0, "stderr: %s", err);
}
END_TEST

static Suite *
print_suite(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tcase_create("golden");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, golden_handout, 0,
	    sizeof print_goldens / sizeof print_goldens[0]);
	suite_add_tcase(s, tc);

	tc = tcase_create("content");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, fits_the_width);
	tcase_add_test(tc, parts_in_reading_order);
	tcase_add_test(tc, pages_have_form_feeds);
	tcase_add_test(tc, every_screen_on_paper);
	tcase_add_test(tc, addresses_and_steps_whole);
	tcase_add_test(tc, qr_left_out_says_so);
	tool_add_test(tc, qr_codes_scan, "zbarimg", "zbar-tools");
	tcase_add_test(tc, no_qr_without_option);
	tcase_add_test(tc, site_people_in_handout);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, dev_full);
	tcase_add_test(tc, closed_pipe);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(print_suite());
}
