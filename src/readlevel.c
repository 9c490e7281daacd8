/*
 * readlevel.c: how hard a screen is to read.
 *
 * The text of a screen is its title, its body paragraphs and list items,
 * its to-do items and its choice labels (what the reader reads; the
 * resource and source blocks that the program adds are names and numbers,
 * not prose, and are left out).
 *
 * Words.  A word is a run of letters and digits; an apostrophe (' or U+2019),
 * a hyphen or a full stop between two such characters joins them, so
 * "don't", "J'écoute", "Cybertip.ca" and "1-800-668-6868" are one word
 * each.  Letters are the ASCII ones and Latin-1 and Latin Extended-A
 * (U+00C0 to U+017F, without the signs x and ÷).
 *
 * Sentences.  A sentence ends at ".", "!", "?" or "…" (a run of them counts
 * once) that is followed by a space, the end of the text or a closing quote
 * or bracket.  The title, each paragraph, each list item, each to-do item
 * and each choice label is also a unit of its own: words left after its
 * last full stop count as one more sentence.
 *
 * Syllables.  A word is cut into pieces at hyphens, full stops and digits
 * (in French also at apostrophes: "j'", "qu'" and "l'" have no vowel and add
 * nothing); each run of digits counts as one syllable, and each piece of
 * letters as below.  A word with letters or digits has at least one
 * syllable.  Both languages start from groups of vowels (a vowel is a e i
 * o u y, in French also the accented ones and æ œ); "y" at the start of a
 * word before a vowel ("you", "yeux") is a consonant, and a "y" followed by
 * a vowel ends its group ("player", "anyone", "payer"); "u" after "q" is a
 * consonant.
 *
 * English corrections, each for a common spelling where the vowel groups
 * miss a syllable or count a silent one:
 *  - a final "e" after a consonant is silent ("police", "alone"), except in
 *    a consonant + "le" ending ("table", "people");
 *  - a final "es" after a consonant other than s, x, z, c, g or the "h" of
 *    "ch"/"sh" is silent ("phones"), except after consonant + "l"
 *    ("tables");
 *  - a final "ed" after a consonant other than t or d is silent ("saved");
 *  - "ely" after a consonant loses the "e" ("safely");
 *  - "ia", "io", "iu" are two syllables unless after c, g, s, t or x
 *    ("serious", "radio"; but "nation", "special"); "ua" is two ("usual");
 *  - "ing" after a vowel adds one ("being", "going");
 *  - "n't" after a consonant adds one ("didn't", "isn't"; not "don't").
 * It still misses some ("area", "idea", "quiet" count one too few;
 * "sometimes" one too many).
 *
 * French corrections:
 *  - a final mute "e" or "es" is dropped before counting ("police",
 *    "écoute", "jeunesse", "journée", "joue"); a final "ent" too ("ils
 *    parlent"), except in "-ment" and in a short list of nouns, adjectives
 *    and adverbs where it is heard ("souvent", "argent", "parent"...);
 *  - "u" after "g" before e, i, é, è or ê is a consonant ("guerre");
 *  - the vowel digraphs and trigraphs ("ou", "eau", "ai", "oi", "au",
 *    "eu", "ui") are one group, as the vowel groups give them;
 *  - a vowel next to "é", or a vowel after "u" (other than "ui") starts a new
 *    syllable ("vidéo", "créer", "jouer", "situation"), as does a vowel
 *    with a diaeresis ("naïf", "Noël");
 *  - "ia", "io" are two syllables unless after c, g, s, t or x ("média",
 *    "violence"; but "action", "social").
 * The "-ent" rule cannot tell verbs from other words: verbs in "-ment"
 * ("ils aiment") get one syllable too many.
 *
 * Scores.  English: Flesch-Kincaid grade = 0.39 words/sentence +
 * 11.8 syllables/word - 15.59.  French: Kandel and Moles reading ease =
 * 207 - 1.015 words/sentence - 73.6 syllables/word.  A screen without words
 * scores 0 and is never too hard.  Other languages are measured with the
 * English rules by readlevel_screen, and not checked by readlevel_check.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "readlevel.h"

/* A counter of words, sentences and syllables over several texts. */
struct tally {
	size_t words;
	size_t sentences;
	size_t syllables;
	int french;
};

/*
 * Decode the code point at s[*i] (len bytes in all) and move *i past it.
 * A byte that does not start a valid UTF-8 sequence decodes as U+FFFD
 * and moves by one.
 */
static uint32_t
next_cp(const char *s, size_t len, size_t *i)
{
	ucs4_t cp;
	int n = u8_mbtoucr(&cp, (const uint8_t *)s + *i, len - *i);

	*i += n > 0 ? (size_t)n : 1;
	return n > 0 ? cp : 0xfffd;
}

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
is_letter(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	return c >= 0xc0 && c <= 0x17f && c != 0xd7 && c != 0xf7;
}

static int
is_apostrophe(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

/* Lower case for the letters is_letter knows. */
static uint32_t
lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return c + 32;
	if (c == 0x178)
		return 0xff;
	if (c >= 0x100 && c <= 0x137 && c % 2 == 0)
		return c + 1;
	if (c == 0x152)
		return 0x153;
	return c;
}

/* A vowel letter, before the context rules (y, qu, gu). */
static int
vowel_letter(uint32_t c, int french)
{
	switch (c) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
	case 'y':
		return 1;
	case 0xe0:  /* à */
	case 0xe2:  /* â */
	case 0xe4:  /* ä */
	case 0xe6:  /* æ */
	case 0xe8:  /* è */
	case 0xe9:  /* é */
	case 0xea:  /* ê */
	case 0xeb:  /* ë */
	case 0xee:  /* î */
	case 0xef:  /* ï */
	case 0xf4:  /* ô */
	case 0xf6:  /* ö */
	case 0xf9:  /* ù */
	case 0xfb:  /* û */
	case 0xfc:  /* ü */
	case 0xff:  /* ÿ */
	case 0x153: /* œ */
		return french;
	default:
		return 0;
	}
}

#define PIECE_MAX 64

/* Whether letter k of the piece w (n letters) is a vowel here. */
static int
is_vowel_at(const uint32_t *w, size_t n, size_t k, int french)
{
	if (!vowel_letter(w[k], french))
		return 0;
	if (w[k] == 'y' && k == 0 && n > 1 && vowel_letter(w[1], french))
		return 0;
	if (w[k] == 'u' && k > 0 && w[k - 1] == 'q')
		return 0;
	if (french && w[k] == 'u' && k > 0 && w[k - 1] == 'g' && k + 1 < n &&
	    (w[k + 1] == 'e' || w[k + 1] == 'i' || w[k + 1] == 0xe9 ||
		w[k + 1] == 0xe8 || w[k + 1] == 0xea))
		return 0;
	return 1;
}

static int
soft_before_i(uint32_t c)
{
	return c == 'c' || c == 'g' || c == 's' || c == 't' || c == 'x';
}

/*
 * Whether a new syllable starts at letter k, which is a vowel that
 * follows the vowel k - 1 in the same group.
 */
static int
splits_at(const uint32_t *w, size_t k, int french)
{
	uint32_t p = w[k - 1], c = w[k];

	if (p == 'y')
		return 1; /* "player", "anyone", "payer" */
	if (p == 'i' && (c == 'a' || c == 'o' || (!french && c == 'u')) &&
	    (k < 2 || !soft_before_i(w[k - 2])))
		return 1;
	if (p == 'u' && c == 'a')
		return 1;
	if (!french)
		return 0;
	if (p == 'u' && c != 'i' && !(k >= 2 && w[k - 2] == 'e' && c == 'e'))
		return 1; /* "jouer", "actuel"; not "lui", "queue" */
	if (p == 0xe9 || c == 0xe9)
		return 1; /* "vidéo", "créer", "poésie" */
	if (c == 0xef || c == 0xeb || c == 0xfc)
		return 1; /* "naïf", "Noël" */
	return 0;
}

/* The syllables of the vowel groups of w[0..n). */
static size_t
vowel_groups(const uint32_t *w, size_t n, int french)
{
	size_t k, count = 0;
	int in = 0;

	for (k = 0; k < n; k++) {
		if (!is_vowel_at(w, n, k, french)) {
			in = 0;
			continue;
		}
		if (!in)
			count++;
		else if (splits_at(w, k, french))
			count++;
		in = 1;
	}
	return count;
}

static int
is_consonant_at(const uint32_t *w, size_t n, size_t k, int french)
{
	return is_letter(w[k]) && !is_vowel_at(w, n, k, french);
}

static int
ends_with(const uint32_t *w, size_t n, const char *tail)
{
	size_t t = strlen(tail), k;

	if (t > n)
		return 0;
	for (k = 0; k < t; k++)
		if (w[n - t + k] != (unsigned char)tail[k])
			return 0;
	return 1;
}

/* English syllables of one piece of letters (lower case, apostrophes in). */
static size_t
syllables_en(const uint32_t *in, size_t nin)
{
	uint32_t w[PIECE_MAX] = { 0 };
	size_t n = 0, k, count;
	int nt;

	/* "n't" after a consonant is a syllable of its own. */
	nt = nin >= 4 && is_apostrophe(in[nin - 2]) && in[nin - 1] == 't' &&
	     in[nin - 3] == 'n' && !vowel_letter(in[nin - 4], 0) &&
	     is_letter(in[nin - 4]);
	for (k = 0; k < nin && n < PIECE_MAX; k++)
		if (!is_apostrophe(in[k]))
			w[n++] = in[k];
	count = vowel_groups(w, n, 0);
	if (count > 1 && n >= 3 && w[n - 1] == 'e' &&
	    is_consonant_at(w, n, n - 2, 0) &&
	    !(w[n - 2] == 'l' && is_consonant_at(w, n, n - 3, 0)))
		count--; /* "police", "alone"; not "table" */
	else if (count > 1 && n >= 4 && ends_with(w, n, "es") &&
		 is_consonant_at(w, n, n - 3, 0)) {
		uint32_t c = w[n - 3];
		int voiced = c == 's' || c == 'x' || c == 'z' || c == 'c' ||
			     c == 'g' ||
			     (c == 'h' && (w[n - 4] == 's' || w[n - 4] == 'c'));
		int ble = c == 'l' && is_consonant_at(w, n, n - 4, 0);
		if (!voiced && !ble)
			count--; /* "phones"; not "pages", "tables" */
	} else if (count > 1 && n >= 4 && ends_with(w, n, "ed") &&
		   is_consonant_at(w, n, n - 3, 0) && w[n - 3] != 't' &&
		   w[n - 3] != 'd')
		count--; /* "saved"; not "wanted" */
	if (count > 2 && n >= 5 && ends_with(w, n, "ely") &&
	    is_consonant_at(w, n, n - 4, 0))
		count--; /* "safely" */
	if (n >= 5 && ends_with(w, n, "ing") && w[n - 4] != 'y' &&
	    vowel_letter(w[n - 4], 0))
		count++; /* "being", "going" */
	if (nt)
		count++;
	return count;
}

/* Nouns, adjectives and adverbs whose final "ent" is heard. */
static const char *const fr_ent_words[] = { "absent", "accident", "adolescent",
	"agent", "argent", "client", "content", "différent", "évident",
	"excellent", "incident", "innocent", "intelligent", "parent", "patient",
	"présent", "prudent", "récent", "souvent", "talent", "urgent",
	"violent" };

/* Whether w (n letters, lower case) spells the UTF-8 word s. */
static int
spells(const uint32_t *w, size_t n, const char *s)
{
	size_t i = 0, len = strlen(s), k = 0;

	while (i < len) {
		if (k >= n || w[k] != next_cp(s, len, &i))
			return 0;
		k++;
	}
	return k == n;
}

static int
has_vowel(const uint32_t *w, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (is_vowel_at(w, n, k, 1))
			return 1;
	return 0;
}

/* French syllables of one piece of letters (lower case, no apostrophe). */
static size_t
syllables_fr(const uint32_t *w, size_t n)
{
	size_t m = n, k;
	int heard = 0;

	if (n >= 5 && ends_with(w, n, "ent") && !ends_with(w, n, "ment")) {
		for (k = 0; k < sizeof fr_ent_words / sizeof *fr_ent_words; k++)
			if (spells(w, n, fr_ent_words[k]))
				heard = 1;
		if (!heard && has_vowel(w, n - 3))
			m = n - 3;
	}
	if (m == n && n >= 2 && ends_with(w, n, "es") && has_vowel(w, n - 2))
		m = n - 2;
	else if (m == n && n >= 2 && w[n - 1] == 'e' && has_vowel(w, n - 1))
		m = n - 1;
	return vowel_groups(w, m, 1);
}

/* Syllables of the letters w[0..n) in one language. */
static size_t
syllables_piece(const uint32_t *w, size_t n, int french)
{
	if (n == 0)
		return 0;
	return french ? syllables_fr(w, n) : syllables_en(w, n);
}

/* Count the syllables of one word (UTF-8) in language lang ("en", "fr"). */
size_t
readlevel_syllables(const char *word, size_t len, const char *lang)
{
	uint32_t piece[PIECE_MAX] = { 0 };
	size_t i = 0, n = 0, count = 0;
	int french = lang != NULL && strcmp(lang, "fr") == 0;
	int any = 0, digits = 0;

	while (i < len) {
		uint32_t c = next_cp(word, len, &i);

		if (is_letter(c) || (!french && is_apostrophe(c))) {
			if (digits)
				digits = 0;
			if (n < PIECE_MAX)
				piece[n++] = lower(c);
			any |= is_letter(c);
			continue;
		}
		count += syllables_piece(piece, n, french);
		n = 0;
		if (is_digit(c)) {
			if (!digits)
				count++;
			digits = 1;
			any = 1;
		} else
			digits = 0;
	}
	count += syllables_piece(piece, n, french);
	if (count == 0 && any)
		count = 1;
	return count;
}

static int
is_word_char(uint32_t c)
{
	return is_letter(c) || is_digit(c);
}

static int
is_joiner(uint32_t c)
{
	return is_apostrophe(c) || c == '-' || c == '.' || c == 0x2011;
}

static int
is_terminator(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* What may follow a sentence's end: a space, a closing quote or bracket. */
static int
is_after_end(uint32_t c)
{
	return c == ' ' || c == 0xa0 || c == 0x202f || c == '"' || c == '\'' ||
	       c == ')' || c == ']' || c == 0x201d || c == 0x2019 || c == 0xbb;
}

/* Add one unit of text (a title, paragraph, item or label) to t. */
static void
tally_text(struct tally *t, const char *s)
{
	size_t len = strlen(s), i = 0, start, prev, since = 0;
	const char *lang = t->french ? "fr" : "en";

	while (i < len) {
		uint32_t c;

		prev = i;
		c = next_cp(s, len, &i);
		if (is_word_char(c)) {
			/* The word runs on through joiners between word
			 * characters. */
			start = prev;
			for (;;) {
				size_t j = i, k;
				uint32_t d;

				if (j >= len)
					break;
				d = next_cp(s, len, &j);
				if (is_word_char(d)) {
					i = j;
					continue;
				}
				if (!is_joiner(d) || j >= len)
					break;
				k = j;
				if (!is_word_char(next_cp(s, len, &k)))
					break;
				i = j;
			}
			t->words++;
			t->syllables +=
			    readlevel_syllables(s + start, i - start, lang);
			since++;
			continue;
		}
		if (is_terminator(c)) {
			size_t j = i;
			uint32_t d = 0;

			/* A run of terminators ends one sentence. */
			while (j < len) {
				size_t k = j;

				d = next_cp(s, len, &k);
				if (!is_terminator(d))
					break;
				j = k;
			}
			i = j;
			if (since > 0 &&
			    (j >= len || is_after_end(next_cp(s, len, &j)))) {
				t->sentences++;
				since = 0;
			}
		}
	}
	if (since > 0)
		t->sentences++;
}

/* Measure one screen of g (language from g->lang). */
void
readlevel_screen(const struct guide *g, size_t screen, struct readlevel *out)
{
	const struct guide_screen *sc = &g->screens[screen];
	struct tally t = { 0, 0, 0, 0 };
	double wps, spw;
	size_t i, j;

	t.french = g->lang != NULL && strcmp(g->lang, "fr") == 0;
	tally_text(&t, sc->title);
	for (i = 0; i < sc->nbody; i++) {
		if (sc->body[i].text != NULL)
			tally_text(&t, sc->body[i].text);
		for (j = 0; j < sc->body[i].nitems; j++)
			tally_text(&t, sc->body[i].items[j]);
	}
	for (i = 0; i < sc->ntodos; i++)
		tally_text(&t, sc->todos[i].text);
	for (i = 0; i < sc->nchoices; i++)
		tally_text(&t, sc->choices[i].label);

	memset(out, 0, sizeof *out);
	out->words = t.words;
	out->sentences = t.sentences;
	out->syllables = t.syllables;
	out->french = t.french;
	if (t.words == 0 || t.sentences == 0)
		return;
	wps = (double)t.words / (double)t.sentences;
	spw = (double)t.syllables / (double)t.words;
	if (t.french) {
		out->score = 207.0 - 1.015 * wps - 73.6 * spw;
		out->too_hard = out->score < (sc->audience == GUIDE_ADULT
						     ? READLEVEL_ADULT_EASE
						     : READLEVEL_YOUTH_EASE);
	} else {
		out->score = 0.39 * wps + 11.8 * spw - 15.59;
		out->too_hard = out->score > (sc->audience == GUIDE_ADULT
						     ? READLEVEL_ADULT_GRADE
						     : READLEVEL_YOUTH_GRADE);
	}
}

/* Append a warning to rep for every screen that is too hard to read. */
void
readlevel_check(const struct guide *g, struct load_report *rep)
{
	struct readlevel rl;
	const char *who;
	char path[32];
	struct load_place at = { NULL, 0, 0, NULL, path };
	size_t i;

	if (g->lang == NULL ||
	    (strcmp(g->lang, "en") != 0 && strcmp(g->lang, "fr") != 0))
		return;
	for (i = 0; i < g->nscreens; i++) {
		readlevel_screen(g, i, &rl);
		if (!rl.too_hard)
			continue;
		who = g->screens[i].audience == GUIDE_ADULT ? "an adult reader"
							    : "a young reader";
		snprintf(path, sizeof path, "screens[%zu]", i);
		at.screen = g->screens[i].id;
		if (rl.french)
			load_report_add(rep, 1, &at,
			    "reading ease %.1f is below %g for %s", rl.score,
			    g->screens[i].audience == GUIDE_ADULT
				? READLEVEL_ADULT_EASE
				: READLEVEL_YOUTH_EASE,
			    who);
		else
			load_report_add(rep, 1, &at,
			    "reading level grade %.1f is above %g for %s",
			    rl.score,
			    g->screens[i].audience == GUIDE_ADULT
				? READLEVEL_ADULT_GRADE
				: READLEVEL_YOUTH_GRADE,
			    who);
	}
}
