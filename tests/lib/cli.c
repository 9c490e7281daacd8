/* cli.c: the program's command line, run through pipes, for a test. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli.h"
#include "guidescreen.h"

const char *
cli_content_dir(void)
{
	const char *s = getenv("SAFESTEPS_CONTENT_DIR");

	return s != NULL && *s != '\0' ? s : "content";
}

struct guide *
cli_guide_of(const char *lang)
{
	struct guide *g = gs_load(cli_content_dir(), lang);

	ck_assert_msg(
	    g != NULL, "%s/%s.json does not load", cli_content_dir(), lang);
	return g;
}

void
cli_run(const char *mode, const char *const *opts, const char *const *env,
    const char *in, size_t inlen, const char *stdout_path, struct run_result *r)
{
	const char *argv[32];
	size_t n = 0;

	argv[n++] = run_bin();
	argv[n++] = "--content";
	argv[n++] = cli_content_dir();
	if (mode != NULL)
		argv[n++] = mode;
	for (size_t i = 0; opts[i] != NULL && n < 30; i++)
		argv[n++] = opts[i];
	argv[n] = NULL;
	ck_assert_int_eq(
	    run_cmd(argv, env, in, inlen, stdout_path, CLI_TIMEOUT_MS, r), 0);
	ck_assert_msg(r->status != -1, "%s did not finish in time", argv[0]);
}

void
cli_expect_status(const struct run_result *r, int status)
{
	ck_assert_msg(WIFEXITED(r->status), "killed by signal %d; stderr: %s",
	    WTERMSIG(r->status), r->err);
	ck_assert_msg(WEXITSTATUS(r->status) == status,
	    "exit status %d, want %d; stderr: %s", WEXITSTATUS(r->status),
	    status, r->err);
}

int
cli_has_control_bytes(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		int more;

		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return 1;
		if (c < 0x80)
			continue;
		if (c == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9f)
			return 1;
		/* A lead byte: step over its continuation bytes. */
		more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
		if (more == 0 && c <= 0x9f)
			return 1;
		while (more-- > 0 && i + 1 < n && (s[i + 1] & 0xc0) == 0x80)
			i++;
	}
	return 0;
}

size_t
cli_count(const char *hay, size_t len, const char *needle)
{
	size_t n = 0, k = strlen(needle);

	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(hay + i, needle, k) == 0) {
			n++;
			i += k - 1;
		}
	return n;
}
