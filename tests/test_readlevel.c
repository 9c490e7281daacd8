/*
 * test_readlevel.c: the syllable heuristics on known words, the counts and
 * scores on known passages, and the warnings readlevel_check adds.
 *
 * Guides here are built by hand (no loader), with one or two screens.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "guidescreen.h"
#include "load.h"
#include "readlevel.h"
#include "xmalloc.h"

struct word {
	const char *word;
	size_t syllables;
};

static size_t
syl(const char *word, const char *lang)
{
	return readlevel_syllables(word, strlen(word), lang);
}

/* English words whose syllables a dictionary gives. */
static const struct word en_words[] = { { "cat", 1 }, { "table", 2 },
	{ "police", 2 }, { "computer", 3 }, { "screenshot", 2 }, { "the", 1 },
	{ "alone", 2 }, { "people", 2 }, { "trouble", 2 }, { "saved", 1 },
	{ "blocked", 1 }, { "wanted", 2 }, { "needed", 2 }, { "phones", 1 },
	{ "pages", 2 }, { "messages", 3 }, { "tables", 2 }, { "safely", 2 },
	{ "being", 2 }, { "going", 2 }, { "anyone", 3 }, { "someone", 2 },
	{ "didn't", 2 }, { "isn't", 2 }, { "don't", 1 }, { "you're", 1 },
	{ "evidence", 3 }, { "confidential", 4 }, { "threatening", 3 },
	{ "sextortion", 3 }, { "serious", 3 }, { "usual", 3 }, { "special", 2 },
	{ "question", 2 }, { "quickly", 2 }, { "passwords", 2 },
	{ "because", 2 }, { "Police", 2 }, { "SCREENSHOT", 2 },
	{ "player", 2 } };

/* French words, spoken (final mute e not counted). */
static const struct word fr_words[] = { { "police", 2 }, { "écoute", 2 },
	{ "téléphone", 3 }, { "jeunesse", 2 }, { "J'écoute", 2 },
	{ "ÉCOUTE", 2 }, { "journée", 2 }, { "joue", 1 }, { "jouer", 2 },
	{ "vidéo", 3 }, { "créer", 2 }, { "parlent", 1 }, { "souvent", 2 },
	{ "parent", 2 }, { "vraiment", 2 }, { "moment", 2 },
	{ "aujourd'hui", 3 }, { "envoyer", 3 }, { "oui", 1 }, { "eau", 1 },
	{ "bateau", 2 }, { "toi", 1 }, { "maison", 2 }, { "guerre", 1 },
	{ "question", 2 }, { "action", 2 }, { "violence", 3 },
	{ "confidentiel", 4 }, { "le", 1 }, { "que", 1 }, { "qu'il", 1 },
	{ "peut-être", 2 }, { "naïf", 2 } };

/* w has its number of syllables in lang. */
static void
expect_syllables(const struct word *w, const char *lang)
{
	ck_assert_msg(syl(w->word, lang) == w->syllables,
	    "\"%s\": %zu syllables, expected %zu", w->word, syl(w->word, lang),
	    w->syllables);
}

START_TEST(test_syllables_en)
{
	expect_syllables(&en_words[_i], "en");
}
END_TEST

START_TEST(test_syllables_fr)
{
	expect_syllables(&fr_words[_i], "fr");
}
END_TEST

/* The language changes the count where the rules differ. */
START_TEST(test_syllables_language)
{
	/* "-ent" is heard in English, mute in a French verb. */
	ck_assert_uint_eq(syl("parlent", "en"), 2);
	ck_assert_uint_eq(syl("parlent", "fr"), 1);
	/* Unknown or missing language: the English rules. */
	ck_assert_uint_eq(syl("table", NULL), 2);
	ck_assert_uint_eq(syl("table", "de"), 2);
}
END_TEST

/* Words with digits, dots and hyphens; empty and odd input. */
START_TEST(test_syllables_tokens)
{
	/* Each run of digits is one syllable. */
	ck_assert_uint_eq(syl("988", "en"), 1);
	ck_assert_uint_eq(syl("1-800-668-6868", "en"), 4);
	ck_assert_uint_eq(syl("Cybertip.ca", "en"), 4);
	ck_assert_uint_eq(syl("Cyberaide.ca", "fr"), 4);
	/* Only a part of the string: len is honoured. */
	ck_assert_uint_eq(readlevel_syllables("catalogue", 3, "en"), 1);
	ck_assert_uint_eq(syl("", "en"), 0);
	ck_assert_uint_eq(syl("-", "fr"), 0);
	/* A word of consonants still has a syllable. */
	ck_assert_uint_eq(syl("hmm", "en"), 1);
	/* Invalid UTF-8 does not crash and counts the letters around it. */
	ck_assert_uint_eq(syl("ca\xfft", "en"), 1);
	ck_assert_uint_eq(syl("\xc3", "fr"), 0);
}
END_TEST

/* A guide of one or two screens, on the stack. */
struct fixture {
	struct guide g;
	struct guide_screen screens[2];
	struct guide_block body[2][4];
	struct guide_todo todos[2][2];
	struct guide_choice choices[2][2];
};

static void
fixture_init(struct fixture *f, const char *lang)
{
	memset(f, 0, sizeof *f);
	f->g.format = GUIDE_FORMAT;
	f->g.lang = (char *)lang;
	f->g.screens = f->screens;
}

/* Add a screen with a title and paragraphs (NULL-terminated). */
static struct guide_screen *
fixture_screen(struct fixture *f, enum guide_audience who, const char *title,
    const char *const *paras)
{
	size_t i = f->g.nscreens++;
	struct guide_screen *sc = &f->screens[i];

	sc->id = (char *)(i == 0 ? "one" : "two");
	sc->title = (char *)title;
	sc->audience = who;
	sc->body = f->body[i];
	while (paras != NULL && paras[sc->nbody] != NULL) {
		sc->body[sc->nbody].text = (char *)paras[sc->nbody];
		sc->nbody++;
	}
	sc->todos = f->todos[i];
	sc->choices = f->choices[i];
	return sc;
}

/* An English guide of one screen for a young reader, titled with the first
 * sentence of the Gettysburg Address. */
static void
fixture_gettysburg(struct fixture *f)
{
	fixture_init(f, "en");
	fixture_screen(f, GUIDE_YOUTH,
	    "Four score and seven years ago our fathers brought forth on "
	    "this continent a new nation.",
	    NULL);
}

static struct readlevel
measure(const struct fixture *f, size_t i)
{
	struct readlevel rl;

	memset(&rl, 0xff, sizeof rl);
	readlevel_screen(&f->g, i, &rl);
	return rl;
}

/*
 * The first sentence of the Gettysburg Address: 16 words, 22 syllables
 * by a dictionary, one sentence: grade 0.39 x 16 + 11.8 x 22/16 - 15.59.
 */
START_TEST(test_passage_en)
{
	struct fixture f;
	struct readlevel rl;

	fixture_gettysburg(&f);
	rl = measure(&f, 0);
	ck_assert_uint_eq(rl.words, 16);
	ck_assert_uint_eq(rl.sentences, 1);
	ck_assert_uint_eq(rl.syllables, 22);
	ck_assert_int_eq(rl.french, 0);
	ck_assert_double_eq_tol(rl.score, 6.875, 1e-9);
	ck_assert_int_eq(rl.too_hard, 1); /* above grade 6 for the young */
	f.screens[0].audience = GUIDE_ADULT;
	rl = measure(&f, 0);
	ck_assert_int_eq(rl.too_hard, 0); /* but within grade 8 */
}
END_TEST

/*
 * "Le petit chat dort sur le lit." 7 words, 8 syllables, one sentence:
 * ease 207 - 1.015 x 7 - 73.6 x 8/7.
 */
START_TEST(test_passage_fr)
{
	static const char *const paras[] = { NULL };
	struct fixture f;
	struct readlevel rl;

	fixture_init(&f, "fr");
	fixture_screen(
	    &f, GUIDE_YOUTH, "Le petit chat dort sur le lit.", paras);
	rl = measure(&f, 0);
	ck_assert_uint_eq(rl.words, 7);
	ck_assert_uint_eq(rl.sentences, 1);
	ck_assert_uint_eq(rl.syllables, 8);
	ck_assert_int_eq(rl.french, 1);
	ck_assert_double_eq_tol(
	    rl.score, 207.0 - 1.015 * 7 - 73.6 * 8 / 7, 1e-9);
	ck_assert_int_eq(rl.too_hard, 0);
}
END_TEST

/* Where sentences end, and what counts as a unit of its own. */
START_TEST(test_sentences)
{
	static const char *const paras[] = { "Stop. Wait! Why? Go",
		"Cybertip.ca is here... Then 1-866-658-9022 helps.",
		"\"Someone is threatening me.\" I need help.", "?!", NULL };
	static const char *const items[] = { "one item", "another item." };
	struct fixture f;
	struct guide_screen *sc;
	struct readlevel rl;

	fixture_init(&f, "en");
	sc = fixture_screen(&f, GUIDE_YOUTH, "A title without a stop", paras);
	rl = measure(&f, 0);
	/* title 1; "Stop." "Wait!" "Why?" "Go" 4; 2; 2; "?!" alone 0 */
	ck_assert_uint_eq(rl.sentences, 9);
	ck_assert_uint_eq(rl.words, 5 + 4 + 6 + 7);

	sc->body[sc->nbody].items = (char **)items;
	sc->body[sc->nbody].nitems = 2;
	sc->nbody++;
	sc->todos[0].id = (char *)"t";
	sc->todos[0].text = (char *)"Tick me";
	sc->ntodos = 1;
	sc->choices[0].label = (char *)"Next step";
	sc->nchoices = 1;
	rl = measure(&f, 0);
	ck_assert_uint_eq(rl.sentences, 9 + 2 + 1 + 1);
	ck_assert_uint_eq(rl.words, 22 + 4 + 2 + 2);
}
END_TEST

/* A screen with no words scores 0 and is not too hard. */
START_TEST(test_empty)
{
	static const char *const paras[] = { "...", NULL };
	struct fixture f;
	struct readlevel rl;

	fixture_init(&f, "fr");
	fixture_screen(&f, GUIDE_YOUTH, "—", paras);
	rl = measure(&f, 0);
	ck_assert_uint_eq(rl.words, 0);
	ck_assert_uint_eq(rl.sentences, 0);
	ck_assert_double_eq(rl.score, 0.0);
	ck_assert_int_eq(rl.too_hard, 0);
	ck_assert_int_eq(rl.french, 1);
}
END_TEST

static const char *const hard_en[] = {
	"Institutional representatives systematically investigate "
	"international communications, consequently identifying "
	"organizational vulnerabilities.",
	NULL
};
static const char *const easy_en[] = { "You are not alone. Help is here.",
	NULL };

/* A warning for each screen above its audience's limit, with its path. */
START_TEST(test_check_en)
{
	struct fixture f;
	struct load_report rep = { 0 };
	char *line;

	fixture_init(&f, "en");
	fixture_screen(&f, GUIDE_YOUTH, "Hello", easy_en);
	fixture_screen(&f, GUIDE_ADULT, "Notes", hard_en);
	rep.file = xstrdup("en.json");
	readlevel_check(&f.g, &rep);
	ck_assert_uint_eq(rep.ndiags, 1);
	ck_assert_uint_eq(rep.nwarnings, 1);
	ck_assert_uint_eq(rep.nerrors, 0);
	ck_assert_int_eq(rep.diags[0].warning, 1);
	ck_assert_str_eq(rep.diags[0].path, "screens[1]");
	ck_assert_msg(
	    strncmp(rep.diags[0].msg, "reading level grade ", 20) == 0, "%s",
	    rep.diags[0].msg);
	ck_assert_msg(
	    strstr(rep.diags[0].msg, " is above 8 for an adult reader") != NULL,
	    "%s", rep.diags[0].msg);
	line = load_diag_format(&rep, 0);
	/* The screen is named by its id (the path stays in the diag). */
	ck_assert_msg(strncmp(line,
			  "en.json: screen \"two\": warning: reading level "
			  "grade ",
			  47) == 0,
	    "%s", line);
	free(line);
	load_report_free(&rep);

	/* The easy screen is fine for either audience. */
	f.g.nscreens = 1;
	f.screens[0].audience = GUIDE_ADULT;
	readlevel_check(&f.g, &rep);
	ck_assert_uint_eq(rep.ndiags, 0);
	load_report_free(&rep);
}
END_TEST

/* The message gives the grade with one decimal and the youth limit. */
START_TEST(test_check_message)
{
	struct fixture f;
	struct load_report rep = { 0 };
	struct readlevel rl;
	char want[128];

	fixture_gettysburg(&f);
	rl = measure(&f, 0);
	readlevel_check(&f.g, &rep);
	ck_assert_uint_eq(rep.ndiags, 1);
	snprintf(want, sizeof want,
	    "reading level grade %.1f is above 6 for a young reader", rl.score);
	ck_assert_str_eq(rep.diags[0].msg, want);
	ck_assert_str_eq(rep.diags[0].msg,
	    "reading level grade 6.9 is above 6 for a young reader");
	ck_assert_str_eq(rep.diags[0].path, "screens[0]");
	load_report_free(&rep);
}
END_TEST

static const char *const hard_fr[] = {
	"Les représentants institutionnels examinent systématiquement les "
	"communications internationales, identifiant conséquemment des "
	"vulnérabilités organisationnelles.",
	NULL
};

START_TEST(test_check_fr)
{
	struct fixture f;
	struct load_report rep = { 0 };
	struct readlevel rl;

	fixture_init(&f, "fr");
	fixture_screen(&f, GUIDE_YOUTH, "Bonjour", hard_fr);
	rl = measure(&f, 0);
	ck_assert(rl.score < READLEVEL_ADULT_EASE);
	readlevel_check(&f.g, &rep);
	ck_assert_uint_eq(rep.ndiags, 1);
	ck_assert_str_eq(rep.diags[0].path, "screens[0]");
	ck_assert_msg(strncmp(rep.diags[0].msg, "reading ease ", 13) == 0, "%s",
	    rep.diags[0].msg);
	ck_assert_msg(
	    strstr(rep.diags[0].msg, " is below 70 for a young reader") != NULL,
	    "%s", rep.diags[0].msg);
	load_report_free(&rep);
}
END_TEST

/* Languages without a measure of their own are not checked. */
START_TEST(test_check_other_language)
{
	struct fixture f;
	struct load_report rep = { 0 };

	fixture_init(&f, "de");
	fixture_screen(&f, GUIDE_YOUTH, "Hallo", hard_en);
	readlevel_check(&f.g, &rep);
	ck_assert_uint_eq(rep.ndiags, 0);
	load_report_free(&rep);
}
END_TEST

static Suite *
readlevel_suite(void)
{
	Suite *s = suite_create("readlevel");
	TCase *tc = tcase_create("syllables");

	tcase_add_loop_test(
	    tc, test_syllables_en, 0, sizeof en_words / sizeof *en_words);
	tcase_add_loop_test(
	    tc, test_syllables_fr, 0, sizeof fr_words / sizeof *fr_words);
	tcase_add_test(tc, test_syllables_language);
	tcase_add_test(tc, test_syllables_tokens);
	suite_add_tcase(s, tc);

	tc = tcase_create("scores");
	tcase_add_test(tc, test_passage_en);
	tcase_add_test(tc, test_passage_fr);
	tcase_add_test(tc, test_sentences);
	tcase_add_test(tc, test_empty);
	suite_add_tcase(s, tc);

	tc = tcase_create("check");
	tcase_add_test(tc, test_check_en);
	tcase_add_test(tc, test_check_message);
	tcase_add_test(tc, test_check_fr);
	tcase_add_test(tc, test_check_other_language);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(readlevel_suite());
}
