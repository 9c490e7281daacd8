/*
 * handguide.h: a small guide built by hand, for the tests of the view and
 * the wizard: every screen kind and every rule, and nothing a content
 * change could move.
 *
 * Two languages ("en", "fr"): the same screen ids, except that "fr" has
 * no "extra" screen.  Every UI string is its own key, except step_of and
 * label_sep (": ").
 *   start: choices steps(s1), help, languages, extra
 *   s1: step 1, todos a and b, choices s2, help
 *   s2: step 2, todo c, choices start
 *   help: kind help, resource khp (web), choices start
 *   languages: kind languages, choice start
 *   extra (en only): resources khp (web), tel (no web), kids (web)
 * Steps 3 to 5 point at the start screen.  Each screen's body is one
 * paragraph, "Body of ID."; to-do item x reads "Todo x"; a choice to
 * screen n reads "Go to n".
 *
 * Call order, as a Check fixture: hg_setup before each test (hg_guides
 * and hg_app are then fresh, and a test may change them), hg_teardown
 * after.
 */
#ifndef SAFESTEPS_TEST_HANDGUIDE_H
#define SAFESTEPS_TEST_HANDGUIDE_H

#include "frontend.h"
#include "guide.h"

/* Screen indices of the hand-built guide. */
enum { HG_START, HG_S1, HG_S2, HG_HELP, HG_LANGS, HG_EXTRA };

/* The guides ("en", "fr") and the app that holds them (UTF-8, colour,
 * English first), made by hg_setup. */
extern struct guide *hg_guides[2];
extern struct app hg_app;

/* The hand-built guide in lang ("en" or "fr").  Caller frees with
 * guide_free. */
struct guide *hg_guide(const char *lang);

/* Make *app the app of two guides (English first, UTF-8, no colour,
 * nothing else set); it holds guides, not a copy. */
void hg_app_of(struct app *app, struct guide *guides[2]);

/* Make hg_guides and hg_app anew. */
void hg_setup(void);

/* Free hg_guides. */
void hg_teardown(void);

#endif
