/* golden.c: compare a run's output with its golden file, or write it. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "golden.h"
#include "xmalloc.h"

const char *
golden_dir(void)
{
	const char *s = getenv("SAFESTEPS_GOLDEN");

	return s != NULL && *s != '\0' ? s : "tests/golden";
}

/* Write len bytes to path; 0 or -1. */
static int
write_file(const char *path, const char *s, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (f == NULL)
		return -1;
	ok = fwrite(s, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	return ok ? 0 : -1;
}

char *
golden_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			s = xreallocarray(s, cap, 1);
		}
		got = fread(s + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	fclose(f);
	s[n] = '\0';
	*len = n;
	return s;
}

void
golden_check(const char *name, const char *out, size_t len)
{
	char *path = xasprintf("%s/%s", golden_dir(), name);
	const char *upd = getenv("SAFESTEPS_UPDATE_GOLDEN");
	const char *ci = getenv("CI");
	char tmp[] = "/tmp/safesteps-golden-XXXXXX";
	char *want, *cmd;
	size_t wlen;
	int fd;

	if (upd != NULL && strcmp(upd, "1") == 0) {
		/* CI checks the golden files; it never writes them (every
		 * test would pass, whatever it printed). */
		ck_assert_msg(ci == NULL || *ci == '\0',
		    "SAFESTEPS_UPDATE_GOLDEN=1 and CI are both set: CI "
		    "compares with %s, it does not write it",
		    path);
		ck_assert_msg(write_file(path, out, len) == 0,
		    "cannot write %s: %s", path, strerror(errno));
		fprintf(stderr, "golden: wrote %s\n", path);
		free(path);
		return;
	}
	want = golden_read_file(path, &wlen);
	ck_assert_msg(want != NULL,
	    "%s is missing; run with SAFESTEPS_UPDATE_GOLDEN=1 to make it",
	    path);
	if (wlen == len && memcmp(want, out, len) == 0) {
		free(want);
		free(path);
		return;
	}
	fd = mkstemp(tmp);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(write_file(tmp, out, len), 0);
	fprintf(stderr, "golden: %s differs (- expected, + got):\n", path);
	cmd = xasprintf("diff -u '%s' '%s' >&2", path, tmp);
	if (system(cmd) == -1)
		fprintf(stderr, "golden: cannot run diff\n");
	unlink(tmp);
	free(cmd);
	free(want);
	ck_abort_msg("%s differs from the output (diff above); if the "
		     "change is intended, rerun with "
		     "SAFESTEPS_UPDATE_GOLDEN=1",
	    path);
}
