/*
 * bench.c: "make bench".  Runs safesteps, the floor (a minimal ncurses
 * program) and dialog side by side on a pseudo-terminal of 80x24, times
 * the loader alone, prints one table and checks the targets of issue 8 as
 * ratios from the same run.
 *
 * What is measured, and how:
 *
 * - First screen: from just before the fork (term_start) to the arrival of
 *   the last byte of the first frame.  The frame is complete when a known
 *   text is on the screen (libvterm) and nothing more has arrived for
 *   QUIET_MS; the quiet wait itself is not counted (the time is that of
 *   the last byte).  The harness polls the pty every POLL_US.
 * - Bytes: what the program wrote to the terminal for that first frame,
 *   and for one "next step" transition (safesteps: Enter on the start
 *   screen, whose first choice leads to the steps; dialog: two message
 *   boxes joined by --and-widget holding the same two screens' text,
 *   Enter on the first).  The transition is timed from the key to its
 *   last byte in the same way.  Against it, a full repaint of the same
 *   screen: what safesteps writes after Ctrl-L (clearok: every cell
 *   again).
 * - Peak memory: ru_maxrss from wait4 on the program itself (the child of
 *   this process), after it has left.
 * - The loader alone: load_file on the bundled content/en.json and on a
 *   generated valid file just under 1 MiB, in this process.
 *
 * Every figure is the median of --runs runs (at least 20), with the
 * minimum and maximum, so that the machine's noise shows.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guide.h"
#include "load.h"
#include "term.h"

#define QUIET_MS 30.0
#define POLL_US 100
#define LIMIT_MS 10000.0
#define MIN_RUNS 20

/* A figure over all runs. */
struct stat3 {
	double med, min, max;
	int n;
};

/* What one program does in one run. */
struct contender {
	const char *name;
	const char *argv[16];
	const char *first_text; /* on the first screen */
	const char *first_also; /* on it too (drawn later), or NULL */
	const char *next_text;  /* after the step key; NULL: no step */
	int step_key;           /* a term_key for the step */
	int quit_key;           /* a term_key, or -1 - character */
	const char *repaint;    /* bytes that make it paint everything again
				   (Ctrl-L), or NULL */
};

/* One run's figures; NaN-free: ok says whether the run worked. */
struct sample {
	double first_ms, first_bytes;
	double step_ms, step_bytes;
	double repaint_bytes;
	double rss_kb;
	double cpu_ms; /* user + system time of the whole run */
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
nap(long us)
{
	struct timespec ts = { 0, us * 1000L };

	nanosleep(&ts, NULL);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median, min and max of v[0..n) (sorts v). */
static struct stat3
summarize(double *v, int n)
{
	struct stat3 s = { 0, 0, 0, n };

	if (n == 0)
		return s;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	s.min = v[0];
	s.max = v[n - 1];
	s.med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	return s;
}

/*
 * Read what the program writes until text (and also, unless NULL) is on
 * the screen and nothing has arrived for QUIET_MS.  *at is when the last byte arrived, *len the
 * whole output so far.  Returns 0, or -1 after LIMIT_MS.
 */
static int
on_screen(struct term *t, const char *text, const char *also)
{
	return term_find(t, text, NULL, NULL) == 0 &&
	       (also == NULL || term_find(t, also, NULL, NULL) == 0);
}

static int
wait_frame(struct term *t, const char *text, const char *also, double since,
    double *at, size_t *len)
{
	size_t last, n, first;
	double tlast = since, now;
	int found;

	term_output(t, &last);
	first = last;
	/* A frame is something new: at least one byte after since. */
	found = 0;
	for (;;) {
		if (term_pump(t) < 0)
			return -1;
		term_output(t, &n);
		now = now_ms();
		if (n != last) {
			last = n;
			tlast = now;
			found = n > first && on_screen(t, text, also);
		}
		if (found && now - tlast >= QUIET_MS) {
			*at = tlast;
			*len = last;
			return 0;
		}
		if (now - since > LIMIT_MS)
			return -1;
		nap(POLL_US);
	}
}

static int
send_key(struct term *t, int key)
{
	if (key >= 0)
		return term_send_key(t, (enum term_key)key);
	return term_send_char(t, (uint32_t)(-1 - key), 0);
}

/*
 * Wait for the child to end, reading the pty meanwhile, and take its
 * rusage with wait4.  Returns 0, or -1 if it did not end in LIMIT_MS.
 * (This reaps the child behind the harness's back; term_free's kill then
 * finds no such process, which is harmless.)
 */
static int
wait_rusage(struct term *t, struct rusage *ru, int *status)
{
	double start = now_ms();
	pid_t r;

	for (;;) {
		term_pump(t);
		r = wait4(term_pid(t), status, WNOHANG, ru);
		if (r == term_pid(t))
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (now_ms() - start > LIMIT_MS)
			return -1;
		nap(1000);
	}
}

static const char *const bench_env[] = { "TERM=xterm-256color", "LANG=C.UTF-8",
	"HOME=/nonexistent", NULL };

/* One run of c.  Returns 0 with s filled, or -1 (why on stderr). */
static int
run_once(const struct contender *c, struct sample *s)
{
	struct term *t;
	struct rusage ru;
	double t0, at;
	size_t len, before;
	int status;

	t0 = now_ms();
	t = term_start(24, 80, bench_env, c->argv);
	if (t == NULL) {
		perror("bench: term_start");
		return -1;
	}
	if (wait_frame(t, c->first_text, c->first_also, t0, &at, &len) != 0) {
		fprintf(stderr, "bench: %s: no first screen with \"%s\":\n%s",
		    c->name, c->first_text, term_dump(t));
		term_free(t);
		return -1;
	}
	s->first_ms = at - t0;
	s->first_bytes = (double)len;
	s->step_ms = s->step_bytes = 0;
	if (c->next_text != NULL) {
		before = len;
		t0 = now_ms();
		send_key(t, c->step_key);
		if (wait_frame(t, c->next_text, NULL, t0, &at, &len) != 0) {
			fprintf(stderr,
			    "bench: %s: no \"%s\" after the step:\n%s", c->name,
			    c->next_text, term_dump(t));
			term_free(t);
			return -1;
		}
		s->step_ms = at - t0;
		s->step_bytes = (double)(len - before);
	}
	s->repaint_bytes = 0;
	if (c->repaint != NULL) {
		before = len;
		t0 = now_ms();
		term_send_bytes(t, c->repaint, strlen(c->repaint));
		if (wait_frame(t, c->next_text, NULL, t0, &at, &len) != 0) {
			fprintf(stderr, "bench: %s: no repaint:\n%s", c->name,
			    term_dump(t));
			term_free(t);
			return -1;
		}
		s->repaint_bytes = (double)(len - before);
	}
	send_key(t, c->quit_key);
	if (wait_rusage(t, &ru, &status) != 0) {
		fprintf(stderr, "bench: %s did not leave:\n%s", c->name,
		    term_dump(t));
		term_free(t);
		return -1;
	}
	term_free(t);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: %s: exit status %d\n", c->name, status);
		return -1;
	}
	s->rss_kb = (double)ru.ru_maxrss;
	s->cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return 0;
}

/* The figures of one contender over all runs. */
struct result {
	const char *name;
	int ran;
	struct stat3 first_ms, first_bytes, step_ms, step_bytes, repaint_bytes;
	struct stat3 rss_kb, cpu_ms;
};

/*
 * Run every contender runs times, taking turns (one run of each, then
 * the next round), so that the machine's moods fall on all of them alike.
 * A contender that fails three times is left out (r->ran = 0).
 */
static void
bench_all(const struct contender *const *c, struct result *r, int nc, int runs)
{
	double *v[8][7];
	int n[8] = { 0 }, fails[8] = { 0 };
	struct sample s;

	for (int i = 0; i < nc; i++) {
		memset(&r[i], 0, sizeof r[i]);
		r[i].name = c[i]->name;
		for (int k = 0; k < 7; k++) {
			v[i][k] = calloc((size_t)runs, sizeof(double));
			if (v[i][k] == NULL)
				abort();
		}
		/* One run first that is not counted: the page cache is
		 * warm for every contender alike. */
		if (run_once(c[i], &s) != 0)
			fails[i] = 3;
	}
	for (int round = 0; round < runs; round++) {
		for (int i = 0; i < nc; i++) {
			while (fails[i] < 3 && n[i] == round) {
				if (run_once(c[i], &s) != 0) {
					fails[i]++;
					continue;
				}
				v[i][0][n[i]] = s.first_ms;
				v[i][1][n[i]] = s.first_bytes;
				v[i][2][n[i]] = s.step_ms;
				v[i][3][n[i]] = s.step_bytes;
				v[i][4][n[i]] = s.rss_kb;
				v[i][5][n[i]] = s.repaint_bytes;
				v[i][6][n[i]] = s.cpu_ms;
				n[i]++;
			}
		}
	}
	for (int i = 0; i < nc; i++) {
		r[i].ran = n[i] == runs;
		r[i].first_ms = summarize(v[i][0], n[i]);
		r[i].first_bytes = summarize(v[i][1], n[i]);
		r[i].step_ms = summarize(v[i][2], n[i]);
		r[i].step_bytes = summarize(v[i][3], n[i]);
		r[i].rss_kb = summarize(v[i][4], n[i]);
		r[i].repaint_bytes = summarize(v[i][5], n[i]);
		r[i].cpu_ms = summarize(v[i][6], n[i]);
		for (int k = 0; k < 7; k++)
			free(v[i][k]);
	}
}

/* A screen's words as dialog shows them: title, paragraphs, list items,
 * numbered choices.  Caller frees. */
static char *
screen_text(const struct guide *g, size_t i)
{
	const struct guide_screen *sc = &g->screens[i];
	size_t cap = 65536, n = 0;
	char *s = malloc(cap);

	if (s == NULL)
		abort();
#define ADD(...)                                                    \
	do {                                                        \
		int k_ = snprintf(s + n, cap - n, __VA_ARGS__);     \
		if (k_ > 0)                                         \
			n += (size_t)k_ < cap - n ? (size_t)k_ : 0; \
	} while (0)
	ADD("%s\n\n", sc->title);
	for (size_t b = 0; b < sc->nbody; b++) {
		if (sc->body[b].text != NULL)
			ADD("%s\n", sc->body[b].text);
		for (size_t k = 0; k < sc->body[b].nitems; k++)
			ADD("- %s\n", sc->body[b].items[k]);
	}
	ADD("\n");
	for (size_t k = 0; k < sc->nchoices; k++)
		ADD("%zu. %s\n", k + 1, sc->choices[k].label);
#undef ADD
	return s;
}

/* The first words of a title, at most 20 bytes, cut at a space.  Static. */
static const char *
known_text(const char *title, char *out, size_t size)
{
	size_t n = strlen(title);

	if (n > size - 1)
		n = size - 1;
	if (n > 20)
		n = 20;
	memcpy(out, title, n);
	out[n] = '\0';
	if (strlen(title) > n) {
		char *sp = strrchr(out, ' ');

		if (sp != NULL && sp > out)
			*sp = '\0';
	}
	return out;
}

/* Generated content just under 1 MiB: the bundled file with many long
 * adult screens added.  Returns the size written, or 0. */
static size_t
make_big(const char *base_path, const char *out_path)
{
	static const char sentence[] = "Stay calm, listen, and thank them "
				       "for telling you. ";
	FILE *in = fopen(base_path, "rb"), *out;
	char *base, *mark;
	size_t blen, total, want = LOAD_MAX_BYTES - 512;
	struct stat st;
	int id = 0;

	if (in == NULL || fstat(fileno(in), &st) != 0)
		return 0;
	blen = (size_t)st.st_size;
	base = malloc(blen + 1);
	if (base == NULL || fread(base, 1, blen, in) != blen)
		abort();
	fclose(in);
	base[blen] = '\0';
	mark = strstr(base, "\"screens\": [");
	if (mark == NULL || (out = fopen(out_path, "wb")) == NULL) {
		free(base);
		return 0;
	}
	mark += strlen("\"screens\": [");
	fwrite(base, 1, (size_t)(mark - base), out);
	total = blen;
	for (;;) {
		/* One screen: 4 paragraphs of 1,500 bytes or so. */
		char head[256];
		size_t para =
		    1500 / (sizeof sentence - 1) * (sizeof sentence - 1);
		size_t one = (size_t)snprintf(head, sizeof head,
				 "\n{\"id\":\"extra-%d\",\"title\":\"More "
				 "for the adult, part %d\",\"audience\":"
				 "\"adult\",\"body\":[",
				 id, id + 1) +
			     4 * (para + 3) +
			     strlen("],\"choices\":[{\"label\":\"Back to the "
				    "start\",\"to\":\"start\"}]},");

		if (total + one > want)
			break;
		fputs(head, out);
		for (int p = 0; p < 4; p++) {
			fputc('"', out);
			for (size_t k = 0; k < para / (sizeof sentence - 1);
			     k++)
				fputs(sentence, out);
			fputs(p < 3 ? "\"," : "\"", out);
		}
		fputs("],\"choices\":[{\"label\":\"Back to the start\",\"to\":"
		      "\"start\"}]},",
		    out);
		total += one;
		id++;
	}
	fputs(mark, out);
	/* Spaces to just under the limit. */
	while (total < want) {
		fputc(' ', out);
		total++;
	}
	if (fclose(out) != 0)
		total = 0;
	free(base);
	return total;
}

/* Time load_file on path, runs times (after one warm-up). */
static int
bench_load(const char *path, int runs, struct stat3 *out, size_t *screens)
{
	double *v = calloc((size_t)runs, sizeof(double));
	struct load_report rep = { 0 };
	struct guide *g;
	double t0;

	if (v == NULL)
		abort();
	g = load_file(path, &rep);
	if (g == NULL) {
		for (size_t i = 0; i < rep.ndiags; i++) {
			char *line = load_diag_format(&rep, i);

			fprintf(stderr, "bench: %s\n", line);
			free(line);
		}
		load_report_free(&rep);
		free(v);
		return -1;
	}
	*screens = g->nscreens;
	guide_free(g);
	load_report_free(&rep);
	for (int k = 0; k < runs; k++) {
		t0 = now_ms();
		g = load_file(path, &rep);
		v[k] = now_ms() - t0;
		guide_free(g);
		load_report_free(&rep);
	}
	*out = summarize(v, runs);
	free(v);
	return 0;
}

static void
row(const char *what, const char *who, struct stat3 s, int decimals)
{
	char med[32], mn[32], mx[32];

	snprintf(med, sizeof med, "%.*f", decimals, s.med);
	snprintf(mn, sizeof mn, "%.*f", decimals, s.min);
	snprintf(mx, sizeof mx, "%.*f", decimals, s.max);
	printf("| %-34s | %-9s | %9s | %9s | %9s |\n", what, who, med, mn, mx);
}

static int misses;

static void
target(const char *what, int met, const char *detail)
{
	printf("%-4s  %s: %s\n", met ? "PASS" : "MISS", what, detail);
	if (!met)
		misses++;
}

static void
usage(void)
{
	fputs("usage: bench [--runs N] [--bin PATH] [--floor PATH] "
	      "[--dialog PATH] [--content DIR]\n",
	    stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *bin = "build/safesteps", *floor_bin = "build/bench/floor";
	const char *dialog = "/usr/bin/dialog", *content = "content";
	char en_path[4096], big_path[] = "/tmp/safesteps-bench-XXXXXX";
	char first_known[64], next_known[64], crisis_known[64], detail[256];
	char *start_text, *next_text;
	struct result rs, rf, rd, re;
	struct stat3 load_en, load_big;
	struct load_report rep = { 0 };
	struct guide *g;
	size_t en_screens = 0, big_screens = 0, big_size;
	int runs = 21, have_dialog, fd;

	for (int i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--runs") == 0)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--bin") == 0)
			bin = argv[++i];
		else if (strcmp(argv[i], "--floor") == 0)
			floor_bin = argv[++i];
		else if (strcmp(argv[i], "--dialog") == 0)
			dialog = argv[++i];
		else if (strcmp(argv[i], "--content") == 0)
			content = argv[++i];
		else
			usage();
	}
	if (runs < MIN_RUNS)
		runs = MIN_RUNS;
	signal(SIGPIPE, SIG_IGN);

	/* The start screen and where its first choice leads, for the known
	 * texts and for dialog's boxes. */
	snprintf(en_path, sizeof en_path, "%s/en.json", content);
	g = load_file(en_path, &rep);
	if (g == NULL || g->screens[g->start].nchoices == 0) {
		fprintf(stderr, "bench: %s does not load\n", en_path);
		return 1;
	}
	load_report_free(&rep);
	start_text = screen_text(g, g->start);
	next_text = screen_text(g, g->screens[g->start].choices[0].target);
	known_text(g->screens[g->start].title, first_known, sizeof first_known);
	known_text(g->screens[g->screens[g->start].choices[0].target].title,
	    next_known, sizeof next_known);
	known_text(g->crisis, crisis_known, sizeof crisis_known);

	struct contender c_safe = {
		.name = "safesteps",
		.argv = { bin, "--content", content, "--lang", "en", NULL },
		.first_text = first_known,
		.first_also = crisis_known,
		.next_text = next_known,
		.step_key = TERM_KEY_ENTER,
		.quit_key = TERM_KEY_ESC,
		.repaint = "\f",
	};
	/* Not a contender: what starting any program on the pty costs here
	 * (fork, exec, the pty, the harness), for reading the others. */
	struct contender c_echo = {
		.name = "echo",
		.argv = { "/bin/echo", "harness floor", NULL },
		.first_text = "harness floor",
		.quit_key = -1 - 'q',
	};
	struct contender c_floor = {
		.name = "floor",
		.argv = { floor_bin, NULL },
		.first_text = "floor: one line",
		.quit_key = -1 - 'q',
	};
	struct contender c_dialog = {
		.name = "dialog",
		.argv = { dialog, "--cr-wrap", "--msgbox", start_text, "22",
		    "78", "--and-widget", "--cr-wrap", "--msgbox", next_text,
		    "22", "78", NULL },
		.first_text = first_known,
		.first_also = "OK",
		.next_text = next_known,
		.step_key = TERM_KEY_ENTER,
		.quit_key = TERM_KEY_ENTER,
	};

	printf("safesteps bench: %d runs each, taking turns (after one "
	       "warm-up run each), pty "
	       "80x24, TERM=xterm-256color, LANG=C.UTF-8\n"
	       "first screen: fork to the last byte of the first frame (\"%s\" "
	       "and \"%s\" (dialog: \"OK\") on screen, then %.0f ms "
	       "quiet)\n\n",
	    runs, first_known, crisis_known, QUIET_MS);
	fflush(stdout);

	have_dialog = access(dialog, X_OK) == 0;
	{
		const struct contender *all[] = { &c_safe, &c_floor, &c_echo,
			&c_dialog };
		struct result res[4];

		bench_all(all, res, have_dialog ? 4 : 3, runs);
		rs = res[0];
		rf = res[1];
		re = res[2];
		rd = res[3];
		if (!rs.ran || !rf.ran || !re.ran) {
			fprintf(stderr, "bench: a contender failed\n");
			return 1;
		}
		if (have_dialog && !rd.ran) {
			fprintf(stderr, "bench: dialog failed; left out\n");
			have_dialog = 0;
		}
	}

	if (bench_load(en_path, runs * 2, &load_en, &en_screens) != 0)
		return 1;
	if ((fd = mkstemp(big_path)) < 0) {
		perror("bench: mkstemp");
		return 1;
	}
	close(fd);
	big_size = make_big(en_path, big_path);
	if (big_size == 0 ||
	    bench_load(big_path, runs * 2, &load_big, &big_screens) != 0) {
		fprintf(stderr, "bench: the generated 1 MiB file failed\n");
		unlink(big_path);
		return 1;
	}
	unlink(big_path);

	printf("| %-34s | %-9s | %9s | %9s | %9s |\n", "measure", "program",
	    "median", "min", "max");
	printf("|------------------------------------|-----------|-----------|"
	       "-----------|-----------|\n");
	row("first screen (ms)", "safesteps", rs.first_ms, 2);
	row("first screen (ms)", "floor", rf.first_ms, 2);
	row("first output (ms)", "echo", re.first_ms, 2);
	if (have_dialog)
		row("first screen (ms)", "dialog", rd.first_ms, 2);
	row("first screen (bytes)", "safesteps", rs.first_bytes, 0);
	row("first screen (bytes)", "floor", rf.first_bytes, 0);
	if (have_dialog)
		row("first screen (bytes)", "dialog", rd.first_bytes, 0);
	row("next step (ms)", "safesteps", rs.step_ms, 2);
	if (have_dialog)
		row("next step (ms)", "dialog", rd.step_ms, 2);
	row("next step (bytes)", "safesteps", rs.step_bytes, 0);
	if (have_dialog)
		row("next step (bytes)", "dialog", rd.step_bytes, 0);
	row("full repaint, Ctrl-L (bytes)", "safesteps", rs.repaint_bytes, 0);
	row("CPU time, whole run (ms)", "safesteps", rs.cpu_ms, 2);
	row("CPU time, whole run (ms)", "floor", rf.cpu_ms, 2);
	if (have_dialog)
		row("CPU time, whole run (ms)", "dialog", rd.cpu_ms, 2);
	row("peak RSS (KiB)", "safesteps", rs.rss_kb, 0);
	row("peak RSS (KiB)", "floor", rf.rss_kb, 0);
	if (have_dialog)
		row("peak RSS (KiB)", "dialog", rd.rss_kb, 0);
	snprintf(detail, sizeof detail, "load en.json, %zu screens (ms)",
	    en_screens);
	row(detail, "loader", load_en, 3);
	snprintf(detail, sizeof detail, "load %zu B, %zu screens (ms)",
	    big_size, big_screens);
	row(detail, "loader", load_big, 3);
	printf("\n");
	if (!have_dialog)
		printf("note: dialog (%s) is missing; its columns and targets "
		       "are left out (make deps installs it)\n\n",
		    dialog);

	snprintf(detail, sizeof detail, "%.2f ms / %.2f ms = %.2fx (<= 1.5x)",
	    rs.first_ms.med, rf.first_ms.med,
	    rs.first_ms.med / rf.first_ms.med);
	target("first screen within 1.5x of the floor",
	    rs.first_ms.med <= 1.5 * rf.first_ms.med, detail);
	printf("      (for reading it: above the %.2f ms that starting "
	       "/bin/echo on the pty takes, safesteps %.2f ms, floor %.2f "
	       "ms, %.2fx)\n",
	    re.first_ms.med, rs.first_ms.med - re.first_ms.med,
	    rf.first_ms.med - re.first_ms.med,
	    (rs.first_ms.med - re.first_ms.med) /
		(rf.first_ms.med - re.first_ms.med));
	if (have_dialog) {
		snprintf(detail, sizeof detail,
		    "%.2f ms / %.2f ms = %.2fx (<= 1x)", rs.first_ms.med,
		    rd.first_ms.med, rs.first_ms.med / rd.first_ms.med);
		target("first screen no slower than dialog",
		    rs.first_ms.med <= rd.first_ms.med, detail);
		snprintf(detail, sizeof detail,
		    "%.0f KiB / %.0f KiB = %.2fx (<= 1.25x)", rs.rss_kb.med,
		    rd.rss_kb.med, rs.rss_kb.med / rd.rss_kb.med);
		target("peak memory at most 1.25x dialog's",
		    rs.rss_kb.med <= 1.25 * rd.rss_kb.med, detail);
	}
	snprintf(detail, sizeof detail,
	    "%.0f bytes vs %.0f bytes for a full repaint (Ctrl-L) of the "
	    "same screen = %.2fx (< 1x)",
	    rs.step_bytes.med, rs.repaint_bytes.med,
	    rs.step_bytes.med / rs.repaint_bytes.med);
	target("a step transition writes less than a full repaint",
	    rs.step_bytes.med < rs.repaint_bytes.med, detail);
	snprintf(detail, sizeof detail, "%.3f ms (< 20 ms)", load_big.med);
	target(
	    "the 1 MiB file loads in under 20 ms", load_big.med < 20.0, detail);

	free(start_text);
	free(next_text);
	guide_free(g);
	/* A miss is a finding to report, not a failure of the benchmark. */
	printf("\n%d target%s missed\n", misses, misses == 1 ? "" : "s");
	return 0;
}
