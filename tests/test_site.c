/*
 * test_site.c: the example site files (issue 15), through the program.
 *
 * With the UK example, the handout and every screen of the plain mode (a
 * walk to each screen by its choices) show no 911, no 988 and no "for
 * Canada", in English and French, and the UK's own numbers instead; on
 * the full screen too, its crisis line and help screen.  With the Alberta
 * example, the province's two lines are on the help screen and in the
 * handout.  Without a site file, no province's line is anywhere (the rest
 * of the text is held by the golden files of test_print and test_plain).
 * Every example passes "safesteps --check --site".
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "load.h"
#include "run.h"
#include "scratch.h"
#include "term.h"
#include "xmalloc.h"

static const char *const env_utf8[] = { "LANG=C.UTF-8", NULL };

/* What a reader outside Canada must never be shown, by language: its
 * numbers, and the services that take reports or help only there. */
static const char *const not_for_uk[][8] = {
	{ "911", "988", "for Canada", "Cybertip", "NeedHelpNow", "from Canada",
	    "province", NULL },
	{ "911", "988", "pour le Canada", "Cyberaide", "AidezMoiSVP",
	    "depuis le Canada", "province", NULL },
};

static const char *const langs[] = { "en", "fr" };

/* The guide of language lang as the program reads it with site applied. */
static struct guide *
guide_with_site(const char *lang, const char *site_path)
{
	struct load_report rep = { 0 };
	struct load_site *site = load_site_read(site_path, &rep);
	char *path = xasprintf("%s/%s.json", cli_content_dir(), lang);
	struct guide *g;

	ck_assert_msg(site != NULL, "%s does not load", site_path);
	load_report_free(&rep);
	g = load_file_with(path, &(struct load_opts){ site, NULL }, &rep);
	ck_assert_msg(g != NULL, "%s does not load with %s", path, site_path);
	load_report_free(&rep);
	load_site_free(site);
	free(path);
	return g;
}

/*
 * How much of out (len bytes) is the guide itself: all of it before the
 * title of g's sources screen, which names where the guide comes from
 * (Canadian publishers among them: a citation, not a service to use).
 */
static size_t
before_sources(const char *out, size_t len, const struct guide *g)
{
	const char *at;

	for (size_t s = 0; s < g->nscreens; s++)
		if (g->screens[s].kind == GUIDE_KIND_SOURCES &&
		    (at = strstr(out, g->screens[s].title)) != NULL)
			return (size_t)(at - out);
	return len;
}

/* The example site file name, under examples/. */
static char *
example(const char *name)
{
	const char *dir = getenv("SAFESTEPS_EXAMPLES");

	return xasprintf(
	    "%s/%s", dir != NULL && *dir != '\0' ? dir : "examples", name);
}

/* Fail if text (len bytes) holds any of words, showing where; what names
 * the run. */
static void
expect_none(
    const char *text, size_t len, const char *const *words, const char *what)
{
	for (size_t i = 0; words[i] != NULL; i++) {
		size_t n = strlen(words[i]), at = 0, from;

		while (at + n <= len && memcmp(text + at, words[i], n) != 0)
			at++;
		if (at + n > len)
			continue;
		/* what comes before it, and the line it is on */
		from = at > 300 ? at - 300 : 0;
		ck_abort_msg("%s shows \"%s\":\n...%.400s...", what, words[i],
		    text + from);
	}
}

START_TEST(uk_handout)
{
	char *site = example("site-uk.json");
	const char *opts[] = { "--lang", langs[_i], "--site", site, NULL };
	struct run_result r;

	struct guide *g = guide_with_site(langs[_i], site);

	cli_run("--print", opts, env_utf8, NULL, 0, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_uint_eq(r.errlen, 0);
	expect_none(r.out, before_sources(r.out, r.outlen, g), not_for_uk[_i],
	    "the UK handout");
	ck_assert_msg(cli_count(r.out, r.outlen, "0800 1111") > 0 &&
			  cli_count(r.out, r.outlen, "999") > 0,
	    "the UK's numbers are not in the handout:\n%s", r.out);
	run_free(&r);
	guide_free(g);
	free(site);
}
END_TEST

/*
 * Every screen of the plain mode with the UK example: for each screen,
 * the choices that lead there from the start (gs_digit_path, breadth
 * first; the plain mode numbers the two languages before the choices of
 * the languages screen), typed one a line, then q.  Everything the walk
 * shows must be free of Canada's numbers.
 */
START_TEST(uk_every_screen)
{
	char *site = example("site-uk.json");
	const char *opts[] = { "--plain", "--lang", langs[_i], "--width", "200",
		"--site", site, NULL };
	struct guide *g = guide_with_site(langs[_i], site);
	size_t n = g->nscreens, s, seen = 0;
	struct run_result r;

	for (s = 0; s < n; s++) {
		char in[512] = "", line[16];
		char *path = gs_digit_path(g, s, 2);

		if (path == NULL)
			continue; /* not reachable: not shown */
		for (const char *d = path; *d != '\0'; d++) {
			snprintf(line, sizeof line, "%c\n", *d);
			strncat(in, line, sizeof in - strlen(in) - 1);
		}
		free(path);
		strncat(in, "q\n", sizeof in - strlen(in) - 1);
		cli_run(NULL, opts, env_utf8, in, strlen(in), NULL, &r);
		cli_expect_status(&r, 0);
		ck_assert_msg(strstr(r.out, g->screens[s].title) != NULL,
		    "the walk did not reach %s:\n%s", g->screens[s].id, r.out);
		expect_none(r.out, before_sources(r.out, r.outlen, g),
		    not_for_uk[_i], g->screens[s].id);
		run_free(&r);
		seen++;
	}
	ck_assert_uint_ge(seen, 15);
	/* And help, by its key. */
	cli_run(NULL, opts, env_utf8, "h\nq\n", 4, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(
	    strstr(r.out, "0800 1111") != NULL && strstr(r.out, "999") != NULL,
	    "help does not give the UK's numbers:\n%s", r.out);
	expect_none(r.out, r.outlen, not_for_uk[_i], "help");
	run_free(&r);
	guide_free(g);
	free(site);
}
END_TEST

/* The full screen with the UK example: its crisis line, and help. */
START_TEST(uk_full_screen)
{
	char *site = example("site-uk.json");
	struct guide *g = guide_with_site("en", site);
	struct term *t = gs_start(
	    24, 80, gs_env_xterm, "--lang", "en", "--site", site, NULL);
	const char *screen;

	gs_wait_screen(t, g, "start");
	gs_expect_crisis(t, g);
	screen = term_screen_text(t); /* valid until the next term_ call */
	expect_none(screen, strlen(screen), not_for_uk[0], "the start screen");
	gs_ch(t, 'h');
	gs_wait_screen(t, g, "help");
	ck_assert_msg(term_find(t, "call 999", NULL, NULL) == 0,
	    "no 999 on help:\n%s", term_dump(t));
	screen = term_screen_text(t);
	expect_none(screen, strlen(screen), not_for_uk[0], "the help screen");
	term_free(t);
	guide_free(g);
	free(site);
}
END_TEST

/* The Alberta example: both lines on the help screen and the handout. */
START_TEST(alberta_lines)
{
	static const char *const lines[] = { "1-800-387-5437",
		"1-800-638-0715" };
	char *site = example("site-alberta.json");
	const char *print[] = { "--lang", langs[_i], "--site", site, NULL };
	const char *plain[] = { "--plain", "--lang", langs[_i], "--width",
		"200", "--site", site, NULL };
	struct run_result r;

	cli_run("--print", print, env_utf8, NULL, 0, NULL, &r);
	cli_expect_status(&r, 0);
	for (size_t i = 0; i < 2; i++)
		ck_assert_msg(strstr(r.out, lines[i]) != NULL,
		    "%s is not in the handout", lines[i]);
	/* Canada's numbers stay: Alberta is in Canada. */
	ck_assert(strstr(r.out, "988") != NULL);
	{
		/* the site gives no people and its services are listed by
		 * region on paper: no heading with nothing under it */
		struct guide *g = cli_guide_of(langs[_i]);

		ck_assert_msg(
		    strstr(r.out, g->ui[GUIDE_UI_SITE_HEADING]) == NULL,
		    "\"%s\" with nothing under it in the handout",
		    g->ui[GUIDE_UI_SITE_HEADING]);
		guide_free(g);
	}
	run_free(&r);

	cli_run(NULL, plain, env_utf8, "h\nq\n", 4, NULL, &r);
	cli_expect_status(&r, 0);
	{
		struct guide *g = cli_guide_of(langs[_i]);
		const char *help = strstr(r.out, g->screens[g->help].title);
		const char *heading =
		    help ? strstr(help, g->ui[GUIDE_UI_SITE_HEADING]) : NULL;

		ck_assert_msg(heading != NULL,
		    "no site heading on the help screen:\n%s", r.out);
		/* the school's own services, under its heading, before the
		 * national ones (Kids Help Phone's number) */
		for (size_t i = 0; i < 2; i++) {
			const char *at = strstr(heading, lines[i]);

			ck_assert_msg(at != NULL && at < strstr(heading,
							     "1-800-668-6868"),
			    "%s is not under the site's heading:\n%s", lines[i],
			    help);
		}
		guide_free(g);
	}
	run_free(&r);
	free(site);
}
END_TEST

/* No site file: no province's line anywhere, Canada's numbers as ever. */
START_TEST(no_site_no_province)
{
	const char *opts[] = { "--lang", langs[_i], NULL };
	struct run_result r;

	cli_run("--print", opts, env_utf8, NULL, 0, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strstr(r.out, "Alberta Child") == NULL &&
			  strstr(r.out, "1-800-387-5437") == NULL &&
			  strstr(r.out, "Child Abuse Hotline") == NULL,
	    "a province's line in the national handout");
	ck_assert(strstr(r.out, "911") != NULL);
	ck_assert(strstr(r.out, "988") != NULL);
	run_free(&r);
}
END_TEST

/* Every example passes --check --site alone and with the content. */
START_TEST(examples_pass_check)
{
	const char *dir = getenv("SAFESTEPS_EXAMPLES");
	DIR *d = opendir(dir != NULL && *dir != '\0' ? dir : "examples");
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		char *site;
		const char *argv[6];
		struct run_result r;

		if (strstr(e->d_name, ".json") == NULL)
			continue;
		site = example(e->d_name);
		argv[0] = run_bin();
		argv[1] = "--check";
		argv[2] = "--site";
		argv[3] = site;
		argv[4] = cli_content_dir();
		argv[5] = NULL;
		ck_assert_int_eq(
		    run_cmd(argv, env_utf8, NULL, 0, NULL, CLI_TIMEOUT_MS, &r),
		    0);
		cli_expect_status(&r, 0);
		ck_assert_msg(r.errlen == 0, "%s: %s", site, r.err);
		ck_assert_msg(strstr(r.out, "valid site file") != NULL,
		    "%s: %s", site, r.out);
		run_free(&r);
		free(site);
		n++;
	}
	closedir(d);
	ck_assert_int_ge(n, 3);
}
END_TEST

/*
 * A site that sets a region for English only: French would show the
 * content's Canadian numbers to a school elsewhere, so French is left
 * out, with one line naming the site file; --check warns (and says how
 * to offer French) but passes.
 */
START_TEST(region_for_one_language_only)
{
	static const char *const list[] = { "--list-languages", "--site", NULL,
		NULL };
	char *dir = scratch_dir(), *uk = example("site-uk.json");
	char *site = scratch_edit(dir, "site.json", uk,
	    "    \"fr\": {\n      \"region\": \"Royaume-Uni\",\n",
	    "    \"fr\": {\n");
	const char *check[] = { run_bin(), "--check", "--site", site,
		cli_content_dir(), NULL };
	const char *opts[4];
	struct run_result r;

	memcpy(opts, list, sizeof opts);
	opts[2] = site;
	cli_run(NULL, opts, env_utf8, NULL, 0, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_str_eq(r.out, "en\tEnglish\n");
	ck_assert_msg(cli_count(r.err, r.errlen, "\n") == 1 &&
			  strstr(r.err, site) != NULL &&
			  strstr(r.err, "\"fr\"") != NULL,
	    "stderr is not one line naming the site and fr: %s", r.err);
	run_free(&r);

	ck_assert_int_eq(
	    run_cmd(check, env_utf8, NULL, 0, NULL, CLI_TIMEOUT_MS, &r), 0);
	/* a warning: a school may offer English alone */
	cli_expect_status(&r, 0);
	ck_assert_msg(strstr(r.err, "languages.fr: warning") != NULL &&
			  strstr(r.err, "fr.json: warning: language") != NULL &&
			  strstr(r.err, "left out") != NULL &&
			  strstr(r.err, "to offer \"fr\"") != NULL,
	    "--check does not say French is left out: %s", r.err);
	run_free(&r);
	free(site);
	free(uk);
	scratch_remove(dir);
}
END_TEST

/* A site's text is shown as it is: a placeholder in it is a warning at
 * its place (the site file still loads). */
START_TEST(placeholder_in_site_text)
{
	char *dir = scratch_dir(), *uk = example("site-uk.json");
	char *site = scratch_edit(dir, "site.json", uk,
	    "\"purpose\": \"Talk with someone.\"",
	    "\"purpose\": \"Talk with someone, or call {crisis.call}.\"");
	struct load_report rep = { 0 };
	struct load_site *s = load_site_read(site, &rep);
	char *line;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(rep.nerrors, 0);
	ck_assert_uint_eq(rep.nwarnings, 1);
	line = load_diag_format(&rep, 0);
	ck_assert_msg(strstr(line, ":16:22: languages.en.resources[0].purpose: "
				   "warning: {crisis.call} is shown as it "
				   "is") != NULL,
	    "%s", line);
	free(line);
	load_report_free(&rep);
	load_site_free(s);
	free(site);
	free(uk);
	scratch_remove(dir);
}
END_TEST

/* A site that sets another region and gives no resources: the
 * content's are left out there, and the guide would name no service. */
START_TEST(region_without_resources)
{
	static const char text[] =
	    "{\n"
	    "  \"format\": 2,\n"
	    "  \"languages\": {\n"
	    "    \"en\": {\n"
	    "      \"region\": \"United Kingdom\",\n"
	    "      \"emergency\": \"999\",\n"
	    "      \"crisis\": { \"line\": \"Childline 0800 1111\",\n"
	    "                  \"short\": \"Childline 0800 1111\" }\n"
	    "    }\n"
	    "  }\n"
	    "}\n";
	char *dir = scratch_dir();
	char *site = scratch_write(dir, "site.json", text, strlen(text));
	struct load_report rep = { 0 };
	struct load_site *s = load_site_read(site, &rep);
	char *line;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(rep.nerrors, 0);
	ck_assert_uint_eq(rep.nwarnings, 1);
	line = load_diag_format(&rep, 0);
	ck_assert_msg(
	    strstr(line, ":4:11: languages.en: warning: sets "
			 "\"region\" but gives no \"resources\"") != NULL,
	    "%s", line);
	free(line);
	load_report_free(&rep);
	load_site_free(s);
	free(site);
	scratch_remove(dir);
}
END_TEST

/* A region without its emergency number: the error names what is
 * missing, and only that. */
START_TEST(region_without_emergency)
{
	static const char text[] =
	    "{ \"format\": 2, \"languages\": { \"en\": {\n"
	    "  \"region\": \"United Kingdom\",\n"
	    "  \"crisis\": { \"line\": \"Childline 0800 1111\",\n"
	    "              \"short\": \"Childline 0800 1111\" } } } }\n";
	char *dir = scratch_dir();
	char *site = scratch_write(dir, "site.json", text, strlen(text));
	struct load_report rep = { 0 };
	char *line;

	ck_assert_ptr_null(load_site_read(site, &rep));
	ck_assert_uint_eq(rep.nerrors, 1);
	line = load_diag_format(&rep, 0);
	ck_assert_msg(strstr(line, "languages.en: a site that sets "
				   "\"region\" must give \"emergency\" "
				   "too") != NULL,
	    "%s", line);
	free(line);
	load_report_free(&rep);
	free(site);
	scratch_remove(dir);
}
END_TEST

/* With French left out, no choice leads to the language menu: it would
 * list English alone.  With both, it is there. */
START_TEST(one_language_no_language_menu)
{
	char *dir = scratch_dir(), *uk = example("site-uk.json");
	char *site = scratch_edit(dir, "site.json", uk,
	    "    \"fr\": {\n      \"region\": \"Royaume-Uni\",\n",
	    "    \"fr\": {\n");
	const char *opts[] = { "--plain", "--width", "200", "--site", site,
		NULL };
	struct guide *en = guide_with_site("en", uk);
	const struct guide_screen *st = &en->screens[en->start];
	const char *menu = NULL, *other = NULL;
	struct run_result r;

	for (size_t i = 0; i < st->nchoices; i++) {
		if (en->screens[st->choices[i].target].kind ==
		    GUIDE_KIND_LANGUAGES)
			menu = st->choices[i].label;
		else
			other = st->choices[i].label;
	}
	ck_assert_ptr_nonnull(menu);
	ck_assert_ptr_nonnull(other);
	cli_run(NULL, opts, env_utf8, "q\n", 2, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(
	    strstr(r.out, other) != NULL, "no start screen:\n%s", r.out);
	ck_assert_msg(strstr(r.out, menu) == NULL,
	    "\"%s\" offered with English alone:\n%s", menu, r.out);
	run_free(&r);
	opts[4] = uk;
	cli_run(NULL, opts, env_utf8, "q\n", 2, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strstr(r.out, menu) != NULL,
	    "no \"%s\" with two languages:\n%s", menu, r.out);
	run_free(&r);
	guide_free(en);
	free(site);
	free(uk);
	scratch_remove(dir);
}
END_TEST

static Suite *
site_suite(void)
{
	Suite *s = suite_create("site");
	TCase *tc = tcase_create("examples");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, uk_handout, 0, 2);
	tcase_add_loop_test(tc, uk_every_screen, 0, 2);
	tcase_add_loop_test(tc, alberta_lines, 0, 2);
	tcase_add_loop_test(tc, no_site_no_province, 0, 2);
	tcase_add_test(tc, examples_pass_check);
	tcase_add_test(tc, region_for_one_language_only);
	tcase_add_test(tc, placeholder_in_site_text);
	tcase_add_test(tc, region_without_resources);
	tcase_add_test(tc, region_without_emergency);
	tcase_add_test(tc, one_language_no_language_menu);
	suite_add_tcase(s, tc);

	tc = tcase_create("terminal");
	tcase_set_timeout(tc, term_seconds(20));
	tcase_add_test(tc, uk_full_screen);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(site_suite());
}
