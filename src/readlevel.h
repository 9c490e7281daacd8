/*
 * readlevel.h: how hard a screen is to read.
 *
 * English screens get the Flesch-Kincaid grade; French screens the French
 * Flesch reading ease of Kandel and Moles (207 - 1.015 x words/sentence -
 * 73.6 x syllables/word).  Syllables are counted by a heuristic (vowel
 * groups, with corrections documented in readlevel.c).  The text of a
 * screen is its title, its body and its to-do items and choices.
 */
#ifndef SAFESTEPS_READLEVEL_H
#define SAFESTEPS_READLEVEL_H

#include <stddef.h>

#include "guide.h"
#include "load.h"

/* The limits: youth grade 6 (French ease 70), adults grade 8 (ease 60). */
#define READLEVEL_YOUTH_GRADE 6.0
#define READLEVEL_ADULT_GRADE 8.0
#define READLEVEL_YOUTH_EASE 70.0
#define READLEVEL_ADULT_EASE 60.0

struct readlevel {
	size_t words;
	size_t sentences;
	size_t syllables;
	int french;   /* 1: score is reading ease (higher is easier) */
	double score; /* English: grade; French: reading ease */
	int too_hard; /* 1 when the score misses the screen's audience limit */
};

/* Measure one screen of g (language from g->lang). */
void readlevel_screen(
    const struct guide *g, size_t screen, struct readlevel *out);

/* Count the syllables of one word (UTF-8) in language lang ("en", "fr"). */
size_t readlevel_syllables(const char *word, size_t len, const char *lang);

/* Append a warning to rep for every screen that is too hard to read. */
void readlevel_check(const struct guide *g, struct load_report *rep);

#endif
