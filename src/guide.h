/*
 * guide.h: the guide, as a read-only model in plain C.
 *
 * A struct guide holds one language's content: the UI strings, the crisis
 * line, the screens, the five steps, the resources and the sources.  It is
 * made by the loader (load.h) from a JSON file and never changed afterwards.
 * Every string is UTF-8 without control characters (the loader refuses
 * them), owned by the guide, and freed by guide_free.  Cross references
 * (choices, steps, resources and sources named by id) are resolved by the
 * loader into indices, so users of the model never look an id up.
 *
 * Nothing here includes cJSON or curses.
 */
#ifndef SAFESTEPS_GUIDE_H
#define SAFESTEPS_GUIDE_H

#include <stddef.h>

/*
 * The content and site formats this program reads: 1, and 2, which adds
 * the emergency number, the crisis line's numbers, placeholders, region
 * marks, and a site's own region, resources and sources.
 */
#define GUIDE_FORMAT_MIN 1
#define GUIDE_FORMAT 2

/* The number of steps every guide has, in the order the police give them. */
#define GUIDE_STEPS 5

/* "No such index": a screen, item or line that is not there. */
#define GUIDE_NONE ((size_t)-1)

/* Between the parts of the crisis line ("Call or text 988 · Kids Help
 * Phone ..."): the full screen puts them on one line, the plain mode and
 * paper one to a line. */
#define GUIDE_CRISIS_SEP " \xc2\xb7 "

/*
 * Every UI string the program shows, by its key in the content's "ui"
 * object, and its default.  A placeholder in braces ({n}, {total},
 * {date}) is filled in by guide_format.  A string with a NULL default is
 * required; one added later has an English default, so that a content
 * file written before it (a district's own) stays valid: the default is
 * used until the file says it in its own language.  To add a string: add a
 * line here (with a default) and to every bundled content file.
 */
#define GUIDE_UI_LIST(X)                                                    \
	X(HINT_NEXT, "hint_next", NULL)                                     \
	X(HINT_BACK, "hint_back", NULL)                                     \
	X(HINT_TICK, "hint_tick", NULL)                                     \
	X(HINT_HELP, "hint_help", NULL)                                     \
	X(HINT_QR, "hint_qr", NULL)                                         \
	X(HINT_LEAVE, "hint_leave", NULL)                                   \
	X(STEP_OF, "step_of", NULL)                                         \
	X(MORE_ABOVE, "more_above", NULL)                                   \
	X(MORE_BELOW, "more_below", NULL)                                   \
	X(TODO_HEADING, "todo_heading", NULL)                               \
	X(TOO_SMALL, "too_small", NULL)                                     \
	X(STILL_THERE, "still_there", NULL)                                 \
	X(COUNTDOWN_LEAVE, "countdown_leave", NULL)                         \
	X(COUNTDOWN_RESET, "countdown_reset", NULL)                         \
	X(PLAIN_PROMPT, "plain_prompt", NULL)                               \
	X(PLAIN_TICK, "plain_tick", "t and a number: tick a to-do item.")   \
	X(PLAIN_BACK, "plain_back", "b: back.")                             \
	X(PLAIN_HELP, "plain_help", "h: talk to someone now.")              \
	X(PLAIN_AGAIN, "plain_again", "r: read this again.")                \
	X(PLAIN_LEAVE, "plain_leave", "q: leave.")                          \
	X(PLAIN_BAD_NUMBER, "plain_bad_number", NULL)                       \
	X(PLAIN_BYE, "plain_bye", NULL)                                     \
	X(PLAN_DONE, "plan_done", NULL)                                     \
	X(PLAN_LEFT, "plan_left", NULL)                                     \
	X(RESOURCE_CALL, "resource_call", NULL)                             \
	X(RESOURCE_TEXT, "resource_text", NULL)                             \
	X(RESOURCE_WEB, "resource_web", NULL)                               \
	X(RESOURCE_HOURS, "resource_hours", NULL)                           \
	X(SOURCE_CHECKED, "source_checked", NULL)                           \
	X(SITE_HEADING, "site_heading", NULL)                               \
	X(QR_SCAN, "qr_scan", NULL)                                         \
	X(QR_TOO_SMALL, "qr_too_small", NULL)                               \
	X(QR_TALLER, "qr_taller",                                           \
	    "Make the window taller "                                       \
	    "to show the code.")                                            \
	X(KEYS_TITLE, "keys_title", NULL)                                   \
	X(KEY_MOVE, "key_move", NULL)                                       \
	X(KEY_CHOOSE, "key_choose", NULL)                                   \
	X(KEY_BACK, "key_back", NULL)                                       \
	X(KEY_TICK, "key_tick", NULL)                                       \
	X(KEY_SCROLL, "key_scroll", NULL)                                   \
	X(KEY_PICK, "key_pick", NULL)                                       \
	X(KEY_HELP, "key_help", NULL)                                       \
	X(KEY_LEAVE, "key_leave", NULL)                                     \
	X(KEY_PLAIN, "key_plain", NULL)                                     \
	X(KEY_QR, "key_qr", NULL)                                           \
	X(KEY_CLICK, "key_click", NULL)                                     \
	X(KEY_FIRST_LAST, "key_first_last", "Go to the first or last item") \
	X(LABEL_SEP, "label_sep", ": ")                                     \
	X(KEYNAME_MOVE, "keyname_move", "Up/Down, k/j, Tab")                \
	X(KEYNAME_CHOOSE, "keyname_choose", "Enter, Right")                 \
	X(KEYNAME_BACK, "keyname_back", "Left, Backspace, b")               \
	X(KEYNAME_TICK, "keyname_tick", "Space")                            \
	X(KEYNAME_SCROLL, "keyname_scroll", "PgUp/PgDn, mouse wheel")       \
	X(KEYNAME_PICK, "keyname_pick", "1-9")                              \
	X(KEYNAME_FIRST_LAST, "keyname_first_last", "Home/End")             \
	X(KEYNAME_HELP, "keyname_help", "h, ?, F1")                         \
	X(KEYNAME_LEAVE, "keyname_leave", "Esc, q, Ctrl-C")                 \
	X(KEYNAME_PLAIN, "keyname_plain", "p")                              \
	X(KEYNAME_QR, "keyname_qr", "c")                                    \
	X(KEYNAME_CLICK, "keyname_click", "Mouse click")                    \
	X(STILL_THERE_PLAIN, "still_there_plain",                           \
	    "Are you still there? Press Enter to keep reading.")            \
	X(PLAIN_NO_TODO, "plain_no_todo",                                   \
	    "There is nothing to tick on this screen.")                     \
	X(QR_NO_ROOM, "qr_no_room",                                         \
	    "Some codes to scan did not fit on this page. Their web "       \
	    "addresses are written above.")

enum guide_ui {
#define GUIDE_UI_ENUM(name, key, def) GUIDE_UI_##name,
	GUIDE_UI_LIST(GUIDE_UI_ENUM)
#undef GUIDE_UI_ENUM
	    GUIDE_UI_COUNT
};

/* Who a screen is written for; it sets the reading level it must meet. */
enum guide_audience {
	GUIDE_YOUTH, /* the young person: grade 6 or below */
	GUIDE_ADULT  /* a parent, counsellor or teacher: grade 8 or below */
};

/* Screens whose lower part the program makes from the model. */
enum guide_kind {
	GUIDE_KIND_TEXT,    /* only what the content says */
	GUIDE_KIND_PLAN,    /* then the steps, ticked and left, and contacts */
	GUIDE_KIND_SOURCES, /* then every source with its dates */
	GUIDE_KIND_LANGUAGES, /* then one choice per installed language */
	GUIDE_KIND_HELP       /* "talk to someone now": site people first */
};

/* Where a block of a screen's body is shown (struct guide_block.on). */
#define GUIDE_ON_SCREEN 0x1 /* the full-screen mode */
#define GUIDE_ON_PLAIN 0x2  /* the plain line-by-line mode */
#define GUIDE_ON_PAPER 0x4  /* the printed handout */
#define GUIDE_ON_ALL (GUIDE_ON_SCREEN | GUIDE_ON_PLAIN | GUIDE_ON_PAPER)

/*
 * A paragraph, or a bulleted list.  A block that tells how to use one mode
 * ("Press Esc to leave quickly") is shown only there: on says where.
 */
struct guide_block {
	char *text;    /* the paragraph, or NULL for a list */
	char **items;  /* the list's items, or NULL for a paragraph */
	size_t nitems; /* how many items */
	unsigned on;   /* GUIDE_ON_* bits; GUIDE_ON_ALL unless the content
			  says otherwise */
};

/* A "do this now" item that the user can tick. */
struct guide_todo {
	char *id;   /* unique in the guide; names the tick across languages */
	char *text; /* what to do */
};

/* A choice that leads to another screen. */
struct guide_choice {
	char *label;   /* what the choice says */
	size_t target; /* index into guide.screens */
};

struct guide_screen {
	char *id;    /* unique; the same in every language */
	char *title; /* one line */
	enum guide_audience audience;
	enum guide_kind kind;
	int step; /* 1 to GUIDE_STEPS on a step's screen, else 0 */
	struct guide_block *body;
	size_t nbody;
	struct guide_todo *todos;
	size_t ntodos;
	struct guide_choice *choices;
	size_t nchoices;
	size_t *resources; /* indices into guide.resources */
	size_t nresources;
	size_t *sources; /* indices into guide.sources */
	size_t nsources;
};

struct guide_step {
	int number;    /* 1 to GUIDE_STEPS, in order */
	char *title;   /* "Stop contact" */
	size_t screen; /* index into guide.screens */
};

/* A place to get help.  Optional fields are NULL when absent. */
struct guide_resource {
	char *id;
	char *name;      /* "Kids Help Phone" */
	char *purpose;   /* what it is for, one or two sentences */
	char *web;       /* "kidshelpphone.ca" (no scheme), or NULL */
	char *phone;     /* "1-800-668-6868", or NULL */
	char *text;      /* "Text CONNECT to 686868", or NULL */
	char *hours;     /* "24/7, free, confidential", or NULL */
	char *region;    /* "Canada", "United States", ... */
	size_t *sources; /* indices into guide.sources */
	size_t nsources;
	int site; /* 1: the site file's own (the school's) */
};

/* Where a fact comes from, and when it was last checked. */
struct guide_source {
	char *id;
	char *title;
	char *publisher;
	char *date;    /* of the source, as the content gives it */
	char *url;     /* address without scheme */
	char *checked; /* YYYY-MM-DD */
};

/* A person or place at the school, from the site file. */
struct guide_person {
	char *name;    /* "Ms. Chen, counsellor" */
	char *details; /* "Room 114, Monday to Friday 8 to 4" */
};

/*
 * One language's guide.  The loader has already applied the site file
 * (safesteps-content(5)): its region, numbers, people and resources are
 * in here, the placeholders of the text are filled, and what is bound to
 * another region is left out, so that no user of the model looks at the
 * site file.
 */
struct guide {
	int format;      /* GUIDE_FORMAT_MIN to GUIDE_FORMAT */
	char *lang;      /* "en" */
	char *lang_name; /* "English", in its own language */
	char *region;    /* where the contacts apply: "Canada", or the site's */
	char *emergency; /* the emergency number ("911"), or NULL */
	char *ui[GUIDE_UI_COUNT];
	unsigned char ui_given[GUIDE_UI_COUNT]; /* 1: the file gave it (else
						  ui holds the default) */
	char *crisis;       /* the crisis line shown on every screen */
	char *crisis_short; /* the same, for a narrow screen */
	char *crisis_call;  /* the crisis line's number to call, or NULL */
	char *crisis_text;  /* its number to text, or NULL */
	size_t start;       /* index of the start screen */
	size_t help;        /* index of "talk to someone now" */
	struct guide_screen *screens;
	size_t nscreens;
	struct guide_step steps[GUIDE_STEPS];
	struct guide_resource *resources;
	size_t nresources;
	struct guide_source *sources;
	size_t nsources;
	struct guide_person *people; /* from the site file; may be empty */
	size_t npeople;
};

/* The key of a UI string in the content's "ui" object ("hint_next"). */
const char *guide_ui_key(enum guide_ui which);

/* The default of an optional UI string, or NULL for a required one. */
const char *guide_ui_default(enum guide_ui which);

/* Free a guide and everything it owns; NULL is fine. */
void guide_free(struct guide *g);

/* Free what one screen, resource or source owns, not the struct itself
 * (the loader leaves some out when it applies a site file). */
void guide_screen_free(struct guide_screen *s);
void guide_resource_free(struct guide_resource *r);
void guide_source_free(struct guide_source *s);

/*
 * Find a screen by id.  Returns its index, or GUIDE_NONE if there is none.
 */
size_t guide_screen_find(const struct guide *g, const char *id);

/*
 * Leave out the choices of s that lead to a screen i with drop[i] set, or
 * whose label is NULL (a site file left it out); the screens they led to
 * stay.
 */
void guide_drop_choices(struct guide_screen *s, const unsigned char *drop);

/*
 * How many of the first max bytes of s are a language code: 2 or 3
 * lowercase ASCII letters ("fr" of "fr_CA.UTF-8" or "fr.json").  0 when
 * s does not start with one (4 letters or more are not a code).
 */
size_t guide_lang_len(const char *s, size_t max);

/*
 * The crisis line as a list: the part of text before its first
 * GUIDE_CRISIS_SEP, or all of it, is *len bytes at text; returns where
 * the next part starts, or NULL after the last.
 */
const char *guide_crisis_part(const char *text, size_t *len);

/*
 * Copy a UI template, replacing each "{name}" with value.  Other
 * placeholders are kept as they are.  Caller frees.
 */
char *guide_format(const char *template, const char *name, const char *value);

#endif
