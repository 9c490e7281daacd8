/*
 * json.c: a JSON file read strictly, with the place of every value (see
 * json.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <unistr.h>

#include "json.h"
#include "outside.h"
#include "xmalloc.h"

/* No position (an offset the scan did not record). */
#define NOWHERE UINT32_MAX

/* JSON's white space, outside strings. */
static int
is_json_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void diag(struct json_doc *, int, int, const char *, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(struct report_sink *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* An error at a line and column (0 for none): the bytes, the syntax. */
static void
diag(struct json_doc *d, int line, int col, const char *fmt, ...)
{
	struct load_place at = { NULL, line, col, NULL, NULL };
	va_list ap;

	va_start(ap, fmt);
	report_sink_vadd(d->out, 0, &at, fmt, ap);
	va_end(ap);
}

/* An error of the file as a whole. */
static void
fail(struct report_sink *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_sink_vadd(out, 0, NULL, fmt, ap);
	va_end(ap);
}

/* Places. */

/* Append v to a growing array of offsets. */
static void
offsets_add(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 256 : *cap * 2;
		*a = xreallocarray(*a, *cap, sizeof **a);
	}
	(*a)[(*n)++] = v;
}

/* Record that a value begins at off (its key at key, or NOWHERE). */
static void
record_value(struct json_doc *d, uint32_t off, uint32_t key)
{
	if (d->nvals == d->capvals) {
		d->capvals = d->capvals == 0 ? 1024 : d->capvals * 2;
		d->vals = xreallocarray(d->vals, d->capvals, sizeof *d->vals);
	}
	d->vals[d->nvals++] = (struct json_at){ off, key };
}

/* The 1-based line and column (in characters) of byte offset off. */
static void
place_of(const struct json_doc *d, uint32_t off, int *line, int *col)
{
	size_t lo = 0, hi = d->nlines, mid;
	uint32_t i;

	*line = *col = 0;
	if (off == NOWHERE || d->nlines == 0)
		return;
	while (hi - lo > 1) { /* the last line that starts at or before off */
		mid = lo + (hi - lo) / 2;
		if (d->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*col = 1;
	for (i = d->lines[lo]; i < off && i < d->len; i++)
		if ((d->s[i] & 0xc0) != 0x80)
			(*col)++;
}

/*
 * The rank of want among the values of the tree below n and after it, in
 * document order; *rank counts the values passed.  1 when found.
 */
static int
rank_of(const cJSON *n, const cJSON *want, size_t *rank)
{
	for (; n != NULL; n = n->next) {
		if (n == want)
			return 1;
		(*rank)++;
		if (n->child != NULL && rank_of(n->child, want, rank))
			return 1;
	}
	return 0;
}

void
json_place(
    const struct json_doc *d, const cJSON *v, int key, int *line, int *col)
{
	size_t rank = 0;
	uint32_t off = NOWHERE;

	if (v != NULL && d->root != NULL && rank_of(d->root, v, &rank) &&
	    rank < d->nvals)
		off = key ? d->vals[rank].key : d->vals[rank].val;
	place_of(d, off, line, col);
}

/* UTF-8 and what may not be in the file. */

/*
 * How many bytes an invalid sequence at s spans: the lead and the
 * continuation bytes after it (one bad character, one message).
 */
static size_t
utf8_bad_len(const uint8_t *s, size_t n)
{
	size_t k = 1;

	if (s[0] >= 0xc0)
		while (k < n && k < 4 && (s[k] & 0xc0) == 0x80)
			k++;
	return k;
}

/* The bytes. */

static int
hexval(uint8_t h)
{
	if (h >= '0' && h <= '9')
		return h - '0';
	if (h >= 'a' && h <= 'f')
		return h - 'a' + 10;
	if (h >= 'A' && h <= 'F')
		return h - 'A' + 10;
	return -1;
}

/* The container a value is in. */
#define SCAN_MAX_DEPTH 1024 /* deeper than cJSON reads: a syntax error */

/*
 * Where a scan stopped (when it was asked to stop at an offset): inside a
 * string, and where that string starts.
 */
struct scan_at {
	int in_str;
	size_t str_start;
};

/*
 * The one scan of the bytes.  With at == NULL: the whole of s, reporting
 * every invalid UTF-8 sequence, control character and bidi control (raw,
 * or escaped in a string) with its line and column, recording where each
 * line, value and key begins, and returning the deepest nesting of
 * objects and arrays.  With at: quietly up to stop, saying in *at whether
 * stop is inside a string (for a syntax error's message).
 *
 * Outside strings, space, tab, line feed and carriage return are JSON
 * white space; inside a string nothing below U+0020 is allowed, raw or
 * escaped.  A value starts at '{', '[', a string that is not a key, or the
 * first byte of a number, true, false or null; a string is a key right
 * after '{', or after ',' in an object.  On bytes that are not JSON these
 * records are wrong, but then the parse fails and they are never read.
 */
static size_t
scan(struct json_doc *d, const uint8_t *s, size_t len, size_t stop,
    struct scan_at *at)
{
	unsigned char stack[SCAN_MAX_DEPTH]; /* 1: an object */
	size_t i = 0, k, depth = 0, maxdepth = 0, str_start = 0;
	int line = 1, col = 1, in_str = 0, esc = 0, in_token = 0;
	int want_key = 0, quiet = at != NULL;
	uint32_t key = NOWHERE;
	ucs4_t cp;
	char buf[160];
	const char *bad;
	int r;

	if (!quiet)
		offsets_add(&d->lines, &d->nlines, &d->caplines, 0);
	while (i < len && (!quiet || i < stop)) {
		if (in_str && !esc) {
			/* the run of plain text in a string, at once */
			size_t j = i;

			while (j < len && s[j] >= 0x20 && s[j] < 0x7f &&
			       s[j] != '"' && s[j] != '\\' &&
			       (!quiet || j < stop))
				j++;
			col += (int)(j - i);
			i = j;
			if (i >= len || (quiet && i >= stop))
				break;
		}
		if (s[i] < 0x80) {
			cp = s[i];
			k = 1;
		} else if ((r = u8_mbtoucr(&cp, s + i, len - i)) > 0)
			k = (size_t)r;
		else {
			size_t nbad = utf8_bad_len(s + i, len - i), b;
			char hex[16] = "";

			for (b = 0; b < nbad; b++)
				snprintf(hex + strlen(hex),
				    sizeof hex - strlen(hex),
				    b == 0 ? "%02X" : " %02X", s[i + b]);
			if (!quiet) {
				d->raw_bad = 1;
				diag(d, line, col, "invalid UTF-8 (%s %s)",
				    nbad == 1 ? "byte" : "bytes", hex);
			}
			i += nbad;
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
			if (!quiet) {
				d->raw_bad = 1;
				diag(d, line, col,
				    "line break inside a string (a missing "
				    "'\"'?)");
			}
			in_str = 0;
		} else if (!quiet && (in_str || !is_json_space(cp)) &&
			   (bad = outside_bad_char(
				cp, NULL, buf, sizeof buf)) != NULL) {
			d->raw_bad = 1;
			diag(d, line, col, "%s", bad);
		}
		if (cp == '\n') {
			line++;
			col = 1;
			i++;
			esc = 0;
			in_token = 0;
			if (!quiet)
				offsets_add(&d->lines, &d->nlines, &d->caplines,
				    (uint32_t)i);
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

				if (!quiet && (bad = outside_bad_char(v,
						   (const char *)s + i + 1, buf,
						   sizeof buf)) != NULL) {
					d->raw_bad = 1;
					diag(d, line, col - 1, "%s", bad);
				}
				i += 5;
				col += 5;
				continue;
			}
			if (!quiet && (cp == 'b' || cp == 'f' || cp == 'n' ||
					  cp == 'r' || cp == 't')) {
				uint32_t v = cp == 'b'   ? 8
					     : cp == 'f' ? 12
					     : cp == 'n' ? 10
					     : cp == 'r' ? 13
							 : 9;

				d->raw_bad = 1;
				diag(d, line, col - 1,
				    "control character U+%04X%s is not allowed "
				    "(written \\%c)",
				    v, outside_control_name(v), (char)cp);
			}
		} else if (in_str) {
			if (cp == '\\')
				esc = 1;
			else if (cp == '"')
				in_str = 0;
		} else if (cp == '"') {
			in_str = 1;
			in_token = 0;
			str_start = i;
			if (want_key)
				key = (uint32_t)i;
			else if (!quiet) {
				record_value(d, (uint32_t)i, key);
				key = NOWHERE;
			}
			want_key = 0;
		} else if (cp == '{' || cp == '[') {
			if (!quiet) {
				record_value(d, (uint32_t)i, key);
			}
			key = NOWHERE;
			if (depth < SCAN_MAX_DEPTH)
				stack[depth] = cp == '{';
			if (++depth > maxdepth)
				maxdepth = depth;
			want_key = cp == '{';
			in_token = 0;
		} else if (cp == '}' || cp == ']') {
			if (depth > 0)
				depth--;
			want_key = 0;
			in_token = 0;
		} else if (cp == ',') {
			want_key = depth > 0 && depth <= SCAN_MAX_DEPTH &&
				   stack[depth - 1];
			in_token = 0;
		} else if (cp == ':' || cp == ' ' || cp == '\t' || cp == '\r')
			in_token = 0;
		else if (!in_token) {
			/* a number, true, false or null begins */
			in_token = 1;
			if (!quiet) {
				record_value(d, (uint32_t)i, key);
			}
			key = NOWHERE;
		}
		i += k;
		col++;
	}
	if (at != NULL) {
		at->in_str = in_str;
		at->str_start = str_start;
	}
	return maxdepth;
}

/* The syntax. */

/*
 * Where a key should start (after '{' or a ',' in an object), cJSON
 * reports the byte after the one it found: {"a": 1, } points past the
 * '}'.  Step back to what was found.  In an array it points at the
 * right byte already, which this leaves (the byte before it is then the
 * comma or the value, not something after them).
 */
static size_t
key_error_at(struct json_doc *d, size_t off)
{
	const uint8_t *s = d->s;
	size_t q, p;
	struct scan_at at;

	if (off == 0 || is_json_space(s[off - 1]) || s[off - 1] == '"')
		return off;
	q = off - 1;
	for (p = q; p > 0 && is_json_space(s[p - 1]); p--)
		;
	if (p == 0 || (s[p - 1] != '{' && s[p - 1] != ','))
		return off;
	scan(d, s, d->len, q, &at);
	return at.in_str ? off : q;
}

/*
 * Say what went wrong where cJSON stopped: it gives an offset, not a
 * reason, so guess the reason from what is around it.
 */
static void
syntax_error(struct json_doc *d, size_t off, size_t maxdepth)
{
	const uint8_t *s = d->s;
	size_t len = d->len, p;
	struct scan_at at;
	int line, col, r;
	ucs4_t cp = 0; /* stays 0 when the byte there is not UTF-8 */
	char what[80];
	cJSON *lenient;

	if (off > len)
		off = len;
	off = key_error_at(d, off);
	place_of(d, (uint32_t)off, &line, &col);
	if (maxdepth >= CJSON_NESTING_LIMIT) {
		diag(d, line, col,
		    "syntax error: objects and arrays nested more than %d deep",
		    CJSON_NESTING_LIMIT - 1);
		return;
	}
	scan(d, s, len, off, &at);
	if (at.in_str) {
		/* cJSON points into a string it could not read. */
		int closed = 0, esc = 0;

		for (p = at.str_start + 1; p < len; p++) {
			if (esc)
				esc = 0;
			else if (s[p] == '\\')
				esc = 1;
			else if (s[p] == '"') {
				closed = 1;
				break;
			}
		}
		place_of(d, (uint32_t)at.str_start, &line, &col);
		diag(d, line, col, "syntax error: %s",
		    closed ? "a string with a bad escape (a backslash must be "
			     "followed by \", \\, /, b, f, n, r, t or uXXXX)"
			   : "a string that is never closed (a missing '\"')");
		return;
	}

	/* Text after a complete value, or a real error inside it? */
	lenient = cJSON_ParseWithLengthOpts((const char *)s, len + 1, NULL, 0);
	if (lenient != NULL) {
		cJSON_Delete(lenient);
		diag(d, line, col,
		    "syntax error: text after the end of the data");
		return;
	}

	if (off >= len) {
		diag(d, line, col,
		    "syntax error: unexpected end of file (a missing '}' or "
		    "']'?)");
		return;
	}
	if ((r = u8_mbtoucr(&cp, s + off, len - off)) <= 0)
		snprintf(what, sizeof what, "byte %02X", s[off]);
	else if (cp >= 0x21 && cp < 0x7f)
		snprintf(what, sizeof what, "'%c'", (char)cp);
	else
		snprintf(what, sizeof what, "character U+%04X", cp);

	/* The character before, ignoring white space. */
	p = off;
	while (p > 0 && is_json_space(s[p - 1]))
		p--;
	if ((cp == '}' || cp == ']') && p > 0 && s[p - 1] == ',')
		diag(d, line, col,
		    "syntax error: unexpected %s after a comma (remove the "
		    "comma)",
		    what);
	else if (cp == '\'')
		diag(d, line, col,
		    "syntax error: unexpected %s (JSON strings use double "
		    "quotes)",
		    what);
	else if (p > 0 && s[p - 1] != '\0' &&
		 strchr("\"}]0123456789el", s[p - 1]) != NULL &&
		 (cp == '"' || cp == '{' || cp == '['))
		diag(d, line, col,
		    "syntax error: unexpected %s (a missing ',' or ':' before "
		    "it?)",
		    what);
	else
		diag(d, line, col, "syntax error: unexpected %s", what);
}

static void *
cjson_malloc(size_t n)
{
	return xmalloc(n);
}

/* The bytes, then the syntax. */
cJSON *
json_parse(
    struct json_doc *d, const char *buf, size_t len, struct report_sink *out)
{
	static int hooked;
	const uint8_t *s = (const uint8_t *)buf;
	const char *end = NULL;
	size_t maxdepth;
	cJSON *root;

	d->out = out;
	if (!hooked) {
		/* Out of memory exits; it is never a "syntax error". */
		cJSON_Hooks hooks = { cjson_malloc, free };

		cJSON_InitHooks(&hooks);
		hooked = 1;
	}

	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) ||
			    (s[0] == 0xfe && s[1] == 0xff))) {
		diag(d, 0, 0, "the file is UTF-16: save it as UTF-8");
		return NULL;
	}
	if (len >= 4 &&
	    ((s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0) ||
		(s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0))) {
		diag(d, 0, 0, "the file looks like UTF-16: save it as UTF-8");
		return NULL;
	}
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		/* A UTF-8 byte-order mark: harmless, and not counted. */
		s += 3;
		len -= 3;
	}
	d->s = s;
	d->len = len;

	maxdepth = scan(d, s, len, 0, NULL);
	if (out->nerrkept > REPORT_MAX_KEPT)
		return NULL; /* not JSON, most likely: stop there */
	d->root = root =
	    cJSON_ParseWithLengthOpts((const char *)s, len + 1, &end, 1);
	if (root == NULL) {
		size_t off = end != NULL && end >= (const char *)s
				 ? (size_t)(end - (const char *)s)
				 : len;

		syntax_error(d, off, maxdepth);
	}
	return root;
}

/* Files. */

/*
 * Opening with O_NONBLOCK means a FIFO with no writer cannot make this
 * wait; fstat then refuses it, and devices and directories.
 */
char *
json_read_file(
    const char *path, size_t max, size_t *lenp, struct report_sink *out)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap;
	ssize_t n;
	int fd, e;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		fail(out, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		e = errno;
		close(fd);
		fail(out, "%s", strerror(e));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		fail(out, "not a regular file");
		return NULL;
	}
	if ((uintmax_t)st.st_size > max)
		goto too_big;

	/* One byte more than fstat said, to see a file that grew. */
	cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (len > max)
				goto too_big;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			e = errno;
			free(buf);
			close(fd);
			fail(out, "%s", strerror(e));
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (len > max) {
		free(buf);
		fail(out, "the file is larger than %zu MiB", max >> 20);
		return NULL;
	}
	buf[len] = '\0';
	*lenp = len;
	return buf;

too_big:
	free(buf);
	close(fd);
	fail(out, "the file is larger than %zu MiB (%jd bytes)", max >> 20,
	    (intmax_t)st.st_size);
	return NULL;
}

const char *
json_type_name(const cJSON *v)
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

void
json_doc_free(struct json_doc *d)
{
	cJSON_Delete(d->root);
	free(d->lines);
	free(d->vals);
	memset(d, 0, sizeof *d);
}
