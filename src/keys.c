/*
 * keys.c: the key table and the one-byte keys.
 */
#include <ctype.h>

#include "keys.h"

const struct keys_entry keys_table[] = {
	{ "Up/Down, k/j, Tab", GUIDE_UI_KEY_MOVE },
	{ "Enter, Right", GUIDE_UI_KEY_CHOOSE },
	{ "Left, Backspace, b", GUIDE_UI_KEY_BACK },
	{ "Space", GUIDE_UI_KEY_TICK },
	{ "PgUp/PgDn, mouse wheel", GUIDE_UI_KEY_SCROLL },
	{ "1-9", GUIDE_UI_KEY_PICK },
	{ "Home/End", GUIDE_UI_KEY_FIRST_LAST },
	{ "h, ?, F1", GUIDE_UI_KEY_HELP },
	{ "Esc, q, Ctrl-C", GUIDE_UI_KEY_LEAVE },
	{ "p", GUIDE_UI_KEY_PLAIN },
	{ "c", GUIDE_UI_KEY_QR },
	{ "Mouse click", GUIDE_UI_KEY_CLICK },
};

const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

enum keys_action
keys_ascii(int ch)
{
	if (ch >= '1' && ch <= '9')
		return KEYS_PICK;
	/* Caps Lock must not change what a letter does. */
	if (ch >= 'A' && ch <= 'Z')
		ch = tolower(ch);
	switch (ch) {
	case 'k':
		return KEYS_UP;
	case 'j':
	case '\t':
		return KEYS_DOWN;
	case '\n':
	case '\r':
		return KEYS_CHOOSE;
	case 'b':
	case 0x7f: /* Backspace, as most terminals send it */
	case 0x08: /* Backspace, as some send it (Ctrl-H) */
		return KEYS_BACK;
	case ' ':
		return KEYS_TICK;
	case 'h':
	case '?':
		return KEYS_HELP;
	case 'q':
	case 0x03: /* Ctrl-C: raw mode makes it a key, not a signal */
	case 0x1b: /* Esc, alone */
		return KEYS_LEAVE;
	case 'p':
		return KEYS_PLAIN;
	case 'c':
		return KEYS_QR;
	}
	return KEYS_NONE;
}
