/* outside.c: outside text made safe to print in a message. */
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "outside.h"
#include "xmalloc.h"

/* Whether c is a control character: C0, DEL or C1. */
static int
outside_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/* Whether c is a bidi control that reorders text: U+202A to U+202E
 * (embeddings and overrides) and U+2066 to U+2069 (isolates). */
static int
outside_is_bidi(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char *
outside_escape(const char *s)
{
	const uint8_t *p = (const uint8_t *)(s != NULL ? s : "(null)");
	size_t n = strlen((const char *)p), o = 0;
	/* The longest escape, "\u202E", is six bytes for one to three. */
	char *out = xmalloc(n * 6 + 1);
	ucs4_t c;
	int k;

	while (n > 0) {
		k = u8_mbtoucr(&c, p, n);
		if (k < 0) {
			o += (size_t)sprintf(out + o, "\\x%02X", p[0]);
			k = 1;
		} else if (c == 0x1b)
			o += (size_t)sprintf(out + o, "\\e");
		else if (c == '\\')
			o += (size_t)sprintf(out + o, "\\\\");
		else if (c < 0x80 && outside_is_control(c))
			o += (size_t)sprintf(out + o, "\\x%02X", (unsigned)c);
		else if (outside_is_control(c) || outside_is_bidi(c))
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)c);
		else {
			memcpy(out + o, p, (size_t)k);
			o += (size_t)k;
		}
		p += k;
		n -= (size_t)k;
	}
	out[o] = '\0';
	return out;
}

const char *
outside_control_name(uint32_t cp)
{
	switch (cp) {
	case 0x00:
		return " (NUL)";
	case 0x07:
		return " (BEL)";
	case 0x08:
		return " (backspace)";
	case 0x09:
		return " (tab)";
	case 0x0a:
		return " (line feed)";
	case 0x0c:
		return " (form feed)";
	case 0x0d:
		return " (carriage return)";
	case 0x1b:
		return " (ESC)";
	case 0x7f:
		return " (DEL)";
	case 0x90:
		return " (DCS)";
	case 0x9b:
		return " (CSI)";
	case 0x9d:
		return " (OSC)";
	default:
		return "";
	}
}

const char *
outside_bad_char(uint32_t cp, const char *written, char *buf, size_t size)
{
	const char *what;

	if (outside_is_control(cp))
		what = "control character";
	else if (outside_is_bidi(cp))
		what = "bidi control";
	else
		return NULL;
	snprintf(buf, size, "%s U+%04X%s is not allowed%s%s%.4s%s", what,
	    (unsigned)cp,
	    outside_is_control(cp) ? outside_control_name(cp) : "",
	    outside_is_bidi(cp) ? ": it reorders the text around it" : "",
	    written != NULL ? " (written \\u" : "",
	    written != NULL ? written : "", written != NULL ? ")" : "");
	return buf;
}

const char *
outside_show(struct outside_shown *b, const char *str)
{
	const uint8_t *s = (const uint8_t *)str;
	size_t n = strlen(str), i = 0, o = 0, chars = 0, k;
	ucs4_t cp;
	int r;

	while (i < n) {
		if (chars == 40) {
			memcpy(b->s + o, "...", 3);
			o += 3;
			break;
		}
		r = u8_mbtoucr(&cp, s + i, n - i);
		k = r > 0 ? (size_t)r : 1;
		if (r <= 0)
			o += (size_t)snprintf(b->s + o, 6, "\\x%02X", s[i]);
		else if (outside_is_control(cp) || outside_is_bidi(cp))
			o += (size_t)snprintf(b->s + o, 7, "\\u%04X", cp);
		else if (cp == '"' || cp == '\\') {
			b->s[o++] = '\\';
			b->s[o++] = (char)cp;
		} else {
			memcpy(b->s + o, s + i, k);
			o += k;
		}
		i += k;
		chars++;
	}
	b->s[o] = '\0';
	return b->s;
}
