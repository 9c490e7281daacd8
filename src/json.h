/*
 * json.h: a JSON file read strictly, with the place of every value.
 *
 * cJSON cannot be trusted with the bytes of a file from outside: it
 * treats raw control bytes as white space, keeps them inside strings, and
 * ends a string silently at "\u0000".  So one scan of the bytes comes
 * first: it refuses a UTF-16 file, reports every invalid UTF-8 sequence,
 * control character and bidi control (raw, or written as an escape such
 * as "\u001b", "\n" or "\u202e") with its line and column, and records
 * where each line, value and key begins.  Then cJSON parses with
 * require_null_terminated, so that text after the value is an error, and
 * a syntax error says what is most likely wrong, where.  cJSON keeps no
 * positions: the n-th value of the tree in document order is the n-th
 * value the scan saw, and json_place finds it there.
 *
 * Only this module and load.c include cJSON.
 */
#ifndef SAFESTEPS_JSON_H
#define SAFESTEPS_JSON_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "report.h"

/* Where a value starts in the file, and its key (UINT32_MAX: none). */
struct json_at {
	uint32_t val, key;
};

/* A parsed file.  Zero it, then json_parse; json_doc_free after. */
struct json_doc {
	cJSON *root;      /* the tree, or NULL */
	const uint8_t *s; /* the bytes, after a byte-order mark */
	size_t len;
	int raw_bad; /* the scan reported bad UTF-8 or a control */
	struct report_sink *out;
	uint32_t *lines; /* where each line starts, by byte offset */
	size_t nlines, caplines;
	struct json_at *vals; /* where each value starts, in document order */
	size_t nvals, capvals;
};

/*
 * Read a whole regular file of at most max bytes (a whole number of MiB,
 * as its messages say) into a buffer with
 * a NUL after it.  Returns the buffer (caller frees) or NULL after
 * reporting to out why not.  A FIFO with no writer cannot make it wait;
 * it refuses FIFOs, devices and directories.
 */
char *json_read_file(
    const char *path, size_t max, size_t *lenp, struct report_sink *out);

/*
 * Scan and parse buf (len bytes, followed by a NUL that is not part of
 * the content), reporting every problem of its bytes and its syntax to
 * out.  Returns d->root: the tree, or NULL when the file is not UTF-8 or
 * not JSON.  d->root points into nothing of buf; d->s does.
 */
cJSON *json_parse(
    struct json_doc *d, const char *buf, size_t len, struct report_sink *out);

/*
 * Where value v of d->root (key: the key of v, when it is a member)
 * begins: the 1-based line and column in characters, 0 and 0 when it is
 * not known.  It walks the tree: ask only when there is something to say.
 */
void json_place(
    const struct json_doc *d, const cJSON *v, int key, int *line, int *col);

/* What v is, for a message: "an object", "a string", "null"... */
const char *json_type_name(const cJSON *v);

/* Free the tree and the places (not the bytes); zero d. */
void json_doc_free(struct json_doc *d);

#endif
