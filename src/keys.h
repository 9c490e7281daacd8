/*
 * keys.h: the full-screen mode's keys, as data.
 *
 * keys_table is the one table the in-app key list (on the help screen,
 * under the UI string keys_title) is made from; the man page's KEYS
 * section is kept equal to it by a test.  keys_ascii maps the keys that
 * arrive as plain bytes to actions; the curses front end maps the function
 * keys (arrows, PgUp, F1, mouse) itself, to the same actions.
 */
#ifndef SAFESTEPS_KEYS_H
#define SAFESTEPS_KEYS_H

#include <stddef.h>

#include "guide.h"

/* What a key does, before the front end turns it into a wizard action. */
enum keys_action {
	KEYS_NONE,
	KEYS_UP,
	KEYS_DOWN,
	KEYS_CHOOSE,
	KEYS_BACK,
	KEYS_TICK,
	KEYS_PAGE_UP,
	KEYS_PAGE_DOWN,
	KEYS_PICK, /* the digit is the choice number: move there */
	KEYS_HELP,
	KEYS_LEAVE,
	KEYS_PLAIN,
	KEYS_QR
};

/* One line of the key list: both halves are the content's words
 * ("Up/Down, k/j, Tab" is "Haut/Bas, k/j, Tab" in French), with an
 * English default each (guide_ui_default). */
struct keys_entry {
	enum guide_ui keys; /* the UI string that names the keys */
	enum guide_ui what; /* the UI string that says what they do */
};

/* The key list, in the order it is shown. */
extern const struct keys_entry keys_table[];
extern const size_t keys_count;

/*
 * The action of a key that arrives as one byte (a letter, a digit, Tab,
 * Enter, Space, Backspace, Ctrl-C, Esc); KEYS_NONE for any other.
 */
enum keys_action keys_ascii(int ch);

#endif
