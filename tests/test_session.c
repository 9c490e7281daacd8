/*
 * test_session.c: the session core's rules (session.h) as tables of
 * events and times, without sleeping: idle time brings "still there?",
 * the countdown leaves (a kiosk starts over, wiped), any input returns,
 * the leave key leaves from every state, the end of input and broken
 * input end the session, and a kiosk as a new reader finds it waits for
 * ever.  Time is a number here: each row says when its event happens.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"
#include "guidescreen.h"
#include "handguide.h"
#include "session.h"
#include "wizard.h"

/* An event of a script: a front end's input, or only the time passing
 * (SESSION_IN_NONE: the timer). */
struct ev {
	long long at;       /* ms since the start */
	enum session_in in; /* what the front end read */
	int want;           /* the flags expected */
	int counting;       /* the question shown after it (0 or 1) */
	long long wait;     /* session_wait after it; -2: not checked */
};

/* Test settings: idle 10 s, countdown 5 s. */
#define IDLE 10
#define COUNT 5
#define W SESSION_WIPE
#define P SESSION_PAINT
#define A SESSION_ACT
#define E SESSION_END
#define R SESSION_RESET
#define NOCHECK (-2)

struct script {
	const char *name;
	int kiosk;
	int ticks;
	int move_first; /* leave the start screen before the script */
	struct ev evs[8];
	int status; /* the exit status when the script ends with E */
};

static const struct script scripts[] = {
	/* Idle time, then the question; the countdown runs out: leave. */
	{ "idle then leave", 0, 0, 0,
	    { { 0, SESSION_IN_NONE, 0, 0, 10000 },
		{ 9999, SESSION_IN_NONE, 0, 0, 1 },
		{ 10000, SESSION_IN_NONE, P, 1, 5000 },
		{ 14999, SESSION_IN_NONE, 0, 1, 1 },
		{ 15000, SESSION_IN_NONE, W | E, 0, NOCHECK } },
	    0 },
	/* Input restarts the idle time. */
	{ "input restarts idle", 0, 0, 0,
	    { { 8000, SESSION_IN_ACT, A, 0, 10000 },
		{ 17999, SESSION_IN_NONE, 0, 0, 1 },
		{ 18000, SESSION_IN_NONE, P, 1, 5000 } },
	    0 },
	/* During the question any input returns; the input only says "I am
	 * here" (it is not acted on). */
	{ "any key returns", 0, 0, 0,
	    { { 10000, SESSION_IN_NONE, P, 1, NOCHECK },
		{ 12000, SESSION_IN_ACT, P, 0, 10000 },
		{ 22000, SESSION_IN_NONE, P, 1, 5000 } },
	    0 },
	/* The leave key on the question leaves at once. */
	{ "Esc on the question leaves", 0, 0, 0,
	    { { 10000, SESSION_IN_NONE, P, 1, NOCHECK },
		{ 11000, SESSION_IN_LEAVE, W | E, 0, NOCHECK } },
	    0 },
	/* In a kiosk the leave key on the question starts over, wiped. */
	{ "Esc on the question resets a kiosk", 1, 0, 1,
	    { { 10000, SESSION_IN_NONE, P, 1, NOCHECK },
		{ 11000, SESSION_IN_LEAVE, W | R | P, 0, -1 } },
	    0 },
	/* A kiosk's countdown runs out: start over, wiped; as new, it
	 * waits for ever (no question over and over). */
	{ "kiosk countdown resets", 1, 0, 1,
	    { { 10000, SESSION_IN_NONE, P, 1, 5000 },
		{ 15000, SESSION_IN_NONE, W | R | P, 0, -1 },
		{ 60000, SESSION_IN_NONE, 0, 0, -1 } },
	    0 },
	/* A kiosk as new has nothing to wipe: no idle at all. */
	{ "pristine kiosk waits", 1, 0, 0,
	    { { 0, SESSION_IN_NONE, 0, 0, -1 },
		{ 100000, SESSION_IN_NONE, 0, 0, -1 } },
	    0 },
	/* Outside a kiosk the start screen closes too. */
	{ "start screen closes", 0, 0, 0,
	    { { 10000, SESSION_IN_NONE, P, 1, 5000 },
		{ 15000, SESSION_IN_NONE, W | E, 0, NOCHECK } },
	    0 },
	/* The leave key outside the question. */
	{ "leave", 0, 0, 1, { { 500, SESSION_IN_LEAVE, W | E, 0, NOCHECK } },
	    0 },
	{ "kiosk leave resets", 1, 0, 1,
	    { { 500, SESSION_IN_LEAVE, W | R | P, 0, -1 } }, 0 },
	/* The end of input and broken input end every session, a kiosk's
	 * too, wiped; broken input with status 1. */
	{ "end of input", 1, 0, 1,
	    { { 500, SESSION_IN_END, W | E, 0, NOCHECK } }, 0 },
	{ "end during the question", 0, 0, 0,
	    { { 10000, SESSION_IN_NONE, P, 1, NOCHECK },
		{ 10001, SESSION_IN_END, W | E, 0, NOCHECK } },
	    0 },
	{ "broken input", 1, 0, 1,
	    { { 500, SESSION_IN_BROKEN, W | E, 0, NOCHECK } }, 1 },
	/* A resize paints, and is not the reader: idle goes on. */
	{ "resize is not input", 0, 0, 0,
	    { { 5000, SESSION_IN_REPAINT, P, 0, 5000 },
		{ 10000, SESSION_IN_NONE, P, 1, NOCHECK } },
	    0 },
	/* The full screen shows the seconds going down: a paint each
	 * second, and the wait ends at the next second. */
	{ "ticks", 0, 1, 0,
	    { { 10000, SESSION_IN_NONE, P, 1, 1000 },
		{ 10400, SESSION_IN_NONE, 0, 1, 600 },
		{ 11000, SESSION_IN_NONE, P, 1, 1000 },
		{ 11001, SESSION_IN_NONE, 0, 1, 999 },
		{ 14000, SESSION_IN_NONE, P, 1, 1000 },
		{ 15000, SESSION_IN_NONE, W | E, 0, NOCHECK } },
	    0 },
};
#define NSCRIPTS ((int)(sizeof scripts / sizeof scripts[0]))

START_TEST(script)
{
	const struct script *sc = &scripts[_i];
	struct wizard *w;
	struct session s;

	hg_app.kiosk = sc->kiosk;
	hg_app.idle = IDLE;
	hg_app.countdown = COUNT;
	w = wizard_new(&hg_app);
	if (sc->move_first) {
		wizard_apply(w, WIZARD_CHOOSE, 0);
		wizard_apply(w, WIZARD_TICK_N, 1);
	}
	session_init(&s, w, &hg_app, 0);
	s.ticks = sc->ticks;
	for (size_t k = 0; k < 8 && (k == 0 || sc->evs[k].at != 0); k++) {
		const struct ev *e = &sc->evs[k];
		int got = session_input(&s, e->in, e->at);

		ck_assert_msg(got == e->want,
		    "%s, event %zu at %lld: flags %#x, want %#x", sc->name, k,
		    e->at, (unsigned)got, (unsigned)e->want);
		ck_assert_msg(s.counting == e->counting,
		    "%s, event %zu: counting %d, want %d", sc->name, k,
		    s.counting, e->counting);
		if (e->wait != NOCHECK)
			ck_assert_msg(session_wait(&s, e->at) == e->wait,
			    "%s, event %zu: wait %lld, want %lld", sc->name, k,
			    session_wait(&s, e->at), e->wait);
		if (got & SESSION_END)
			ck_assert_int_eq(s.status, sc->status);
		if (got & SESSION_RESET)
			ck_assert_msg(wizard_pristine(w),
			    "%s: a reset left the wizard as it was", sc->name);
	}
	wizard_free(w);
}
END_TEST

/* The seconds shown round up, and never go below 0. */
START_TEST(seconds_left)
{
	struct wizard *w;
	struct session s;

	hg_app.idle = 1;
	hg_app.countdown = 3;
	w = wizard_new(&hg_app);
	session_init(&s, w, &hg_app, 0);
	ck_assert_int_eq(session_input(&s, SESSION_IN_NONE, 1000), P);
	ck_assert_int_eq(session_seconds_left(&s, 1000), 3);
	ck_assert_int_eq(session_seconds_left(&s, 1001), 3);
	ck_assert_int_eq(session_seconds_left(&s, 2000), 2);
	ck_assert_int_eq(session_seconds_left(&s, 3999), 1);
	ck_assert_int_eq(session_seconds_left(&s, 4000), 0);
	ck_assert_int_eq(session_seconds_left(&s, 9000), 0);
	wizard_free(w);
}
END_TEST

/* --idle 0: never a question, whatever the time. */
START_TEST(idle_off)
{
	struct wizard *w;
	struct session s;

	hg_app.idle = 0;
	hg_app.countdown = 3;
	w = wizard_new(&hg_app);
	session_init(&s, w, &hg_app, 0);
	ck_assert_int_eq(session_wait(&s, 0), -1);
	ck_assert_int_eq(session_input(&s, SESSION_IN_NONE, 1LL << 40), 0);
	ck_assert_int_eq(s.counting, 0);
	wizard_free(w);
}
END_TEST

static Suite *
session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, hg_setup, hg_teardown);
	tcase_add_loop_test(tc, script, 0, NSCRIPTS);
	tcase_add_test(tc, seconds_left);
	tcase_add_test(tc, idle_off);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(session_suite());
}
