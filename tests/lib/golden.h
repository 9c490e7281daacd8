/*
 * golden.h: golden files, the expected output of a whole run, for the
 * tests of the plain mode and the handout.
 *
 * They live in tests/golden (or $SAFESTEPS_GOLDEN).  A changed content
 * file changes them: look at the diff the failing test prints, then run
 * the tests with SAFESTEPS_UPDATE_GOLDEN=1 to write them anew.
 */
#ifndef SAFESTEPS_TEST_GOLDEN_H
#define SAFESTEPS_TEST_GOLDEN_H

#include <stddef.h>

/* The directory of the golden files. */
const char *golden_dir(void);

/* The whole of a file (NUL-terminated, its length in *len); NULL if it
 * cannot be read.  Caller frees. */
char *golden_read_file(const char *path, size_t *len);

/*
 * Compare output (len bytes) with the golden file name; on a difference
 * print a unified diff to stderr and fail the test.  With
 * SAFESTEPS_UPDATE_GOLDEN=1, write the golden file instead.
 */
void golden_check(const char *name, const char *out, size_t len);

#endif
