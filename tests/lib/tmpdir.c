/*
 * tmpdir.c: a temporary directory for a test (tmpdir.h).
 */
#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "tmpdir.h"
#include "xmalloc.h"

char *
tmpdir_make(const char *prefix)
{
	const char *base = getenv("TEST_RUN_DIR");
	char *dir;

	if (base == NULL || *base == '\0')
		base = getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = "/tmp";
	dir = xasprintf("%s/%s.XXXXXX", base, prefix);
	ck_assert_msg(mkdtemp(dir) != NULL, "cannot make %s", dir);
	return dir;
}

/* Remove one entry (nftw calls it children first). */
static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

void
tmpdir_remove(const char *dir)
{
	if (dir != NULL)
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
