/*
 * tool.c: finding the outside programs tests need, and counted skips
 * (tool.h).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"
#include "xmalloc.h"

char *
tool_path(const char *tool)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save = NULL, *full;

	if (strchr(tool, '/') != NULL)
		return access(tool, X_OK) == 0 ? xstrdup(tool) : NULL;
	dirs = xasprintf(
	    "%s:/usr/sbin:/sbin:/usr/bin:/bin", path != NULL ? path : "");
	for (dir = strtok_r(dirs, ":", &save); dir != NULL;
	     dir = strtok_r(NULL, ":", &save)) {
		if (*dir == '\0')
			continue;
		full = xasprintf("%s/%s", dir, tool);
		if (access(full, X_OK) == 0) {
			free(dirs);
			return full;
		}
		free(full);
	}
	free(dirs);
	return NULL;
}

static int tool_ci(void);

void
tool_skip(const char *test, const char *why)
{
	if (tool_ci())
		ck_abort_msg("%s: %s (CI is set: a test that cannot run "
			     "is a failure)",
		    test, why);
	printf("SKIP: %s: %s\n", test, why);
	fflush(stdout);
}

int
tool_need(const char *test, const char *tool, const char *package)
{
	char *p = tool_path(tool), *why;

	if (p != NULL) {
		free(p);
		return 1;
	}
	why = xasprintf("needs %s (Debian package %s)", tool, package);
	tool_skip(test, why);
	free(why);
	return 0;
}

/* Whether CI is set: every test tool must then be there. */
static int
tool_ci(void)
{
	const char *ci = getenv("CI");

	return ci != NULL && *ci != '\0';
}

int
tool_add_loop_test(TCase *tc, const TTest *ttest, int start, int end,
    const char *tool, const char *package)
{
	char *p = tool_path(tool);

	if (p == NULL && !tool_ci()) {
		printf("SKIP: %s: needs %s (Debian package %s)\n", ttest->name,
		    tool, package);
		fflush(stdout);
		return 0;
	}
	free(p);
	_tcase_add_test(tc, ttest, 0, 0, start, end);
	return 1;
}

int
tool_add_test(
    TCase *tc, const TTest *ttest, const char *tool, const char *package)
{
	return tool_add_loop_test(tc, ttest, 0, 1, tool, package);
}

pid_t
tool_first_child(pid_t parent)
{
	char path[64];
	FILE *f;
	int pid = -1;

	snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)parent,
	    (int)parent);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%d", &pid) != 1)
		pid = -1;
	fclose(f);
	return pid;
}
