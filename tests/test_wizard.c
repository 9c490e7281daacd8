/*
 * test_wizard.c: the wizard's rules of navigation, as tables of
 * {screen, action, expected screen, expected flags, ...}.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "frontend.h"
#include "guide.h"
#include "guidescreen.h"
#include "handguide.h"
#include "wizard.h"
#include "xmalloc.h"

#define ANY (-9)
#define RS (WIZARD_REDRAW | WIZARD_SCREEN_CHANGED)
#define R WIZARD_REDRAW

/*
 * One step of a script: the screen it starts from, the action, the screen
 * and flags expected, and (ANY or NULL: not checked) the highlight, the
 * ticked to-do ids, the language, the QR resource and the scroll after.
 */
struct row {
	const char *from;
	enum wizard_action action;
	long arg;
	const char *to;
	int flags;
	long hl;
	const char *ticks;
	long lang;
	long qr;
	long scroll;
};

#define ROW(from, a, arg, to, flags)                              \
	{                                                         \
		from, a, arg, to, flags, ANY, NULL, ANY, ANY, ANY \
	}
#define ROWH(from, a, arg, to, flags, hl)                        \
	{                                                        \
		from, a, arg, to, flags, hl, NULL, ANY, ANY, ANY \
	}

/* The ticked to-do ids, in tick table order, as a string. */
static void
ticked_ids(const struct wizard *w, char *buf)
{
	size_t i;

	for (i = 0; i < w->nticks; i++)
		if (w->ticked[i])
			*buf++ = w->tick_ids[i][0];
	*buf = '\0';
}

static void
run_script(const struct row *rows, size_t n)
{
	struct wizard *w = wizard_new(&hg_app);
	size_t i;

	for (i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		int flags;

		ck_assert_msg(strcmp(wizard_screen(w)->id, r->from) == 0,
		    "row %zu: on %s, expected %s", i, wizard_screen(w)->id,
		    r->from);
		flags = wizard_apply(w, r->action, r->arg);
		ck_assert_msg(strcmp(wizard_screen(w)->id, r->to) == 0,
		    "row %zu: went to %s, expected %s", i, wizard_screen(w)->id,
		    r->to);
		ck_assert_msg(flags == r->flags,
		    "row %zu: flags %#x, expected %#x", i, flags, r->flags);
		if (r->hl != ANY)
			ck_assert_msg((long)w->highlight == r->hl,
			    "row %zu: highlight %zu, expected %ld", i,
			    w->highlight, r->hl);
		if (r->ticks != NULL) {
			char buf[64];

			ticked_ids(w, buf);
			ck_assert_msg(strcmp(buf, r->ticks) == 0,
			    "row %zu: ticked \"%s\", expected \"%s\"", i, buf,
			    r->ticks);
		}
		if (r->lang != ANY)
			ck_assert_int_eq(w->lang, r->lang);
		if (r->qr != ANY)
			ck_assert_msg((long)wizard_qr_resource(w) == r->qr,
			    "row %zu: qr %ld, expected %ld", i,
			    (long)wizard_qr_resource(w), r->qr);
		if (r->scroll != ANY)
			ck_assert_msg((long)w->scroll == r->scroll,
			    "row %zu: scroll %zu, expected %ld", i, w->scroll,
			    r->scroll);
	}
	wizard_free(w);
}

#define RUN(rows) run_script(rows, sizeof rows / sizeof rows[0])

START_TEST(test_navigation)
{
	static const struct row rows[] = {
		/* the start screen opens on its first choice */
		ROWH("start", WIZARD_DOWN, 0, "start", R, 1),
		ROWH("start", WIZARD_UP, 0, "start", R, 0),
		/* at the top, Up scrolls, and there is nothing above */
		ROWH("start", WIZARD_UP, 0, "start", 0, 0),
		ROWH("start", WIZARD_CHOOSE, 0, "s1", RS, 2),
		/* a step opens on its first choice, after its to-do items */
		ROWH("s1", WIZARD_UP, 0, "s1", R, 1),
		{ "s1", WIZARD_TICK, 0, "s1", R, 1, "b", ANY, ANY, ANY },
		/* Enter on a to-do item ticks or unticks it, as Space */
		{ "s1", WIZARD_CHOOSE, 0, "s1", R, 1, "", ANY, ANY, ANY },
		{ "s1", WIZARD_CHOOSE, 0, "s1", R, 1, "b", ANY, ANY, ANY },
		ROWH("s1", WIZARD_DOWN, 0, "s1", R, 2),
		ROWH("s1", WIZARD_CHOOSE, 0, "s2", RS, 1),
		/* Back returns to the same place and highlight */
		ROWH("s2", WIZARD_BACK, 0, "s1", RS, 2),
		ROWH("s1", WIZARD_UP, 0, "s1", R, 1),
		ROW("s1", WIZARD_HELP, 0, "help", RS),
		ROW("help", WIZARD_HELP, 0, "help", 0),
		ROWH("help", WIZARD_BACK, 0, "s1", RS, 1),
		/* 1-9 count choices only */
		ROW("s1", WIZARD_PICK, 2, "help", RS),
		ROWH("help", WIZARD_BACK, 0, "s1", RS, 3),
		ROWH("s1", WIZARD_PICK, 3, "s1", 0, 3),
		ROWH("s1", WIZARD_PICK, 0, "s1", 0, 3),
		ROWH("s1", WIZARD_PICK, -1, "s1", 0, 3),
		/* a digit in the full screen only moves there; Enter then
		 * chooses, so "2, Enter" opens choice 2 and no other */
		ROWH("s1", WIZARD_GO_CHOICE, 1, "s1", R, 2),
		ROWH("s1", WIZARD_GO_CHOICE, 2, "s1", R, 3),
		ROWH("s1", WIZARD_GO_CHOICE, 3, "s1", 0, 3),
		ROWH("s1", WIZARD_GO_CHOICE, 0, "s1", 0, 3),
		ROW("s1", WIZARD_CHOOSE, 0, "help", RS),
		ROWH("help", WIZARD_BACK, 0, "s1", RS, 3),
		/* Home and End: the first and the last item */
		ROWH("s1", WIZARD_FIRST, 0, "s1", R, 0),
		ROWH("s1", WIZARD_LAST, 0, "s1", R, 3),
		ROWH("s1", WIZARD_BACK, 0, "start", RS, 0),
		/* nowhere to go back to */
		ROW("start", WIZARD_BACK, 0, "start", 0),
		/* Tick on a choice does nothing */
		{ "start", WIZARD_TICK, 0, "start", 0, 0, "b", ANY, ANY, ANY },
		ROW("start", WIZARD_LEAVE_NOW, 0, "start", WIZARD_LEAVE),
		ROW("start", WIZARD_PLAIN, 0, "start", WIZARD_TO_PLAIN),
		/* help from the start, and back */
		ROW("start", WIZARD_HELP, 0, "help", RS),
		ROWH("help", WIZARD_BACK, 0, "start", RS, 0),
	};

	RUN(rows);
}
END_TEST

START_TEST(test_ticks)
{
	static const struct row rows[] = {
		ROW("start", WIZARD_PICK, 1, "s1", RS),
		{ "s1", WIZARD_TICK_N, 1, "s1", R, 2, "a", ANY, ANY, ANY },
		{ "s1", WIZARD_TICK_N, 3, "s1", 0, 2, "a", ANY, ANY, ANY },
		{ "s1", WIZARD_TICK_N, 0, "s1", 0, 2, "a", ANY, ANY, ANY },
		/* a click on a to-do item ticks it and stays */
		{ "s1", WIZARD_CLICK, 1, "s1", R, 1, "ab", ANY, ANY, ANY },
		{ "s1", WIZARD_CLICK, 1, "s1", R, 1, "a", ANY, ANY, ANY },
		/* a click on a choice follows it */
		{ "s1", WIZARD_CLICK, 2, "s2", RS, 1, "a", ANY, ANY, ANY },
		ROWH("s2", WIZARD_UP, 0, "s2", R, 0),
		{ "s2", WIZARD_TICK, 0, "s2", R, 0, "ac", ANY, ANY, ANY },
		/* ticks survive going away and back */
		ROW("s2", WIZARD_PICK, 1, "start", RS),
		{ "start", WIZARD_PICK, 1, "s1", RS, ANY, "ac", ANY, ANY, ANY },
		{ "s1", WIZARD_SELECT, 5, "s1", 0, 2, "ac", ANY, ANY, ANY },
		{ "s1", WIZARD_SELECT, 0, "s1", R, 0, "ac", ANY, ANY, ANY },
		{ "s1", WIZARD_CLICK, 9, "s1", 0, 0, "ac", ANY, ANY, ANY },
	};

	RUN(rows);
}
END_TEST

START_TEST(test_language)
{
	static const struct row rows[] = {
		ROW("start", WIZARD_PICK, 1, "s1", RS),
		{ "s1", WIZARD_TICK_N, 2, "s1", R, ANY, "b", 0, ANY, ANY },
		ROW("s1", WIZARD_BACK, 0, "start", RS),
		ROW("start", WIZARD_PICK, 3, "languages", RS),
		/* a languages screen opens on the language in use */
		ROWH("languages", WIZARD_DOWN, 0, "languages", R, 1),
		/* choosing a language switches to it and returns to where
		 * the reader came from, in it, as they left it */
		{ "languages", WIZARD_CHOOSE, 0, "start",
		    RS | WIZARD_LANGUAGE_CHANGED, 2, "b", 1, ANY, ANY },
		/* the list opens on the language in use */
		{ "start", WIZARD_CHOOSE, 0, "languages", RS, 1, "b", 1, ANY,
		    ANY },
		/* choices are numbered after the languages */
		{ "languages", WIZARD_PICK, 4, "languages", 0, 1, "b", 1, ANY,
		    ANY },
		/* the language in use: back, nothing switched */
		{ "languages", WIZARD_PICK, 2, "start", RS, 2, "b", 1, ANY,
		    ANY },
		ROW("start", WIZARD_PICK, 3, "languages", RS),
		{ "languages", WIZARD_PICK, 1, "start",
		    RS | WIZARD_LANGUAGE_CHANGED, 2, "b", 0, ANY, ANY },
		ROW("start", WIZARD_PICK, 3, "languages", RS),
		/* a click on a language does the same */
		{ "languages", WIZARD_CLICK, 1, "start",
		    RS | WIZARD_LANGUAGE_CHANGED, 2, "b", 1, ANY, ANY },
		ROW("start", WIZARD_PICK, 3, "languages", RS),
		/* WIZARD_LANGUAGE switches and stays */
		{ "languages", WIZARD_LANGUAGE, 0, "languages",
		    RS | WIZARD_LANGUAGE_CHANGED, 1, "b", 0, ANY, ANY },
		{ "languages", WIZARD_LANGUAGE, 1, "languages",
		    RS | WIZARD_LANGUAGE_CHANGED, 1, "b", 1, ANY, ANY },
		{ "languages", WIZARD_LANGUAGE, 1, "languages", 0, ANY, "b", 1,
		    ANY, ANY },
		{ "languages", WIZARD_LANGUAGE, 2, "languages", 0, ANY, "b", 1,
		    ANY, ANY },
		/* history is kept, in the new language */
		{ "languages", WIZARD_BACK, 0, "start", RS, 2, "b", 1, ANY,
		    ANY },
		ROW("start", WIZARD_PICK, 1, "s1", RS),
		{ "s1", WIZARD_TICK_N, 1, "s1", R, ANY, "ab", 1, ANY, ANY },
		/* reset wipes ticks, history and language */
		{ "s1", WIZARD_RESET, 0, "start",
		    RS | WIZARD_RESET_DONE | WIZARD_LANGUAGE_CHANGED, 0, "", 0,
		    ANY, 0 },
		ROW("start", WIZARD_BACK, 0, "start", 0),
		{ "start", WIZARD_RESET, 0, "start", RS | WIZARD_RESET_DONE, 0,
		    "", 0, ANY, 0 },
	};

	RUN(rows);
}
END_TEST

START_TEST(test_language_missing_screen)
{
	static const struct row rows[] = {
		ROW("start", WIZARD_PICK, 4, "extra", RS),
		/* French has no "extra": its start screen instead */
		{ "extra", WIZARD_LANGUAGE, 1, "start",
		    RS | WIZARD_LANGUAGE_CHANGED, ANY, NULL, 1, ANY, ANY },
		ROW("start", WIZARD_BACK, 0, "start", RS),
		ROW("start", WIZARD_BACK, 0, "start", 0),
	};

	RUN(rows);
}
END_TEST

START_TEST(test_qr)
{
	static const struct row rows[] = {
		{ "start", WIZARD_QR_NEXT, 0, "start", 0, ANY, NULL, ANY, -1,
		    ANY },
		ROW("start", WIZARD_PICK, 4, "extra", RS),
		/* the web resources in turn; "tel" has no address */
		{ "extra", WIZARD_QR_NEXT, 0, "extra", R, ANY, NULL, ANY, 0,
		    ANY },
		{ "extra", WIZARD_QR_NEXT, 0, "extra", R, ANY, NULL, ANY, 2,
		    ANY },
		{ "extra", WIZARD_QR_NEXT, 0, "extra", R, ANY, NULL, ANY, 0,
		    ANY },
		/* Back hides the code first */
		{ "extra", WIZARD_BACK, 0, "extra", R, ANY, NULL, ANY, -1,
		    ANY },
		{ "extra", WIZARD_QR_HIDE, 0, "extra", 0, ANY, NULL, ANY, -1,
		    ANY },
		{ "extra", WIZARD_QR_NEXT, 0, "extra", R, ANY, NULL, ANY, 0,
		    ANY },
		{ "extra", WIZARD_QR_HIDE, 0, "extra", R, ANY, NULL, ANY, -1,
		    ANY },
		{ "extra", WIZARD_QR_NEXT, 0, "extra", R, ANY, NULL, ANY, 0,
		    ANY },
		/* a new screen shows no code */
		{ "extra", WIZARD_HELP, 0, "help", RS, ANY, NULL, ANY, -1,
		    ANY },
		{ "help", WIZARD_QR_NEXT, 0, "help", R, ANY, NULL, ANY, 0,
		    ANY },
		{ "help", WIZARD_BACK, 0, "help", R, ANY, NULL, ANY, -1, ANY },
		{ "help", WIZARD_BACK, 0, "extra", RS, ANY, NULL, ANY, -1,
		    ANY },
		ROW("extra", WIZARD_BACK, 0, "start", RS),
	};

	RUN(rows);
}
END_TEST

START_TEST(test_scroll)
{
	static const struct row rows[] = {
		{ "start", WIZARD_PAGE_DOWN, 10, "start", R, 0, NULL, ANY, ANY,
		    10 },
		{ "start", WIZARD_PAGE_UP, 4, "start", R, 0, NULL, ANY, ANY,
		    6 },
		{ "start", WIZARD_PAGE_UP, 10, "start", R, 0, NULL, ANY, ANY,
		    0 },
		{ "start", WIZARD_PAGE_UP, 10, "start", 0, 0, NULL, ANY, ANY,
		    0 },
		{ "start", WIZARD_SCROLL, 2, "start", R, 0, NULL, ANY, ANY, 2 },
		{ "start", WIZARD_SCROLL, -5, "start", R, 0, NULL, ANY, ANY,
		    0 },
		/* the view's clamped value, written back: no redraw */
		{ "start", WIZARD_SCROLL_TO, 3, "start", 0, 0, NULL, ANY, ANY,
		    3 },
		{ "start", WIZARD_DOWN, 0, "start", R, 1, NULL, ANY, ANY, 3 },
		{ "start", WIZARD_CHOOSE, 0, "help", RS, 0, NULL, ANY, ANY, 0 },
		/* Back restores highlight and scroll */
		{ "help", WIZARD_BACK, 0, "start", RS, 1, NULL, ANY, ANY, 3 },
		/* the last item: Down scrolls */
		ROWH("start", WIZARD_PICK, 3, "languages", RS, 0),
		ROWH("languages", WIZARD_DOWN, 0, "languages", R, 1),
		ROWH("languages", WIZARD_DOWN, 0, "languages", R, 2),
		{ "languages", WIZARD_DOWN, 0, "languages", R, 2, NULL, ANY,
		    ANY, 1 },
	};

	RUN(rows);
}
END_TEST

START_TEST(test_follow)
{
	struct wizard *w = wizard_new(&hg_app);

	/* a new screen shows its top; moving keeps the highlight in view */
	ck_assert_int_eq(w->follow, 0);
	wizard_apply(w, WIZARD_DOWN, 0);
	ck_assert_int_eq(w->follow, 1);
	wizard_apply(w, WIZARD_PAGE_DOWN, 5);
	ck_assert_int_eq(w->follow, 0);
	ck_assert_int_eq(wizard_apply(w, WIZARD_SHOW, 0), WIZARD_REDRAW);
	ck_assert_int_eq(w->follow, 1);
	wizard_free(w);
}
END_TEST

/*
 * A plan lists the to-do items of every screen that has some, steps
 * first, and ticks them there: extra becomes a plan, and help gets to-do
 * item d.
 */
static void
fx_plan(void)
{
	struct guide *g = hg_guides[0];
	struct guide_screen *help = &g->screens[HG_HELP];

	g->screens[HG_EXTRA].kind = GUIDE_KIND_PLAN;
	free(help->todos);
	help->todos = xcalloc(1, sizeof *help->todos);
	help->todos[0].id = xstrdup("d");
	help->todos[0].text = xstrdup("Todo d");
	help->ntodos = 1;
}

START_TEST(test_plan_items)
{
	static const struct row rows[] = {
		/* items a, b (s1), c (s2), d (help), then the choice */
		ROWH("start", WIZARD_PICK, 4, "extra", RS, 4),
		ROWH("extra", WIZARD_TICK, 0, "extra", 0, 4),
		ROWH("extra", WIZARD_UP, 0, "extra", R, 3),
		{ "extra", WIZARD_TICK, 0, "extra", R, 3, "d", ANY, ANY, ANY },
		/* a click ticks and stays; to-do numbers count them */
		{ "extra", WIZARD_CLICK, 0, "extra", R, 0, "ad", ANY, ANY,
		    ANY },
		{ "extra", WIZARD_TICK_N, 3, "extra", R, 0, "acd", ANY, ANY,
		    ANY },
		{ "extra", WIZARD_TICK_N, 5, "extra", 0, 0, "acd", ANY, ANY,
		    ANY },
		/* the ticks are those of the screens themselves */
		{ "extra", WIZARD_HELP, 0, "help", RS, 1, "acd", ANY, ANY,
		    ANY },
		{ "help", WIZARD_TICK_N, 1, "help", R, 1, "ac", ANY, ANY, ANY },
		ROWH("help", WIZARD_BACK, 0, "extra", RS, 0),
		/* Enter on an item ticks or unticks it, as on any screen */
		{ "extra", WIZARD_CHOOSE, 0, "extra", R, 0, "c", ANY, ANY,
		    ANY },
		{ "extra", WIZARD_CHOOSE, 0, "extra", R, 0, "ac", ANY, ANY,
		    ANY },
		/* 1-9 count the choices only */
		ROWH("extra", WIZARD_PICK, 2, "extra", 0, 0),
		ROW("extra", WIZARD_PICK, 1, "start", RS),
	};
	struct wizard *w;
	size_t s = 9, t = 9, at;

	fx_plan();
	RUN(rows);
	w = wizard_new(&hg_app);
	/* the steps' screens once each, in step order, then the others */
	ck_assert_uint_eq(wizard_plan_screen(w, HG_EXTRA, 0), HG_S1);
	ck_assert_uint_eq(wizard_plan_screen(w, HG_EXTRA, 1), HG_S2);
	ck_assert_uint_eq(wizard_plan_screen(w, HG_EXTRA, 2), HG_START);
	ck_assert_uint_eq(wizard_plan_screen(w, HG_EXTRA, 3), HG_HELP);
	ck_assert_uint_eq(wizard_plan_screen(w, HG_EXTRA, 4), (size_t)-1);
	/* not on a plan screen: no plan item */
	ck_assert_int_eq(wizard_plan_todo(w, 0, &s, &t), -1);
	wizard_apply(w, WIZARD_PICK, 4);
	ck_assert_uint_eq(wizard_nitems(w), 5);
	ck_assert_int_eq(wizard_item(w, 2, &at), WIZARD_ITEM_PLAN);
	ck_assert_uint_eq(at, 2);
	ck_assert_int_eq(wizard_item(w, 4, &at), WIZARD_ITEM_CHOICE);
	ck_assert_uint_eq(at, 0);
	ck_assert_int_eq(wizard_plan_todo(w, 2, &s, &t), 0);
	ck_assert_uint_eq(s, HG_S2);
	ck_assert_uint_eq(t, 0);
	ck_assert_int_eq(wizard_plan_todo(w, 3, &s, NULL), 0);
	ck_assert_uint_eq(s, HG_HELP);
	ck_assert_int_eq(wizard_plan_todo(w, 4, NULL, NULL), -1);
	wizard_free(w);
}
END_TEST

/* The counts of any screen, not only the current one: what the view and
 * paper ask of screens the reader is not on. */
START_TEST(test_counts_of_any_screen)
{
	struct wizard *w;
	size_t s;

	fx_plan();
	w = wizard_new(&hg_app);
	ck_assert_uint_eq(wizard_nplan(w, HG_EXTRA), 4);
	ck_assert_uint_eq(wizard_nplan(w, HG_START), 0);
	ck_assert_uint_eq(wizard_screen_nitems(w, HG_EXTRA), 5);
	ck_assert_uint_eq(wizard_screen_nitems(w, HG_LANGS), 3);
	for (s = 0; s < wizard_guide(w)->nscreens; s++) {
		w->screen = s;
		ck_assert_uint_eq(wizard_screen_nitems(w, s), wizard_nitems(w));
	}
	wizard_free(w);
}
END_TEST

/* What the hint and the prompt offer: "b" where Back does something,
 * "h" away from help. */
START_TEST(test_can_back_and_help)
{
	struct wizard *w = wizard_new(&hg_app);

	ck_assert(!wizard_can_back(w));
	ck_assert(wizard_can_help(w));
	wizard_apply(w, WIZARD_HELP, 0);
	ck_assert(wizard_can_back(w));
	ck_assert(!wizard_can_help(w));
	wizard_apply(w, WIZARD_BACK, 0);
	ck_assert(!wizard_can_back(w));
	/* a QR code shown: Back hides it */
	wizard_apply(w, WIZARD_PICK, 4);
	wizard_apply(w, WIZARD_QR_NEXT, 0);
	w->depth = 0;
	ck_assert(wizard_can_back(w));
	ck_assert_int_eq(wizard_apply(w, WIZARD_BACK, 0), WIZARD_REDRAW);
	ck_assert(!wizard_can_back(w));
	wizard_free(w);
}
END_TEST

START_TEST(test_history_is_bounded)
{
	struct wizard *w = wizard_new(&hg_app);
	int i, backs = 0;

	/* start -> s1 -> s2 -> start ... far beyond the history's size */
	for (i = 0; i < 3 * WIZARD_HISTORY; i++)
		ck_assert_int_eq(wizard_apply(w, WIZARD_PICK, 1), RS);
	ck_assert_uint_eq(w->depth, WIZARD_HISTORY);
	while (wizard_apply(w, WIZARD_BACK, 0) != 0)
		backs++;
	ck_assert_int_eq(backs, WIZARD_HISTORY);
	wizard_free(w);
}
END_TEST

START_TEST(test_items)
{
	struct wizard *w = wizard_new(&hg_app);
	size_t at;

	wizard_apply(w, WIZARD_PICK, 3);
	ck_assert_str_eq(wizard_screen(w)->id, "languages");
	ck_assert_uint_eq(wizard_nitems(w), 3);
	ck_assert_int_eq(wizard_item(w, 1, &at), WIZARD_ITEM_LANGUAGE);
	ck_assert_uint_eq(at, 1);
	ck_assert_int_eq(wizard_item(w, 2, &at), WIZARD_ITEM_CHOICE);
	ck_assert_uint_eq(at, 0);
	ck_assert_int_eq(wizard_item(w, 3, NULL), WIZARD_ITEM_NONE);
	wizard_apply(w, WIZARD_RESET, 0);
	wizard_apply(w, WIZARD_PICK, 1);
	ck_assert_int_eq(wizard_item(w, 1, &at), WIZARD_ITEM_TODO);
	ck_assert_uint_eq(at, 1);
	ck_assert_int_eq(wizard_has_web(w), 0);
	ck_assert_uint_eq(wizard_nticked(w), 0);
	wizard_apply(w, WIZARD_TICK_N, 2);
	ck_assert_uint_eq(wizard_nticked(w), 1);
	ck_assert(wizard_ticked(w, HG_S1, 1));
	ck_assert(!wizard_ticked(w, HG_S1, 0));
	ck_assert(!wizard_ticked(w, HG_S1, 7));
	wizard_free(w);
}
END_TEST

/* The bundled English and French guides, loaded as the program does. */
static struct guide *real_guides[2];
static struct app real_app;

static void
real_setup(void)
{
	real_guides[0] = cli_guide_of("en");
	real_guides[1] = cli_guide_of("fr");
	hg_app_of(&real_app, real_guides);
}

static void
real_teardown(void)
{
	guide_free(real_guides[0]);
	guide_free(real_guides[1]);
}

static void
run_real(const struct row *rows, size_t n)
{
	struct app saved = hg_app;

	hg_app = real_app; /* run_script works on hg_app */
	run_script(rows, n);
	hg_app = saved;
}

/* Enter alone walks the five steps, and the plan comes after them. */
START_TEST(test_real_walk)
{
	static const struct row rows[] = {
		ROW("start", WIZARD_CHOOSE, 0, "steps", RS),
		ROW("steps", WIZARD_CHOOSE, 0, "step-1", RS),
		{ "step-1", WIZARD_UP, 0, "step-1", R, ANY, NULL, 0, ANY, ANY },
		{ "step-1", WIZARD_TICK, 0, "step-1", R, ANY, NULL, 0, ANY,
		    ANY },
		ROW("step-1", WIZARD_DOWN, 0, "step-1", R),
		ROW("step-1", WIZARD_CHOOSE, 0, "step-2", RS),
		ROW("step-2", WIZARD_CHOOSE, 0, "step-3", RS),
		/* Back from step 3 is step 2 */
		ROW("step-3", WIZARD_BACK, 0, "step-2", RS),
		ROW("step-2", WIZARD_CHOOSE, 0, "step-3", RS),
		ROW("step-3", WIZARD_CHOOSE, 0, "step-4", RS),
		ROWH("step-4", WIZARD_DOWN, 0, "step-4", R, 3),
		/* help from step 4, and back to the same highlight */
		ROW("step-4", WIZARD_HELP, 0, "help", RS),
		ROWH("help", WIZARD_BACK, 0, "step-4", RS, 3),
		ROWH("step-4", WIZARD_UP, 0, "step-4", R, 2),
		ROW("step-4", WIZARD_CHOOSE, 0, "step-5", RS),
		ROW("step-5", WIZARD_CHOOSE, 0, "plan", RS),
		/* in French, on the same screen, with the same tick */
		{ "plan", WIZARD_LANGUAGE, 1, "plan",
		    RS | WIZARD_LANGUAGE_CHANGED, ANY, NULL, 1, ANY, ANY },
		ROW("plan", WIZARD_BACK, 0, "step-5", RS),
		{ "step-5", WIZARD_RESET, 0, "start",
		    RS | WIZARD_RESET_DONE | WIZARD_LANGUAGE_CHANGED, ANY, "",
		    0, ANY, ANY },
	};
	struct wizard *w;

	run_real(rows, sizeof rows / sizeof rows[0]);
	/* the tick made on step 1 is the first to-do item of step 1 */
	w = wizard_new(&real_app);
	wizard_apply(w, WIZARD_PICK, 1);
	wizard_apply(w, WIZARD_PICK, 1);
	ck_assert_str_eq(wizard_screen(w)->id, "step-1");
	wizard_apply(w, WIZARD_TICK_N, 1);
	wizard_apply(w, WIZARD_LANGUAGE, 1);
	ck_assert(wizard_ticked(w, w->screen, 0));
	ck_assert_uint_eq(wizard_nticked(w), 1);
	wizard_free(w);
}
END_TEST

/* The index of to-do id on screen s of g; fails if it is not there. */
static size_t
todo_at(const struct guide *g, size_t s, const char *id)
{
	for (size_t t = 0; t < g->screens[s].ntodos; t++)
		if (strcmp(g->screens[s].todos[t].id, id) == 0)
			return t;
	ck_abort_msg("no to-do %s on %s", id, g->screens[s].id);
	return 0;
}

/*
 * "Save first" is listed in step 1 and in step 3: one item.  Ticking it
 * in step 1 shows it ticked in step 3, in both languages, and it counts
 * once.
 */
START_TEST(test_real_shared_todo)
{
	struct wizard *w = wizard_new(&real_app);
	const struct guide *g = wizard_guide(w);
	size_t s1 = g->steps[0].screen, s3 = g->steps[2].screen;
	size_t t1 = todo_at(g, s1, "save-first");
	size_t t3 = todo_at(g, s3, "save-first");

	ck_assert(!wizard_ticked(w, s3, t3));
	wizard_apply(w, WIZARD_PICK, 1);
	wizard_apply(w, WIZARD_PICK, 1);
	ck_assert_uint_eq(w->screen, s1);
	wizard_apply(w, WIZARD_TICK_N, (long)t1 + 1);
	ck_assert(wizard_ticked(w, s1, t1));
	ck_assert(wizard_ticked(w, s3, t3));
	ck_assert_uint_eq(wizard_nticked(w), 1);
	wizard_apply(w, WIZARD_LANGUAGE, 1);
	ck_assert(
	    wizard_ticked(w, s3, todo_at(wizard_guide(w), s3, "save-first")));
	/* and unticking it in step 3 unticks it in step 1 */
	wizard_apply(w, WIZARD_BACK, 0);
	wizard_apply(w, WIZARD_PICK, 3);
	ck_assert_uint_eq(w->screen, s3);
	wizard_apply(w, WIZARD_TICK_N, (long)t3 + 1);
	ck_assert(!wizard_ticked(w, s1, t1));
	wizard_free(w);
}
END_TEST

/* Pick the choice of the current screen that leads to screen id. */
static void
pick_to(struct wizard *w, const char *id)
{
	const struct guide *g = wizard_guide(w);
	const struct guide_screen *sc = wizard_screen(w);
	size_t i, nl = sc->kind == GUIDE_KIND_LANGUAGES ? real_app.nguides : 0;

	for (i = 0; i < sc->nchoices; i++)
		if (strcmp(g->screens[sc->choices[i].target].id, id) == 0)
			break;
	ck_assert_msg(i < sc->nchoices, "no choice to %s on %s", id, sc->id);
	wizard_apply(w, WIZARD_PICK, (long)(nl + i + 1));
	ck_assert_str_eq(wizard_screen(w)->id, id);
}

/* The plan holds every to-do item of the guide, "I already paid" too,
 * and ticks them where they are. */
START_TEST(test_real_plan)
{
	struct wizard *w = wizard_new(&real_app);
	const struct guide *g = wizard_guide(w);
	size_t paid = guide_screen_find(g, "already-paid");
	size_t s, t, k, n, total = 0, found = (size_t)-1;

	ck_assert(paid != (size_t)-1);
	pick_to(w, "already-paid");
	ck_assert_uint_gt(wizard_screen(w)->ntodos, 0);
	wizard_apply(w, WIZARD_TICK_N, 1);
	wizard_apply(w, WIZARD_BACK, 0);
	pick_to(w, "steps");
	pick_to(w, "plan");
	for (s = 0; s < g->nscreens; s++)
		if (g->screens[s].kind != GUIDE_KIND_PLAN)
			total += g->screens[s].ntodos;
	n = wizard_nitems(w) - wizard_screen(w)->nchoices;
	ck_assert_uint_eq(n, total);
	for (k = 0; k < n; k++) {
		ck_assert_int_eq(wizard_item(w, k, NULL), WIZARD_ITEM_PLAN);
		ck_assert_int_eq(wizard_plan_todo(w, k, &s, &t), 0);
		if (s == paid && t == 0)
			found = k;
	}
	/* the steps come first */
	ck_assert_int_eq(wizard_plan_todo(w, 0, &s, &t), 0);
	ck_assert_uint_eq(s, g->steps[0].screen);
	ck_assert_uint_eq(t, 0);
	ck_assert(found != (size_t)-1);
	ck_assert(wizard_ticked(w, paid, 0));
	/* unticked in the plan, unticked on its screen */
	wizard_apply(w, WIZARD_SELECT, (long)found);
	ck_assert_int_eq(wizard_apply(w, WIZARD_TICK, 0), WIZARD_REDRAW);
	ck_assert(!wizard_ticked(w, paid, 0));
	ck_assert_uint_eq(wizard_nticked(w), 0);
	wizard_free(w);
}
END_TEST

static Suite *
wizard_suite(void)
{
	Suite *s = suite_create("wizard");
	TCase *tc = tcase_create("fixture");

	tcase_add_checked_fixture(tc, hg_setup, hg_teardown);
	tcase_add_test(tc, test_navigation);
	tcase_add_test(tc, test_ticks);
	tcase_add_test(tc, test_language);
	tcase_add_test(tc, test_language_missing_screen);
	tcase_add_test(tc, test_qr);
	tcase_add_test(tc, test_scroll);
	tcase_add_test(tc, test_follow);
	tcase_add_test(tc, test_plan_items);
	tcase_add_test(tc, test_counts_of_any_screen);
	tcase_add_test(tc, test_can_back_and_help);
	tcase_add_test(tc, test_history_is_bounded);
	tcase_add_test(tc, test_items);
	suite_add_tcase(s, tc);
	tc = tcase_create("content");
	tcase_add_checked_fixture(tc, real_setup, real_teardown);
	tcase_add_test(tc, test_real_walk);
	tcase_add_test(tc, test_real_shared_todo);
	tcase_add_test(tc, test_real_plan);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(wizard_suite());
}
