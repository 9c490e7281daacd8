/*
 * test_gen.c: generated hostile content through the loader and through
 * the program.
 *
 * Every case starts from the validator's valid fixture (tests/data/
 * valid.json) or is made from nothing here, is written into a private
 * temporary directory (removed at the end), and is loaded twice: with
 * load_file, and with "safesteps --check".  Cases under the 1 MiB limit:
 * 10,000 screens, deep nesting, a 900 KiB string, NUL, overlong UTF-8,
 * surrogates, and escape sequences in every text field of the model; and
 * a file one byte over the limit.  A bad file must be refused with a
 * message that says where the problem is (the JSON path, or the line and
 * column of the bad bytes); a control sequence from content must never
 * reach a terminal, neither in messages nor on screen in kiosk mode.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "guide.h"
#include "guidescreen.h"
#include "load.h"
#include "run.h"
#include "term.h"
#include "tmpdir.h"
#include "xmalloc.h"

/* The directory every generated file goes into, one for each test case,
 * removed after it (an unchecked fixture: even when a test failed). */
static char *gen_dir;

static const char *const env_utf8[] = { "LANG=C.UTF-8", NULL };

static void
gen_setup(void)
{
	gen_dir = tmpdir_make("safesteps-gen");
}

static void
gen_teardown(void)
{
	tmpdir_remove(gen_dir);
	free(gen_dir);
	gen_dir = NULL;
}

/* A new empty directory under gen_dir (unique even across forked tests).
 * Caller frees. */
static char *
new_dir(void)
{
	char *d = xasprintf("%s/d-XXXXXX", gen_dir);

	ck_assert_ptr_nonnull(mkdtemp(d));
	return d;
}

/* A growing buffer. */
struct buf {
	char *p;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		ck_assert_ptr_nonnull(b->p);
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_fmt(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
buf_fmt(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	ck_assert(n >= 0 && (size_t)n < sizeof tmp);
	buf_add(b, tmp, (size_t)n);
}

/* The valid fixture, whole. */
static struct buf
fixture(void)
{
	const char *dir = getenv("SAFESTEPS_TESTDATA");
	char path[4096];
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s/valid.json",
	    dir != NULL && *dir != '\0' ? dir : "tests/data");
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return b;
}

/* Where the nth (0-based) occurrence of needle starts in b, or -1. */
static long
find_nth(const struct buf *b, const char *needle, int nth)
{
	size_t n = strlen(needle);

	for (size_t i = 0; n <= b->len && i <= b->len - n; i++) {
		if (memcmp(b->p + i, needle, n) == 0 && nth-- == 0)
			return (long)i;
	}
	return -1;
}

/* b with len bytes at off replaced by rep (replen bytes). */
static struct buf
splice(
    const struct buf *b, size_t off, size_t len, const void *rep, size_t replen)
{
	struct buf o = { 0 };

	buf_add(&o, b->p, off);
	buf_add(&o, rep, replen);
	buf_add(&o, b->p + off + len, b->len - off - len);
	return o;
}

/* Write b to dir/name; the path (caller frees). */
static char *
write_file(const char *dir, const char *name, const void *p, size_t len)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *f;

	ck_assert_ptr_nonnull(path);
	sprintf(path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(p, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

/* The 1-based line and column (in characters) of byte off, as the loader
 * counts them. */
static void
line_col(const struct buf *b, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < b->len; i++) {
		if (b->p[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)b->p[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* Every diagnostic of rep, one a line, for failure messages.  Static. */
static const char *
report_text(const struct load_report *rep)
{
	static char text[8192];
	size_t n = 0;

	text[0] = '\0';
	for (size_t i = 0; i < rep->ndiags && n < sizeof text - 200; i++) {
		char *line = load_diag_format(rep, i);

		n +=
		    (size_t)snprintf(text + n, sizeof text - n, "  %s\n", line);
		free(line);
	}
	return text;
}

/* 1 if some error of rep contains msg (or msg is NULL and there is one). */
static int
has_error(const struct load_report *rep, const char *msg)
{
	for (size_t i = 0; i < rep->ndiags; i++) {
		if (rep->diags[i].warning)
			continue;
		if (msg == NULL || strstr(rep->diags[i].msg, msg) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Whether an error of rep says where the problem is: it names path, or
 * points at line `line` at a column from col_lo to col_hi.
 */
static int
locates(const struct load_report *rep, const char *path, int line, int col_lo,
    int col_hi)
{
	for (size_t i = 0; i < rep->ndiags; i++) {
		const struct load_diag *d = &rep->diags[i];

		if (d->warning)
			continue;
		if (path != NULL && d->path != NULL &&
		    strcmp(d->path, path) == 0)
			return 1;
		if (d->line == line && d->col >= col_lo && d->col <= col_hi)
			return 1;
	}
	return 0;
}

/* Run "safesteps --check path"; r filled, caller frees it. */
static void
run_check(const char *path, struct run_result *r)
{
	const char *argv[] = { run_bin(), "--check", path, NULL };

	ck_assert_int_eq(run_cmd(argv, env_utf8, NULL, 0, NULL, 10000, r), 0);
	ck_assert_msg(r->status != -1, "--check %s did not finish", path);
	ck_assert_msg(WIFEXITED(r->status), "--check %s: killed by signal %d",
	    path, WIFSIGNALED(r->status) ? WTERMSIG(r->status) : 0);
}

/*
 * The whole check of one bad file: load_file refuses it with an error
 * that locates the problem (path, or line and columns), and so does
 * "safesteps --check" (exit 1), with no control byte in what it prints.
 * what is the case's name for failure messages.
 */
static void
expect_refused(const char *what, const struct buf *b, const char *path,
    int line, int col_lo, int col_hi)
{
	char *dir = new_dir();
	char *file = write_file(dir, "bad.json", b->p, b->len);
	struct load_report rep = { 0 };
	struct run_result r = { 0 };
	struct guide *g;
	char want[4200];
	int named = 0;

	g = load_file(file, &rep);
	ck_assert_msg(g == NULL, "%s: the loader accepted it", what);
	ck_assert_msg(rep.nerrors > 0, "%s: refused without an error", what);
	ck_assert_msg(locates(&rep, path, line, col_lo, col_hi),
	    "%s: no error names %s or line %d, columns %d-%d:\n%s", what,
	    path != NULL ? path : "(no path)", line, col_lo, col_hi,
	    report_text(&rep));
	for (size_t i = 0; i < rep.ndiags; i++) {
		char *s = load_diag_format(&rep, i);

		ck_assert_msg(!cli_has_control_bytes(s, strlen(s)),
		    "%s: a message holds a control byte", what);
		free(s);
	}
	load_report_free(&rep);

	run_check(file, &r);
	ck_assert_msg(WEXITSTATUS(r.status) == 1,
	    "%s: --check exit %d, not 1; stderr:\n%s", what,
	    WEXITSTATUS(r.status), r.err);
	if (path != NULL) {
		/* "screens[1].title" reads 'screen "step-1": title' */
		const char *tail = path;

		if (strncmp(path, "screens[", 8) == 0 &&
		    strchr(path, ']') != NULL) {
			tail = strchr(path, ']') + 1;
			tail += *tail == '.';
		}
		snprintf(want, sizeof want, ": %s: ", tail);
		named =
		    strstr(r.err, file) != NULL && strstr(r.err, want) != NULL;
	}
	for (int c = col_lo; !named && c <= col_hi; c++) {
		snprintf(want, sizeof want, "%s:%d:%d: ", file, line, c);
		named = strstr(r.err, want) != NULL;
	}
	ck_assert_msg(
	    named, "%s: --check does not say where:\n%s", what, r.err);
	ck_assert_msg(!cli_has_control_bytes(r.err, r.errlen) &&
			  !cli_has_control_bytes(r.out, r.outlen),
	    "%s: --check printed a control byte from the content", what);
	run_free(&r);
	free(file);
	free(dir);
}

/* A text field of the fixture: a fragment that holds it (the value is
 * the last quoted string of the fragment), which occurrence, and the
 * JSON path the loader should name. */
struct field {
	const char *fragment;
	int nth;
	const char *path;
};

static const struct field fields[] = {
	{ "\"title\": \"Stop replying\"", 0, "screens[1].title" },
	{ "\"It is not your fault.\"", 0, "screens[0].body[0]" },
	{ "\"You are not in trouble.\"", 0, "screens[0].body[1].list[0]" },
	{ "\"text\": \"Stop replying to them.\"", 0,
	    "screens[1].todo[0].text" },
	{ "\"label\": \"Show me what to do now\"", 0,
	    "screens[0].choices[0].label" },
	{ "\"name\": \"Kids Help Phone\"", 0, "resources[0].name" },
	{ "\"purpose\": \"Talk or text with a counsellor about anything.\"", 0,
	    "resources[0].purpose" },
	{ "\"web\": \"kidshelpphone.ca\"", 0, "resources[0].web" },
	{ "\"phone\": \"1-800-668-6868\"", 0, "resources[0].phone" },
	{ "\"text\": \"Text CONNECT to 686868\"", 0, "resources[0].text" },
	{ "\"hours\": \"24/7, free and confidential\"", 0,
	    "resources[0].hours" },
	{ "\"region\": \"Canada\"", 1, "resources[0].region" },
	{ "\"title\": \"Sextortion warning\"", 0, "sources[0].title" },
	{ "\"publisher\": \"Kids Help Phone\"", 0, "sources[1].publisher" },
	{ "\"date\": \"2022-12-15\"", 0, "sources[0].date" },
	{ "\"url\": \"alert-ab.ca/public-knowledge/child-exploitation/\"", 0,
	    "sources[0].url" },
	{ "\"checked\": \"2026-11-30\"", 0, "sources[0].checked" },
	{ "\"hint_next\": \"Enter next\"", 0, "ui.hint_next" },
	{ "\"too_small\": \"Make this window bigger to read the guide.\"", 0,
	    "ui.too_small" },
	{ "\"line\": \"Call or text 988", 0, "crisis.line" },
	{ "\"short\": \"988 ", 0, "crisis.short" },
	{ "\"name\": \"English\"", 0, "language.name" },
	{ "\"region\": \"Canada\"", 0, "region" },
	{ "\"title\": \"Stop contact\"", 0, "steps[0].title" },
};

/* Bad bytes to put at the start of a text value. */
struct payload {
	const char *name;
	const char *bytes;
	size_t len;
};

#define P(name, lit)                       \
	{                                  \
		name, lit, sizeof(lit) - 1 \
	}
static const struct payload payloads[] = {
	P("raw ESC ]0;PWNED BEL", "\x1b]0;PWNED\x07"),
	P("\\u001b]0;PWNED\\u0007", "\\u001b]0;PWNED\\u0007"),
	P("\\u009b31m", "\\u009b31mPWNED"),
	P("raw C2 9B (CSI)", "\xc2\x9b"
			     "31mPWNED"),
	P("raw NUL", "PW\0NED"),
	P("\\u0000", "PW\\u0000NED"),
	P("overlong C0 AF", "PW\xc0\xafNED"),
	P("surrogate ED A0 80", "PW\xed\xa0\x80NED"),
	P("\\ud800", "PW\\ud800NED"),
	P("raw U+202E (bidi override)", "\xe2\x80\xae"
					"PWNED"),
	P("\\u2066 (bidi isolate)", "\\u2066PWNED"),
};
#undef P

/* The fixture with payload p at the start of field f's value; *off is
 * where the value's opening quote is. */
static struct buf
with_payload(const struct buf *base, const struct field *f,
    const struct payload *p, size_t *off)
{
	long at = find_nth(base, f->fragment, f->nth);
	const char *q;

	ck_assert_msg(at >= 0, "the fixture has no %s (occurrence %d)",
	    f->fragment, f->nth);
	/* The value's opening quote: after '": ', or the fragment's first
	 * character when the fragment is a bare string. */
	q = strstr(f->fragment, "\": \"");
	*off = (size_t)at + (q != NULL ? (size_t)(q - f->fragment) + 3 : 0);
	return splice(base, *off + 1, 0, p->bytes, p->len);
}

START_TEST(fixture_is_valid)
{
	struct buf b = fixture();
	struct load_report rep = { 0 };
	struct guide *g = load_buffer("valid.json", b.p, b.len, &rep);

	ck_assert_msg(g != NULL, "the base fixture does not load:\n%s",
	    report_text(&rep));
	guide_free(g);
	load_report_free(&rep);
	free(b.p);
}
END_TEST

/* Every payload in field _i: refused, and the place named. */
START_TEST(bad_text_in_every_field)
{
	const struct field *f = &fields[_i];
	struct buf base = fixture();

	for (size_t k = 0; k < sizeof payloads / sizeof payloads[0]; k++) {
		const struct payload *p = &payloads[k];
		size_t off;
		struct buf b = with_payload(&base, f, p, &off);
		char what[256];
		int line, col;

		line_col(&b, off, &line, &col);
		snprintf(what, sizeof what, "%s in %s", p->name, f->path);
		/* The quote's column up to the payload's end. */
		expect_refused(
		    what, &b, f->path, line, col, col + 1 + (int)p->len);
		free(b.p);
	}
	free(base.p);
}
END_TEST

/* A valid chain of 10,000 more screens, reached from the start. */
START_TEST(ten_thousand_screens)
{
	struct buf base = fixture(), mid = { 0 }, b, b2;
	long at = find_nth(&base, "\"screens\": [", 0);
	long ch = find_nth(&base, "\"choices\": [", 0);
	const char *first = "{\"label\":\"Many screens\",\"to\":\"g0\"},";
	struct load_report rep = { 0 };
	struct run_result r = { 0 };
	struct timespec t0, t1;
	struct guide *g;
	char *dir, *file;
	size_t before;
	double ms;

	ck_assert(at >= 0 && ch > at);
	for (int i = 0; i < 10000; i++)
		buf_fmt(&mid,
		    "{\"id\":\"g%d\",\"title\":\"Screen %d\",\"audience\":"
		    "\"youth\",\"choices\":[{\"label\":\"Next\",\"to\":\"%s"
		    "%d\"}]},\n",
		    i, i, i == 9999 ? "step-" : "g", i == 9999 ? 1 : i + 1);
	/* The choice first (it comes after the insertion point). */
	b = splice(&base, (size_t)ch + strlen("\"choices\": ["), 0, first,
	    strlen(first));
	b2 = splice(
	    &b, (size_t)at + strlen("\"screens\": ["), 0, mid.p, mid.len);
	ck_assert_uint_lt(b2.len, LOAD_MAX_BYTES);

	g = load_buffer("fixture", base.p, base.len, &rep);
	ck_assert_ptr_nonnull(g);
	before = g->nscreens;
	guide_free(g);
	load_report_free(&rep);

	dir = new_dir();
	file = write_file(dir, "many.json", b2.p, b2.len);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	g = load_file(file, &rep);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	     (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	ck_assert_msg(g != NULL, "10,000 screens (%zu bytes) refused:\n%s",
	    b2.len, report_text(&rep));
	ck_assert_uint_eq(g->nscreens, before + 10000);
	ck_assert_uint_eq(rep.nerrors, 0);
	/* Generous, so that a loaded machine or valgrind does not fail it;
	 * quadratic work on 10,000 screens would take far longer. */
	ck_assert_msg(ms < 2000.0 * term_factor(),
	    "10,000 screens took %.1f ms to load", ms);
	fprintf(stderr,
	    "test_gen: %zu bytes, 10,000 screens loaded in %.1f ms\n", b2.len,
	    ms);
	guide_free(g);
	load_report_free(&rep);

	run_check(file, &r);
	ck_assert_msg(WEXITSTATUS(r.status) == 0,
	    "--check on 10,000 screens: exit %d\n%s", WEXITSTATUS(r.status),
	    r.err);
	ck_assert_msg(
	    strstr(r.out, "valid") != NULL, "--check said:\n%s", r.out);
	run_free(&r);
	free(file);
	free(dir);
	free(mid.p);
	free(b.p);
	free(b2.p);
	free(base.p);
}
END_TEST

/* 100,000 nested arrays (200,000 bytes): cJSON stops at 1000 levels. */
START_TEST(deep_nesting)
{
	struct buf alone = { 0 }, nest = { 0 }, inside;
	struct buf base = fixture();
	long at = find_nth(&base, "\"region\": \"Canada\"", 0);
	struct load_report rep = { 0 };
	struct guide *g;
	int line, col;

	for (int i = 0; i < 100000; i++)
		buf_str(&nest, "[");
	for (int i = 0; i < 100000; i++)
		buf_str(&nest, "]");
	buf_add(&alone, nest.p, nest.len);
	ck_assert_uint_lt(alone.len, LOAD_MAX_BYTES);

	g = load_buffer("nest", alone.p, alone.len, &rep);
	ck_assert_ptr_null(g);
	ck_assert_msg(has_error(&rep, "nested"),
	    "no clear error for deep nesting:\n%s", report_text(&rep));
	load_report_free(&rep);
	/* The same nesting as the value of a field of a valid file. */
	ck_assert(at >= 0);
	inside = splice(&base, (size_t)at + strlen("\"region\": "),
	    strlen("\"Canada\""), nest.p, nest.len);
	g = load_buffer("nest", inside.p, inside.len, &rep);
	ck_assert_ptr_null(g);
	ck_assert_msg(has_error(&rep, "nested"),
	    "no clear error for deep nesting:\n%s", report_text(&rep));
	load_report_free(&rep);
	line_col(&inside, (size_t)at, &line, &col);
	/* The error is where the nesting passes the limit, on that line. */
	expect_refused(
	    "100,000 nested arrays", &inside, "region", line, col, col + 1200);
	free(nest.p);
	free(alone.p);
	free(inside.p);
	free(base.p);
}
END_TEST

/* A 900 KiB title: too long, said clearly, with the path. */
START_TEST(long_string)
{
	struct buf base = fixture(), text = { 0 }, b;
	const char *frag = "\"title\": \"Stop replying\"";
	long at = find_nth(&base, frag, 0);
	struct load_report rep = { 0 };
	struct guide *g;

	ck_assert(at >= 0);
	buf_str(&text, "\"");
	while (text.len < 900 * 1024)
		buf_str(&text, "word ");
	buf_str(&text, "end\"");
	b = splice(&base, (size_t)at + strlen("\"title\": "),
	    strlen("\"Stop replying\""), text.p, text.len);
	ck_assert_uint_lt(b.len, LOAD_MAX_BYTES);
	g = load_buffer("long", b.p, b.len, &rep);
	ck_assert_ptr_null(g);
	ck_assert_msg(locates(&rep, "screens[1].title", -1, 0, 0) &&
			  has_error(&rep, "long"),
	    "a 900 KiB title is not said to be too long:\n%s",
	    report_text(&rep));
	load_report_free(&rep);
	expect_refused("900 KiB title", &b, "screens[1].title", -1, 0, -1);
	free(text.p);
	free(b.p);
	free(base.p);
}
END_TEST

/* Exactly 1 MiB is allowed; one byte more is a clear error. */
START_TEST(size_limit)
{
	struct buf b = fixture();
	struct load_report rep = { 0 };
	struct run_result r = { 0 };
	struct guide *g;
	char *dir = new_dir(), *file;

	while (b.len < LOAD_MAX_BYTES)
		buf_str(&b, " ");
	ck_assert_uint_eq(b.len, LOAD_MAX_BYTES);
	file = write_file(dir, "max.json", b.p, b.len);
	g = load_file(file, &rep);
	ck_assert_msg(
	    g != NULL, "exactly 1 MiB refused:\n%s", report_text(&rep));
	guide_free(g);
	load_report_free(&rep);
	free(file);

	buf_str(&b, " ");
	file = write_file(dir, "over.json", b.p, b.len);
	g = load_file(file, &rep);
	ck_assert_ptr_null(g);
	ck_assert_msg(
	    has_error(&rep, "1 MiB"), "no clear error:\n%s", report_text(&rep));
	load_report_free(&rep);
	g = load_buffer("over", b.p, b.len, &rep);
	ck_assert_ptr_null(g);
	ck_assert_msg(
	    has_error(&rep, "1 MiB"), "no clear error:\n%s", report_text(&rep));
	load_report_free(&rep);
	run_check(file, &r);
	ck_assert_int_eq(WEXITSTATUS(r.status), 1);
	ck_assert_msg(
	    strstr(r.err, "1 MiB") != NULL, "--check said:\n%s", r.err);
	run_free(&r);
	free(file);
	free(dir);
	free(b.p);
}
END_TEST

/* A content directory whose en.json carries every escape payload at once
 * in the start screen's title, the crisis line and a choice. */
static char *
poisoned_dir(void)
{
	struct buf base = fixture(), b, b2, b3;
	const char *osc = "\x1b]0;PWNED\x07";
	const char *csi = "\\u009b2J\\u001b]0;PWNED\\u0007";
	long at;
	char *dir = new_dir(), *file;

	at = find_nth(&base,
	    "\"title\": \"Someone online is threatening you? You're not "
	    "alone.\"",
	    0);
	ck_assert(at >= 0);
	b = splice(
	    &base, (size_t)at + strlen("\"title\": \""), 0, osc, strlen(osc));
	at = find_nth(&b, "\"line\": \"", 0);
	ck_assert(at >= 0);
	b2 = splice(
	    &b, (size_t)at + strlen("\"line\": \""), 0, csi, strlen(csi));
	at = find_nth(&b2, "\"label\": \"", 0);
	ck_assert(at >= 0);
	b3 = splice(&b2, (size_t)at + strlen("\"label\": \""), 0,
	    "\xc2\x9b"
	    "2JPWNED",
	    strlen("\xc2\x9b"
		   "2JPWNED"));
	file = write_file(dir, "en.json", b3.p, b3.len);
	free(file);
	free(base.p);
	free(b.p);
	free(b2.p);
	free(b3.p);
	return dir;
}

/* Outside kiosk mode too, bad content costs only itself (issue 14): the
 * built-in guide, messages naming the file, and no byte of the payload
 * reaches the terminal (stdout or stderr). */
START_TEST(bad_content_outside_kiosk)
{
	char *dir = poisoned_dir();
	const char *argv[] = { run_bin(), "--content", dir, "--lang", "en",
		NULL };
	const char *argv_print[] = { run_bin(), "--print", "--content", dir,
		NULL };
	struct run_result r = { 0 };

	ck_assert_int_eq(run_cmd(argv, env_utf8, "q\n", 2, NULL, 10000, &r), 0);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "status %d, stderr:\n%s", r.status, r.err);
	ck_assert_msg(strstr(r.err, "en.json") != NULL,
	    "the message does not name the file:\n%s", r.err);
	ck_assert(!cli_has_control_bytes(r.err, r.errlen));
	ck_assert(!cli_has_control_bytes(r.out, r.outlen));
	ck_assert_ptr_null(strstr(r.out, "PWNED"));
	run_free(&r);

	ck_assert_int_eq(
	    run_cmd(argv_print, env_utf8, NULL, 0, NULL, 10000, &r), 0);
	ck_assert_msg(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0,
	    "--print: status %d, stderr:\n%s", r.status, r.err);
	ck_assert(!cli_has_control_bytes(r.err, r.errlen));
	ck_assert(!cli_has_control_bytes(r.out, r.outlen));
	ck_assert_ptr_null(strstr(r.out, "PWNED"));
	run_free(&r);
	tmpdir_remove(dir);
	free(dir);
}
END_TEST

/* In kiosk mode on a terminal, the built-in guide is shown instead, and
 * nothing of the payload is ever written to the terminal. */
START_TEST(bad_content_in_kiosk)
{
	char *dir = poisoned_dir();
	const char *argv[] = { run_bin(), "--kiosk", "--content", dir, "--lang",
		"en", NULL };
	const char *env[] = { "TERM=xterm-256color", "LANG=C.UTF-8", NULL };
	struct term *t = term_start(24, 80, env, argv);
	static const char osc[] = "\x1b]0;";
	/* The built-in copy is made from the content under test. */
	struct guide *en = cli_guide_of("en");
	const struct guide_screen *start = &en->screens[en->start];
	int status;

	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_text(t, "not alone", 5000, NULL, NULL) == 0,
	    "the built-in guide is not shown:\n%s", term_dump(t));
	ck_assert_msg(term_find(t, "988", NULL, NULL) == 0,
	    "no crisis line:\n%s", term_dump(t));
	/* Walk a little, so that more of the content is drawn. */
	ck_assert_uint_ge(start->nchoices, 2);
	gs_key(t, TERM_KEY_DOWN);
	gs_key(t, TERM_KEY_ENTER);
	gs_wait_screen(t, en, en->screens[start->choices[1].target].id);
	gs_ch(t, 'h');
	gs_wait_screen(t, en, "help");
	ck_assert(!term_output_has(t, "PWNED", 5));
	ck_assert(!term_output_has(t, osc, sizeof osc - 1));
	ck_assert(!term_output_has(t, "\xc2\x9b", 2));
	ck_assert_ptr_null(strstr(term_screen_text(t), "PWNED"));
	ck_assert_int_eq(term_bells(t), 0);
	/* Kiosk: a signal ends it (keys never do). */
	term_kill(t, SIGTERM);
	ck_assert_int_ge(term_wait_exit(t, 3000, &status), 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGTERM);
	term_free(t);
	guide_free(en);
	tmpdir_remove(dir);
	free(dir);
}
END_TEST

/* The fuzzer's small corpus, replayed: a guide or a report, never a crash,
 * and a guide only without errors. */
START_TEST(fuzz_corpus_replays)
{
	DIR *d = opendir("tests/fuzz");
	struct dirent *e;
	size_t files = 0;

	ck_assert_msg(d != NULL, "tests/fuzz: %s", strerror(errno));
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct load_report rep = { 0 };
		struct guide *g;
		struct stat st;

		snprintf(path, sizeof path, "tests/fuzz/%s", e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		g = load_file(path, &rep);
		ck_assert_msg((g != NULL) == (rep.nerrors == 0),
		    "%s: guide %p with %zu errors", path, (void *)g,
		    rep.nerrors);
		for (size_t i = 0; i < rep.ndiags; i++)
			free(load_diag_format(&rep, i));
		guide_free(g);
		load_report_free(&rep);
		files++;
	}
	closedir(d);
	ck_assert_uint_gt(files, 0);
}
END_TEST

static Suite *
gen_suite(void)
{
	Suite *s = suite_create("gen");
	TCase *tc;

	tc = tcase_create("loader");
	tcase_add_unchecked_fixture(tc, gen_setup, gen_teardown);
	tcase_set_timeout(tc, term_seconds(60));
	tcase_add_test(tc, fixture_is_valid);
	tcase_add_loop_test(
	    tc, bad_text_in_every_field, 0, sizeof fields / sizeof fields[0]);
	tcase_add_test(tc, ten_thousand_screens);
	tcase_add_test(tc, deep_nesting);
	tcase_add_test(tc, long_string);
	tcase_add_test(tc, size_limit);
	tcase_add_test(tc, fuzz_corpus_replays);
	suite_add_tcase(s, tc);

	tc = tcase_create("program");
	tcase_add_unchecked_fixture(tc, gen_setup, gen_teardown);
	tcase_set_timeout(tc, term_seconds(30));
	tcase_add_test(tc, bad_content_outside_kiosk);
	tcase_add_test(tc, bad_content_in_kiosk);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(gen_suite());
}
