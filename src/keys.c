/*
 * keys.c: the key table and the one-byte keys.
 */
#include <ctype.h>

#include "keys.h"

const struct keys_entry keys_table[] = {
	{ GUIDE_UI_KEYNAME_MOVE, GUIDE_UI_KEY_MOVE },
	{ GUIDE_UI_KEYNAME_CHOOSE, GUIDE_UI_KEY_CHOOSE },
	{ GUIDE_UI_KEYNAME_BACK, GUIDE_UI_KEY_BACK },
	{ GUIDE_UI_KEYNAME_TICK, GUIDE_UI_KEY_TICK },
	{ GUIDE_UI_KEYNAME_SCROLL, GUIDE_UI_KEY_SCROLL },
	{ GUIDE_UI_KEYNAME_PICK, GUIDE_UI_KEY_PICK },
	{ GUIDE_UI_KEYNAME_FIRST_LAST, GUIDE_UI_KEY_FIRST_LAST },
	{ GUIDE_UI_KEYNAME_HELP, GUIDE_UI_KEY_HELP },
	{ GUIDE_UI_KEYNAME_LEAVE, GUIDE_UI_KEY_LEAVE },
	{ GUIDE_UI_KEYNAME_PLAIN, GUIDE_UI_KEY_PLAIN },
	{ GUIDE_UI_KEYNAME_QR, GUIDE_UI_KEY_QR },
	{ GUIDE_UI_KEYNAME_CLICK, GUIDE_UI_KEY_CLICK },
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
