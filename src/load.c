/*
 * load.c: content files (JSON) into a struct guide, and their validation.
 *
 * The work goes in four passes over one file:
 *
 * 1. The bytes (scan_bytes): a UTF-16 file is refused at once; then every
 *    invalid UTF-8 sequence and every control character, raw or written as
 *    an escape inside a string ("\u001b", "\n"), is reported with its line
 *    and column.  cJSON cannot be trusted with these: it treats raw control
 *    bytes as white space, keeps them inside strings, and ends a string
 *    silently at "\u0000".
 * 2. The syntax: cJSON_ParseWithLengthOpts with require_null_terminated,
 *    so that text after the value is an error; its error offset becomes a
 *    line and column.
 * 3. The meaning: a walk over the tree with case-sensitive lookups only,
 *    reporting duplicate and unknown keys, missing fields, wrong types,
 *    bad text, and references to ids that do not exist, while copying what
 *    it keeps into the model.
 * 4. The whole: step screens against the steps table, unique to-do ids,
 *    and screens that no chain of choices reaches (a warning).
 *
 * Every problem goes into the report, up to LOAD_MAX_DIAGS; the guide is
 * returned only when there is no error.  The cJSON tree never leaves this
 * file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <unictype.h>

#include "guide.h"
#include "load.h"
#include "outside.h"
#include "xmalloc.h"

/* The longest text, in bytes, and the longest id. */
#define LOAD_MAX_TEXT 2000
#define LOAD_MAX_ID 64

/* After this many problems in one file, the rest are counted, not kept. */
#define LOAD_MAX_DIAGS 100

/* An id found in the tree, and the index of the object that has it. */
struct idref {
	const char *id;
	size_t index;
};

struct idtab {
	struct idref *v;
	size_t n;
};

/* A to-do id, where it was found. */
struct todoref {
	const char *id;
	size_t screen;
	size_t todo;
};

/* What a region mark is on. */
enum mark_on { MARK_SCREEN, MARK_BLOCK, MARK_ITEM, MARK_TODO, MARK_CHOICE };

/*
 * A region mark: screens[screen], or its body[i] (list item j), todo[i]
 * or choices[i], is true only in region (a string of the tree).
 */
struct mark {
	enum mark_on on;
	size_t screen, i, j;
	const char *region;
};

/* The placeholders of content text, and where their values come from. */
enum placeholder {
	PH_EMERGENCY,
	PH_CRISIS_CALL,
	PH_CRISIS_TEXT,
	PH_REGION,
	NPLACEHOLDERS
};
static const char *const ph_names[NPLACEHOLDERS] = { "{emergency}",
	"{crisis.call}", "{crisis.text}", "{region}" };
static const char *const ph_keys[NPLACEHOLDERS] = { "emergency", "crisis.call",
	"crisis.text", "region" };

/* The state of one load. */
struct ctx {
	struct load_report *rep;
	size_t nerrshown;  /* errors kept by this load, then one more */
	size_t nwarnshown; /* the same for warnings */
	size_t nerrors;    /* errors found by this load, kept or not */
	int raw_bad;       /* the byte scan found bad UTF-8 or a control */
	char path[256];    /* the JSON path of the value being checked */
	size_t pathlen;
	struct idtab screens; /* ids in the tree, sorted */
	struct idtab resources;
	struct idtab sources;
	struct todoref *todos;
	size_t ntodos;
	size_t kind_screen[GUIDE_KIND_HELP + 1]; /* 1 + index, or 0 */
	struct mark *marks;                      /* the region marks found */
	size_t nmarks;
	const struct guide *g; /* the guide being made, for its values */
};

static const char *const top_keys[] = { "format", "language", "region",
	"emergency", "crisis", "start", "help", "ui", "screens", "steps",
	"resources", "sources" };
static const char *const language_keys[] = { "code", "name" };
static const char *const crisis_keys[] = { "line", "short", "call", "text" };
static const char *const screen_keys[] = { "id", "title", "audience", "kind",
	"step", "region", "body", "todo", "choices", "resources", "sources" };
static const char *const block_keys[] = { "text", "list", "on", "region" };
static const char *const item_keys[] = { "text", "region" };
static const char *const on_names[] = { "screen", "plain", "paper" };
static const char *const todo_keys[] = { "id", "text", "region" };
static const char *const choice_keys[] = { "label", "to", "region" };
static const char *const step_keys[] = { "number", "title", "screen" };
static const char *const resource_keys[] = { "id", "name", "purpose", "web",
	"phone", "text", "hours", "region", "sources" };
static const char *const source_keys[] = { "id", "title", "publisher", "date",
	"url", "checked" };
static const char *const site_keys[] = { "format", "languages" };
static const char *const site_lang_keys[] = { "region", "emergency", "crisis",
	"people", "resources", "sources" };
static const char *const person_keys[] = { "name", "details" };
static const char *const ui_keys[GUIDE_UI_COUNT] = {
#define LOAD_UI_KEY(name, key, def) key,
	GUIDE_UI_LIST(LOAD_UI_KEY)
#undef LOAD_UI_KEY
};
static const char *const kind_names[] = { "text", "plan", "sources",
	"languages", "help" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Reports. */

static void report_vadd(struct load_report *, int, int, int, const char *,
    const char *, va_list) __attribute__((format(printf, 6, 0)));

static void
report_vadd(struct load_report *rep, int warning, int line, int col,
    const char *path, const char *fmt, va_list ap)
{
	struct load_diag *d;
	char *msg;
	int n;
	va_list aq;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	msg = xmalloc((size_t)n + 1);
	if (vsnprintf(msg, (size_t)n + 1, fmt, ap) < 0)
		msg[0] = '\0';

	rep->diags =
	    xreallocarray(rep->diags, rep->ndiags + 1, sizeof *rep->diags);
	d = &rep->diags[rep->ndiags++];
	d->warning = warning != 0;
	d->line = line;
	d->col = col;
	d->path =
	    path != NULL ? xstrdup(*path != '\0' ? path : "(file)") : NULL;
	d->msg = msg;
	if (warning)
		rep->nwarnings++;
	else
		rep->nerrors++;
}

/* Append one diagnostic to rep; rep owns its copies. */
void
load_report_add(struct load_report *rep, int warning, int line, int col,
    const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vadd(rep, warning, line, col, path, fmt, ap);
	va_end(ap);
}

/* Free what rep holds and zero it; NULL is fine. */
void
load_report_free(struct load_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->ndiags; i++) {
		free(rep->diags[i].path);
		free(rep->diags[i].msg);
	}
	free(rep->diags);
	free(rep->file);
	memset(rep, 0, sizeof *rep);
}

/* One diagnostic as the line the program prints.  Caller frees. */
char *
load_diag_format(const struct load_report *rep, size_t i)
{
	const struct load_diag *d;
	const char *w;
	char *file, *line;

	if (rep == NULL || i >= rep->ndiags)
		return NULL;
	d = &rep->diags[i];
	/* The name comes from outside: it may hold escape sequences. */
	file = outside_escape(rep->file != NULL ? rep->file : "(content)");
	w = d->warning ? "warning: " : "";
	if (d->line > 0)
		line = xasprintf(
		    "%s:%d:%d: %s%s", file, d->line, d->col, w, d->msg);
	else if (d->path != NULL)
		line = xasprintf("%s: %s: %s%s", file, d->path, w, d->msg);
	else
		line = xasprintf("%s: %s%s", file, w, d->msg);
	free(file);
	return line;
}

/* Problems of this load, with the LOAD_MAX_DIAGS cap. */

static void vdiag(struct ctx *, int, int, int, const char *, const char *,
    va_list) __attribute__((format(printf, 6, 0)));
static void diag(struct ctx *, int, int, int, const char *, const char *, ...)
    __attribute__((format(printf, 6, 7)));
static void err(struct ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(struct ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static void err_at(struct ctx *, const char *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Errors are always counted, so that a full report still fails the load.
 * Errors and warnings have a cap each, so that many warnings cannot hide
 * an error.
 */
static void
vdiag(struct ctx *c, int warning, int line, int col, const char *path,
    const char *fmt, va_list ap)
{
	size_t *shown = warning ? &c->nwarnshown : &c->nerrshown;

	if (!warning)
		c->nerrors++;
	if (*shown > LOAD_MAX_DIAGS)
		return;
	if (*shown == LOAD_MAX_DIAGS) {
		load_report_add(c->rep, warning, 0, 0, NULL,
		    "too many %s: only the first %d are shown",
		    warning ? "warnings" : "errors", LOAD_MAX_DIAGS);
		(*shown)++;
		return;
	}
	report_vadd(c->rep, warning, line, col, path, fmt, ap);
	(*shown)++;
}

static void
diag(struct ctx *c, int warning, int line, int col, const char *path,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(c, warning, line, col, path, fmt, ap);
	va_end(ap);
}

/* An error about the value at the current path. */
static void
err(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(c, 0, 0, 0, c->path, fmt, ap);
	va_end(ap);
}

/* A warning about the value at the current path. */
static void
warn(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(c, 1, 0, 0, c->path, fmt, ap);
	va_end(ap);
}

/* The current path: push a part, pop back to a saved length. */

/* Append part to the path (cut if it would not fit); the old length. */
static size_t
push(struct ctx *c, const char *part)
{
	size_t old = c->pathlen, n = strlen(part);

	if (n > sizeof c->path - 1 - old)
		n = sizeof c->path - 1 - old;
	memcpy(c->path + old, part, n);
	c->pathlen = old + n;
	c->path[c->pathlen] = '\0';
	return old;
}

static size_t
push_key(struct ctx *c, const char *key)
{
	char part[LOAD_MAX_ID + 2];

	snprintf(part, sizeof part, c->pathlen == 0 ? "%s" : ".%s", key);
	return push(c, part);
}

static size_t
push_index(struct ctx *c, size_t index)
{
	char part[32];

	snprintf(part, sizeof part, "[%zu]", index);
	return push(c, part);
}

static void
pop(struct ctx *c, size_t len)
{
	c->pathlen = len;
	c->path[len] = '\0';
}

/* An error about the value at key of the current path. */
static void
err_at(struct ctx *c, const char *key, const char *fmt, ...)
{
	size_t mark = push_key(c, key);
	va_list ap;

	va_start(ap, fmt);
	vdiag(c, 0, 0, 0, c->path, fmt, ap);
	va_end(ap);
	pop(c, mark);
}

/* Set the path to "array[index]" or "array[index].key". */
static void
set_path(struct ctx *c, const char *array, size_t index, const char *key)
{
	pop(c, 0);
	push_key(c, array);
	push_index(c, index);
	if (key != NULL)
		push_key(c, key);
}

/* UTF-8. */

/*
 * Decode the character at s (n bytes available): its length, with the
 * code point in *cp, or 0 when the bytes are not valid UTF-8 (overlong,
 * surrogate, over U+10FFFF, truncated, stray continuation byte).
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t v;
	size_t len, k;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		v = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		v = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		v = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3f);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && v < 0x10000) ||
	    v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

/* How many bytes an invalid sequence at s spans: the lead and its tail. */
static size_t
utf8_bad_len(const unsigned char *s, size_t n)
{
	size_t k = 1;

	if (s[0] >= 0xc0)
		while (k < n && k < 4 && (s[k] & 0xc0) == 0x80)
			k++;
	return k;
}

static const char *
control_name(uint32_t cp)
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

/*
 * A string from the file made safe to put in a message: quotes and
 * backslashes escaped, control characters as \uXXXX, invalid bytes as
 * \xNN, and cut after 40 characters.
 */
struct shown {
	char s[40 * 6 + 8];
};

static const char *
show(struct shown *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, o = 0, chars = 0, k;
	uint32_t cp;

	while (i < n) {
		if (chars == 40) {
			memcpy(b->s + o, "...", 3);
			o += 3;
			break;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			o += (size_t)snprintf(b->s + o, 6, "\\x%02X", s[i]);
			k = 1;
		} else if (outside_is_control(cp) || outside_is_bidi(cp))
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

/* Pass 1: the bytes. */

/*
 * The message for a bidi control: it would reorder what the terminal
 * shows around it, so that a line reads other than it is.  written: the
 * four hex digits of its escape, or NULL when it is raw.
 */
static const char *
bidi_message(uint32_t cp, const char *written)
{
	static char msg[128];

	snprintf(msg, sizeof msg,
	    "bidi control U+%04X is not allowed: it reorders the text around "
	    "it%s%.4s%s",
	    cp, written != NULL ? " (written \\u" : "",
	    written != NULL ? written : "", written != NULL ? ")" : "");
	return msg;
}

static int
hexval(unsigned char h)
{
	if (h >= '0' && h <= '9')
		return h - '0';
	if (h >= 'a' && h <= 'f')
		return h - 'a' + 10;
	if (h >= 'A' && h <= 'F')
		return h - 'A' + 10;
	return -1;
}

/*
 * Report every invalid UTF-8 sequence and every control character, raw or
 * escaped in a string, with its line and column.  Outside strings, space,
 * tab, line feed and carriage return are JSON white space; inside a
 * string nothing below U+0020 is allowed, raw or escaped.  Returns the
 * deepest nesting of objects and arrays.
 */
static size_t
scan_bytes(struct ctx *c, const unsigned char *s, size_t len)
{
	size_t i = 0, k, depth = 0, maxdepth = 0;
	int line = 1, col = 1, in_str = 0, esc = 0;
	uint32_t cp;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			size_t bad = utf8_bad_len(s + i, len - i), b;
			char hex[16];

			hex[0] = '\0';
			for (b = 0; b < bad; b++)
				snprintf(hex + strlen(hex),
				    sizeof hex - strlen(hex),
				    b == 0 ? "%02X" : " %02X", s[i + b]);
			c->raw_bad = 1;
			diag(c, 0, line, col, NULL, "invalid UTF-8 (%s %s)",
			    bad == 1 ? "byte" : "bytes", hex);
			i += bad;
			col++;
			esc = 0;
			continue;
		}
		if (cp == '\n' && in_str) {
			/*
			 * JSON strings never span lines: most likely a quote
			 * is missing.  Start afresh on the next line, so that
			 * one missing quote is one error, not one a line.
			 */
			c->raw_bad = 1;
			diag(c, 0, line, col, NULL,
			    "line break inside a string (a missing '\"'?)");
			in_str = 0;
		} else if (outside_is_control(cp) &&
			   (in_str || (cp != ' ' && cp != '\t' && cp != '\n' &&
					  cp != '\r'))) {
			c->raw_bad = 1;
			diag(c, 0, line, col, NULL,
			    "control character U+%04X%s is not allowed", cp,
			    control_name(cp));
		} else if (outside_is_bidi(cp)) {
			c->raw_bad = 1;
			diag(c, 0, line, col, NULL, "%s",
			    bidi_message(cp, NULL));
		}
		if (cp == '\n') {
			line++;
			col = 1;
			i++;
			esc = 0;
			continue;
		}
		if (in_str && esc) {
			/* The character after a backslash. */
			esc = 0;
			if (cp == 'u' && len - i >= 5 &&
			    hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0 &&
			    hexval(s[i + 3]) >= 0 && hexval(s[i + 4]) >= 0) {
				uint32_t v = (uint32_t)(hexval(s[i + 1]) << 12 |
							hexval(s[i + 2]) << 8 |
							hexval(s[i + 3]) << 4 |
							hexval(s[i + 4]));

				if (outside_is_control(v)) {
					c->raw_bad = 1;
					diag(c, 0, line, col - 1, NULL,
					    "control character U+%04X%s "
					    "is not allowed (written \\u%.4s)",
					    v, control_name(v),
					    (const char *)s + i + 1);
				} else if (outside_is_bidi(v)) {
					c->raw_bad = 1;
					diag(c, 0, line, col - 1, NULL, "%s",
					    bidi_message(
						v, (const char *)s + i + 1));
				}
				i += 5;
				col += 5;
				continue;
			}
			if (cp == 'b' || cp == 'f' || cp == 'n' || cp == 'r' ||
			    cp == 't') {
				uint32_t v = cp == 'b'   ? 8
					     : cp == 'f' ? 12
					     : cp == 'n' ? 10
					     : cp == 'r' ? 13
							 : 9;

				c->raw_bad = 1;
				diag(c, 0, line, col - 1, NULL,
				    "control character U+%04X%s is not allowed "
				    "(written \\%c)",
				    v, control_name(v), (char)cp);
			}
		} else if (in_str) {
			if (cp == '\\')
				esc = 1;
			else if (cp == '"')
				in_str = 0;
		} else if (cp == '"')
			in_str = 1;
		else if (cp == '{' || cp == '[') {
			if (++depth > maxdepth)
				maxdepth = depth;
		} else if ((cp == '}' || cp == ']') && depth > 0)
			depth--;
		i += k;
		col++;
	}
	return maxdepth;
}

/* The 1-based line and column (in characters) of byte offset off. */
static void
position(const unsigned char *s, size_t len, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((s[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* Whether offset off is inside a string, and where that string starts. */
static int
in_string_at(const unsigned char *s, size_t off, size_t *start)
{
	size_t i;
	int in_str = 0, esc = 0;

	for (i = 0; i < off; i++) {
		if (in_str) {
			if (esc)
				esc = 0;
			else if (s[i] == '\\')
				esc = 1;
			else if (s[i] == '"')
				in_str = 0;
		} else if (s[i] == '"') {
			in_str = 1;
			*start = i;
		}
	}
	return in_str;
}

/* Pass 2: the syntax. */

/*
 * Say what went wrong where cJSON stopped: it gives an offset, not a
 * reason, so guess the reason from what is around it.
 */
static void
syntax_error(struct ctx *c, const unsigned char *s, size_t len, size_t off,
    size_t maxdepth)
{
	size_t start = 0, p;
	int line, col;
	uint32_t cp = 0; /* stays 0 when the byte there is not UTF-8 */
	char what[80];
	cJSON *lenient;

	if (off > len)
		off = len;
	if (maxdepth >= CJSON_NESTING_LIMIT) {
		position(s, len, off, &line, &col);
		diag(c, 0, line, col, NULL,
		    "syntax error: objects and arrays nested more than %d deep",
		    CJSON_NESTING_LIMIT - 1);
		return;
	}
	if (in_string_at(s, off, &start)) {
		/* cJSON points into a string it could not read. */
		int closed = 0, esc = 0;

		for (p = start + 1; p < len; p++) {
			if (esc)
				esc = 0;
			else if (s[p] == '\\')
				esc = 1;
			else if (s[p] == '"') {
				closed = 1;
				break;
			}
		}
		position(s, len, start, &line, &col);
		diag(c, 0, line, col, NULL, "syntax error: %s",
		    closed ? "a string with a bad escape (a backslash must be "
			     "followed by \", \\, /, b, f, n, r, t or uXXXX)"
			   : "a string that is never closed (a missing '\"')");
		return;
	}

	/* Text after a complete value, or a real error inside it? */
	lenient = cJSON_ParseWithLengthOpts((const char *)s, len + 1, NULL, 0);
	if (lenient != NULL) {
		cJSON_Delete(lenient);
		position(s, len, off, &line, &col);
		diag(c, 0, line, col, NULL,
		    "syntax error: text after the end of the data");
		return;
	}

	if (off >= len) {
		position(s, len, off, &line, &col);
		diag(c, 0, line, col, NULL,
		    "syntax error: unexpected end of file (a missing '}' or "
		    "']'?)");
		return;
	}
	if (utf8_decode(s + off, len - off, &cp) == 0)
		snprintf(what, sizeof what, "byte %02X", s[off]);
	else if (cp >= 0x21 && cp < 0x7f)
		snprintf(what, sizeof what, "'%c'", (char)cp);
	else
		snprintf(what, sizeof what, "character U+%04X", cp);

	/* The character before, ignoring white space. */
	p = off;
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t' ||
			    s[p - 1] == '\n' || s[p - 1] == '\r'))
		p--;
	position(s, len, off, &line, &col);
	if ((cp == '}' || cp == ']') && p > 0 && s[p - 1] == ',')
		diag(c, 0, line, col, NULL,
		    "syntax error: unexpected %s after a comma (remove the "
		    "comma)",
		    what);
	else if (cp == '\'')
		diag(c, 0, line, col, NULL,
		    "syntax error: unexpected %s (JSON strings use double "
		    "quotes)",
		    what);
	else if (p > 0 && s[p - 1] != '\0' &&
		 strchr("\"}]0123456789el", s[p - 1]) != NULL &&
		 (cp == '"' || cp == '{' || cp == '['))
		diag(c, 0, line, col, NULL,
		    "syntax error: unexpected %s (a missing ',' or ':' before "
		    "it?)",
		    what);
	else
		diag(
		    c, 0, line, col, NULL, "syntax error: unexpected %s", what);
}

static void *
cjson_malloc(size_t n)
{
	return xmalloc(n);
}

/*
 * Passes 1 and 2 over s (len bytes, followed by a NUL that is not part of
 * the content).  Returns the tree, or NULL when the syntax is wrong or the
 * file is not UTF-8.  Caller deletes the tree.
 */
static cJSON *
parse(struct ctx *c, const char *buf, size_t len)
{
	static int hooked;
	const unsigned char *s = (const unsigned char *)buf;
	const char *end = NULL;
	size_t maxdepth;
	cJSON *root;

	if (!hooked) {
		/* Out of memory exits; it is never a "syntax error". */
		cJSON_Hooks hooks = { cjson_malloc, free };

		cJSON_InitHooks(&hooks);
		hooked = 1;
	}

	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) ||
			    (s[0] == 0xfe && s[1] == 0xff))) {
		diag(c, 0, 0, 0, NULL, "the file is UTF-16: save it as UTF-8");
		return NULL;
	}
	if (len >= 4 &&
	    ((s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0) ||
		(s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0))) {
		diag(c, 0, 0, 0, NULL,
		    "the file looks like UTF-16: save it as UTF-8");
		return NULL;
	}
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		/* A UTF-8 byte-order mark: harmless, and not counted. */
		s += 3;
		len -= 3;
	}

	maxdepth = scan_bytes(c, s, len);
	if (c->nerrshown > LOAD_MAX_DIAGS)
		return NULL; /* not JSON, most likely: stop there */
	root = cJSON_ParseWithLengthOpts((const char *)s, len + 1, &end, 1);
	if (root == NULL) {
		size_t off = end != NULL && end >= (const char *)s
				 ? (size_t)(end - (const char *)s)
				 : len;

		syntax_error(c, s, len, off, maxdepth);
	}
	return root;
}

/* Pass 3: the meaning. */

static const char *
type_name(const cJSON *v)
{
	if (cJSON_IsObject(v))
		return "an object";
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	if (cJSON_IsNull(v))
		return "null";
	return "something else";
}

/* The distance between two short strings (a swap counts as one edit). */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[LOAD_MAX_ID + 1][LOAD_MAX_ID + 1];

	if (la > LOAD_MAX_ID || lb > LOAD_MAX_ID)
		return SIZE_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

/*
 * Check the keys of an object against the known ones: a known key given
 * twice is an error, an unknown key a warning naming the nearest known.
 */
static void
check_keys(
    struct ctx *c, const cJSON *obj, const char *const *known, size_t nknown)
{
	unsigned char seen[64] = { 0 };
	const cJSON *m;
	size_t i, best, bestd, d, limit;
	struct shown b;

	for (m = obj->child; m != NULL; m = m->next) {
		const char *key = m->string != NULL ? m->string : "";

		for (i = 0; i < nknown; i++)
			if (strcmp(key, known[i]) == 0)
				break;
		if (i < nknown && i < sizeof seen) {
			if (seen[i])
				err(c, "key \"%s\" given twice", key);
			seen[i] = 1;
			continue;
		}
		if (c->nwarnshown > LOAD_MAX_DIAGS)
			continue; /* no need to look for a suggestion */
		best = nknown;
		bestd = SIZE_MAX;
		for (i = 0; i < nknown; i++) {
			d = edit_distance(key, known[i]);
			if (d < bestd) {
				bestd = d;
				best = i;
			}
		}
		limit = best < nknown ? strlen(known[best]) : 0;
		limit = limit <= 3 ? 1 : limit <= 6 ? 2 : 3;
		if (best < nknown && bestd <= limit)
			warn(c, "unknown key \"%s\" (did you mean \"%s\"?)",
			    show(&b, key), known[best]);
		else
			warn(c, "unknown key \"%s\"", show(&b, key));
	}
}

/* A member of obj by its exact key; report it if required and missing. */
static const cJSON *
member(struct ctx *c, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL && required)
		err(c, "missing required key \"%s\"", key);
	return v;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) ||
	       cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

/*
 * Whether a character shows nothing by itself: a space or separator, a
 * format character (zero-width, joiners, bidi marks), a combining mark
 * (nothing to combine with when alone), a default-ignorable code point
 * (variation selectors, Hangul fillers), or the blank Braille pattern.
 */
static int
is_invisible(uint32_t cp)
{
	return uc_is_general_category_withtable(
		   cp, UC_CATEGORY_MASK_Z | UC_CATEGORY_MASK_M |
			   UC_CATEGORY_MASK_Cf | UC_CATEGORY_MASK_Cc) ||
	       uc_is_property_default_ignorable_code_point(cp) || cp == 0x2800;
}

/*
 * Check decoded text: it must show something (a crisis line made of
 * zero-width characters would be blank on every screen), and hold no
 * control character and no bidi control.  The byte scan has already
 * reported those in the file, so this finds one only if that scan missed
 * it: a second net, since content must never reach the terminal with one.
 */
static int
check_text(struct ctx *c, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i, k;
	int blank = 1, invisible = 1;
	uint32_t cp, first = 0;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			if (!c->raw_bad)
				err(c, "text is not valid UTF-8");
			else
				c->nerrors++;
			return -1;
		}
		if (outside_is_control(cp) || outside_is_bidi(cp)) {
			if (c->raw_bad)
				c->nerrors++;
			else if (outside_is_bidi(cp))
				err(c, "%s", bidi_message(cp, NULL));
			else
				err(c,
				    "control character U+%04X%s is not "
				    "allowed",
				    cp, control_name(cp));
			return -1;
		}
		if (!is_space(cp))
			blank = 0;
		if (!is_invisible(cp))
			invisible = 0;
		else if (first == 0 && !is_space(cp))
			first = cp;
	}
	if (blank) {
		err(c, "must not be empty");
		return -1;
	}
	if (invisible) {
		err(c,
		    "shows nothing: only invisible characters, such as U+%04X",
		    first);
		return -1;
	}
	if (n > LOAD_MAX_TEXT) {
		err(c, "text is %zu bytes long (the limit is %d)", n,
		    LOAD_MAX_TEXT);
		return -1;
	}
	return 0;
}

/* The value as text: a copy, or NULL after reporting what is wrong. */
static char *
value_text(struct ctx *c, const cJSON *v)
{
	if (!cJSON_IsString(v) || v->valuestring == NULL) {
		err(c, "must be a string, not %s", type_name(v));
		return NULL;
	}
	if (check_text(c, v->valuestring) != 0)
		return NULL;
	return xstrdup(v->valuestring);
}

/* Placeholders. */

/*
 * The next placeholder in s: "{", then a-z, "_" and ".", then "}" (braces
 * around anything else are text).  Returns where it starts, with its
 * length in *len, or NULL.
 */
static const char *
next_placeholder(const char *s, size_t *len)
{
	const char *open, *q;

	for (open = strchr(s, '{'); open != NULL;
	     open = strchr(open + 1, '{')) {
		for (q = open + 1;
		     (*q >= 'a' && *q <= 'z') || *q == '_' || *q == '.'; q++)
			;
		if (*q == '}' && q > open + 1 && q - open <= LOAD_MAX_ID) {
			*len = (size_t)(q - open) + 1;
			return open;
		}
	}
	return NULL;
}

/* Which content placeholder the n bytes at p are, or -1. */
static int
placeholder_of(const char *p, size_t n)
{
	for (int k = 0; k < NPLACEHOLDERS; k++)
		if (strlen(ph_names[k]) == n && memcmp(p, ph_names[k], n) == 0)
			return k;
	return -1;
}

/* The file's own value of placeholder k. */
static const char *
own_value(const struct guide *g, int k)
{
	switch (k) {
	case PH_EMERGENCY:
		return g->emergency;
	case PH_CRISIS_CALL:
		return g->crisis_call;
	case PH_CRISIS_TEXT:
		return g->crisis_text;
	default:
		return g->region;
	}
}

/*
 * Check the placeholders of content text at the current path.  filled:
 * whether the program fills them in here (paragraphs, list items, to-do
 * items and choices), else they would be shown as they are.  A known one
 * needs a value in the file itself, which is the value without a site.
 */
static void
check_sentence(struct ctx *c, const char *s, int filled)
{
	const char *at;
	size_t n;
	int k;
	struct shown b;
	char name[LOAD_MAX_ID + 3];

	for (at = next_placeholder(s, &n); at != NULL;
	     at = next_placeholder(at + n, &n)) {
		memcpy(name, at, n);
		name[n] = '\0';
		k = placeholder_of(at, n);
		if (k < 0)
			warn(c,
			    "unknown placeholder \"%s\" (the program fills in "
			    "{emergency}, {crisis.call}, {crisis.text} and "
			    "{region})",
			    show(&b, name));
		else if (!filled)
			warn(c,
			    "%s is shown as it is: placeholders are filled "
			    "only in paragraphs, list items, to-do items and "
			    "choices",
			    name);
		else if (own_value(c->g, k) == NULL)
			err(c, "%s has no value: give \"%s\" in this file",
			    name, ph_keys[k]);
	}
}

/*
 * Text t with every content placeholder filled from v.  Returns a copy
 * (caller frees), or NULL when one of them has no value: then the text is
 * left out, since a sentence without its number would mislead.
 */
static char *
fill(const char *t, const char *const v[NPLACEHOLDERS])
{
	const char *at, *p = t;
	size_t n, len = 0, cap = strlen(t) + 1;
	char *out = xmalloc(cap);
	int k;

	for (at = next_placeholder(p, &n); at != NULL;
	     at = next_placeholder(p, &n)) {
		const char *val = NULL;
		size_t vn;

		if ((k = placeholder_of(at, n)) < 0) {
			/* not ours: shown as it is */
			val = at;
			vn = n;
		} else if ((val = v[k]) == NULL) {
			free(out);
			return NULL;
		} else
			vn = strlen(val);
		cap += (size_t)(at - p) + vn;
		out = xreallocarray(out, cap, 1);
		memcpy(out + len, p, (size_t)(at - p));
		len += (size_t)(at - p);
		memcpy(out + len, val, vn);
		len += vn;
		p = at + n;
	}
	strcpy(out + len, p);
	return out;
}

/* Whether s is an id: 1 to LOAD_MAX_ID bytes of a-z, 0-9 and '-'. */
static int
is_id(const char *s)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++) {
		if (!((s[n] >= 'a' && s[n] <= 'z') ||
			(s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return 0;
	}
	return n >= 1 && n <= LOAD_MAX_ID;
}

/* The value as an id: a pointer into the tree, or NULL after reporting. */
static const char *
value_id(struct ctx *c, const cJSON *v)
{
	if (!cJSON_IsString(v) || v->valuestring == NULL) {
		err(c, "must be a string, not %s", type_name(v));
		return NULL;
	}
	if (!is_id(v->valuestring)) {
		err(c,
		    "must be an id: 1 to %d characters of a-z, 0-9 and "
		    "\"-\"",
		    LOAD_MAX_ID);
		return NULL;
	}
	return v->valuestring;
}

static char *
field_text(struct ctx *c, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = member(c, obj, key, required);
	size_t mark;
	char *s;

	if (v == NULL)
		return NULL;
	mark = push_key(c, key);
	s = value_text(c, v);
	pop(c, mark);
	return s;
}

static char *
field_id(struct ctx *c, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = member(c, obj, key, required);
	const char *id;
	size_t mark;

	if (v == NULL)
		return NULL;
	mark = push_key(c, key);
	id = value_id(c, v);
	pop(c, mark);
	return id != NULL ? xstrdup(id) : NULL;
}

/* A whole number from lo to hi: 0, or -1 (absent or reported). */
static int
value_int(struct ctx *c, const cJSON *v, int lo, int hi, int *out)
{
	double d;

	if (!cJSON_IsNumber(v)) {
		err(c, "must be a whole number, not %s", type_name(v));
		return -1;
	}
	d = v->valuedouble;
	if (!(d >= INT_MIN && d <= INT_MAX) || (double)(int)d != d) {
		err(c, "must be a whole number");
		return -1;
	}
	if ((int)d < lo || (int)d > hi) {
		err(c, "must be a whole number from %d to %d", lo, hi);
		return -1;
	}
	*out = (int)d;
	return 0;
}

/* The object value of obj.key, or NULL (absent, or reported). */
static const cJSON *
field_object(struct ctx *c, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = member(c, obj, key, required);

	if (v == NULL || cJSON_IsObject(v))
		return v;
	err_at(c, key, "must be an object, not %s", type_name(v));
	return NULL;
}

/* The array value of obj.key, or NULL (absent, or reported). */
static const cJSON *
field_array(struct ctx *c, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = member(c, obj, key, required);

	if (v == NULL || cJSON_IsArray(v))
		return v;
	err_at(c, key, "must be an array, not %s", type_name(v));
	return NULL;
}

static size_t
array_len(const cJSON *a)
{
	const cJSON *e;
	size_t n = 0;

	for (e = a != NULL ? a->child : NULL; e != NULL; e = e->next)
		n++;
	return n;
}

/* Whether s is a language code: 2 or 3 lowercase ASCII letters. */
static int
is_lang(const char *s)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++)
		if (s[n] < 'a' || s[n] > 'z')
			return 0;
	return n == 2 || n == 3;
}

/* Ids in the tree. */

static int
idref_cmp(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int r = strcmp(x->id, y->id);

	if (r != 0)
		return r;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Collect the ids of the objects in array key of root, sorted, and report
 * an id that an earlier object already has.  Bad ids are left to the walk.
 */
static void
collect_ids(struct ctx *c, const cJSON *root, const char *key, const char *what,
    struct idtab *t)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, key), *e, *id;
	size_t i, n = 0, mark = c->pathlen;

	if (!cJSON_IsArray(a))
		return;
	t->v = xcalloc(array_len(a), sizeof *t->v);
	for (e = a->child, i = 0; e != NULL; e = e->next, i++) {
		id = cJSON_GetObjectItemCaseSensitive(e, "id");
		if (cJSON_IsObject(e) && cJSON_IsString(id) &&
		    id->valuestring != NULL && is_id(id->valuestring)) {
			t->v[n].id = id->valuestring;
			t->v[n].index = i;
			n++;
		}
	}
	t->n = n;
	qsort(t->v, n, sizeof *t->v, idref_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(t->v[i].id, t->v[i - 1].id) != 0)
			continue;
		pop(c, mark);
		push_key(c, key);
		push_index(c, t->v[i].index);
		push_key(c, "id");
		/* Point at the first holder, which sorts before the rest. */
		{
			size_t first = i - 1;

			while (first > 0 &&
			       strcmp(t->v[first - 1].id, t->v[i].id) == 0)
				first--;
			err(c, "%s id \"%s\" is already used by %s[%zu]", what,
			    t->v[i].id, key, t->v[first].index);
		}
	}
	pop(c, mark);
}

/* The index of the first object with this id, or (size_t)-1. */
static size_t
lookup(const struct idtab *t, const char *id)
{
	size_t lo = 0, hi = t->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(t->v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->n && strcmp(t->v[lo].id, id) == 0)
		return t->v[lo].index;
	return (size_t)-1;
}

/* The value as a reference to an object of a table: its index, or -1. */
static size_t
value_ref(
    struct ctx *c, const cJSON *v, const struct idtab *t, const char *what)
{
	const char *id = value_id(c, v);
	size_t i;

	if (id == NULL)
		return (size_t)-1;
	i = lookup(t, id);
	if (i == (size_t)-1)
		err(c, "no %s has the id \"%s\"", what, id);
	return i;
}

/* The array obj.key of references into t, resolved into *out. */
static void
field_refs(struct ctx *c, const cJSON *obj, const char *key,
    const struct idtab *t, const char *what, size_t **out, size_t *nout)
{
	const cJSON *a = field_array(c, obj, key, 0), *e;
	size_t mark, mark2, i, k;

	if (a == NULL)
		return;
	mark = push_key(c, key);
	*out = xcalloc(array_len(a), sizeof **out);
	for (e = a->child, i = 0; e != NULL; e = e->next, i++) {
		mark2 = push_index(c, i);
		k = value_ref(c, e, t, what);
		if (k != (size_t)-1)
			(*out)[(*nout)++] = k;
		pop(c, mark2);
	}
	pop(c, mark);
}

/*
 * A block's "on": the modes it is shown in, as GUIDE_ON_* bits.  Absent
 * means everywhere.
 */
static unsigned
walk_on(struct ctx *c, const cJSON *o)
{
	const cJSON *a = field_array(c, o, "on", 0), *e;
	unsigned on = 0;
	size_t i, k, mark, mark2;

	if (a == NULL)
		return GUIDE_ON_ALL;
	mark = push_key(c, "on");
	if (a->child == NULL)
		err(c, "must name at least one of \"screen\", \"plain\", "
		       "\"paper\"");
	for (e = a->child, i = 0; e != NULL; e = e->next, i++) {
		mark2 = push_index(c, i);
		for (k = 0; k < NELEM(on_names); k++) {
			if (cJSON_IsString(e) &&
			    strcmp(e->valuestring, on_names[k]) == 0)
				break;
		}
		if (k < NELEM(on_names))
			on |= 1u << k;
		else
			err(c, "must be \"screen\", \"plain\" or \"paper\"");
		pop(c, mark2);
	}
	pop(c, mark);
	return on != 0 ? on : GUIDE_ON_ALL;
}

/* A screen and its index, for the walks of its parts. */
struct screen_at {
	struct guide_screen *s;
	size_t si;
};

/*
 * The region mark at obj.region, if there is one, on what (on, screen, i,
 * j) names: kept (as a pointer into the tree) for apply_site.
 */
static void
walk_mark(struct ctx *c, const cJSON *obj, enum mark_on on, size_t screen,
    size_t i, size_t j)
{
	const cJSON *v = member(c, obj, "region", 0);
	size_t mark;
	char *text;

	if (v == NULL)
		return;
	mark = push_key(c, "region");
	text = value_text(c, v);
	pop(c, mark);
	if (text == NULL)
		return;
	free(text);
	c->marks = xreallocarray(c->marks, c->nmarks + 1, sizeof *c->marks);
	c->marks[c->nmarks++] =
	    (struct mark){ on, screen, i, j, v->valuestring };
}

/* Content text that the program fills placeholders in: a copy, or NULL
 * after reporting. */
static char *
value_sentence(struct ctx *c, const cJSON *v)
{
	char *t = value_text(c, v);

	if (t != NULL)
		check_sentence(c, t, 1);
	return t;
}

/* The same for obj.key. */
static char *
field_sentence(struct ctx *c, const cJSON *obj, const char *key, int required)
{
	const cJSON *v = member(c, obj, key, required);
	size_t mark;
	char *t;

	if (v == NULL)
		return NULL;
	mark = push_key(c, key);
	t = value_sentence(c, v);
	pop(c, mark);
	return t;
}

/* List item j of block b of screen at: text, or {"text", "region"}. */
static void
walk_item(struct ctx *c, const cJSON *item, const struct screen_at *at,
    struct guide_block *b)
{
	char *t;

	if (cJSON_IsObject(item)) {
		check_keys(c, item, item_keys, NELEM(item_keys));
		t = field_sentence(c, item, "text", 1);
		walk_mark(c, item, MARK_ITEM, at->si, at->s->nbody, b->nitems);
	} else
		t = value_sentence(c, item);
	if (t != NULL)
		b->items[b->nitems++] = t;
}

/* One body block given as an object: {"text": ...} or {"list": [...]}. */
static void
walk_block(struct ctx *c, const cJSON *e, const struct screen_at *at)
{
	struct guide_screen *s = at->s;
	struct guide_block *b = &s->body[s->nbody];
	const cJSON *list, *item;
	size_t j, mark;
	int has_text = member(c, e, "text", 0) != NULL;
	int has_list = member(c, e, "list", 0) != NULL;

	check_keys(c, e, block_keys, NELEM(block_keys));
	if (has_text == has_list) {
		err(c, "must have either \"text\" or \"list\"");
		return;
	}
	b->on = walk_on(c, e);
	walk_mark(c, e, MARK_BLOCK, at->si, s->nbody, 0);
	if (has_text) {
		if ((b->text = field_sentence(c, e, "text", 1)) != NULL)
			s->nbody++;
		return;
	}
	if ((list = field_array(c, e, "list", 1)) == NULL)
		return;
	mark = push_key(c, "list");
	if (list->child == NULL)
		err(c, "must not be empty");
	b->items = xcalloc(array_len(list), sizeof *b->items);
	for (item = list->child, j = 0; item != NULL; item = item->next, j++) {
		size_t mark2 = push_index(c, j);

		walk_item(c, item, at, b);
		pop(c, mark2);
	}
	s->nbody++;
	pop(c, mark);
}

static void
walk_body(struct ctx *c, const cJSON *a, const struct screen_at *at)
{
	struct guide_screen *s = at->s;
	const cJSON *e;
	size_t i, mark;
	struct guide_block *b;

	s->body = xcalloc(array_len(a), sizeof *s->body);
	for (e = a->child, i = 0; e != NULL; e = e->next, i++) {
		mark = push_index(c, i);
		b = &s->body[s->nbody];
		if (cJSON_IsString(e)) {
			b->on = GUIDE_ON_ALL;
			if ((b->text = value_sentence(c, e)) != NULL)
				s->nbody++;
		} else if (cJSON_IsObject(e))
			walk_block(c, e, at);
		else
			err(c,
			    "must be a string or an object with \"text\" or "
			    "\"list\", not %s",
			    type_name(e));
		pop(c, mark);
	}
}

/* The screen that obj.key (required) refers to: its index, or 0 after
 * reporting. */
static size_t
field_screen(struct ctx *c, const cJSON *obj, const char *key)
{
	const cJSON *v = member(c, obj, key, 1);
	size_t mark, k;

	if (v == NULL)
		return 0;
	mark = push_key(c, key);
	k = value_ref(c, v, &c->screens, "screen");
	pop(c, mark);
	return k != (size_t)-1 ? k : 0;
}

/*
 * Walk the array a found at key of the current path: each element, under
 * its index in the path, must be an object whose keys are among keys; fn
 * gets each one that is (e, its index i, arg), the others are reported.
 */
static void
walk_objects(struct ctx *c, const cJSON *a, const char *key,
    const char *const *keys, size_t nkeys,
    void (*fn)(struct ctx *, const cJSON *, size_t, void *), void *arg)
{
	const cJSON *e;
	size_t i, mark, mark2;

	mark = push_key(c, key);
	for (e = a->child, i = 0; e != NULL; e = e->next, i++) {
		mark2 = push_index(c, i);
		if (!cJSON_IsObject(e))
			err(c, "must be an object, not %s", type_name(e));
		else {
			check_keys(c, e, keys, nkeys);
			fn(c, e, i, arg);
		}
		pop(c, mark2);
	}
	pop(c, mark);
}

static void
walk_todo(struct ctx *c, const cJSON *e, size_t i, void *arg)
{
	struct screen_at *at = arg;
	struct guide_todo *t = &at->s->todos[at->s->ntodos++];

	t->id = field_id(c, e, "id", 1);
	t->text = field_sentence(c, e, "text", 1);
	walk_mark(c, e, MARK_TODO, at->si, i, 0);
	if (t->id != NULL) {
		c->todos[c->ntodos].id = t->id;
		c->todos[c->ntodos].screen = at->si;
		c->todos[c->ntodos].todo = i;
		c->ntodos++;
	}
}

static void
walk_choice(struct ctx *c, const cJSON *e, size_t i, void *arg)
{
	struct screen_at *at = arg;
	struct guide_choice *ch = &at->s->choices[at->s->nchoices++];

	ch->label = field_sentence(c, e, "label", 1);
	ch->target = field_screen(c, e, "to");
	walk_mark(c, e, MARK_CHOICE, at->si, i, 0);
}

/* One of the names in a list: its index, or -1 after reporting. */
static int
field_enum(struct ctx *c, const cJSON *obj, const char *key, int required,
    const char *const *names, size_t n, const char *expected)
{
	const cJSON *v = member(c, obj, key, required);
	size_t mark, i;
	int r = -1;

	if (v == NULL)
		return -1;
	mark = push_key(c, key);
	if (!cJSON_IsString(v) || v->valuestring == NULL)
		err(c, "must be a string, not %s", type_name(v));
	else {
		for (i = 0; i < n; i++)
			if (strcmp(v->valuestring, names[i]) == 0)
				r = (int)i;
		if (r < 0)
			err(c, "must be %s", expected);
	}
	pop(c, mark);
	return r;
}

/* Screen si of the guide arg. */
static void
walk_screen(struct ctx *c, const cJSON *o, size_t si, void *arg)
{
	static const char *const audiences[] = { "youth", "adult" };
	struct guide_screen *s = &((struct guide *)arg)->screens[si];
	struct screen_at at = { s, si };
	const cJSON *v;
	size_t mark;
	int k;

	s->id = field_id(c, o, "id", 1);
	s->title = field_text(c, o, "title", 1);
	if (s->title != NULL) {
		mark = push_key(c, "title");
		check_sentence(c, s->title, 0);
		pop(c, mark);
	}
	walk_mark(c, o, MARK_SCREEN, si, 0, 0);
	k = field_enum(c, o, "audience", 1, audiences, NELEM(audiences),
	    "\"youth\" or \"adult\"");
	s->audience = k == 1 ? GUIDE_ADULT : GUIDE_YOUTH;
	k = field_enum(c, o, "kind", 0, kind_names, NELEM(kind_names),
	    "one of \"text\", \"plan\", \"sources\", \"languages\", \"help\"");
	s->kind = k > 0 ? (enum guide_kind)k : GUIDE_KIND_TEXT;
	if (k > 0) {
		if (c->kind_screen[k] != 0)
			err_at(c, "kind",
			    "only one screen may have kind \"%s\" "
			    "(screens[%zu] has it already)",
			    kind_names[k], c->kind_screen[k] - 1);
		else
			c->kind_screen[k] = si + 1;
	}
	if ((v = member(c, o, "step", 0)) != NULL) {
		mark = push_key(c, "step");
		if (value_int(c, v, 1, GUIDE_STEPS, &s->step) != 0)
			s->step = 0;
		pop(c, mark);
	}
	if ((v = field_array(c, o, "body", 0)) != NULL) {
		mark = push_key(c, "body");
		walk_body(c, v, &at);
		pop(c, mark);
	}
	if ((v = field_array(c, o, "todo", 0)) != NULL) {
		s->todos = xcalloc(array_len(v), sizeof *s->todos);
		c->todos = xreallocarray(
		    c->todos, c->ntodos + array_len(v), sizeof *c->todos);
		walk_objects(
		    c, v, "todo", todo_keys, NELEM(todo_keys), walk_todo, &at);
	}
	if ((v = field_array(c, o, "choices", 0)) != NULL) {
		s->choices = xcalloc(array_len(v), sizeof *s->choices);
		walk_objects(c, v, "choices", choice_keys, NELEM(choice_keys),
		    walk_choice, &at);
	}
	field_refs(c, o, "resources", &c->resources, "resource", &s->resources,
	    &s->nresources);
	field_refs(
	    c, o, "sources", &c->sources, "source", &s->sources, &s->nsources);
}

static void
walk_screens(struct ctx *c, const cJSON *root, struct guide *g)
{
	const cJSON *a = field_array(c, root, "screens", 1);

	if (a == NULL)
		return;
	if (a->child == NULL)
		err_at(c, "screens", "must have at least one screen");
	g->screens = xcalloc(array_len(a), sizeof *g->screens);
	g->nscreens = array_len(a);
	walk_objects(
	    c, a, "screens", screen_keys, NELEM(screen_keys), walk_screen, g);
}

/* Step i (from 0) of the guide arg; one past the fifth is checked and
 * dropped. */
static void
walk_step(struct ctx *c, const cJSON *e, size_t i, void *arg)
{
	struct guide *g = arg;
	struct guide_step scratch = { 0 },
			  *st = i < GUIDE_STEPS ? &g->steps[i] : &scratch;
	const cJSON *v;
	size_t mark;
	int num;

	if ((v = member(c, e, "number", 1)) != NULL) {
		mark = push_key(c, "number");
		if (!cJSON_IsNumber(v))
			err(c, "must be a whole number, not %s", type_name(v));
		else if (v->valuedouble != (double)(i + 1))
			err(c,
			    "must be %zu (the steps are numbered 1 "
			    "to %d, in order)",
			    i + 1, GUIDE_STEPS);
		else if (value_int(c, v, 1, GUIDE_STEPS, &num) == 0)
			st->number = num;
		pop(c, mark);
	}
	st->title = field_text(c, e, "title", 1);
	st->screen = field_screen(c, e, "screen");
	free(scratch.title);
}

static void
walk_steps(struct ctx *c, const cJSON *root, struct guide *g)
{
	const cJSON *a = field_array(c, root, "steps", 1);
	size_t i, n;

	for (i = 0; i < GUIDE_STEPS; i++)
		g->steps[i].number = (int)i + 1;
	if (a == NULL)
		return;
	n = array_len(a);
	if (n != GUIDE_STEPS)
		err_at(c, "steps", "must list exactly %d steps, not %zu",
		    GUIDE_STEPS, n);
	walk_objects(c, a, "steps", step_keys, NELEM(step_keys), walk_step, g);
}

/* Resource i of the guide arg. */
static void
walk_resource(struct ctx *c, const cJSON *e, size_t i, void *arg)
{
	struct guide_resource *r = &((struct guide *)arg)->resources[i];
	const cJSON *srcs;

	r->id = field_id(c, e, "id", 1);
	r->name = field_text(c, e, "name", 1);
	r->purpose = field_text(c, e, "purpose", 1);
	r->web = field_text(c, e, "web", 0);
	if (r->web != NULL && strstr(r->web, "://") != NULL)
		err_at(c, "web",
		    "give the address without \"https://\" or "
		    "\"http://\"");
	r->phone = field_text(c, e, "phone", 0);
	r->text = field_text(c, e, "text", 0);
	r->hours = field_text(c, e, "hours", 0);
	r->region = field_text(c, e, "region", 1);
	srcs = member(c, e, "sources", 0);
	if (srcs == NULL)
		err(c, "must name at least one source in \"sources\"");
	else if (cJSON_IsArray(srcs) && srcs->child == NULL)
		err_at(c, "sources", "must name at least one source");
	field_refs(
	    c, e, "sources", &c->sources, "source", &r->sources, &r->nsources);
}

static void
walk_resources(struct ctx *c, const cJSON *root, struct guide *g)
{
	const cJSON *a = field_array(c, root, "resources", 1);

	if (a == NULL)
		return;
	g->resources = xcalloc(array_len(a), sizeof *g->resources);
	g->nresources = array_len(a);
	walk_objects(c, a, "resources", resource_keys, NELEM(resource_keys),
	    walk_resource, g);
}

/*
 * Whether s is a date written YYYY, YYYY-MM or YYYY-MM-DD: a date is only
 * as precise as what is known of when a source was checked.
 */
static int
is_date(const char *s)
{
	size_t len = strlen(s);
	int month, day;

	if (len != 4 && len != 7 && len != 10)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	if (len >= 7) {
		month = (s[5] - '0') * 10 + (s[6] - '0');
		if (month < 1 || month > 12)
			return 0;
	}
	if (len == 10) {
		day = (s[8] - '0') * 10 + (s[9] - '0');
		if (day < 1 || day > 31)
			return 0;
	}
	return 1;
}

/* Source i of the guide arg. */
static void
walk_source(struct ctx *c, const cJSON *e, size_t i, void *arg)
{
	struct guide_source *s = &((struct guide *)arg)->sources[i];

	s->id = field_id(c, e, "id", 1);
	s->title = field_text(c, e, "title", 1);
	s->publisher = field_text(c, e, "publisher", 1);
	s->date = field_text(c, e, "date", 1);
	s->url = field_text(c, e, "url", 1);
	s->checked = field_text(c, e, "checked", 1);
	if (s->checked != NULL && !is_date(s->checked))
		err_at(c, "checked",
		    "must be a date written YYYY-MM-DD, YYYY-MM or "
		    "YYYY");
}

static void
walk_sources(struct ctx *c, const cJSON *root, struct guide *g)
{
	const cJSON *a = field_array(c, root, "sources", 1);

	if (a == NULL)
		return;
	g->sources = xcalloc(array_len(a), sizeof *g->sources);
	g->nsources = array_len(a);
	walk_objects(
	    c, a, "sources", source_keys, NELEM(source_keys), walk_source, g);
}

/*
 * The crisis object at obj.crisis into g: both lines, and the numbers to
 * call and to text when given.  -1 when it is absent or not an object.
 */
static int
walk_crisis(struct ctx *c, const cJSON *obj, int required, struct guide *g)
{
	const cJSON *o = field_object(c, obj, "crisis", required);
	size_t mark;

	if (o == NULL)
		return -1;
	mark = push_key(c, "crisis");
	check_keys(c, o, crisis_keys, NELEM(crisis_keys));
	g->crisis = field_text(c, o, "line", 1);
	g->crisis_short = field_text(c, o, "short", 1);
	g->crisis_call = field_text(c, o, "call", 0);
	g->crisis_text = field_text(c, o, "text", 0);
	pop(c, mark);
	return 0;
}

/* Pass 4: the whole. */

static int
todoref_cmp(const void *a, const void *b)
{
	const struct todoref *x = a, *y = b;
	int r = strcmp(x->id, y->id);

	if (r != 0)
		return r;
	if (x->screen != y->screen)
		return x->screen < y->screen ? -1 : 1;
	return x->todo < y->todo ? -1 : x->todo > y->todo;
}

/* The text of a to-do item the loader recorded, or NULL. */
static const char *
todo_text(const struct guide *g, const struct todoref *r)
{
	if (r->screen >= g->nscreens || r->todo >= g->screens[r->screen].ntodos)
		return NULL;
	return g->screens[r->screen].todos[r->todo].text;
}

static void
check_whole(struct ctx *c, struct guide *g, const cJSON *root)
{
	size_t i, k, *queue, head = 0, tail = 0;
	unsigned char *seen;

	/*
	 * To-do ids name ticks across languages: one id, one item.  The
	 * same item may be listed on two screens (step 1 and step 3 both
	 * say "save first"): then it is one tick, and it must read the
	 * same in both places.  Twice on one screen is a mistake.
	 */
	if (c->ntodos > 1)
		qsort(c->todos, c->ntodos, sizeof *c->todos, todoref_cmp);
	for (i = 1; i < c->ntodos; i++) {
		size_t first = i - 1;
		const struct todoref *a, *b = &c->todos[i];
		const char *ta, *tb;

		if (strcmp(b->id, c->todos[first].id) != 0)
			continue;
		while (first > 0 && strcmp(c->todos[first - 1].id, b->id) == 0)
			first--;
		a = &c->todos[first];
		ta = todo_text(g, a);
		tb = todo_text(g, b);
		if (a->screen != b->screen &&
		    (ta == NULL || tb == NULL || strcmp(ta, tb) == 0))
			continue;
		set_path(c, "screens", b->screen, NULL);
		push_key(c, "todo");
		push_index(c, b->todo);
		push_key(c, "id");
		if (a->screen == b->screen)
			err(c,
			    "to-do id \"%s\" is already used by "
			    "screens[%zu].todo[%zu]",
			    b->id, a->screen, a->todo);
		else
			err(c,
			    "to-do id \"%s\" is already used by "
			    "screens[%zu].todo[%zu] with other words (one "
			    "id is one item: the same words on every screen "
			    "that lists it)",
			    b->id, a->screen, a->todo);
	}

	/* A step's screen says its step, and the table agrees. */
	for (i = 0; i < g->nscreens; i++) {
		int st = g->screens[i].step;

		if (st == 0 || !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(
				   root, "steps")))
			continue;
		k = g->steps[st - 1].screen;
		if (g->steps[st - 1].title != NULL && k != i &&
		    k < g->nscreens && g->screens[k].id != NULL) {
			set_path(c, "screens", i, "step");
			err(c,
			    "step %d is screen \"%s\" in the steps table, "
			    "not this one",
			    st, g->screens[k].id);
		}
	}
	pop(c, 0);

	/* The start, help and step screens are shown everywhere. */
	for (i = 0; i < c->nmarks; i++) {
		const struct mark *m = &c->marks[i];
		int everywhere = m->screen == g->start || m->screen == g->help;

		for (k = 0; k < GUIDE_STEPS; k++)
			everywhere |= g->steps[k].screen == m->screen &&
				      g->steps[k].title != NULL;
		if (m->on != MARK_SCREEN || !everywhere)
			continue;
		set_path(c, "screens", m->screen, "region");
		err(c, "the start, help and step screens are shown everywhere: "
		       "they cannot be bound to a region");
	}
	pop(c, 0);

	if (g->help < g->nscreens && g->screens[g->help].id != NULL &&
	    g->screens[g->help].kind != GUIDE_KIND_HELP) {
		push_key(c, "help");
		err(c, "screen \"%s\" must have \"kind\": \"help\"",
		    g->screens[g->help].id);
		pop(c, 0);
	}

	/*
	 * Screens no chain of choices reaches.  The help screen is one key
	 * away from every screen, so what it leads to is reachable too.
	 * Skipped when there are errors: a wrong "to" would add noise.
	 */
	if (c->nerrors > 0 || g->nscreens == 0)
		return;
	seen = xcalloc(g->nscreens, 1);
	queue = xcalloc(g->nscreens, sizeof *queue);
	seen[g->start] = 1;
	queue[tail++] = g->start;
	if (!seen[g->help]) {
		seen[g->help] = 1;
		queue[tail++] = g->help;
	}
	while (head < tail) {
		const struct guide_screen *s = &g->screens[queue[head++]];

		for (i = 0; i < s->nchoices; i++) {
			k = s->choices[i].target;
			if (!seen[k]) {
				seen[k] = 1;
				queue[tail++] = k;
			}
		}
	}
	for (i = 0; i < g->nscreens; i++) {
		if (seen[i])
			continue;
		set_path(c, "screens", i, NULL);
		warn(c, "screen \"%s\" cannot be reached from the start screen",
		    g->screens[i].id);
	}
	pop(c, 0);
	free(queue);
	free(seen);
}

/*
 * Warn about a placeholder in a UI string that the program does not fill
 * in, such as a translated "{nombre}": it would be shown as it is.
 */
static void
check_placeholders(struct ctx *c, const char *s)
{
	static const char *const known[] = { "{n}", "{total}", "{date}" };
	const char *at;
	size_t i, n;
	struct shown b;
	char name[LOAD_MAX_ID + 3];

	for (at = next_placeholder(s, &n); at != NULL;
	     at = next_placeholder(at + n, &n)) {
		memcpy(name, at, n);
		name[n] = '\0';
		for (i = 0; i < NELEM(known); i++)
			if (strcmp(name, known[i]) == 0)
				break;
		if (i == NELEM(known))
			warn(c,
			    "unknown placeholder \"%s\" (the program fills in "
			    "{n}, {total} and {date})",
			    show(&b, name));
	}
}

/*
 * The format version, GUIDE_FORMAT_MIN to GUIDE_FORMAT (the newest when
 * it is missing or not a number: reported, and the walk goes on), or -1
 * when it is a number this program does not read.
 */
static int
check_format(struct ctx *c, const cJSON *root)
{
	const cJSON *v = member(c, root, "format", 1);
	double d;
	size_t mark;

	if (v == NULL)
		return GUIDE_FORMAT;
	if (!cJSON_IsNumber(v)) {
		err_at(c, "format", "must be a whole number, not %s",
		    type_name(v));
		return GUIDE_FORMAT;
	}
	d = v->valuedouble;
	if (d >= GUIDE_FORMAT_MIN && d <= GUIDE_FORMAT && (double)(int)d == d)
		return (int)d;
	mark = push_key(c, "format");
	if (d >= INT_MIN && d <= INT_MAX && (double)(int)d == d)
		err(c,
		    "unknown format version %d (this program reads %d to %d)",
		    (int)d, GUIDE_FORMAT_MIN, GUIDE_FORMAT);
	else
		err(c, "unknown format version (this program reads %d to %d)",
		    GUIDE_FORMAT_MIN, GUIDE_FORMAT);
	pop(c, mark);
	/* Another format's fields would only add noise. */
	return -1;
}

/* The whole content file; NULL when there is an error. */
static struct guide *
walk_guide(struct ctx *c, const cJSON *root)
{
	struct guide *g = xcalloc(1, sizeof *g);
	const cJSON *o;
	size_t i, mark;

	c->g = g;
	check_keys(c, root, top_keys, NELEM(top_keys));
	if ((g->format = check_format(c, root)) < 0)
		return g;

	if ((o = field_object(c, root, "language", 1)) != NULL) {
		mark = push_key(c, "language");
		check_keys(c, o, language_keys, NELEM(language_keys));
		g->lang = field_text(c, o, "code", 1);
		if (g->lang != NULL && !is_lang(g->lang))
			err_at(c, "code",
			    "must be a language code of 2 or 3 lowercase "
			    "letters, such as \"en\"");
		g->lang_name = field_text(c, o, "name", 1);
		pop(c, mark);
	}
	g->region = field_text(c, root, "region", 1);
	g->emergency = field_text(c, root, "emergency", 0);
	walk_crisis(c, root, 1, g);

	if ((o = field_object(c, root, "ui", 1)) != NULL) {
		mark = push_key(c, "ui");
		check_keys(c, o, ui_keys, GUIDE_UI_COUNT);
		for (i = 0; i < GUIDE_UI_COUNT; i++) {
			const char *def = guide_ui_default(i);

			g->ui[i] = field_text(c, o, ui_keys[i], def == NULL);
			if (g->ui[i] == NULL && def != NULL) {
				/* an older file: shown in English until
				 * the file says it in its own language */
				size_t mark2 = push_key(c, ui_keys[i]);

				warn(c,
				    "missing; the English default \"%s\" "
				    "is shown",
				    def);
				pop(c, mark2);
				g->ui[i] = xstrdup(def);
			} else if (g->ui[i] != NULL) {
				size_t mark2 = push_key(c, ui_keys[i]);

				g->ui_given[i] = 1;
				check_placeholders(c, g->ui[i]);
				pop(c, mark2);
			}
		}
		pop(c, mark);
	}

	collect_ids(c, root, "screens", "screen", &c->screens);
	collect_ids(c, root, "resources", "resource", &c->resources);
	collect_ids(c, root, "sources", "source", &c->sources);

	g->start = field_screen(c, root, "start");
	g->help = field_screen(c, root, "help");
	walk_screens(c, root, g);
	walk_steps(c, root, g);
	walk_resources(c, root, g);
	walk_sources(c, root, g);
	check_whole(c, g, root);
	return g;
}

/* Reading. */

/*
 * Read a whole regular file of at most LOAD_MAX_BYTES into a buffer with
 * a NUL after it.  Returns the buffer (caller frees) or NULL after
 * reporting.  Opening with O_NONBLOCK means a FIFO with no writer cannot
 * make this wait; fstat then refuses it, and devices and directories.
 */
static char *
read_file(struct ctx *c, const char *path, size_t *lenp)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap;
	ssize_t n;
	int fd, e;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		diag(c, 0, 0, 0, NULL, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		e = errno;
		close(fd);
		diag(c, 0, 0, 0, NULL, "%s", strerror(e));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		diag(c, 0, 0, 0, NULL, "not a regular file");
		return NULL;
	}
	if (st.st_size > LOAD_MAX_BYTES)
		goto too_big;

	/* One byte more than fstat said, to see a file that grew. */
	cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (len > LOAD_MAX_BYTES)
				goto too_big;
			cap = cap * 2 > LOAD_MAX_BYTES + 1 ? LOAD_MAX_BYTES + 1
							   : cap * 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			e = errno;
			free(buf);
			close(fd);
			diag(c, 0, 0, 0, NULL, "%s", strerror(e));
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (len > LOAD_MAX_BYTES) {
		free(buf);
		diag(c, 0, 0, 0, NULL, "the file is larger than 1 MiB");
		return NULL;
	}
	buf[len] = '\0';
	*lenp = len;
	return buf;

too_big:
	free(buf);
	close(fd);
	diag(c, 0, 0, 0, NULL, "the file is larger than 1 MiB (%jd bytes)",
	    (intmax_t)st.st_size);
	return NULL;
}

static void
ctx_init(struct ctx *c, struct load_report *rep, const char *name)
{
	memset(c, 0, sizeof *c);
	c->rep = rep;
	if (rep->file == NULL)
		rep->file = xstrdup(name != NULL ? name : "(content)");
}

static void
ctx_free(struct ctx *c)
{
	free(c->screens.v);
	free(c->resources.v);
	free(c->sources.v);
	free(c->todos);
	free(c->marks);
}

/* Applying a site file. */

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Leave out what m is on: its text becomes NULL (swept by sweep_screen),
 * or its screen is marked gone. */
static void
unmark(struct guide *g, const struct mark *m, unsigned char *gone)
{
	struct guide_screen *s = &g->screens[m->screen];
	struct guide_block *b;

	switch (m->on) {
	case MARK_SCREEN:
		gone[m->screen] = 1;
		break;
	case MARK_BLOCK:
		b = &s->body[m->i];
		free(b->text);
		b->text = NULL;
		for (size_t j = 0; j < b->nitems; j++) {
			free(b->items[j]);
			b->items[j] = NULL;
		}
		break;
	case MARK_ITEM:
		free(s->body[m->i].items[m->j]);
		s->body[m->i].items[m->j] = NULL;
		break;
	case MARK_TODO:
		free(s->todos[m->i].text);
		s->todos[m->i].text = NULL;
		break;
	case MARK_CHOICE:
		free(s->choices[m->i].label);
		s->choices[m->i].label = NULL;
		break;
	}
}

/* Fill the placeholders of *t from v; NULL when one has no value. */
static void
fill_in(char **t, const char *const v[NPLACEHOLDERS])
{
	char *f;

	if (*t == NULL || strchr(*t, '{') == NULL)
		return;
	f = fill(*t, v);
	free(*t);
	*t = f;
}

/*
 * Drop what became NULL in s: paragraphs, list items (and a list with
 * none left), to-do items, and choices (also those to a gone screen).
 */
static void
sweep_screen(struct guide_screen *s, const unsigned char *gone)
{
	size_t i, j, n, k;

	for (i = n = 0; i < s->nbody; i++) {
		struct guide_block *b = &s->body[i];

		for (j = k = 0; j < b->nitems; j++)
			if (b->items[j] != NULL)
				b->items[k++] = b->items[j];
		b->nitems = k;
		if (b->text != NULL || b->nitems > 0)
			s->body[n++] = *b;
		else
			free(b->items);
	}
	s->nbody = n;
	for (i = n = 0; i < s->ntodos; i++) {
		if (s->todos[i].text != NULL)
			s->todos[n++] = s->todos[i];
		else
			free(s->todos[i].id);
	}
	s->ntodos = n;
	for (i = n = 0; i < s->nchoices; i++) {
		if (s->choices[i].label != NULL && !gone[s->choices[i].target])
			s->choices[n++] = s->choices[i];
		else
			free(s->choices[i].label);
	}
	s->nchoices = n;
}

/* Remove the screens marked gone; every index to a screen follows. */
static void
drop_screens(struct guide *g, const unsigned char *gone)
{
	size_t *to = xcalloc(g->nscreens, sizeof *to), i, j, n = 0;

	for (i = 0; i < g->nscreens; i++) {
		if (gone[i]) {
			guide_screen_free(&g->screens[i]);
			continue;
		}
		to[i] = n;
		g->screens[n++] = g->screens[i];
	}
	g->nscreens = n;
	for (i = 0; i < n; i++)
		for (j = 0; j < g->screens[i].nchoices; j++)
			g->screens[i].choices[j].target =
			    to[g->screens[i].choices[j].target];
	g->start = to[g->start];
	g->help = to[g->help];
	for (i = 0; i < GUIDE_STEPS; i++)
		g->steps[i].screen = to[g->steps[i].screen];
	free(to);
}

/* Leave out every resource of the content: a site for another region
 * gives its own. */
static void
drop_resources(struct guide *g)
{
	for (size_t i = 0; i < g->nresources; i++)
		guide_resource_free(&g->resources[i]);
	g->nresources = 0;
	for (size_t i = 0; i < g->nscreens; i++)
		g->screens[i].nresources = 0;
}

/* Append the site's sources and resources (copies) to g; the site's
 * resources come first on the help screen. */
static void
add_site_resources(struct guide *g, const struct guide *p)
{
	struct guide_screen *help = &g->screens[g->help];
	size_t src0 = g->nsources, res0 = g->nresources, i, k, *list;

	if (p->nresources == 0)
		return;
	g->sources = xreallocarray(
	    g->sources, g->nsources + p->nsources, sizeof *g->sources);
	for (i = 0; i < p->nsources; i++) {
		const struct guide_source *from = &p->sources[i];
		struct guide_source *to = &g->sources[g->nsources++];

		to->id = xstrdup(from->id);
		to->title = xstrdup(from->title);
		to->publisher = xstrdup(from->publisher);
		to->date = xstrdup(from->date);
		to->url = xstrdup(from->url);
		to->checked = xstrdup(from->checked);
	}
	g->resources = xreallocarray(
	    g->resources, g->nresources + p->nresources, sizeof *g->resources);
	for (i = 0; i < p->nresources; i++) {
		const struct guide_resource *from = &p->resources[i];
		struct guide_resource *to = &g->resources[g->nresources++];

		to->id = xstrdup(from->id);
		to->name = xstrdup(from->name);
		to->purpose = xstrdup(from->purpose);
		to->web = dup_or_null(from->web);
		to->phone = dup_or_null(from->phone);
		to->text = dup_or_null(from->text);
		to->hours = dup_or_null(from->hours);
		to->region = xstrdup(from->region);
		to->sources = xcalloc(from->nsources, sizeof *to->sources);
		for (k = 0; k < from->nsources; k++)
			to->sources[k] = src0 + from->sources[k];
		to->nsources = from->nsources;
	}
	list = xcalloc(p->nresources + help->nresources, sizeof *list);
	for (i = 0; i < p->nresources; i++)
		list[i] = res0 + i;
	for (i = 0; i < help->nresources; i++)
		list[p->nresources + i] = help->resources[i];
	free(help->resources);
	help->resources = list;
	help->nresources += p->nresources;
}

/* Leave out the sources that nothing left cites (a source of a number
 * that is gone would show it on the sources screen). */
static void
drop_unused_sources(struct guide *g)
{
	unsigned char *used = xcalloc(g->nsources + 1, 1);
	size_t *to = xcalloc(g->nsources + 1, sizeof *to), i, j, n = 0;

	for (i = 0; i < g->nscreens; i++)
		for (j = 0; j < g->screens[i].nsources; j++)
			used[g->screens[i].sources[j]] = 1;
	for (i = 0; i < g->nresources; i++)
		for (j = 0; j < g->resources[i].nsources; j++)
			used[g->resources[i].sources[j]] = 1;
	for (i = 0; i < g->nsources; i++) {
		if (!used[i]) {
			guide_source_free(&g->sources[i]);
			continue;
		}
		to[i] = n;
		g->sources[n++] = g->sources[i];
	}
	g->nsources = n;
	for (i = 0; i < g->nscreens; i++)
		for (j = 0; j < g->screens[i].nsources; j++)
			g->screens[i].sources[j] = to[g->screens[i].sources[j]];
	for (i = 0; i < g->nresources; i++)
		for (j = 0; j < g->resources[i].nsources; j++)
			g->resources[i].sources[j] =
			    to[g->resources[i].sources[j]];
	free(to);
	free(used);
}

/* Replace *field by a copy of value when value is given. */
static void
set_from_site(char **field, const char *value)
{
	if (value == NULL)
		return;
	free(*field);
	*field = xstrdup(value);
}

/*
 * Apply site part p (NULL: none) to g, which has no error: fill the
 * placeholders with the site's numbers (else the file's own); when the
 * site sets another region, leave out what is marked for another region,
 * the content's resources and the sources nothing cites any more; add
 * the site's people, resources and crisis line.
 */
static void
apply_site(struct ctx *c, struct guide *g, const struct guide *p)
{
	const char *v[NPLACEHOLDERS];
	const char *region =
	    p != NULL && p->region != NULL ? p->region : g->region;
	int elsewhere = strcmp(region, g->region) != 0, anygone = 0;
	int crisis = p != NULL && p->crisis != NULL;
	unsigned char *gone = xcalloc(g->nscreens + 1, 1);
	size_t i, j, k;

	v[PH_EMERGENCY] =
	    p != NULL && p->emergency != NULL ? p->emergency : g->emergency;
	v[PH_CRISIS_CALL] = crisis ? p->crisis_call : g->crisis_call;
	v[PH_CRISIS_TEXT] = crisis ? p->crisis_text : g->crisis_text;
	v[PH_REGION] = region;
	for (i = 0; elsewhere && i < c->nmarks; i++)
		if (strcmp(c->marks[i].region, region) != 0)
			unmark(g, &c->marks[i], gone);
	for (i = 0; i < g->nscreens; i++) {
		struct guide_screen *s = &g->screens[i];

		for (j = 0; j < s->nbody; j++) {
			fill_in(&s->body[j].text, v);
			for (k = 0; k < s->body[j].nitems; k++)
				fill_in(&s->body[j].items[k], v);
		}
		for (j = 0; j < s->ntodos; j++)
			fill_in(&s->todos[j].text, v);
		for (j = 0; j < s->nchoices; j++)
			fill_in(&s->choices[j].label, v);
		anygone |= gone[i];
	}
	for (i = 0; i < g->nscreens; i++)
		sweep_screen(&g->screens[i], gone);
	if (anygone)
		drop_screens(g, gone);
	free(gone);
	if (elsewhere)
		drop_resources(g);
	if (p == NULL)
		return;
	add_site_resources(g, p);
	if (p->npeople > 0) {
		g->people = xcalloc(p->npeople, sizeof *g->people);
		for (i = 0; i < p->npeople; i++) {
			g->people[i].name = xstrdup(p->people[i].name);
			g->people[i].details = xstrdup(p->people[i].details);
		}
		g->npeople = p->npeople;
	}
	if (crisis) {
		set_from_site(&g->crisis, p->crisis);
		set_from_site(&g->crisis_short, p->crisis_short);
		free(g->crisis_call);
		free(g->crisis_text);
		g->crisis_call = dup_or_null(p->crisis_call);
		g->crisis_text = dup_or_null(p->crisis_text);
	}
	set_from_site(&g->emergency, p->emergency);
	set_from_site(&g->region, p->region);
	if (elsewhere)
		drop_unused_sources(g);
}

/* Load from buf, which has a NUL at buf[len], with site applied. */
static struct guide *
load_terminated(
    struct ctx *c, const char *buf, size_t len, const struct load_site *site)
{
	struct guide *g = NULL;
	cJSON *root;

	root = parse(c, buf, len);
	if (root == NULL)
		return NULL;
	if (!cJSON_IsObject(root)) {
		diag(c, 0, 0, 0, "", "the top level must be an object, not %s",
		    type_name(root));
	} else
		g = walk_guide(c, root);
	if (c->nerrors == 0 && g != NULL) /* the marks point into root */
		apply_site(c, g, load_site_part(site, g->lang));
	cJSON_Delete(root);
	if (c->nerrors > 0) {
		guide_free(g);
		return NULL;
	}
	return g;
}

struct guide *
load_file_site(
    const char *path, const struct load_site *site, struct load_report *rep)
{
	struct ctx c;
	struct guide *g = NULL;
	char *buf;
	size_t len;

	ctx_init(&c, rep, path);
	if ((buf = read_file(&c, path, &len)) != NULL) {
		g = load_terminated(&c, buf, len, site);
		free(buf);
	}
	ctx_free(&c);
	return g;
}

/* Load and check the file at path; the guide, or NULL.  Caller frees. */
struct guide *
load_file(const char *path, struct load_report *rep)
{
	return load_file_site(path, NULL, rep);
}

struct guide *
load_buffer_site(const char *name, const char *buf, size_t len,
    const struct load_site *site, struct load_report *rep)
{
	struct ctx c;
	struct guide *g = NULL;
	char *copy;

	ctx_init(&c, rep, name);
	if (len > LOAD_MAX_BYTES)
		diag(&c, 0, 0, 0, NULL,
		    "the file is larger than 1 MiB (%zu bytes)", len);
	else {
		copy = xmalloc(len + 1);
		if (len > 0)
			memcpy(copy, buf, len);
		copy[len] = '\0';
		g = load_terminated(&c, copy, len, site);
		free(copy);
	}
	ctx_free(&c);
	return g;
}

/* Load and check content in memory; the guide, or NULL.  Caller frees. */
struct guide *
load_buffer(
    const char *name, const char *buf, size_t len, struct load_report *rep)
{
	return load_buffer_site(name, buf, len, NULL, rep);
}

/* Site files. */

/* Person i of the site part arg. */
static void
walk_person(struct ctx *c, const cJSON *e, size_t i, void *arg)
{
	struct guide_person *pe = &((struct guide *)arg)->people[i];

	pe->name = field_text(c, e, "name", 1);
	pe->details = field_text(c, e, "details", 1);
}

/* One language's part of a site file, into the partial guide p. */
static void
walk_site_lang(struct ctx *c, const cJSON *o, struct guide *p)
{
	const cJSON *a;

	check_keys(c, o, site_lang_keys, NELEM(site_lang_keys));
	p->region = field_text(c, o, "region", 0);
	p->emergency = field_text(c, o, "emergency", 0);
	walk_crisis(c, o, 0, p);
	if (p->region != NULL && (p->emergency == NULL || p->crisis == NULL))
		err(c, "a site that sets \"region\" must give \"emergency\" "
		       "and \"crisis\" too, or the guide would show the "
		       "content's numbers");
	if ((a = field_array(c, o, "people", 0)) != NULL) {
		p->people = xcalloc(array_len(a), sizeof *p->people);
		p->npeople = array_len(a);
		walk_objects(c, a, "people", person_keys, NELEM(person_keys),
		    walk_person, p);
	}
	collect_ids(c, o, "resources", "resource", &c->resources);
	collect_ids(c, o, "sources", "source", &c->sources);
	if ((a = field_array(c, o, "resources", 0)) != NULL) {
		p->resources = xcalloc(array_len(a), sizeof *p->resources);
		p->nresources = array_len(a);
		walk_objects(c, a, "resources", resource_keys,
		    NELEM(resource_keys), walk_resource, p);
	}
	if ((a = field_array(c, o, "sources", 0)) != NULL) {
		p->sources = xcalloc(array_len(a), sizeof *p->sources);
		p->nsources = array_len(a);
		walk_objects(c, a, "sources", source_keys, NELEM(source_keys),
		    walk_source, p);
	}
	free(c->resources.v);
	free(c->sources.v);
	memset(&c->resources, 0, sizeof c->resources);
	memset(&c->sources, 0, sizeof c->sources);
}

static void
walk_site(struct ctx *c, const cJSON *root, struct load_site *site)
{
	const cJSON *langs, *m;
	size_t mark, mark2;
	struct shown b;

	check_keys(c, root, site_keys, NELEM(site_keys));
	if (check_format(c, root) < 0)
		return;
	if ((langs = field_object(c, root, "languages", 1)) == NULL)
		return;
	mark = push_key(c, "languages");
	for (m = langs->child; m != NULL; m = m->next) {
		const char *code = m->string != NULL ? m->string : "";
		struct guide *p;

		if (!is_lang(code)) {
			err(c,
			    "\"%s\" is not a language code of 2 or 3 "
			    "lowercase letters",
			    show(&b, code));
			continue;
		}
		if (load_site_part(site, code) != NULL) {
			err(c, "key \"%s\" given twice", code);
			continue;
		}
		mark2 = push_key(c, code);
		p = xcalloc(1, sizeof *p);
		p->lang = xstrdup(code);
		site->parts = xreallocarray(
		    site->parts, site->nparts + 1, sizeof *site->parts);
		site->parts[site->nparts++] = p;
		if (!cJSON_IsObject(m))
			err(c, "must be an object, not %s", type_name(m));
		else
			walk_site_lang(c, m, p);
		pop(c, mark2);
	}
	pop(c, mark);
}

struct load_site *
load_site_read(const char *path, struct load_report *rep)
{
	struct ctx c;
	struct load_site *site = xcalloc(1, sizeof *site);
	cJSON *root = NULL;
	char *buf;
	size_t len;
	int parsed = 0;

	ctx_init(&c, rep, path);
	if ((buf = read_file(&c, path, &len)) != NULL)
		root = parse(&c, buf, len);
	if (root != NULL) { /* else the reason is in the report */
		parsed = 1;
		if (!cJSON_IsObject(root))
			diag(&c, 0, 0, 0, "",
			    "the top level must be an object, not %s",
			    type_name(root));
		else
			walk_site(&c, root, site);
		cJSON_Delete(root);
	}
	free(buf);
	ctx_free(&c);
	if (c.nerrors > 0 || !parsed) {
		load_site_free(site);
		return NULL;
	}
	return site;
}

const struct guide *
load_site_part(const struct load_site *site, const char *lang)
{
	for (size_t i = 0; site != NULL && lang != NULL && i < site->nparts;
	     i++)
		if (strcmp(site->parts[i]->lang, lang) == 0)
			return site->parts[i];
	return NULL;
}

void
load_site_free(struct load_site *site)
{
	if (site == NULL)
		return;
	for (size_t i = 0; i < site->nparts; i++)
		guide_free(site->parts[i]);
	free(site->parts);
	free(site);
}
