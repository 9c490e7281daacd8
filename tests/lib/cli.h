/*
 * cli.h: the program's command line, run through pipes (run.h) with the
 * content under test, for the tests of the plain mode, the handout and
 * the language choice.
 *
 * The content directory is $SAFESTEPS_CONTENT_DIR, else "content".  The
 * helpers fail the running Check test when something they need is not
 * there (a guide that does not load, a program that does not start or
 * finish in time).
 */
#ifndef SAFESTEPS_TEST_CLI_H
#define SAFESTEPS_TEST_CLI_H

#include <stddef.h>

#include "guide.h"
#include "run.h"

/* How long one run may take (ms, scaled by TEST_TIMEOUT_FACTOR). */
#define CLI_TIMEOUT_MS 10000

/* The content directory under test. */
const char *cli_content_dir(void);

/* The guide of one language, as the program loads it; fails the test if
 * it does not load.  Caller frees with guide_free. */
struct guide *cli_guide_of(const char *lang);

/*
 * Run "safesteps --content DIR [mode] opts..." (mode may be NULL, opts is
 * NULL-ended) with exactly env (NULL-ended), stdin in (inlen bytes, may
 * be NULL), stdout to a pipe or to stdout_path; fails the test if it does
 * not start or does not finish in time.  Free r with run_free.
 */
void cli_run(const char *mode, const char *const *opts, const char *const *env,
    const char *in, size_t inlen, const char *stdout_path,
    struct run_result *r);

/* Fail the test unless the run exited normally with this status. */
void cli_expect_status(const struct run_result *r, int status);

/* How many times needle occurs in the first len bytes of hay. */
size_t cli_count(const char *hay, size_t len, const char *needle);

/*
 * Whether the n bytes at p hold one that a terminal takes as a command: a
 * C0 control but newline and tab (ESC, BEL...), DEL, or a C1 control,
 * whether as UTF-8 (U+0080 to U+009F) or as a byte 0x80 to 0x9F outside a
 * UTF-8 sequence (CSI and OSC for a terminal that reads 8 bits).
 */
int cli_has_control_bytes(const char *p, size_t n);

#endif
