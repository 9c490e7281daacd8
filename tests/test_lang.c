/*
 * test_lang.c: which language the guide starts in (--lang, then
 * LANGUAGE as gettext reads it, then LC_ALL, LC_MESSAGES and LANG read as
 * text), the language list, switching
 * language mid-way in the plain mode, and "p" in the full-screen mode
 * keeping the reader on the same screen.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "run.h"
#include "term.h"
#include "xmalloc.h"

/*
 * Run safesteps --content DIR with opts and env (both NULL-ended), stdin
 * in (may be NULL).
 */
static void
run_env(const char *const *opts, const char *const *env, const char *in,
    struct run_result *r)
{
	cli_run(NULL, opts, env, in, in != NULL ? strlen(in) : 0, NULL, r);
}

/* One way of asking for a language, and the language it must give. */
struct lang_case {
	const char *env[4]; /* NULL-ended */
	const char *option; /* --lang value, or NULL */
	const char *want;   /* "en" or "fr" */
};

static const struct lang_case lang_cases[] = {
	{ { NULL }, NULL, "en" },
	{ { "LANG=C", NULL }, NULL, "en" },
	{ { "LANG=POSIX", NULL }, NULL, "en" },
	{ { "LANG=C.UTF-8", NULL }, NULL, "en" },
	/* Read as text even though fr_CA is not installed. */
	{ { "LANG=fr_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LANG=fr_FR", NULL }, NULL, "fr" },
	{ { "LANG=fr", NULL }, NULL, "fr" },
	{ { "LC_MESSAGES=fr_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LC_ALL=fr_BE.UTF-8", NULL }, NULL, "fr" },
	/* LC_ALL, then LC_MESSAGES, then LANG. */
	{ { "LC_ALL=en_CA.UTF-8", "LANG=fr_CA.UTF-8", NULL }, NULL, "en" },
	{ { "LC_ALL=fr_CA.UTF-8", "LANG=en_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LC_ALL=C", "LANG=fr_CA.UTF-8", NULL }, NULL, "en" },
	{ { "LC_MESSAGES=fr_CA.UTF-8", "LANG=en_US.UTF-8", NULL }, NULL, "fr" },
	{ { "LC_ALL=en_US.UTF-8", "LC_MESSAGES=fr_CA.UTF-8", NULL }, NULL,
	    "en" },
	{ { "LC_ALL=", "LANG=fr_CA.UTF-8", NULL }, NULL, "fr" },
	/* A language there is no content for: English. */
	{ { "LANG=de_DE.UTF-8", NULL }, NULL, "en" },
	/* LANGUAGE, as gettext reads it: a list, the first language there
	 * is content for wins; ignored when the locale is C or POSIX. */
	{ { "LANGUAGE=fr:en", "LANG=en_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LANGUAGE=de:fr_CA:en", "LANG=en_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LANGUAGE=en:fr", "LANG=fr_CA.UTF-8", NULL }, NULL, "en" },
	{ { "LANGUAGE=fr", "LC_MESSAGES=en_US.UTF-8", NULL }, NULL, "fr" },
	{ { "LANGUAGE=de", "LANG=fr_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LANGUAGE=", "LANG=fr_CA.UTF-8", NULL }, NULL, "fr" },
	{ { "LANGUAGE=fr", "LANG=C.UTF-8", NULL }, NULL, "en" },
	{ { "LANGUAGE=fr", "LC_ALL=POSIX", "LANG=en_CA.UTF-8" }, NULL, "en" },
	{ { "LANGUAGE=fr", NULL }, NULL, "en" },
	{ { "LANGUAGE=fr", "LANG=en_CA.UTF-8", NULL }, "en", "en" },
	/* --lang before everything. */
	{ { "LC_ALL=fr_CA.UTF-8", NULL }, "en", "en" },
	{ { "LANG=en_CA.UTF-8", NULL }, "fr", "fr" },
};

START_TEST(language_from_environment)
{
	const struct lang_case *c = &lang_cases[_i];
	const char *opts[] = { "--plain", "--width", "200", NULL, NULL, NULL };
	struct guide *g = cli_guide_of(c->want);
	const char *title = g->screens[g->start].title;
	struct run_result r;

	if (c->option != NULL) {
		opts[3] = "--lang";
		opts[4] = c->option;
	}
	run_env(opts, c->env, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strncmp(r.out, title, strlen(title)) == 0,
	    "case %d: want %s (\"%s\"), got:\n%.200s", _i, c->want, title,
	    r.out);
	run_free(&r);
	guide_free(g);
}
END_TEST

START_TEST(print_language_from_environment)
{
	const char *env[] = { "LANG=fr_CA.UTF-8", NULL };
	const char *opts[] = { "--print", NULL };
	struct guide *g = cli_guide_of("fr");
	struct run_result r;

	run_env(opts, env, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_msg(strncmp(r.out, g->screens[g->start].title,
			  strlen(g->screens[g->start].title)) == 0,
	    "the handout is not in French:\n%.200s", r.out);
	run_free(&r);
	guide_free(g);
}
END_TEST

START_TEST(unknown_lang_is_usage_error)
{
	const char *env[] = { "LANG=C.UTF-8", NULL };
	const char *opts[] = { "--plain", "--lang", "xx", NULL };
	struct guide *en = cli_guide_of("en"), *fr = cli_guide_of("fr");
	struct run_result r;
	char *a = xasprintf("en\t%s", en->lang_name);
	char *b = xasprintf("fr\t%s", fr->lang_name);

	run_env(opts, env, NULL, &r);
	cli_expect_status(&r, 2);
	ck_assert_msg(strstr(r.err, "xx") != NULL, "stderr: %s", r.err);
	ck_assert_msg(strstr(r.err, a) != NULL && strstr(r.err, b) != NULL,
	    "the languages are not listed: %s", r.err);
	ck_assert_uint_eq(r.outlen, 0);
	run_free(&r);
	free(a);
	free(b);
	guide_free(en);
	guide_free(fr);
}
END_TEST

START_TEST(list_languages)
{
	const char *env[] = { "LANG=C.UTF-8", NULL };
	const char *opts[] = { "--list-languages", NULL };
	struct guide *en = cli_guide_of("en"), *fr = cli_guide_of("fr");
	struct run_result r;
	char *want =
	    xasprintf("en\t%s\nfr\t%s\n", en->lang_name, fr->lang_name);

	run_env(opts, env, NULL, &r);
	cli_expect_status(&r, 0);
	ck_assert_str_eq(r.out, want);
	run_free(&r);
	free(want);
	guide_free(en);
	guide_free(fr);
}
END_TEST

/* Where the last repaint of the screen begins: after the last prompt
 * but one. */
static const char *
last_screen(const char *out, const char *prompt_start)
{
	const char *p = out, *last = out, *before = out, *q;

	while ((q = strstr(p, prompt_start)) != NULL) {
		before = last;
		last = q;
		p = q + 1;
	}
	return before;
}

START_TEST(switch_language_in_plain_mode)
{
	const char *env[] = { "LANG=C.UTF-8", NULL };
	const char *opts[] = { "--plain", "--lang", "en", "--width", "200",
		NULL };
	struct guide *en = cli_guide_of("en"), *fr = cli_guide_of("fr");
	size_t langs_en = guide_screen_find(en, "languages");
	size_t langs_fr = guide_screen_find(fr, "languages");
	size_t pick_langs = 0, pick_fr = 0;
	struct run_result r;
	const char *tail;
	char *in, *first_todo;

	ck_assert(langs_en != (size_t)-1 && langs_fr != (size_t)-1);
	/* The start screen's choice that opens the languages screen. */
	for (size_t c = 0; c < en->screens[en->start].nchoices; c++)
		if (en->screens[en->start].choices[c].target == langs_en)
			pick_langs = c + 1;
	ck_assert_uint_gt(pick_langs, 0);
	/* Languages are numbered first, sorted by code: fr is 2. */
	pick_fr = 2;
	/* Tick the first to-do of step 1, then switch language. */
	in = xasprintf("1\n1\nt 1\nb\nb\n%zu\n%zu\n", pick_langs, pick_fr);
	run_env(opts, env, in, &r);
	cli_expect_status(&r, 0);
	/* The last screen shown is the one the reader came from (choosing
	 * a language returns there), in French. */
	tail = last_screen(r.out, "Tape");
	ck_assert_msg(strstr(tail, fr->screens[fr->start].title) != NULL,
	    "not back on the start screen in French:\n%s", tail);
	ck_assert_msg(strstr(tail, fr->ui[GUIDE_UI_PLAIN_PROMPT]) != NULL,
	    "the prompt is not in French:\n%s", tail);
	ck_assert_msg(strstr(r.out, fr->ui[GUIDE_UI_PLAIN_BYE]) != NULL,
	    "the goodbye is not in French");
	run_free(&r);
	free(in);

	/* Back then returns to the French start; the tick is kept. */
	in = xasprintf(
	    "1\n1\nt 1\nb\nb\n%zu\n%zu\nb\n1\n1\n", pick_langs, pick_fr);
	run_env(opts, env, in, &r);
	cli_expect_status(&r, 0);
	/* As the plain mode reads a ticked item out, in French. */
	first_todo = xasprintf("t1 %s%s%s", fr->ui[GUIDE_UI_PLAN_DONE],
	    fr->ui[GUIDE_UI_LABEL_SEP],
	    fr->screens[fr->steps[0].screen].todos[0].text);
	ck_assert_msg(strstr(r.out, first_todo) != NULL,
	    "no \"%s\" after the switch:\n%s", first_todo, r.out);
	free(first_todo);
	run_free(&r);
	free(in);
	guide_free(en);
	guide_free(fr);
}
END_TEST

/*
 * "p" in the full-screen mode: the plain mode at the same place.  On step
 * 1, p gives the plain view of step 1 (its to-do items numbered as only
 * the plain mode numbers them) and the plain prompt; after a resize a
 * number still works, and q leaves with status 0.
 */
START_TEST(p_switches_to_plain_on_the_same_screen)
{
	const char *env[] = { "TERM=xterm-256color", "LANG=C.UTF-8", NULL };
	const char *argv[] = { run_bin(), "--content", cli_content_dir(),
		"--lang", "en", NULL };
	struct guide *g = cli_guide_of("en");
	const struct guide_screen *s1 = &g->screens[g->steps[0].screen];
	char *todo = xasprintf(
	    "t1 %s: %s", g->ui[GUIDE_UI_PLAN_LEFT], s1->todos[0].text);
	char prompt[24];
	struct term *t;
	int status;

	snprintf(prompt, sizeof prompt, "%s", g->ui[GUIDE_UI_PLAIN_PROMPT]);
	t = term_start(24, 100, env, argv);
	ck_assert(t != NULL);
	ck_assert_msg(term_wait_text(
			  t, g->screens[g->start].title, 5000, NULL, NULL) == 0,
	    "no start screen:\n%s", term_dump(t));
	term_send_bytes(t, "1\r", 2); /* the digit moves, Enter chooses */
	ck_assert_msg(
	    term_wait_text(t, g->screens[guide_screen_find(g, "steps")].title,
		5000, NULL, NULL) == 0,
	    "1 did not open the steps:\n%s", term_dump(t));
	term_send_bytes(t, "1\r", 2);
	ck_assert_msg(term_wait_text(t, s1->title, 5000, NULL, NULL) == 0,
	    "1 did not open step 1:\n%s", term_dump(t));
	term_send_bytes(t, "p", 1);
	ck_assert_msg(term_wait_text(t, prompt, 5000, NULL, NULL) == 0,
	    "p did not give the plain prompt:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, todo, NULL, NULL) == 0,
	    "the plain mode is not on step 1 (\"%s\"):\n%s", todo,
	    term_dump(t));
	/* A resize (SIGWINCH, ncurses' handler may still be there) is not
	 * the end of input: the next line still works. */
	term_resize(t, 30, 90);
	term_settle(t, 100, 1000);
	term_send_bytes(t, "3\r", 2);
	ck_assert_msg(
	    term_wait_text(t, g->screens[guide_screen_find(g, "steps")].title,
		5000, NULL, NULL) == 0,
	    "3 after a resize did not go back to the steps:\n%s", term_dump(t));
	term_send_bytes(t, "q\r", 2);
	ck_assert_msg(term_wait_exit(t, 5000, &status) >= 0, "did not leave");
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	term_free(t);
	free(todo);
	guide_free(g);
}
END_TEST

/* Choosing a language: back where the reader was, in that language. */
START_TEST(language_returns)
{
	struct guide *en = cli_guide_of("en"), *fr = cli_guide_of("fr");
	const struct guide_screen *st = gs_screen(en, "start");
	size_t lang = st->nchoices - 1;
	struct term *t;

	ck_assert_msg(fr != NULL, "no valid %s/fr.json", gs_content_dir());
	ck_assert_str_eq(en->screens[st->choices[lang].target].id, "languages");
	t = gs_start(24, 80, gs_env_xterm, NULL);
	gs_choose_language(t, en, fr);
	/* the start screen again, in French, on the choice that led away */
	gs_wait_screen(t, fr, "start");
	gs_expect_highlight(t, gs_screen(fr, "start")->choices[lang].label);
	gs_expect_crisis(t, fr);
	/* and back to English the same way */
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, fr, "languages");
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, en->lang_name);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, "start");
	gs_expect_highlight(t, st->choices[lang].label);
	gs_expect_quiet(t);
	term_free(t);
	guide_free(en);
	guide_free(fr);
}
END_TEST

static Suite *
lang_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("choice");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, language_from_environment, 0,
	    sizeof lang_cases / sizeof lang_cases[0]);
	tcase_add_test(tc, print_language_from_environment);
	tcase_add_test(tc, unknown_lang_is_usage_error);
	tcase_add_test(tc, list_languages);
	suite_add_tcase(s, tc);

	tc = tcase_create("switch");
	tcase_set_timeout(tc, term_seconds(30));
	tcase_add_test(tc, switch_language_in_plain_mode);
	tcase_add_test(tc, p_switches_to_plain_on_the_same_screen);
	tcase_add_test(tc, language_returns);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(lang_suite());
}
