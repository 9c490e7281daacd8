/*
 * test_speech.c: what speech makes of the guide.
 *
 * Fenrir, a real screen reader (Debian package fenrir), runs the
 * full-screen guide at 80x24 as its shell: "fenrir -e" with its pty screen
 * and keyboard drivers, on a pty of term.h, the guide under it on a pty of
 * Fenrir's own with TERM=linux.  Its generic speech driver's command
 * appends each utterance to a log, one a line; sound, braille, attributes
 * and the remote control are off (the remote's dummy driver opens no
 * socket).  Keys go to Fenrir, which passes them on.  After each key the
 * test waits until the screen shows its effect, then until the log has
 * been quiet for SPEECH_QUIET_MS, and asserts on what was said: the start
 * screen; after Down only the newly highlighted choice; after Enter the
 * new screen's title first; after h the help screen's title and every
 * number it shows; after q, which ends the guide and so Fenrir, nothing of
 * the guide.  Fenrir keeps Esc and F1 for itself, so its users leave with
 * q.  Its settings file, its home and the log are in a temporary
 * directory that an unchecked fixture removes.
 *
 * espeak-ng: the plain mode's transcript of several screens, through a
 * pipe, in English and in French, read by espeak-ng into phonemes (-x),
 * has none of the names espeak-ng gives the marks speech reads badly
 * ("●", "○", "·", "←", "↓", "•"; "○", "·" and "•" it does not name), and
 * where the transcript has such a mark, the same phonemes without it.
 * A line of the full screen's old marks is the control: there, they are
 * spoken.  (A dash in a phone number is spoken, and is fine.)
 *
 * A missing fenrir or espeak-ng is a counted skip (tool.h).
 */
#include <check.h>
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli.h"
#include "guide.h"
#include "golden.h"
#include "guidescreen.h"
#include "run.h"
#include "term.h"
#include "tmpdir.h"
#include "tool.h"
#include "xmalloc.h"

static struct guide *en, *fr;

/* How long the speech log must be still before it is read (ms). */
#define SPEECH_QUIET_MS 300
/* How long Fenrir may take to start and speak the first screen (ms,
 * scaled). */
#define SPEECH_START_MS 15000

/* The test's directory: settings, home and speech log. */
static char *sp_dir;

static void
sp_setup(void)
{
	sp_dir = tmpdir_make("safesteps-speech");
}

static void
sp_teardown(void)
{
	tmpdir_remove(sp_dir);
	free(sp_dir);
	sp_dir = NULL;
}

/*
 * The words of text as speech has them, each followed by a space, lower
 * case: runs of letters and digits (any byte of a UTF-8 character counts
 * as a letter).  With fenrir, "-" and "/" are words too, as Fenrir's
 * default punctuation level ("some") says them: "dash", "slash".  Caller
 * frees.
 */
static char *
words(const char *text, int fenrir)
{
	char *w = xmalloc(3 * strlen(text) + 16), *o = w;
	int in = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		const char *name = NULL;

		if (isalnum(*p) || *p >= 0x80) {
			*o++ = (char)tolower(*p);
			in = 1;
			continue;
		}
		if (in)
			*o++ = ' ';
		in = 0;
		if (fenrir && *p == '-')
			name = "dash ";
		else if (fenrir && *p == '/')
			name = "slash ";
		if (name != NULL) {
			strcpy(o, name);
			o += strlen(name);
		}
	}
	if (in)
		*o++ = ' ';
	*o = '\0';
	return w;
}

/* Where the words want start in the words have, or NULL. */
static const char *
words_find(const char *have, const char *want)
{
	const char *p = have;

	if (*want == '\0')
		return NULL;
	for (; (p = strstr(p, want)) != NULL; p++)
		if (p == have || p[-1] == ' ')
			return p;
	return NULL;
}

/* The speech log so far, "" before Fenrir has made it.  Caller frees. */
static char *
log_read(const char *path, size_t *len)
{
	char *s = golden_read_file(path, len);

	if (s == NULL) {
		*len = 0;
		s = xstrdup("");
	}
	return s;
}

/* The speech log, and how much of it the test has read. */
struct speech {
	char *log;
	size_t seen;
};

/*
 * What Fenrir said since the last call: wait until the log has more than
 * was seen (and, if want is not NULL, until what is new has the words of
 * want) for at most timeout_ms (scaled), then until the log has been
 * still for SPEECH_QUIET_MS.  Fails the test at the deadline.  Returns
 * the new text (caller frees) and marks it seen.
 */
static char *
speech_next(struct speech *s, struct term *t, const char *want, int timeout_ms,
    const char *what)
{
	long long end = term_now_ms() + term_ms(timeout_ms), still;
	char *w = want != NULL ? words(want, 1) : NULL, *all, *now;
	size_t len = 0, last;

	for (;;) {
		int ok;

		term_pump(t); /* keep Fenrir's output flowing */
		all = log_read(s->log, &len);
		now = words(all + (len > s->seen ? s->seen : len), 0);
		ok = len > s->seen && (w == NULL || words_find(now, w) != NULL);
		free(now);
		if (ok)
			break;
		ck_assert_msg(term_now_ms() < end,
		    "%s: Fenrir said %s in %d ms; it said:\n%.2000s", what,
		    want != NULL ? want : "nothing", term_ms(timeout_ms),
		    all + (len > s->seen ? s->seen : len));
		free(all);
		term_sleep_ms(20);
	}
	free(all);
	/* then quiet */
	last = len;
	still = term_now_ms();
	while (term_now_ms() - still < SPEECH_QUIET_MS) {
		term_sleep_ms(20);
		term_pump(t);
		free(log_read(s->log, &len));
		if (len != last) {
			last = len;
			still = term_now_ms();
		}
		ck_assert_msg(term_now_ms() < end + term_ms(5000),
		    "%s: Fenrir never fell quiet", what);
	}
	all = log_read(s->log, &len);
	now = xstrdup(all + s->seen);
	s->seen = len;
	free(all);
	free(w);
	return now;
}

/* A path as a word of Fenrir's settings file, which shlex splits and
 * ConfigParser reads ("%" doubled): in single quotes. */
static char *
conf_word(const char *path)
{
	ck_assert_msg(strchr(path, '\'') == NULL && strchr(path, '%') == NULL,
	    "a quote or %% in %s", path);
	return xasprintf("'%s'", path);
}

/*
 * Fenrir's settings, in dir/settings.conf: the pty drivers (which "-e"
 * also sets), speech appended to log by the generic driver, no sound, no
 * braille, no attributes, no remote control, no spell checking, no
 * announcements of its own (time, promoted words); the guide as its
 * shell.  Returns the file's path.  Caller frees.
 */
static char *
fenrir_settings(const char *dir, const char *log)
{
	char *path = xasprintf("%s/settings.conf", dir);
	char bin[PATH_MAX], content[PATH_MAX];
	char *qlog, *qbin, *qcontent;
	FILE *f;

	ck_assert_msg(realpath(gs_bin(), bin) != NULL, "no %s", gs_bin());
	ck_assert_msg(realpath(gs_content_dir(), content) != NULL, "no %s",
	    gs_content_dir());
	qlog = conf_word(log);
	qbin = conf_word(bin);
	qcontent = conf_word(content);
	f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	fprintf(f,
	    "[sound]\nenabled=False\ndriver=dummyDriver\n"
	    "[speech]\nenabled=True\ndriver=genericDriver\n"
	    "genericSpeechCommand=sh -c 'printf \"%%%%s\\n\" \"$0\" >> \"$1\"' "
	    "fenrirText %s\n"
	    "autoReadIncoming=True\n"
	    "[braille]\nenabled=False\ndriver=dummyDriver\n"
	    "[screen]\ndriver=ptyDriver\nscreenUpdateDelay=0.05\n"
	    "[keyboard]\ndriver=ptyDriver\nkeyboardLayout=pty\n"
	    "charEcho=False\ncharDeleteEcho=False\nwordEcho=False\n"
	    "interruptOnKeyPress=False\n"
	    "[general]\ndebugLevel=0\nhasAttributes=False\n"
	    "autoSpellCheck=False\nemoticons=False\n"
	    "shell=%s --content %s\n"
	    "[focus]\ncursor=True\nhighlight=False\n"
	    "[remote]\nenable=False\ndriver=dummyDriver\n"
	    "[promote]\nenabled=False\n"
	    "[time]\nenabled=False\n",
	    qlog, qbin, qcontent);
	ck_assert_int_eq(fclose(f), 0);
	free(qlog);
	free(qbin);
	free(qcontent);
	return path;
}

/* "n. label", the words a choice is spoken with.  Caller frees. */
static char *
choice_words(size_t n, const char *label)
{
	char *s = xasprintf("%zu. %s", n, label), *w = words(s, 1);

	free(s);
	return w;
}

/* Fail unless said (words) starts with the words of title. */
static void
expect_first(const char *said, const char *title, const char *what)
{
	char *w = words(title, 1);

	ck_assert_msg(strncmp(said, w, strlen(w)) == 0,
	    "%s: Fenrir did not say \"%s\" first; it said:\n%.2000s", what,
	    title, said);
	free(w);
}

/*
 * Every number on the rows of the screen above the key hint (the crisis
 * line is not spoken again: it did not change) is in said (words).
 * Returns how many there were.
 */
static int
expect_numbers_said(struct term *t, const char *said, const char *what)
{
	int rows, r, n = 0;

	term_size(t, &rows, NULL);
	for (r = 1; r < rows - 2; r++) {
		const char *p = term_row_text(t, r);

		while (*p != '\0') {
			size_t k = strspn(p, "0123456789");
			char *num;

			if (k == 0) {
				p++;
				continue;
			}
			num = xasprintf("%.*s ", (int)k, p);
			ck_assert_msg(words_find(said, num) != NULL,
			    "%s: %s is on row %d but Fenrir did not say it; "
			    "it said:\n%.2000s",
			    what, num, r, said);
			free(num);
			n++;
			p += k;
		}
	}
	return n;
}

START_TEST(fenrir_speaks_the_guide)
{
	const struct guide_screen *st, *steps, *help;
	char *fenrir, *settings, *home, *said, *w;
	const char *argv[6];
	const char *env[8];
	struct speech s = { 0 };
	struct term *t;
	size_t i;
	int status, n;

	if (!tool_need("fenrir_speaks_the_guide", "fenrir", "fenrir"))
		return;
	fenrir = tool_path("fenrir");
	st = gs_screen(en, "start");
	steps = &en->screens[st->choices[0].target];
	help = &en->screens[en->help];
	s.log = xasprintf("%s/speech.log", sp_dir);
	settings = fenrir_settings(sp_dir, s.log);
	home = xasprintf("HOME=%s", sp_dir);
	env[0] = "TERM=linux";
	env[1] = "LANG=C.UTF-8";
	env[2] = home;
	env[3] = "PYTHONDONTWRITEBYTECODE=1";
	env[4] = NULL;
	argv[0] = fenrir;
	argv[1] = "-e";
	argv[2] = "-s";
	argv[3] = settings;
	argv[4] = NULL;
	t = term_start(24, 80, env, argv);
	ck_assert_msg(t != NULL, "cannot start %s", fenrir);

	/* the start screen is spoken: its title, then its choices */
	ck_assert_msg(
	    term_wait_text(t, st->title, SPEECH_START_MS, NULL, NULL) == 0,
	    "the guide did not start under Fenrir:\n%s", term_dump(t));
	said = speech_next(&s, t, st->choices[st->nchoices - 1].label,
	    SPEECH_START_MS, "the start screen");
	w = words(said, 0);
	{
		char *title = words(st->title, 1);
		const char *at = words_find(w, title);

		ck_assert_msg(
		    at != NULL, "Fenrir did not say the title:\n%.2000s", said);
		for (i = 0; i < st->nchoices; i++) {
			char *c = choice_words(i + 1, st->choices[i].label);
			const char *next = words_find(at, c);

			ck_assert_msg(next != NULL,
			    "Fenrir did not say choice %zu after the title; it "
			    "said:\n%.2000s",
			    i + 1, said);
			at = next;
			free(c);
		}
		free(title);
	}
	free(w);
	free(said);

	/* Down: only the newly highlighted choice, not the one it left */
	gs_key(t, TERM_KEY_DOWN);
	said = speech_next(&s, t, NULL, GS_WAIT_MS, "Down");
	w = words(said, 0);
	{
		char *c = choice_words(2, st->choices[1].label);

		ck_assert_msg(strcmp(w, c) == 0,
		    "Down: Fenrir said \"%.2000s\", not only \"%s\"", said, c);
		free(c);
	}
	free(w);
	free(said);
	gs_expect_highlight(t, st->choices[1].label);

	/* Enter (on choice 1 again): the new screen's title first */
	gs_key(t, TERM_KEY_UP);
	gs_expect_highlight(t, st->choices[0].label);
	said = speech_next(&s, t, NULL, GS_WAIT_MS, "Up");
	free(said);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, steps->id);
	said = speech_next(&s, t, steps->title, GS_WAIT_MS, "Enter");
	w = words(said, 0);
	expect_first(w, steps->title, "Enter");
	free(w);
	free(said);

	/* h: the help screen's title first, and every number it shows */
	gs_ch(t, 'h');
	gs_wait_screen(t, en, help->id);
	said = speech_next(&s, t, help->title, GS_WAIT_MS, "h");
	w = words(said, 0);
	expect_first(w, help->title, "h");
	n = expect_numbers_said(t, w, "h");
	ck_assert_msg(n >= 3, "h: only %d numbers on the help screen:\n%s", n,
	    term_dump(t));
	free(w);
	free(said);

	/* q: the guide leaves, Fenrir with it, and says nothing of it */
	gs_ch(t, 'q');
	ck_assert_msg(term_wait_exit(t, 10000, &status) >= 0,
	    "q: Fenrir (and the guide) did not end:\n%s", term_dump(t));
	term_sleep_ms(SPEECH_QUIET_MS);
	{
		size_t len;
		char *all = log_read(s.log, &len), *crisis;
		const char *p;

		said = xstrdup(all + s.seen);
		free(all);
		w = words(said, 0);
		ck_assert_msg(strpbrk(w, "0123456789") == NULL,
		    "q: a number was spoken after leaving:\n%.2000s", said);
		crisis = words(en->crisis, 1);
		for (p = crisis; *p != '\0'; p = strchr(p, ' ') + 1) {
			char *one =
			    xstrndup(p, (size_t)(strchr(p, ' ') - p) + 1);

			/* no word of the crisis line longer than "or" */
			ck_assert_msg(strlen(one) <= 3 || !words_find(w, one),
			    "q: \"%s\" was spoken after leaving:\n%.2000s", one,
			    said);
			free(one);
		}
		free(crisis);
		{
			char *title = words(help->title, 1);
			char *leave = words(gs_ui(en, GUIDE_UI_HINT_LEAVE), 1);

			ck_assert_msg(
			    !words_find(w, title) && !words_find(w, leave),
			    "q: the guide was spoken after leaving:\n%.2000s",
			    said);
			free(title);
			free(leave);
		}
		for (i = 0; i < help->nchoices; i++) {
			char *c = words(help->choices[i].label, 1);

			ck_assert_msg(!words_find(w, c),
			    "q: \"%s\" was spoken after leaving:\n%.2000s",
			    help->choices[i].label, said);
			free(c);
		}
		free(w);
		free(said);
	}
	term_free(t);
	free(home);
	free(settings);
	free(s.log);
	free(fenrir);
}
END_TEST

/* The marks speech reads badly, in UTF-8. */
static const char *const marks[] = { "\xe2\x97\x8f", "\xe2\x97\x8b", "\xc2\xb7",
	"\xe2\x86\x90", "\xe2\x86\x93", "\xe2\x80\xa2" };

/* text with each mark replaced by a space.  Caller frees. */
static char *
without_marks(const char *text)
{
	char *out = xstrdup(text);

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t n = strlen(marks[i]);
		char *p;

		while ((p = strstr(out, marks[i])) != NULL) {
			*p = ' ';
			memmove(p + 1, p + n, strlen(p + n) + 1);
		}
	}
	return out;
}

/* espeak-ng's phonemes of text in voice.  Caller frees. */
static char *
phonemes(const char *espeak, const char *voice, const char *text)
{
	const char *argv[] = { espeak, "-q", "-x", "-v", voice, "--stdin",
		NULL };
	const char *env[] = { "LANG=C.UTF-8", NULL };
	struct run_result r;
	char *out;

	ck_assert_int_eq(
	    run_cmd(argv, env, text, strlen(text), NULL, 20000, &r), 0);
	ck_assert_msg(
	    r.status == 0, "espeak-ng failed (%d): %s", r.status, r.err);
	out = r.out;
	r.out = NULL;
	run_free(&r);
	return out;
}

/*
 * The phoneme words of espeak-ng's -x output: stress marks (' , % =)
 * dropped, since a word's stress changes with its neighbours, and each
 * word followed by one space.  Caller frees.
 */
static char *
phoneme_words(const char *ph)
{
	char *w = xmalloc(strlen(ph) + 2), *o = w;
	int in = 0;

	for (; *ph != '\0'; ph++) {
		if (strchr("',%=", *ph) != NULL)
			continue;
		if (*ph == ' ' || *ph == '\n' || *ph == '\t') {
			if (in)
				*o++ = ' ';
			in = 0;
			continue;
		}
		*o++ = *ph;
		in = 1;
	}
	if (in)
		*o++ = ' ';
	*o = '\0';
	return w;
}

/*
 * Whether espeak-ng speaks a mark in text (which it has read into the
 * phonemes ph): the name it gives a mark alone (in names[], "" for a mark
 * it says nothing for) is among ph's words, or, where text has marks at
 * all, it says text differently without them ("Step 2 of 5  ●○○○○" gives
 * "black" only, not "black circle").  Returns what it said (caller
 * frees), or NULL.
 */
static char *
marks_spoken(const char *espeak, const char *voice, const char *text,
    const char *ph, char *const *names)
{
	char *words = phoneme_words(ph), *bare = without_marks(text);
	char *said = NULL;

	for (size_t i = 0; i < sizeof marks / sizeof marks[0] && !said; i++)
		if (names[i][0] != '\0' && words_find(words, names[i]))
			said = xasprintf(
			    "the name of %s, \"%s\"", marks[i], names[i]);
	if (said == NULL && strcmp(bare, text) != 0) {
		/* the same bytes give the same phonemes: only text with
		 * marks needs a second reading */
		char *b = phonemes(espeak, voice, bare), *bw = phoneme_words(b);

		if (strcmp(words, bw) != 0) {
			/* from the word where they part, a few words of each */
			size_t at = 0;

			while (words[at] == bw[at])
				at++;
			while (at > 0 && words[at - 1] != ' ')
				at--;
			said = xasprintf("\"%.60s\" instead of \"%.60s\"",
			    words + at, bw + at);
		}
		free(bw);
		free(b);
	}
	free(bare);
	free(words);
	return said;
}

/*
 * The plain mode through a pipe, over several screens (the start, the
 * steps, step 1 and a tick there, the steps again, the plan, which is the
 * steps screen's sixth choice, and help): espeak-ng speaks none of the
 * marks.
 * The control, the marks the full screen used to have ("Step 2 of 5
 * ●○○○○", "Enter next · ← back", "↓ more below", "• one"), is caught.
 */
START_TEST(espeak_plain_speaks_no_marks)
{
	static const char *const langs[] = { "en", "fr" };
	static const char *const voices[] = { "en-us", "fr" };
	static const char control[] =
	    "Step 2 of 5  \xe2\x97\x8f\xe2\x97\x8b\xe2\x97\x8b\xe2\x97\x8b"
	    "\xe2\x97\x8b\nEnter next \xc2\xb7 \xe2\x86\x90 back\n"
	    "\xe2\x86\x93 more below\n\xe2\x80\xa2 one\n";
	static const char input[] = "1\n1\nt 1\nb\n6\nh\nq\n";
	const char *opts[] = { "--lang", langs[_i], NULL };
	const char *env[] = { "LANG=C.UTF-8", NULL };
	struct guide *g = cli_guide_of(langs[_i]);
	const struct guide_screen *st = gs_screen(g, "start"), *steps;
	char *names[sizeof marks / sizeof marks[0]];
	struct run_result r;
	char *espeak, *said, *ph;
	const char *want[5];
	size_t i, named = 0;

	if (!tool_need(
		"espeak_plain_speaks_no_marks", "espeak-ng", "espeak-ng")) {
		guide_free(g);
		return;
	}
	espeak = tool_path("espeak-ng");
	/* what espeak-ng calls each mark, alone */
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		ph = phonemes(espeak, voices[_i], marks[i]);
		names[i] = phoneme_words(ph);
		named += names[i][0] != '\0';
		free(ph);
	}
	ck_assert_msg(named >= 2, "%s: espeak-ng names only %zu of the marks",
	    langs[_i], named);
	ph = phonemes(espeak, voices[_i], control);
	said = marks_spoken(espeak, voices[_i], control, ph, names);
	ck_assert_msg(said != NULL,
	    "%s: espeak-ng says the control's marks as if they were not "
	    "there: this test could not fail",
	    langs[_i]);
	free(said);
	free(ph);

	cli_run("--plain", opts, env, input, strlen(input), NULL, &r);
	cli_expect_status(&r, 0);
	/* the walk went where it should */
	steps = &g->screens[st->choices[0].target];
	want[0] = st->title;
	want[1] = steps->title;
	want[2] = g->screens[steps->choices[0].target].title;
	want[3] = g->screens[g->help].title;
	want[4] = g->screens[steps->choices[5].target].title;
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(r.out, want[i]) != NULL,
		    "%s: the walk did not show \"%s\":\n%s", langs[_i], want[i],
		    r.out);
	ph = phonemes(espeak, voices[_i], r.out);
	said = marks_spoken(espeak, voices[_i], r.out, ph, names);
	ck_assert_msg(
	    said == NULL, "%s: espeak-ng speaks a mark: %s", langs[_i], said);
	free(ph);
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		free(names[i]);
	run_free(&r);
	free(espeak);
	guide_free(g);
}
END_TEST

static Suite *
speech_suite(void)
{
	Suite *s = suite_create("speech");
	TCase *fe = tcase_create("fenrir");
	TCase *es = tcase_create("espeak");

	tcase_set_timeout(fe, term_seconds(60));
	tcase_add_unchecked_fixture(fe, sp_setup, sp_teardown);
	tcase_add_test(fe, fenrir_speaks_the_guide);
	suite_add_tcase(s, fe);
	tcase_set_timeout(es, term_seconds(30));
	tcase_add_loop_test(es, espeak_plain_speaks_no_marks, 0, 2);
	suite_add_tcase(s, es);
	return s;
}

int
main(void)
{
	return gs_main("test_speech", speech_suite, &en, &fr);
}
