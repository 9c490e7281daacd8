/*
 * test_content.c: the bundled guides (content/en.json, content/fr.json)
 * hold what a young person relies on.
 *
 * Both load through load_file with no error and no warning, reading levels
 * included; English and French have the same screens, steps, to-do items,
 * choices and resources (ids, order, counts, kinds); every screen is
 * reached from the start and leads back to it; help is one choice from the
 * start; every step has at least two to-do items and names its sources;
 * every resource shown names a source; the crisis line fits; and no screen
 * for the young person speaks of suicide, self-harm or killing, or gives a
 * percentage.  Facts themselves are checked against the fact sheet outside
 * the tests (the fact sheet is not part of the project).
 *
 * SAFESTEPS_CONTENT_DIR names the directory (default "content").
 */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "layout.h"
#include "load.h"
#include "readlevel.h"
#include "xmalloc.h"

static const char *const langs[] = { "en", "fr" };
#define NLANGS (sizeof langs / sizeof *langs)

static char *
content_path(const char *lang)
{
	return xasprintf("%s/%s.json", cli_content_dir(), lang);
}

/* Load one language; every problem found fails the test, named. */
static struct guide *
load_lang(const char *lang)
{
	struct load_report rep = { 0 };
	struct guide *g;
	char *path = content_path(lang), *line;
	size_t i;

	g = load_file(path, &rep);
	for (i = 0; i < rep.ndiags; i++) {
		line = load_diag_format(&rep, i);
		fprintf(stderr, "%s\n", line);
		free(line);
	}
	ck_assert_msg(g != NULL, "%s does not load", path);
	ck_assert_msg(rep.nerrors == 0 && rep.nwarnings == 0,
	    "%s: %zu errors, %zu warnings", path, rep.nerrors, rep.nwarnings);
	ck_assert_str_eq(g->lang, lang);
	load_report_free(&rep);
	free(path);
	return g;
}

START_TEST(test_loads_clean)
{
	struct guide *g = load_lang(langs[_i]);

	ck_assert_uint_ge(g->nscreens, 1);
	guide_free(g);
}
END_TEST

/* Every screen within its audience's reading level: no warning. */
START_TEST(test_reading_level)
{
	struct guide *g = load_lang(langs[_i]);
	struct load_report rep = { 0 };
	struct readlevel rl;
	size_t i;

	rep.file = content_path(langs[_i]);
	readlevel_check(g, &rep);
	for (i = 0; i < rep.ndiags; i++) {
		char *line = load_diag_format(&rep, i);

		fprintf(stderr, "%s\n", line);
		free(line);
	}
	ck_assert_uint_eq(rep.ndiags, 0);
	load_report_free(&rep);
	/* And the check measured something: every screen has words. */
	for (i = 0; i < g->nscreens; i++) {
		readlevel_screen(g, i, &rl);
		ck_assert_msg(rl.words > 0 && rl.sentences > 0,
		    "%s: screen \"%s\" has no words", langs[_i],
		    g->screens[i].id);
		ck_assert_int_eq(rl.too_hard, 0);
	}
	guide_free(g);
}
END_TEST

static void
assert_same_str(const char *what, const char *en, const char *fr)
{
	ck_assert_msg(strcmp(en, fr) == 0, "%s: \"%s\" in en, \"%s\" in fr",
	    what, en, fr);
}

/* The same guide in both languages, in everything but the words. */
START_TEST(test_parity)
{
	struct guide *en = load_lang("en"), *fr = load_lang("fr");
	size_t i, j;

	ck_assert_uint_eq(en->nscreens, fr->nscreens);
	ck_assert_uint_eq(en->start, fr->start);
	ck_assert_uint_eq(en->help, fr->help);
	for (i = 0; i < en->nscreens; i++) {
		const struct guide_screen *a = &en->screens[i];
		const struct guide_screen *b = &fr->screens[i];

		assert_same_str("screen id", a->id, b->id);
		ck_assert_msg(a->kind == b->kind, "%s: kind differs", a->id);
		ck_assert_msg(
		    a->audience == b->audience, "%s: audience differs", a->id);
		ck_assert_msg(a->step == b->step, "%s: step differs", a->id);
		ck_assert_msg(a->ntodos == b->ntodos,
		    "%s: %zu to-do items in "
		    "en, %zu in fr",
		    a->id, a->ntodos, b->ntodos);
		for (j = 0; j < a->ntodos; j++)
			assert_same_str(
			    "to-do id", a->todos[j].id, b->todos[j].id);
		ck_assert_msg(a->nchoices == b->nchoices,
		    "%s: %zu choices in en, %zu in fr", a->id, a->nchoices,
		    b->nchoices);
		for (j = 0; j < a->nchoices; j++)
			assert_same_str("choice target",
			    en->screens[a->choices[j].target].id,
			    fr->screens[b->choices[j].target].id);
		ck_assert_msg(a->nresources == b->nresources,
		    "%s: resources differ", a->id);
		for (j = 0; j < a->nresources; j++)
			assert_same_str("resource on a screen",
			    en->resources[a->resources[j]].id,
			    fr->resources[b->resources[j]].id);
		ck_assert_msg(
		    a->nsources == b->nsources, "%s: sources differ", a->id);
		for (j = 0; j < a->nsources; j++)
			assert_same_str("source on a screen",
			    en->sources[a->sources[j]].id,
			    fr->sources[b->sources[j]].id);
	}
	for (i = 0; i < GUIDE_STEPS; i++) {
		ck_assert_int_eq(en->steps[i].number, fr->steps[i].number);
		ck_assert_uint_eq(en->steps[i].screen, fr->steps[i].screen);
	}
	ck_assert_uint_eq(en->nresources, fr->nresources);
	for (i = 0; i < en->nresources; i++) {
		const struct guide_resource *a = &en->resources[i];
		const struct guide_resource *b = &fr->resources[i];

		assert_same_str("resource id", a->id, b->id);
		/* The numbers are the same; only the words around them
		 * change. */
		ck_assert_msg(
		    (a->phone == NULL) == (b->phone == NULL) &&
			(a->phone == NULL || strcmp(a->phone, b->phone) == 0),
		    "%s: phone differs", a->id);
		ck_assert_msg((a->web == NULL) == (b->web == NULL),
		    "%s: web differs", a->id);
		ck_assert_msg((a->text == NULL) == (b->text == NULL),
		    "%s: text differs", a->id);
		ck_assert_uint_eq(a->nsources, b->nsources);
	}
	ck_assert_uint_eq(en->nsources, fr->nsources);
	for (i = 0; i < en->nsources; i++) {
		assert_same_str(
		    "source id", en->sources[i].id, fr->sources[i].id);
		assert_same_str(
		    "source address", en->sources[i].url, fr->sources[i].url);
		assert_same_str("source checked", en->sources[i].checked,
		    fr->sources[i].checked);
	}
	guide_free(en);
	guide_free(fr);
}
END_TEST

/*
 * Mark in seen[] every screen reached from screen from by choices, or
 * (reverse) every screen from which from is reached.
 */
static void
reach(const struct guide *g, size_t from, int reverse, char *seen)
{
	size_t *stack = xcalloc(g->nscreens + 1, sizeof *stack);
	size_t n = 0, s, i, j;

	memset(seen, 0, g->nscreens);
	seen[from] = 1;
	stack[n++] = from;
	while (n > 0) {
		s = stack[--n];
		for (i = 0; i < g->nscreens; i++) {
			const struct guide_screen *a = &g->screens[i];

			for (j = 0; j < a->nchoices; j++) {
				size_t src = reverse ? a->choices[j].target : i;
				size_t dst = reverse ? i : a->choices[j].target;

				if (src == s && !seen[dst]) {
					seen[dst] = 1;
					stack[n++] = dst;
				}
			}
		}
	}
	free(stack);
}

/* Every screen is reached from the start, and leads back to it. */
START_TEST(test_reachable)
{
	struct guide *g = load_lang(langs[_i]);
	char *seen = xcalloc(g->nscreens, 1);
	size_t i;

	reach(g, g->start, 0, seen);
	for (i = 0; i < g->nscreens; i++)
		ck_assert_msg(seen[i], "%s: screen \"%s\" cannot be reached",
		    langs[_i], g->screens[i].id);
	reach(g, g->start, 1, seen);
	for (i = 0; i < g->nscreens; i++)
		ck_assert_msg(seen[i],
		    "%s: screen \"%s\" has no way back to the start", langs[_i],
		    g->screens[i].id);
	free(seen);
	guide_free(g);
}
END_TEST

/* Help is a "help" screen, one choice from the start (and h from all). */
START_TEST(test_help)
{
	struct guide *g = load_lang(langs[_i]);
	const struct guide_screen *start = &g->screens[g->start];
	size_t i;
	int found = 0;

	ck_assert_int_eq(g->screens[g->help].kind, GUIDE_KIND_HELP);
	for (i = 0; i < start->nchoices; i++)
		found |= start->choices[i].target == g->help;
	ck_assert_msg(
	    found, "%s: the start screen has no choice to help", langs[_i]);
	/* Every step screen offers help as a choice too. */
	for (i = 0; i < GUIDE_STEPS; i++) {
		const struct guide_screen *s = &g->screens[g->steps[i].screen];
		size_t j;

		found = 0;
		for (j = 0; j < s->nchoices; j++)
			found |= s->choices[j].target == g->help;
		ck_assert_msg(
		    found, "%s: %s has no choice to help", langs[_i], s->id);
	}
	guide_free(g);
}
END_TEST

/* Each step: its screen, two or more to-do items, named sources. */
START_TEST(test_steps)
{
	struct guide *g = load_lang(langs[_i]);
	size_t i;

	for (i = 0; i < GUIDE_STEPS; i++) {
		const struct guide_screen *s = &g->screens[g->steps[i].screen];
		char want[16];

		ck_assert_int_eq(g->steps[i].number, (int)i + 1);
		ck_assert_int_eq(s->step, (int)i + 1);
		snprintf(want, sizeof want, "step-%zu", i + 1);
		ck_assert_str_eq(s->id, want);
		ck_assert_msg(s->ntodos >= 2, "%s: %s has %zu to-do items",
		    langs[_i], s->id, s->ntodos);
		ck_assert_msg(s->nsources >= 1, "%s: %s names no source",
		    langs[_i], s->id);
		ck_assert_int_eq(s->audience, GUIDE_YOUTH);
	}
	guide_free(g);
}
END_TEST

/* Every resource shown on a screen names at least one source. */
START_TEST(test_resource_sources)
{
	struct guide *g = load_lang(langs[_i]);
	size_t i, j;

	for (i = 0; i < g->nscreens; i++)
		for (j = 0; j < g->screens[i].nresources; j++) {
			const struct guide_resource *r =
			    &g->resources[g->screens[i].resources[j]];

			ck_assert_msg(r->nsources >= 1,
			    "%s: %s names no source", langs[_i], r->id);
		}
	for (i = 0; i < g->nsources; i++) {
		ck_assert_msg(*g->sources[i].publisher != '\0' &&
				  *g->sources[i].url != '\0' &&
				  *g->sources[i].checked != '\0',
		    "%s: source %s is incomplete", langs[_i], g->sources[i].id);
	}
	guide_free(g);
}
END_TEST

/* The crisis line is there, for Canada, and the short one fits 40. */
START_TEST(test_crisis)
{
	struct guide *g = load_lang(langs[_i]);
	const char *must[] = { "988", "1-800-668-6868", "911" };
	size_t i;

	ck_assert_str_eq(g->region, "Canada");
	ck_assert_uint_gt(strlen(g->crisis), 0);
	ck_assert_uint_gt(strlen(g->crisis_short), 0);
	ck_assert_int_le(
	    layout_width(g->crisis_short, strlen(g->crisis_short)), 40);
	for (i = 0; i < sizeof must / sizeof *must; i++) {
		ck_assert_msg(strstr(g->crisis, must[i]) != NULL,
		    "%s: the crisis line lacks %s", langs[_i], must[i]);
		ck_assert_msg(strstr(g->crisis_short, must[i]) != NULL,
		    "%s: the short crisis line lacks %s", langs[_i], must[i]);
	}
	guide_free(g);
}
END_TEST

/* ASCII-lowered copy, for case-blind search (other bytes kept). */
static char *
lowered(const char *s)
{
	char *c = xstrdup(s), *p;

	for (p = c; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return c;
}

/* A number followed by a percent sign (spaces allowed between). */
static int
has_percentage(const char *s)
{
	const char *p;

	for (p = strchr(s, '%'); p != NULL; p = strchr(p + 1, '%')) {
		const char *q = p;

		while (q > s && (q[-1] == ' ' || (unsigned char)q[-1] == 0xa0 ||
				    (unsigned char)q[-1] == 0xc2))
			q--;
		if (q > s && isdigit((unsigned char)q[-1]))
			return 1;
	}
	return strstr(s, "per cent") != NULL || strstr(s, "percent") != NULL ||
	       strstr(s, "pour cent") != NULL;
}

/* Fail if one piece of a youth screen's text says what it must not. */
static void
assert_safe(const char *lang, const char *id, const char *text)
{
	static const char *const words[] = { "suicid", "kill", "self-harm",
		"self harm", "automutil" };
	char *low;
	size_t i;

	if (text == NULL)
		return;
	low = lowered(text);
	for (i = 0; i < sizeof words / sizeof *words; i++)
		ck_assert_msg(strstr(low, words[i]) == NULL,
		    "%s: youth screen \"%s\" says \"%s\": %s", lang, id,
		    words[i], text);
	ck_assert_msg(!has_percentage(low),
	    "%s: youth screen \"%s\" gives a percentage: %s", lang, id, text);
	free(low);
}

/* Safe messaging on every screen for the young person, resources too. */
START_TEST(test_safe_messaging)
{
	struct guide *g = load_lang(langs[_i]);
	size_t i, j, k;

	for (i = 0; i < g->nscreens; i++) {
		const struct guide_screen *s = &g->screens[i];

		if (s->audience != GUIDE_YOUTH)
			continue;
		assert_safe(langs[_i], s->id, s->title);
		for (j = 0; j < s->nbody; j++) {
			assert_safe(langs[_i], s->id, s->body[j].text);
			for (k = 0; k < s->body[j].nitems; k++)
				assert_safe(
				    langs[_i], s->id, s->body[j].items[k]);
		}
		for (j = 0; j < s->ntodos; j++)
			assert_safe(langs[_i], s->id, s->todos[j].text);
		for (j = 0; j < s->nchoices; j++)
			assert_safe(langs[_i], s->id, s->choices[j].label);
		for (j = 0; j < s->nresources; j++) {
			const struct guide_resource *r =
			    &g->resources[s->resources[j]];

			assert_safe(langs[_i], s->id, r->name);
			assert_safe(langs[_i], s->id, r->purpose);
			assert_safe(langs[_i], s->id, r->hours);
		}
	}
	/* The crisis line is on every screen. */
	assert_safe(langs[_i], "(crisis line)", g->crisis);
	assert_safe(langs[_i], "(crisis line)", g->crisis_short);
	guide_free(g);
}
END_TEST

/*
 * Fact 18: an account download can hold the nude picture, so no screen
 * tells the young person to download their account data unless the same
 * paragraph says not on a shared computer.
 */
static void
assert_no_download(const char *lang, const char *id, const char *text)
{
	char *low;

	if (text == NULL)
		return;
	low = lowered(text);
	if (strstr(low, "download") != NULL || strstr(low, "t\xc3\xa9l\xc3\xa9"
							   "charg") != NULL)
		ck_assert_msg(strstr(low, "shared computer") != NULL ||
				  strstr(low, "ordinateur partag") != NULL,
		    "%s: screen \"%s\" speaks of a download without saying "
		    "never on a shared computer: %s",
		    lang, id, text);
	free(low);
}

START_TEST(test_no_download_here)
{
	struct guide *g = load_lang(langs[_i]);

	for (size_t i = 0; i < g->nscreens; i++) {
		const struct guide_screen *s = &g->screens[i];

		for (size_t j = 0; j < s->nbody; j++) {
			assert_no_download(langs[_i], s->id, s->body[j].text);
			for (size_t k = 0; k < s->body[j].nitems; k++)
				assert_no_download(
				    langs[_i], s->id, s->body[j].items[k]);
		}
		for (size_t j = 0; j < s->ntodos; j++)
			assert_no_download(langs[_i], s->id, s->todos[j].text);
	}
	guide_free(g);
}
END_TEST

/* The checks above can fail: the words and numbers they look for. */
START_TEST(test_safe_detectors)
{
	char *low = lowered("Sixty Per Cent");

	ck_assert(has_percentage("1 in 7 is 14%"));
	ck_assert(has_percentage("14 %"));
	ck_assert(has_percentage("14\xc2\xa0%"));
	ck_assert(has_percentage(low));
	ck_assert(!has_percentage("a % sign alone"));
	ck_assert(!has_percentage("Call 988"));
	free(low);
}
END_TEST

/*
 * The start screen: a headline that does not name the crime, the plain
 * mode key first, and where the numbers apply.
 */
START_TEST(test_start)
{
	struct guide *g = load_lang(langs[_i]);
	const struct guide_screen *s = &g->screens[g->start];
	char *title = lowered(s->title);
	const struct guide_screen *help = &g->screens[g->help];
	int canada = 0;
	size_t i;

	ck_assert_str_eq(s->id, "start");
	ck_assert_int_eq(s->audience, GUIDE_YOUTH);
	ck_assert_msg(strstr(title, "sextor") == NULL, "%s: headline \"%s\"",
	    langs[_i], s->title);
	ck_assert_uint_ge(s->nbody, 2);
	ck_assert_ptr_nonnull(s->body[0].text);
	ck_assert_msg(strstr(s->body[0].text, " p ") != NULL,
	    "%s: the first line does not name the p key: %s", langs[_i],
	    s->body[0].text);
	for (i = 0; i < s->nbody; i++)
		canada |= s->body[i].text != NULL &&
			  strstr(s->body[i].text, "Canada") != NULL;
	for (i = 0; i < help->nbody; i++)
		canada |= help->body[i].text != NULL &&
			  strstr(help->body[i].text, "Canada") != NULL;
	ck_assert_msg(
	    canada, "%s: neither start nor help says Canada", langs[_i]);
	free(title);
	guide_free(g);
}
END_TEST

static Suite *
content_suite(void)
{
	Suite *s = suite_create("content");
	TCase *tc = tcase_create("load");

	tcase_add_loop_test(tc, test_loads_clean, 0, NLANGS);
	tcase_add_loop_test(tc, test_reading_level, 0, NLANGS);
	tcase_add_test(tc, test_parity);
	suite_add_tcase(s, tc);

	tc = tcase_create("structure");
	tcase_add_loop_test(tc, test_reachable, 0, NLANGS);
	tcase_add_loop_test(tc, test_help, 0, NLANGS);
	tcase_add_loop_test(tc, test_steps, 0, NLANGS);
	tcase_add_loop_test(tc, test_resource_sources, 0, NLANGS);
	tcase_add_loop_test(tc, test_crisis, 0, NLANGS);
	tcase_add_loop_test(tc, test_start, 0, NLANGS);
	suite_add_tcase(s, tc);

	tc = tcase_create("words");
	tcase_add_loop_test(tc, test_safe_messaging, 0, NLANGS);
	tcase_add_test(tc, test_safe_detectors);
	tcase_add_loop_test(tc, test_no_download_here, 0, NLANGS);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(content_suite());
}
