/*
 * run.h: run a program through pipes for a test, with a deadline.
 *
 * The child gets exactly the environment given (PATH added unless set),
 * stdin from the bytes given (then EOF), and its stdout and stderr are
 * collected.  The deadline is scaled by TEST_TIMEOUT_FACTOR.
 */
#ifndef SAFESTEPS_TEST_RUN_H
#define SAFESTEPS_TEST_RUN_H

#include <stddef.h>

struct run_result {
	int status; /* wait(2) status; -1 if the deadline passed */
	char *out;  /* stdout, NUL-terminated (may contain NULs) */
	size_t outlen;
	char *err; /* stderr, NUL-terminated */
	size_t errlen;
};

/*
 * Run argv (argv[0] a path) with env, feeding in (inlen bytes; in may be
 * NULL for an empty stdin), for at most timeout_ms (scaled).  stdout_path,
 * if not NULL, is opened for stdout instead of a pipe (e.g. "/dev/full").
 * Returns 0, or -1 if it could not start.  Free r with run_free.
 */
int run_cmd(const char *const argv[], const char *const env[], const char *in,
    size_t inlen, const char *stdout_path, int timeout_ms,
    struct run_result *r);

/* Free what run_cmd filled; NULL is fine. */
void run_free(struct run_result *r);

/* The program under test: $SAFESTEPS_BIN, else build/tests/bin/safesteps. */
const char *run_bin(void);

#endif
