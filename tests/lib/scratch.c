/* scratch.c: a private temporary directory for a test's files. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "scratch.h"
#include "tmpdir.h"
#include "xmalloc.h"

char *
scratch_dir(void)
{
	return tmpdir_make("safesteps-test");
}

char *
scratch_write(const char *dir, const char *name, const void *p, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(p, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

char *
scratch_edit(const char *dir, const char *name, const char *from,
    const char *find, const char *replace)
{
	char *out, *at, *path;
	size_t len;
	char *buf = scratch_read(from, &len);

	if (find == NULL) {
		path = scratch_write(dir, name, buf, len);
		free(buf);
		return path;
	}
	at = strstr(buf, find);
	ck_assert_msg(at != NULL, "%s has no \"%s\"", from, find);
	out = xasprintf(
	    "%.*s%s%s", (int)(at - buf), buf, replace, at + strlen(find));
	path = scratch_write(dir, name, out, strlen(out));
	free(out);
	free(buf);
	return path;
}

char *
scratch_read(const char *path, size_t *len)
{
	size_t n;
	char *s = golden_read_file(path, &n);

	ck_assert_msg(s != NULL, "cannot read %s: %s", path, strerror(errno));
	if (len != NULL)
		*len = n;
	return s;
}

void
scratch_remove(char *dir)
{
	tmpdir_remove(dir);
	free(dir);
}
