/*
 * load.c: content and site files (JSON) into the model, and their
 * validation.
 *
 * The format is data.  Each object type of safesteps-content(5) has one
 * table below (a struct otype and its rows, struct field): each row says a
 * key, the type of its value, whether it is required, where the value goes
 * in the model and which extra rule it has.  One walker, walk_object,
 * reads any object by its table: unknown and duplicate keys, types,
 * required keys, text, ids, references and the copy into the model.  A
 * few check functions keep the rules a table cannot say (dates, web
 * addresses, step numbers, placeholders, region marks).  To add a key, add
 * a row and its line in safesteps-content(5); test_docs holds the tables
 * and the page together through load_format_key.
 *
 * A file goes through three steps:
 *
 * 1. The bytes and the syntax (json_parse, json.c): every problem of the
 *    bytes with its line and column, a strict parse, and where each value
 *    and key begins.
 * 2. The meaning: walk_object by the tables, case-sensitive lookups only.
 * 3. The whole (check_content), and for content the site file
 *    (site_apply, in site.c: it works on the model, not on JSON).
 *
 * Every problem names the line and column of the value or key it is
 * about, and the screen it is on.  Limits: LOAD_MAX_BYTES a file,
 * LOAD_MAX_TEXT bytes a text, LOAD_MAX_ID bytes an id,
 * CJSON_NESTING_LIMIT - 1 levels, REPORT_MAX_KEPT errors and as many
 * warnings.  The cJSON tree never leaves this file and json.c.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <unictype.h>
#include <unistr.h>

#include "guide.h"
#include "json.h"
#include "load.h"
#include "outside.h"
#include "site.h"
#include "xmalloc.h"

/* The longest text, in bytes, and the longest id. */
#define LOAD_MAX_TEXT 2000
#define LOAD_MAX_ID 64

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The id tables a reference can name. */
enum ids { IDS_NONE, IDS_SCREEN, IDS_RESOURCE, IDS_SOURCE, NIDS };
static const char *const ids_what[NIDS] = { "", "screen", "resource",
	"source" };

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

/* The state of one load. */
struct ctx {
	struct report_sink out; /* where its problems go */
	struct json_doc doc;    /* the file, its tree and its places */
	char *bytes;            /* the file's bytes, which doc points into */
	char path[256];         /* the JSON path of the value being read */
	size_t pathlen;
	const cJSON *at;    /* the value being read: where its problems are */
	const char *screen; /* the id of the screen being read, or NULL */
	size_t idx[4];      /* the indices of the lists being read */
	size_t nidx;
	struct idtab ids[NIDS]; /* ids in the tree, sorted */
	struct todoref *todos;
	size_t ntodos, captodos;
	size_t kind_screen[GUIDE_KIND_HELP + 1]; /* 1 + index, or 0 */
	struct site_mark *marks;                 /* the region marks found */
	size_t nmarks;
	struct guide *g;  /* the guide being made, for its values */
	const char *lang; /* the language the file must say, or NULL */
};

/* Problems of this load: of the value or key being read, at the current
 * path, with its place in the file and the screen it is on. */

static void err(struct ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(struct ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static void at_key(struct ctx *, int, const cJSON *, const char *, ...)
    __attribute__((format(printf, 4, 5)));
static void vat(struct ctx *c, int warning, const cJSON *v, int key,
    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

/* A problem of value v (key: of its key), at the current path. */
static void
vat(struct ctx *c, int warning, const cJSON *v, int key, const char *fmt,
    va_list ap)
{
	struct load_place at = { NULL, 0, 0, c->screen, c->path };

	/* No need to find a place that will not be shown. */
	if (report_sink_keeps(&c->out, warning))
		json_place(&c->doc, v, key, &at.line, &at.col);
	report_sink_vadd(&c->out, warning, &at, fmt, ap);
}

static void
err(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vat(c, 0, c->at, 0, fmt, ap);
	va_end(ap);
}

static void
warn(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vat(c, 1, c->at, 0, fmt, ap);
	va_end(ap);
}

/* A problem of the key of member m (of the object at the current path). */
static void
at_key(struct ctx *c, int warning, const cJSON *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vat(c, warning, m, 1, fmt, ap);
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

/* Values. */

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

static size_t
array_len(const cJSON *a)
{
	const cJSON *e;
	size_t n = 0;

	for (e = a != NULL ? a->child : NULL; e != NULL; e = e->next)
		n++;
	return n;
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
 * Printable ASCII is looked at byte by byte: the text of a file is mostly
 * that, and this runs over every byte of it.
 */
static int
check_text(struct ctx *c, const char *str)
{
	const uint8_t *s = (const uint8_t *)str;
	size_t n = strlen(str), i, k;
	int blank = 1, visible = 0, r;
	uint32_t first = 0;
	ucs4_t cp;
	char buf[160];
	const char *bad;

	for (i = 0; i < n; i += k) {
		k = 1;
		if (s[i] > 0x20 && s[i] < 0x7f) { /* visible ASCII */
			blank = 0;
			visible = 1;
			continue;
		}
		if (s[i] == ' ')
			continue;
		if ((r = u8_mbtoucr(&cp, s + i, n - i)) <= 0) {
			if (!c->doc.raw_bad)
				err(c, "text is not valid UTF-8");
			else
				c->out.nerrors++;
			return -1;
		}
		k = (size_t)r;
		if ((bad = outside_bad_char(cp, NULL, buf, sizeof buf)) !=
		    NULL) {
			if (!c->doc.raw_bad)
				err(c, "%s", bad);
			else
				c->out.nerrors++;
			return -1;
		}
		if (!is_space(cp))
			blank = 0;
		if (visible)
			continue;
		if (!is_invisible(cp))
			visible = 1;
		else if (first == 0 && !is_space(cp))
			first = cp;
	}
	if (blank) {
		err(c, "must not be empty");
		return -1;
	}
	if (!visible) {
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

/* Whether s is a language code: 2 or 3 lowercase ASCII letters. */
static int
is_lang(const char *s)
{
	size_t n = guide_lang_len(s, strlen(s));

	return n > 0 && s[n] == '\0';
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

/* Row flags. */
#define REQ 0x1      /* the key is required */
#define NONEMPTY 0x2 /* the array may not be empty */
#define FIXED 0x4    /* FT_LIST: elements in place, at most max */
#define UI_HOLES 0x8 /* text whose placeholders are ui_holes */

/* The placeholders the program fills in UI strings (view.c). */
static const char *const ui_holes[] = { "{n}", "{total}", "{date}" };

/*
 * Check the placeholders of text s, the value of row f being read.  A UI
 * string has its own (ui_holes).  Content text has the site's: filled
 * only in sentences (paragraphs, list items, to-do items and choices),
 * else shown as they are; a known one there needs a value in the file
 * itself, which is the value without a site.
 */
static void
check_placeholders(struct ctx *c, const char *s, unsigned flags, int filled)
{
	const char *at;
	size_t n, i;
	int k;
	struct outside_shown b;
	char name[LOAD_MAX_ID + 3];

	for (at = site_next_placeholder(s, LOAD_MAX_ID, &n); at != NULL;
	     at = site_next_placeholder(at + n, LOAD_MAX_ID, &n)) {
		memcpy(name, at, n);
		name[n] = '\0';
		if (flags & UI_HOLES) {
			for (i = 0; i < NELEM(ui_holes); i++)
				if (strcmp(name, ui_holes[i]) == 0)
					break;
			if (i == NELEM(ui_holes))
				warn(c,
				    "unknown placeholder \"%s\" (the program "
				    "fills in {n}, {total} and {date})",
				    outside_show(&b, name));
		} else if ((k = site_placeholder_of(at, n)) < 0)
			warn(c,
			    "unknown placeholder \"%s\" (the program fills in "
			    "{emergency}, {crisis.call}, {crisis.text} and "
			    "{region})",
			    outside_show(&b, name));
		else if (!filled)
			warn(c,
			    "%s is shown as it is: placeholders are filled "
			    "only in paragraphs, list items, to-do items and "
			    "choices",
			    name);
		else if (site_value(c->g, k) == NULL)
			err(c, "%s has no value: give \"%s\" in this file",
			    name, site_placeholder_key(k));
	}
}

/* The format, as tables. */

/* How a value is read, and what goes into the model. */
enum ftype {
	FT_TEXT,     /* text: char * */
	FT_SENTENCE, /* text whose placeholders are filled: char * */
	FT_ID,       /* an id: char * */
	FT_INT,      /* a whole number from min to max: int */
	FT_ENUM,     /* one of names: int, its index */
	FT_MODES,    /* an array of names: unsigned, a bit each */
	FT_REF,      /* the id of an object in table ids: size_t, its index */
	FT_REFS,     /* an array of those: size_t * and a count */
	FT_OBJECT,   /* an object of type sub, read into the same object */
	FT_LIST,     /* an array of objects of type sub: a pointer and a count
			(FIXED: in place, at most max of them) */
	FT_MARK,     /* a region mark: kept for site_apply, not stored */
	FT_FORMAT,   /* the format version: int */
	FT_LANGS     /* a site file's languages: one part each */
};

struct otype;

/* One key of an object type. */
struct field {
	const char *key;
	enum ftype type;
	unsigned flags;
	size_t off;               /* where the value goes in the object */
	size_t count_off;         /* FT_LIST, FT_REFS: where the count goes */
	const struct otype *sub;  /* FT_OBJECT, FT_LIST */
	enum ids ids;             /* FT_REF(S): the table the id is in;
				    FT_LIST: the table the elements' ids
				    make up */
	int min, max;             /* FT_INT; FT_LIST with FIXED: max */
	const char *const *names; /* FT_ENUM, FT_MODES */
	size_t nnames;
	const char *def; /* a default, with a warning, when it is missing */
	/* A rule of its own, after the value is read into dst (c->at is
	 * the value, the path its key). */
	void (*check)(struct ctx *c, const struct field *f, void *dst);
};

/* An object type. */
struct otype {
	const char *name; /* its section in safesteps-content(5) */
	const struct field *fields;
	size_t nfields;
	size_t size;               /* the model's struct, for FT_LIST */
	const char *string_key;    /* an element may be a string: its value */
	enum site_mark_on mark_on; /* what a region mark here is on */
	const char *expected;      /* what an element must be */
	/* Rules across its keys, after they are read (c->at: the object). */
	void (*check)(struct ctx *c, const cJSON *obj, void *dst);
};

static const struct otype language_type, crisis_type, ui_type, item_type,
    block_type, todo_type, choice_type, screen_type, step_type, resource_type,
    source_type, content_type, person_type, site_lang_type, site_type;

static void check_lang_code(struct ctx *, const struct field *, void *);
static void check_kind(struct ctx *, const struct field *, void *);
static void check_ui(struct ctx *, const struct field *, void *);
static void check_todo_id(struct ctx *, const struct field *, void *);
static void check_step_number(struct ctx *, const struct field *, void *);
static void check_steps(struct ctx *, const struct field *, void *);
static void check_web(struct ctx *, const struct field *, void *);
static void check_date(struct ctx *, const struct field *, void *);
static void check_block(struct ctx *, const cJSON *, void *);
static void check_site_lang(struct ctx *, const cJSON *, void *);
static void check_content(struct ctx *, const cJSON *, void *);

/*
 * Rows, one line each (the tables are data: clang-format leaves them as
 * they are aligned): T text, S sentence, ID, INT, ENUM, MODES, REF,
 * REFS, OBJ (read into the same object), LIST, MARK, FORMAT, LANGS.
 */
/* clang-format off */
#define AT(type, member)	offsetof(type, member)
#define ROW(k, t, fl, o) .key = (k), .type = (t), .flags = (fl), .off = (o)
#define T(k, fl, o)		{ ROW(k, FT_TEXT, fl, o) }
#define TC(k, fl, o, fn)	{ ROW(k, FT_TEXT, fl, o), .check = (fn) }
#define S(k, fl, o)		{ ROW(k, FT_SENTENCE, fl, o) }
#define ID(k, o, fn)		{ ROW(k, FT_ID, REQ, o), .check = (fn) }
#define INT(k, fl, o, lo, hi, fn) \
	{ ROW(k, FT_INT, fl, o), .min = (lo), .max = (hi), .check = (fn) }
#define ENUM(k, t, fl, o, n, fn) \
	{ ROW(k, t, fl, o), .names = (n), .nnames = NELEM(n), .check = (fn) }
#define REF(k, o, i)		{ ROW(k, FT_REF, REQ, o), .ids = (i) }
#define OBJ(k, fl, t)		{ ROW(k, FT_OBJECT, fl, 0), .sub = (t) }
#define MARK			{ ROW("region", FT_MARK, 0, 0) }
/* An array at member m of struct s, with its count at member nm. */
#define REFS(k, fl, s, m, i)	{ ROW(k, FT_REFS, fl, AT(s, m)), \
				  .count_off = AT(s, n##m), .ids = (i) }
#define LIST(k, fl, s, m, t, i)	{ ROW(k, FT_LIST, fl, AT(s, m)), \
			  .count_off = AT(s, n##m), .sub = (t), .ids = (i) }

static const char *const audiences[] = { "youth", "adult" };
static const char *const kind_names[] = { "text", "plan", "sources",
	"languages", "help" };
static const char *const on_names[] = { "screen", "plain", "paper" };

/* The language object; its keys go into the guide itself. */
static const struct field language_fields[] = {
	TC("code",	REQ,	AT(struct guide, lang),	check_lang_code),
	T("name",	REQ,	AT(struct guide, lang_name)),
};

/* The crisis line, of a content file or a site file's language. */
static const struct field crisis_fields[] = {
	T("line",	REQ,	AT(struct guide, crisis)),
	T("short",	REQ,	AT(struct guide, crisis_short)),
	T("call",	0,	AT(struct guide, crisis_call)),
	T("text",	0,	AT(struct guide, crisis_text)),
};

/* The UI strings, one row each from GUIDE_UI_LIST. */
static const struct field ui_fields[] = {
#define LOAD_UI_ROW(name, k, dflt) { ROW(k, FT_TEXT, REQ | UI_HOLES, \
	AT(struct guide, ui) + GUIDE_UI_##name * sizeof(char *)), \
	.def = (dflt), .check = check_ui },
	GUIDE_UI_LIST(LOAD_UI_ROW)
#undef LOAD_UI_ROW
};

/* A list item: the string itself (its "text"), or an object. */
static const struct field item_fields[] = {
	S("text",	REQ,	0),
	MARK,
};

/* A block of a screen's body: a paragraph (a string, or its "text") or a
 * list. */
static const struct field block_fields[] = {
	S("text",	0,	AT(struct guide_block, text)),
	LIST("list",	NONEMPTY, struct guide_block, items, &item_type,
							IDS_NONE),
	ENUM("on", FT_MODES, 0,	AT(struct guide_block, on), on_names, NULL),
	MARK,
};

static const struct field todo_fields[] = {
	ID("id",		AT(struct guide_todo, id),	check_todo_id),
	S("text",	REQ,	AT(struct guide_todo, text)),
	MARK,
};

static const struct field choice_fields[] = {
	S("label",	REQ,	AT(struct guide_choice, label)),
	REF("to",		AT(struct guide_choice, target), IDS_SCREEN),
	MARK,
};

static const struct field screen_fields[] = {
	ID("id",		AT(struct guide_screen, id),	NULL),
	T("title",	REQ,	AT(struct guide_screen, title)),
	ENUM("audience", FT_ENUM, REQ, AT(struct guide_screen, audience),
							audiences, NULL),
	ENUM("kind", FT_ENUM, 0, AT(struct guide_screen, kind),
							kind_names, check_kind),
	INT("step",	0,	AT(struct guide_screen, step), 1, GUIDE_STEPS,
							NULL),
	MARK,
	LIST("body",	0, struct guide_screen, body, &block_type, IDS_NONE),
	LIST("todo",	0, struct guide_screen, todos, &todo_type, IDS_NONE),
	LIST("choices",	0,	struct guide_screen, choices, &choice_type,
							IDS_NONE),
	REFS("resources", 0,	struct guide_screen, resources, IDS_RESOURCE),
	REFS("sources",	0,	struct guide_screen, sources, IDS_SOURCE),
};

static const struct field step_fields[] = {
	INT("number",	REQ,	AT(struct guide_step, number), 1, GUIDE_STEPS,
							check_step_number),
	T("title",	REQ,	AT(struct guide_step, title)),
	REF("screen",		AT(struct guide_step, screen),	IDS_SCREEN),
};

static const struct field resource_fields[] = {
	ID("id",		AT(struct guide_resource, id),	NULL),
	T("name",	REQ,	AT(struct guide_resource, name)),
	T("purpose",	REQ,	AT(struct guide_resource, purpose)),
	TC("web",	0,	AT(struct guide_resource, web),	check_web),
	T("phone",	0,	AT(struct guide_resource, phone)),
	T("text",	0,	AT(struct guide_resource, text)),
	T("hours",	0,	AT(struct guide_resource, hours)),
	T("region",	REQ,	AT(struct guide_resource, region)),
	REFS("sources",	REQ | NONEMPTY, struct guide_resource, sources,
							IDS_SOURCE),
};

static const struct field source_fields[] = {
	ID("id",		AT(struct guide_source, id),	NULL),
	T("title",	REQ,	AT(struct guide_source, title)),
	T("publisher",	REQ,	AT(struct guide_source, publisher)),
	T("date",	REQ,	AT(struct guide_source, date)),
	T("url",	REQ,	AT(struct guide_source, url)),
	TC("checked",	REQ,	AT(struct guide_source, checked), check_date),
};

/*
 * A content file.  Rows are read in this order: the values placeholders
 * need (region, emergency, crisis) come before the screens.
 */
static const struct field content_fields[] = {
	{ ROW("format", FT_FORMAT, REQ, AT(struct guide, format)) },
	OBJ("language",	REQ,	&language_type),
	T("region",	REQ,	AT(struct guide, region)),
	T("emergency",	0,	AT(struct guide, emergency)),
	OBJ("crisis",	REQ,	&crisis_type),
	REF("start",		AT(struct guide, start),	IDS_SCREEN),
	REF("help",		AT(struct guide, help),		IDS_SCREEN),
	OBJ("ui",	REQ,	&ui_type),
	LIST("screens",	REQ | NONEMPTY, struct guide, screens, &screen_type,
							IDS_SCREEN),
	{ ROW("steps", FT_LIST, REQ | FIXED, AT(struct guide, steps)),
	  .sub = &step_type, .max = GUIDE_STEPS, .check = check_steps },
	LIST("resources", REQ,	struct guide, resources, &resource_type,
							IDS_RESOURCE),
	LIST("sources",	REQ, struct guide, sources, &source_type, IDS_SOURCE),
};

/* A school's person, in a site file. */
static const struct field person_fields[] = {
	T("name",	REQ,	AT(struct guide_person, name)),
	T("details",	REQ,	AT(struct guide_person, details)),
};

/* One language of a site file, into a partial guide. */
static const struct field site_lang_fields[] = {
	T("region",	0,	AT(struct guide, region)),
	T("emergency",	0,	AT(struct guide, emergency)),
	OBJ("crisis",	0,	&crisis_type),
	LIST("people",	0,	struct guide, people, &person_type, IDS_NONE),
	LIST("resources", 0,	struct guide, resources, &resource_type,
							IDS_RESOURCE),
	LIST("sources",	0, struct guide, sources, &source_type, IDS_SOURCE),
};

/* A site file. */
static const struct field site_fields[] = {
	{ ROW("format", FT_FORMAT, REQ, AT(struct load_site, format)) },
	{ ROW("languages", FT_LANGS, REQ, 0), .sub = &site_lang_type },
};

/*
 * The object types: the section of safesteps-content(5) that describes
 * it, its rows, and as needed: the model's struct (for a list), the key
 * a string element stands for, what a region mark is on, what an element
 * must be, the rule across its keys.
 */
#define TYPE(sec, f, ...) \
	{ .name = (sec), .fields = (f), .nfields = NELEM(f), __VA_ARGS__ }
static const struct otype language_type = TYPE("The top level",
	language_fields, .size = 0);
static const struct otype crisis_type = TYPE("The top level",
	crisis_fields, .size = 0);
static const struct otype ui_type = TYPE("EXAMPLES", ui_fields, .size = 0);
static const struct otype item_type = TYPE("Screens", item_fields,
	.size = sizeof(char *), .string_key = "text",
	.mark_on = SITE_MARK_ITEM,
	.expected = "a string or an object with \"text\"");
static const struct otype block_type = TYPE("Screens", block_fields,
	.size = sizeof(struct guide_block), .string_key = "text",
	.mark_on = SITE_MARK_BLOCK, .check = check_block,
	.expected = "a string or an object with \"text\" or \"list\"");
static const struct otype todo_type = TYPE("Screens", todo_fields,
	.size = sizeof(struct guide_todo), .mark_on = SITE_MARK_TODO);
static const struct otype choice_type = TYPE("Screens", choice_fields,
	.size = sizeof(struct guide_choice), .mark_on = SITE_MARK_CHOICE);
static const struct otype screen_type = TYPE("Screens", screen_fields,
	.size = sizeof(struct guide_screen), .mark_on = SITE_MARK_SCREEN);
static const struct otype step_type = TYPE("Steps", step_fields,
	.size = sizeof(struct guide_step));
static const struct otype resource_type = TYPE("Resources",
	resource_fields, .size = sizeof(struct guide_resource));
static const struct otype source_type = TYPE("Sources", source_fields,
	.size = sizeof(struct guide_source));
static const struct otype content_type = TYPE("The top level",
	content_fields, .size = sizeof(struct guide), .check = check_content);
static const struct otype person_type = TYPE("Site files", person_fields,
	.size = sizeof(struct guide_person));
static const struct otype site_lang_type = TYPE("Site files",
	site_lang_fields, .size = sizeof(struct guide),
	.check = check_site_lang);
static const struct otype site_type = TYPE("Site files", site_fields,
	.size = sizeof(struct load_site));

/* clang-format on */

/* Every table, for load_format_key (test_docs). */
static const struct otype *const all_types[] = { &content_type, &language_type,
	&crisis_type, &ui_type, &screen_type, &block_type, &item_type,
	&todo_type, &choice_type, &step_type, &resource_type, &source_type,
	&site_type, &site_lang_type, &person_type };

/* Pass 3: the meaning, by the tables. */

/* Where a row's value goes in dst. */
#define SLOT(dst, f, type) ((type *)(void *)((char *)(dst) + (f)->off))

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
 * Collect the ids of the objects in array a (at key of the current path)
 * into t, sorted, and report an id that an earlier object already has.
 * Bad ids are left to the walk.
 */
static void
collect_ids(struct ctx *c, const cJSON *a, const char *key, enum ids which,
    struct idtab *t)
{
	const cJSON *e, *id;
	size_t i, n = 0, first, mark = c->pathlen;
	const cJSON **nodes;

	free(t->v);
	memset(t, 0, sizeof *t);
	if (!cJSON_IsArray(a))
		return;
	t->v = xcalloc(array_len(a) + 1, sizeof *t->v);
	nodes = xcalloc(array_len(a) + 1, sizeof *nodes);
	for (e = a->child, i = 0; e != NULL; e = e->next, i++) {
		id = cJSON_GetObjectItemCaseSensitive(e, "id");
		nodes[i] = id;
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
		/* Point at the first holder, which sorts before the rest. */
		for (first = i - 1;
		     first > 0 && strcmp(t->v[first - 1].id, t->v[i].id) == 0;
		     first--)
			;
		push_key(c, key);
		push_index(c, t->v[i].index);
		push_key(c, "id");
		c->at = nodes[t->v[i].index];
		err(c, "%s id \"%s\" is already used by %s[%zu]",
		    ids_what[which], t->v[i].id, key, t->v[first].index);
		pop(c, mark);
	}
	free(nodes);
}

/* The index of the first object with this id, or GUIDE_NONE. */
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
	return GUIDE_NONE;
}

/* Values, one type each; c->at is the value and the path its key. */

/* Whether v is what is says (a string has its text); else reports that
 * it must be what. */
static int
is_a(struct ctx *c, const cJSON *v, cJSON_bool (*is)(const cJSON *),
    const char *what)
{
	if (is(v) && (is != cJSON_IsString || v->valuestring != NULL))
		return 1;
	err(c, "must be %s, not %s", what, json_type_name(v));
	return 0;
}

/* The value as text: a copy, or NULL after reporting what is wrong. */
static char *
value_text(struct ctx *c, const cJSON *v)
{
	if (!is_a(c, v, cJSON_IsString, "a string"))
		return NULL;
	if (check_text(c, v->valuestring) != 0)
		return NULL;
	return xstrdup(v->valuestring);
}

/* The value as an id: a pointer into the tree, or NULL after reporting. */
static const char *
value_id(struct ctx *c, const cJSON *v)
{
	if (!is_a(c, v, cJSON_IsString, "a string"))
		return NULL;
	if (!is_id(v->valuestring)) {
		err(c,
		    "must be an id: 1 to %d characters of a-z, 0-9 and "
		    "\"-\"",
		    LOAD_MAX_ID);
		return NULL;
	}
	return v->valuestring;
}

/* The value as a reference into table which: its index, or -1. */
static size_t
value_ref(struct ctx *c, const cJSON *v, enum ids which)
{
	const char *id = value_id(c, v);
	size_t i;

	if (id == NULL)
		return GUIDE_NONE;
	i = lookup(&c->ids[which], id);
	if (i == GUIDE_NONE)
		err(c, "no %s has the id \"%s\"", ids_what[which], id);
	return i;
}

/* A whole number from lo to hi: 0, or -1 after reporting. */
static int
value_int(struct ctx *c, const cJSON *v, int lo, int hi, int *out)
{
	double d;

	if (!is_a(c, v, cJSON_IsNumber, "a whole number"))
		return -1;
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

/* "\"a\", \"b\" or \"c\"" for a list of names. */
static char *
names_of(const struct field *f)
{
	char *s = xstrdup(""), *t;

	for (size_t i = 0; i < f->nnames; i++) {
		t = xasprintf("%s%s\"%s\"", s,
		    i == 0               ? ""
		    : i + 1 == f->nnames ? " or "
					 : ", ",
		    f->names[i]);
		free(s);
		s = t;
	}
	return s;
}

/* The index of string v among f's names, or -1 after reporting. */
static int
value_name(struct ctx *c, const cJSON *v, const struct field *f)
{
	char *all;

	if (!is_a(c, v, cJSON_IsString, "a string"))
		return -1;
	for (size_t i = 0; i < f->nnames; i++)
		if (strcmp(v->valuestring, f->names[i]) == 0)
			return (int)i;
	all = names_of(f);
	err(c, "must be %s%s", f->nnames > 2 ? "one of " : "", all);
	free(all);
	return -1;
}

/*
 * The format version, GUIDE_FORMAT_MIN to GUIDE_FORMAT, or -1 when it is
 * a number this program does not read (when it is not a number: reported,
 * and read as the newest).
 */
static int
value_format(struct ctx *c, const cJSON *v)
{
	double d;

	if (!is_a(c, v, cJSON_IsNumber, "a whole number"))
		return GUIDE_FORMAT;
	d = v->valuedouble;
	if (d >= GUIDE_FORMAT_MIN && d <= GUIDE_FORMAT && (double)(int)d == d)
		return (int)d;
	if (d >= INT_MIN && d <= INT_MAX && (double)(int)d == d)
		err(c,
		    "unknown format version %d (this program reads %d to %d)",
		    (int)d, GUIDE_FORMAT_MIN, GUIDE_FORMAT);
	else
		err(c, "unknown format version (this program reads %d to %d)",
		    GUIDE_FORMAT_MIN, GUIDE_FORMAT);
	return -1;
}

static void walk_object(
    struct ctx *, const cJSON *, const struct otype *, void *);
static int walk_value(struct ctx *, const cJSON *, const struct field *,
    const struct otype *, void *);
static void free_object(const struct otype *, void *);

/* Record the region mark v, on what the innermost lists being read
 * name. */
static void
value_mark(struct ctx *c, const cJSON *v, const struct otype *t)
{
	char *text = value_text(c, v);
	struct site_mark *m;

	if (text == NULL)
		return;
	free(text);
	if (c->g != NULL && c->g->region != NULL &&
	    strcmp(v->valuestring, c->g->region) != 0) {
		struct outside_shown a, b;

		warn(c,
		    "\"%s\" is not this file's region \"%s\": without a site "
		    "for another region it is shown to every reader, as if it "
		    "were true in all of \"%s\"",
		    outside_show(&a, v->valuestring),
		    outside_show(&b, c->g->region), b.s);
	}
	c->marks = xreallocarray(c->marks, c->nmarks + 1, sizeof *c->marks);
	m = &c->marks[c->nmarks++];
	m->on = t->mark_on;
	m->screen = c->nidx > 0 ? c->idx[0] : 0;
	m->i = c->nidx > 1 ? c->idx[1] : 0;
	m->j = c->nidx > 2 ? c->idx[2] : 0;
	m->region = v->valuestring;
}

/*
 * Element i of a list of type t, at dst: an object, or (for a type with a
 * string_key) a string that is that key's value.
 */
static void
walk_element(
    struct ctx *c, const cJSON *e, size_t i, const struct otype *t, void *dst)
{
	const char *screen = c->screen;
	size_t mark = push_index(c, i);

	if (c->nidx < NELEM(c->idx))
		c->idx[c->nidx] = i;
	c->nidx++;
	if (t == &screen_type) { /* its problems name it */
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "id");

		c->screen = cJSON_IsString(id) && is_id(id->valuestring)
				? id->valuestring
				: NULL;
	}
	c->at = e;
	if (cJSON_IsObject(e))
		walk_object(c, e, t, dst);
	else if (t->string_key != NULL && cJSON_IsString(e)) {
		/* the string key is the first row */
		walk_value(c, e, &t->fields[0], t, dst);
		if (t->check != NULL)
			t->check(c, e, dst);
	} else
		err(c, "must be %s, not %s",
		    t->expected != NULL ? t->expected : "an object",
		    json_type_name(e));
	c->nidx--;
	c->screen = screen;
	pop(c, mark);
}

/* A list of objects of f->sub: the array v into dst. */
static void
walk_list(struct ctx *c, const cJSON *v, const struct field *f, void *dst)
{
	const struct otype *t = f->sub;
	size_t n = array_len(v), i, cap = n;
	const cJSON *e;
	char *items, *scratch = NULL;

	if (f->flags & FIXED) {
		items = (char *)dst + f->off;
		cap = (size_t)f->max;
	} else {
		items = xcalloc(n + 1, t->size);
		*SLOT(dst, f, void *) = items;
		*(size_t *)(void *)((char *)dst + f->count_off) = n;
	}
	for (e = v->child, i = 0; e != NULL; e = e->next, i++) {
		if (i < cap)
			walk_element(c, e, i, t, items + i * t->size);
		else { /* read, checked, and not kept */
			scratch = xcalloc(1, t->size);
			walk_element(c, e, i, t, scratch);
			free_object(t, scratch);
			free(scratch);
		}
	}
}

/*
 * The array v of references into table f->ids (FT_REFS: their indices
 * and count), or of f's names (FT_MODES: a bit each), into dst.
 */
static void
walk_array(struct ctx *c, const cJSON *v, const struct field *f, void *dst)
{
	size_t *refs = NULL, n = 0, i, k, mark;
	unsigned on = 0;
	const cJSON *e;
	int bit;

	if (f->type == FT_REFS)
		*SLOT(dst, f, size_t *) = refs =
		    xcalloc(array_len(v) + 1, sizeof *refs);
	for (e = v->child, i = 0; e != NULL; e = e->next, i++) {
		mark = push_index(c, i);
		c->at = e;
		if (refs == NULL) {
			if ((bit = value_name(c, e, f)) >= 0)
				on |= 1u << bit;
		} else if ((k = value_ref(c, e, f->ids)) != GUIDE_NONE)
			refs[n++] = k;
		pop(c, mark);
	}
	if (refs == NULL)
		*SLOT(dst, f, unsigned) = on;
	else
		*(size_t *)(void *)((char *)dst + f->count_off) = n;
}

/*
 * A site file's languages: an object with one object for each language
 * code, each read into a part (a partial guide) of the site, dst.
 */
static void
walk_langs(struct ctx *c, const cJSON *v, const struct field *f, void *dst)
{
	struct load_site *site = dst;
	const cJSON *m;
	struct outside_shown b;
	struct guide *p;
	size_t mark;

	for (m = v->child; m != NULL; m = m->next) {
		const char *code = m->string != NULL ? m->string : "";

		if (!is_lang(code)) {
			at_key(c, 0, m,
			    "\"%s\" is not a language code of 2 or 3 "
			    "lowercase letters",
			    outside_show(&b, code));
			continue;
		}
		if (load_site_part(site, code) != NULL) {
			at_key(c, 0, m, "key \"%s\" given twice", code);
			continue;
		}
		p = xcalloc(1, sizeof *p);
		p->lang = xstrdup(code);
		site->parts = xreallocarray(
		    site->parts, site->nparts + 1, sizeof *site->parts);
		site->parts[site->nparts++] = p;
		mark = push_key(c, code);
		c->at = m;
		if (is_a(c, m, cJSON_IsObject, "an object"))
			walk_object(c, m, f->sub, p);
		pop(c, mark);
	}
}

/*
 * One row's value v (present) into dst.  Returns -1 when reading the
 * object must stop (a format this program does not read).
 */
static int
walk_value(struct ctx *c, const cJSON *v, const struct field *f,
    const struct otype *t, void *dst)
{
	int n;

	c->at = v;
	switch (f->type) {
	case FT_TEXT:
	case FT_SENTENCE:
		if ((*SLOT(dst, f, char *) = value_text(c, v)) != NULL)
			check_placeholders(c, *SLOT(dst, f, char *), f->flags,
			    f->type == FT_SENTENCE);
		break;
	case FT_ID:
		*SLOT(dst, f, char *) = xstrdup_or_null(value_id(c, v));
		break;
	case FT_INT:
		if (value_int(c, v, f->min, f->max, &n) == 0)
			*SLOT(dst, f, int) = n;
		break;
	case FT_ENUM:
		if ((n = value_name(c, v, f)) >= 0)
			*SLOT(dst, f, int) = n;
		break;
	case FT_REF:
		if ((*SLOT(dst, f, size_t) = value_ref(c, v, f->ids)) ==
		    GUIDE_NONE)
			*SLOT(dst, f, size_t) = 0;
		break;
	case FT_MARK:
		value_mark(c, v, t);
		break;
	case FT_FORMAT:
		if ((n = value_format(c, v)) < 0)
			return -1; /* another format's keys: only noise */
		*SLOT(dst, f, int) = n;
		break;
	case FT_OBJECT:
	case FT_LANGS:
		if (!is_a(c, v, cJSON_IsObject, "an object"))
			break;
		if (f->type == FT_LANGS)
			walk_langs(c, v, f, dst);
		else
			walk_object(c, v, f->sub, (char *)dst + f->off);
		break;
	case FT_LIST:
	case FT_REFS:
	case FT_MODES:
		if (!is_a(c, v, cJSON_IsArray, "an array"))
			break;
		if ((f->flags & NONEMPTY) && v->child == NULL)
			err(c, "must not be empty");
		if (f->type == FT_LIST)
			walk_list(c, v, f, dst);
		else
			walk_array(c, v, f, dst);
		break;
	}
	c->at = v;
	if (f->check != NULL)
		f->check(c, f, dst);
	return 0;
}

/*
 * Check the keys of obj against t's: a known key given twice is an error
 * (the first is read), an unknown key a warning naming the nearest known
 * one, so that a misspelt key is not silently ignored.
 */
static void
check_keys(struct ctx *c, const cJSON *obj, const struct otype *t)
{
	unsigned char *seen = xcalloc(t->nfields, 1);
	const cJSON *m;
	size_t i, best, bestd, d, limit;
	struct outside_shown b;

	for (m = obj->child; m != NULL; m = m->next) {
		const char *key = m->string != NULL ? m->string : "";

		for (i = 0; i < t->nfields; i++)
			if (strcmp(key, t->fields[i].key) == 0)
				break;
		if (i < t->nfields) {
			if (seen[i])
				at_key(c, 0, m, "key \"%s\" given twice", key);
			seen[i] = 1;
			continue;
		}
		if (c->out.nwarnkept > REPORT_MAX_KEPT)
			continue; /* no need to look for a suggestion */
		best = t->nfields;
		bestd = SIZE_MAX;
		for (i = 0; i < t->nfields; i++) {
			d = edit_distance(key, t->fields[i].key);
			if (d < bestd) {
				bestd = d;
				best = i;
			}
		}
		limit = best < t->nfields ? strlen(t->fields[best].key) : 0;
		limit = limit <= 3 ? 1 : limit <= 6 ? 2 : 3;
		if (best < t->nfields && bestd <= limit)
			at_key(c, 1, m,
			    "unknown key \"%s\" (did you mean \"%s\"?)",
			    outside_show(&b, key), t->fields[best].key);
		else
			at_key(c, 1, m, "unknown key \"%s\"",
			    outside_show(&b, key));
	}
	free(seen);
}

/*
 * Read object obj of type t into dst (which the caller zeroed), by its
 * table: keys, then each row in order (the ids of its lists first, since
 * a reference may come before what it names), then t's own rule.
 */
static void
walk_object(struct ctx *c, const cJSON *obj, const struct otype *t, void *dst)
{
	const struct field *f;
	const cJSON *v;
	size_t mark;

	check_keys(c, obj, t);
	for (f = t->fields; f < t->fields + t->nfields; f++)
		if (f->type == FT_LIST && f->ids != IDS_NONE)
			collect_ids(c,
			    cJSON_GetObjectItemCaseSensitive(obj, f->key),
			    f->key, f->ids, &c->ids[f->ids]);
	for (f = t->fields; f < t->fields + t->nfields; f++) {
		v = cJSON_GetObjectItemCaseSensitive(obj, f->key);
		if (v == NULL) {
			c->at = obj;
			if (f->def != NULL) {
				/* an older file: shown in the default until
				 * it says it in its own language (an English
				 * file has it right already) */
				mark = push_key(c, f->key);
				if (c->g != NULL && c->g->lang != NULL &&
				    is_lang(c->g->lang) &&
				    strcmp(c->g->lang, "en") != 0)
					warn(c,
					    "missing; the English default "
					    "\"%s\" is shown",
					    f->def);
				pop(c, mark);
				*SLOT(dst, f, char *) = xstrdup(f->def);
			} else if (f->flags & REQ)
				err(c, "missing required key \"%s\"", f->key);
			continue;
		}
		mark = push_key(c, f->key);
		if (walk_value(c, v, f, t, dst) != 0) {
			pop(c, mark);
			return;
		}
		pop(c, mark);
	}
	c->at = obj;
	if (t->check != NULL)
		t->check(c, obj, dst);
}

/* Free what walk_object read into dst by t's table (not dst itself). */
static void
free_object(const struct otype *t, void *dst)
{
	const struct field *f;
	char *items;
	size_t n;

	for (f = t->fields; f < t->fields + t->nfields; f++) {
		switch (f->type) {
		case FT_TEXT:
		case FT_SENTENCE:
		case FT_ID:
			free(*SLOT(dst, f, char *));
			break;
		case FT_REFS:
			free(*SLOT(dst, f, size_t *));
			break;
		case FT_OBJECT:
			free_object(f->sub, (char *)dst + f->off);
			break;
		case FT_LIST:
			if (f->flags & FIXED) {
				items = (char *)dst + f->off;
				n = (size_t)f->max;
			} else {
				items = *SLOT(dst, f, char *);
				n = *(size_t *)(void *)((char *)dst +
							f->count_off);
			}
			for (size_t i = 0; items != NULL && i < n; i++)
				free_object(f->sub, items + i * f->sub->size);
			if (!(f->flags & FIXED))
				free(items);
			break;
		default:
			break;
		}
	}
}

/* The rules a table cannot say. */

static void
check_lang_code(struct ctx *c, const struct field *f, void *dst)
{
	const char *code = *SLOT(dst, f, char *);

	if (code != NULL && !is_lang(code))
		err(c, "must be a language code of 2 or 3 lowercase letters, "
		       "such as \"en\"");
}

/* At most one screen of each kind but "text". */
static void
check_kind(struct ctx *c, const struct field *f, void *dst)
{
	int k = *SLOT(dst, f, int);
	size_t si = c->idx[0];

	if (k <= 0)
		return;
	if (c->kind_screen[k] != 0)
		err(c,
		    "only one screen may have kind \"%s\" (screens[%zu] has it "
		    "already)",
		    kind_names[k], c->kind_screen[k] - 1);
	else
		c->kind_screen[k] = si + 1;
}

/* Note that the file gave a UI string (view.c keeps an older prompt). */
static void
check_ui(struct ctx *c, const struct field *f, void *dst)
{
	if (*SLOT(dst, f, char *) != NULL)
		((struct guide *)dst)
		    ->ui_given[(f->off - offsetof(struct guide, ui)) /
			       sizeof(char *)] = 1;
}

/* Note a to-do id: one id, one item, in the whole file (check_whole). */
static void
check_todo_id(struct ctx *c, const struct field *f, void *dst)
{
	const char *id = *SLOT(dst, f, char *);

	if (id == NULL)
		return;
	if (c->ntodos == c->captodos) {
		c->captodos = c->captodos == 0 ? 64 : c->captodos * 2;
		c->todos =
		    xreallocarray(c->todos, c->captodos, sizeof *c->todos);
	}
	c->todos[c->ntodos].id = id;
	c->todos[c->ntodos].screen = c->idx[0];
	c->todos[c->ntodos].todo = c->idx[1];
	c->ntodos++;
}

/* The steps are numbered 1 to GUIDE_STEPS, in order. */
static void
check_step_number(struct ctx *c, const struct field *f, void *dst)
{
	size_t i = c->idx[0];

	if (cJSON_IsNumber(c->at) && c->at->valuedouble != (double)(i + 1))
		err(c, "must be %zu (the steps are numbered 1 to %d, in order)",
		    i + 1, GUIDE_STEPS);
}

static void
check_steps(struct ctx *c, const struct field *f, void *dst)
{
	struct guide *g = dst;
	size_t n = array_len(c->at);

	for (int i = 0; i < GUIDE_STEPS; i++)
		if (g->steps[i].number == 0)
			g->steps[i].number = i + 1;
	if (cJSON_IsArray(c->at) && n != GUIDE_STEPS)
		err(c, "must list exactly %d steps, not %zu", GUIDE_STEPS, n);
}

static void
check_web(struct ctx *c, const struct field *f, void *dst)
{
	const char *web = *SLOT(dst, f, char *);

	if (web != NULL && strstr(web, "://") != NULL)
		err(c, "give the address without \"https://\" or \"http://\"");
}

static void
check_date(struct ctx *c, const struct field *f, void *dst)
{
	const char *d = *SLOT(dst, f, char *);

	if (d != NULL && !is_date(d))
		err(c, "must be a date written YYYY-MM-DD, YYYY-MM or YYYY");
}

/* A block is a paragraph or a list, shown in every mode unless "on"
 * says otherwise. */
static void
check_block(struct ctx *c, const cJSON *obj, void *dst)
{
	struct guide_block *b = dst;
	const cJSON *on = cJSON_GetObjectItemCaseSensitive(obj, "on");
	size_t mark;

	if (cJSON_IsObject(obj) &&
	    (cJSON_GetObjectItemCaseSensitive(obj, "text") == NULL) ==
		(cJSON_GetObjectItemCaseSensitive(obj, "list") == NULL))
		err(c, "must have either \"text\" or \"list\"");
	if (cJSON_IsArray(on) && on->child == NULL) {
		mark = push_key(c, "on");
		c->at = on;
		err(c, "must name at least one of \"screen\", \"plain\", "
		       "\"paper\"");
		pop(c, mark);
	}
	if (b->on == 0)
		b->on = GUIDE_ON_ALL;
}

/* A site that sets another region must give the numbers to show there,
 * and should give its services. */
static void
check_site_lang(struct ctx *c, const cJSON *obj, void *dst)
{
	const struct guide *p = dst;

	if (p->region != NULL && (p->emergency == NULL || p->crisis == NULL))
		err(c,
		    "a site that sets \"region\" must give %s too, or the "
		    "guide would show the content's numbers",
		    p->emergency != NULL ? "\"crisis\""
		    : p->crisis != NULL  ? "\"emergency\""
					 : "\"emergency\" and \"crisis\"");
	if (p->region != NULL && p->nresources == 0)
		warn(c, "sets \"region\" but gives no \"resources\": where "
			"that is not the content's region, the content's "
			"services are left out, and the guide names none");
}

const char *
load_format_key(size_t t, size_t k, const char **section, int *required)
{
	if (t >= NELEM(all_types) || k >= all_types[t]->nfields)
		return NULL;
	if (section != NULL)
		*section = all_types[t]->name;
	if (required != NULL)
		*required = (all_types[t]->fields[k].flags & REQ) &&
			    all_types[t]->fields[k].def == NULL;
	return all_types[t]->fields[k].key;
}

/* Pass 4: the whole. */

/*
 * Point the next message at screens[i], or at its member key: the path,
 * the place and the screen's id.  Returns the path's length to pop back
 * to (then set c->screen to NULL).
 */
static size_t
at_screen(struct ctx *c, size_t i, const char *key)
{
	const cJSON *a =
	    cJSON_GetObjectItemCaseSensitive(c->doc.root, "screens");
	size_t mark = c->pathlen;

	push_key(c, "screens");
	push_index(c, i);
	c->at = cJSON_GetArrayItem(a, (int)i);
	c->screen = c->g->screens[i].id;
	if (key != NULL) {
		push_key(c, key);
		c->at = cJSON_GetObjectItemCaseSensitive(c->at, key);
	}
	return mark;
}

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

/*
 * To-do ids name ticks across languages: one id, one item.  The same item
 * may be listed on two screens (step 1 and step 3 both say "save first"):
 * then it is one tick, and it must read the same in both places.  Twice
 * on one screen is a mistake.
 */
static void
check_todo_ids(struct ctx *c, const struct guide *g)
{
	const struct todoref *a, *b;
	const char *ta, *tb;
	size_t i, first, mark;

	if (c->ntodos > 1)
		qsort(c->todos, c->ntodos, sizeof *c->todos, todoref_cmp);
	for (i = 1; i < c->ntodos; i++) {
		b = &c->todos[i];
		if (strcmp(b->id, c->todos[i - 1].id) != 0)
			continue;
		for (first = i - 1;
		     first > 0 && strcmp(c->todos[first - 1].id, b->id) == 0;
		     first--)
			;
		a = &c->todos[first];
		ta = todo_text(g, a);
		tb = todo_text(g, b);
		if (a->screen != b->screen &&
		    (ta == NULL || tb == NULL || strcmp(ta, tb) == 0))
			continue;
		mark = at_screen(c, b->screen, "todo");
		push_index(c, b->todo);
		push_key(c, "id");
		c->at = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetArrayItem(c->at, (int)b->todo), "id");
		err(c,
		    "to-do id \"%s\" is already used by "
		    "screens[%zu].todo[%zu]%s",
		    b->id, a->screen, a->todo,
		    a->screen == b->screen
			? ""
			: " with other words (one id is one item: the same "
			  "words on every screen that lists it)");
		pop(c, mark);
		c->screen = NULL;
	}
}

/* Screens no chain of choices reaches (a warning). */
static void
check_reachable(struct ctx *c, const struct guide *g)
{
	size_t i, k, *queue, head = 0, tail = 0, mark;
	unsigned char *seen;

	/*
	 * The help screen is one key away from every screen, so what it
	 * leads to is reachable too.
	 */
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
		mark = at_screen(c, i, NULL);
		warn(c, "cannot be reached from the start screen");
		pop(c, mark);
		c->screen = NULL;
	}
	free(queue);
	free(seen);
}

/*
 * The rules of the whole file: to-do ids, the steps against the screens,
 * region marks only where a screen may be left out, the help screen's
 * kind, the file's language against its name, and (when all else is
 * right) screens that cannot be reached.
 */
static void
check_content(struct ctx *c, const cJSON *root, void *dst)
{
	struct guide *g = dst;
	const cJSON *lang;
	size_t i, k, mark;

	check_todo_ids(c, g);
	/* A step's screen says its step, and the table agrees. */
	for (i = 0; i < g->nscreens; i++) {
		int st = g->screens[i].step;

		if (st == 0 || !cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(
				   root, "steps")))
			continue;
		k = g->steps[st - 1].screen;
		if (g->steps[st - 1].title != NULL && k != i &&
		    k < g->nscreens && g->screens[k].id != NULL) {
			mark = at_screen(c, i, "step");
			err(c,
			    "step %d is screen \"%s\" in the steps table, "
			    "not this one",
			    st, g->screens[k].id);
			pop(c, mark);
			c->screen = NULL;
		}
	}
	/* The start, help and step screens are shown everywhere. */
	for (i = 0; i < c->nmarks; i++) {
		const struct site_mark *m = &c->marks[i];
		int everywhere = m->screen == g->start || m->screen == g->help;

		for (k = 0; k < GUIDE_STEPS; k++)
			everywhere |= g->steps[k].screen == m->screen &&
				      g->steps[k].title != NULL;
		if (m->on != SITE_MARK_SCREEN || !everywhere)
			continue;
		mark = at_screen(c, m->screen, "region");
		err(c, "the start, help and step screens are shown everywhere: "
		       "they cannot be bound to a region");
		pop(c, mark);
		c->screen = NULL;
	}
	if (g->help < g->nscreens && g->screens[g->help].id != NULL &&
	    g->screens[g->help].kind != GUIDE_KIND_HELP) {
		mark = push_key(c, "help");
		c->at = cJSON_GetObjectItemCaseSensitive(root, "help");
		err(c, "screen \"%s\" must have \"kind\": \"help\"",
		    g->screens[g->help].id);
		pop(c, mark);
	}
	if (c->lang != NULL && g->lang != NULL &&
	    strcmp(g->lang, c->lang) != 0) {
		mark = push_key(c, "language");
		push_key(c, "code");
		lang = cJSON_GetObjectItemCaseSensitive(root, "language");
		c->at = cJSON_GetObjectItemCaseSensitive(lang, "code");
		err(c, "the file says \"%s\" but its name says \"%s\"", g->lang,
		    c->lang);
		pop(c, mark);
	}
	/* A wrong "to" would only add noise here. */
	if (c->out.nerrors == 0 && g->nscreens > 0)
		check_reachable(c, g);
}

/* Reading. */

static void
ctx_init(struct ctx *c, struct load_report *rep, const char *name)
{
	memset(c, 0, sizeof *c);
	c->out.rep = rep;
	if (rep->file == NULL)
		rep->file = xstrdup(name != NULL ? name : "(content)");
}

static void
ctx_free(struct ctx *c)
{
	for (int i = 0; i < NIDS; i++)
		free(c->ids[i].v);
	free(c->todos);
	free(c->marks);
	json_doc_free(&c->doc);
	free(c->bytes);
}

/*
 * Read the file at path, or (path NULL) the *len bytes at buf, as an
 * object of type t into dst (zeroed): the bytes, the syntax, the table.
 * Returns -1 when it could not be parsed (the report says why).
 */
static int
read_object(struct ctx *c, const char *path, const char *buf, size_t *len,
    const struct otype *t, void *dst)
{
	char *bytes = NULL;
	const cJSON *root = NULL;

	if (path != NULL)
		bytes = json_read_file(path, LOAD_MAX_BYTES, len, &c->out);
	else if (*len > LOAD_MAX_BYTES)
		report_sink_add(&c->out, 0, NULL,
		    "the file is larger than %d MiB (%zu bytes)",
		    LOAD_MAX_BYTES >> 20, *len);
	else {
		bytes = xmalloc(*len + 1);
		if (*len > 0)
			memcpy(bytes, buf, *len);
		bytes[*len] = '\0';
	}
	if ((c->bytes = bytes) != NULL)
		root = json_parse(&c->doc, bytes, *len, &c->out);
	if (root == NULL)
		return -1;
	c->at = root;
	if (!cJSON_IsObject(root))
		err(c, "the top level must be an object, not %s",
		    json_type_name(root));
	else
		walk_object(c, root, t, dst);
	return 0;
}

/* Load content from path, or from len bytes at buf, as o says. */
static struct guide *
load_content(const char *name, const char *path, const char *buf, size_t len,
    const struct load_opts *o, struct load_report *rep)
{
	struct ctx c;
	struct guide *g = xcalloc(1, sizeof *g);

	ctx_init(&c, rep, name);
	c.g = g;
	c.lang = o != NULL ? o->lang : NULL;
	if (read_object(&c, path, buf, &len, &content_type, g) != 0 ||
	    c.out.nerrors > 0) {
		guide_free(g);
		g = NULL;
	} else /* before the tree goes: the marks point into it */
		site_apply(g,
		    load_site_part(o != NULL ? o->site : NULL, g->lang),
		    c.marks, c.nmarks);
	ctx_free(&c);
	return g;
}

struct guide *
load_file_with(
    const char *path, const struct load_opts *o, struct load_report *rep)
{
	return load_content(path, path, NULL, 0, o, rep);
}

struct guide *
load_file(const char *path, struct load_report *rep)
{
	return load_file_with(path, NULL, rep);
}

struct guide *
load_buffer_with(const char *name, const char *buf, size_t len,
    const struct load_opts *o, struct load_report *rep)
{
	return load_content(name, NULL, buf, len, o, rep);
}

struct guide *
load_buffer(
    const char *name, const char *buf, size_t len, struct load_report *rep)
{
	return load_buffer_with(name, buf, len, NULL, rep);
}

/* Site files. */

/*
 * A part that sets no region while another does: the program leaves that
 * language out (load_site_uncovered); say so at the part.
 */
static void
check_site_regions(
    struct ctx *c, const cJSON *root, const struct load_site *site)
{
	const cJSON *langs =
	    cJSON_GetObjectItemCaseSensitive(root, "languages");

	for (size_t i = 0; i < site->nparts; i++) {
		const char *lang = site->parts[i]->lang;
		const struct guide *by = load_site_uncovered(site, lang);
		size_t mark;

		if (by == NULL)
			continue;
		mark = push_key(c, "languages");
		push_key(c, lang);
		c->at = cJSON_GetObjectItemCaseSensitive(langs, lang);
		warn(c,
		    "no \"region\" here while \"%s\" sets one: language "
		    "\"%s\" is left out, for its screens would show the "
		    "content's own numbers",
		    by->lang, lang);
		pop(c, mark);
	}
}

struct load_site *
load_site_read(const char *path, struct load_report *rep)
{
	struct ctx c;
	struct load_site *site = xcalloc(1, sizeof *site);
	size_t len = 0;

	ctx_init(&c, rep, path);
	if (read_object(&c, path, NULL, &len, &site_type, site) != 0 ||
	    c.out.nerrors > 0) {
		load_site_free(site);
		site = NULL;
	} else
		check_site_regions(&c, c.doc.root, site);
	ctx_free(&c);
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

const struct guide *
load_site_uncovered(const struct load_site *site, const char *lang)
{
	const struct guide *own = load_site_part(site, lang);

	if (own != NULL && own->region != NULL)
		return NULL;
	for (size_t i = 0; site != NULL && i < site->nparts; i++)
		if (site->parts[i]->region != NULL)
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
