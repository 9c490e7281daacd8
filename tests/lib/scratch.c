/* scratch.c: a private temporary directory for a test's files. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	FILE *f = fopen(from, "rb");
	char *buf = NULL, *out, *at, *path;
	size_t len = 0, n;
	char chunk[8192];

	ck_assert_msg(f != NULL, "cannot read %s", from);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf = xreallocarray(buf, len + n + 1, 1);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	buf = xreallocarray(buf, len + 1, 1);
	buf[len] = '\0';
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

void
scratch_remove(char *dir)
{
	tmpdir_remove(dir);
	free(dir);
}
