/* handguide.c: a small guide built by hand, for the view and wizard
 * tests (handguide.h). */
#include <stdlib.h>
#include <string.h>

#include "handguide.h"
#include "xmalloc.h"

static char *
hg_str(const char *lang, const char *s)
{
	return xasprintf("%s%s%s", s, lang[0] == 'f' ? " (fr)" : "", "");
}

static void
hg_screen(struct guide *g, size_t i, const char *id, enum guide_kind kind,
    int step, const char *todos, const char *choices, const char *res)
{
	struct guide_screen *sc = &g->screens[i];
	size_t n;
	const char *p;

	sc->id = xstrdup(id);
	sc->title = hg_str(g->lang, id);
	sc->kind = kind;
	sc->step = step;
	sc->body = xcalloc(1, sizeof *sc->body);
	sc->nbody = 1;
	sc->body[0].text = xasprintf("Body of %s.", id);
	n = strlen(todos);
	sc->todos = xcalloc(n ? n : 1, sizeof *sc->todos);
	for (p = todos; *p; p++) {
		char id1[2] = { *p, 0 };

		sc->todos[sc->ntodos].id = xstrdup(id1);
		sc->todos[sc->ntodos].text = xasprintf("Todo %c", *p);
		sc->ntodos++;
	}
	/* choices: a space-separated list of target screen indices */
	sc->choices = xcalloc(8, sizeof *sc->choices);
	for (p = choices; *p; p++) {
		if (*p == ' ')
			continue;
		sc->choices[sc->nchoices].label =
		    xasprintf("Go to %d", *p - '0');
		sc->choices[sc->nchoices].target = (size_t)(*p - '0');
		sc->nchoices++;
	}
	n = strlen(res);
	sc->resources = xcalloc(n ? n : 1, sizeof *sc->resources);
	for (p = res; *p; p++)
		sc->resources[sc->nresources++] = (size_t)(*p - '0');
}

struct guide *
hg_guide(const char *lang)
{
	struct guide *g = xcalloc(1, sizeof *g);
	int en = strcmp(lang, "en") == 0;
	size_t i;

	g->format = 1;
	g->lang = xstrdup(lang);
	g->lang_name = xstrdup(en ? "English"
				  : "Fran\xc3\xa7"
				    "ais");
	g->region = xstrdup("Canada");
	for (i = 0; i < GUIDE_UI_COUNT; i++)
		g->ui[i] = xstrdup(guide_ui_key(i));
	free(g->ui[GUIDE_UI_STEP_OF]);
	g->ui[GUIDE_UI_STEP_OF] = xstrdup("Step {n} of {total}");
	free(g->ui[GUIDE_UI_LABEL_SEP]);
	g->ui[GUIDE_UI_LABEL_SEP] = xstrdup(": ");
	g->crisis = xstrdup("Call or text 988 \xc2\xb7 Kids Help Phone "
			    "1-800-668-6868 \xc2\xb7 911 if you are in danger");
	g->crisis_short = xstrdup("988 \xc2\xb7 1-800-668-6868 \xc2\xb7 911");
	g->nscreens = en ? 6 : 5;
	g->screens = xcalloc(g->nscreens, sizeof *g->screens);
	hg_screen(g, HG_START, "start", GUIDE_KIND_TEXT, 0, "",
	    en ? "1345" : "134", "");
	hg_screen(g, HG_S1, "s1", GUIDE_KIND_TEXT, 1, "ab", "23", "");
	hg_screen(g, HG_S2, "s2", GUIDE_KIND_TEXT, 2, "c", "0", "");
	hg_screen(g, HG_HELP, "help", GUIDE_KIND_HELP, 0, "", "0", "0");
	hg_screen(
	    g, HG_LANGS, "languages", GUIDE_KIND_LANGUAGES, 0, "", "0", "");
	if (en)
		hg_screen(
		    g, HG_EXTRA, "extra", GUIDE_KIND_TEXT, 0, "", "0", "012");
	g->start = HG_START;
	g->help = HG_HELP;
	for (i = 0; i < GUIDE_STEPS; i++) {
		g->steps[i].number = (int)i + 1;
		g->steps[i].title = xasprintf("Step title %zu", i + 1);
		g->steps[i].screen = i < 2 ? HG_S1 + i : HG_START;
	}
	g->nresources = 3;
	g->resources = xcalloc(3, sizeof *g->resources);
	g->resources[0].id = xstrdup("khp");
	g->resources[0].name = xstrdup("Kids Help Phone");
	g->resources[0].purpose = xstrdup("Talk to a counsellor.");
	g->resources[0].web = xstrdup("kidshelpphone.ca");
	g->resources[0].phone = xstrdup("1-800-668-6868");
	g->resources[0].region = xstrdup("Canada");
	g->resources[1].id = xstrdup("tel");
	g->resources[1].name = xstrdup("Phone only");
	g->resources[1].purpose = xstrdup("A phone line.");
	g->resources[1].phone = xstrdup("988");
	g->resources[1].region = xstrdup("Canada");
	g->resources[2].id = xstrdup("kids");
	g->resources[2].name = xstrdup("Take It Down");
	g->resources[2].purpose = xstrdup("Get pictures taken down.");
	g->resources[2].web = xstrdup("takeitdown.ncmec.org");
	g->resources[2].region = xstrdup("United States");
	return g;
}

struct guide *hg_guides[2];
struct app hg_app;

void
hg_app_of(struct app *app, struct guide *guides[2])
{
	memset(app, 0, sizeof *app);
	app->guides = guides;
	app->nguides = 2;
	app->lang = 0;
	app->utf8 = 1;
}

void
hg_setup(void)
{
	hg_guides[0] = hg_guide("en");
	hg_guides[1] = hg_guide("fr");
	hg_app_of(&hg_app, hg_guides);
	hg_app.color = 1;
}

void
hg_teardown(void)
{
	guide_free(hg_guides[0]);
	guide_free(hg_guides[1]);
}
