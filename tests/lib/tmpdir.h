/*
 * tmpdir.h: a temporary directory for a test, and its removal.
 *
 * The directory is made under $TEST_RUN_DIR (tests/run.sh makes one per
 * run and removes it), else $TMPDIR, else /tmp.  Remove it from an
 * unchecked fixture's teardown, which runs in the parent process, so
 * that it goes even when the test failed.
 */
#ifndef SAFESTEPS_TEST_TMPDIR_H
#define SAFESTEPS_TEST_TMPDIR_H

/* A new directory whose name starts with prefix; fails the running test
 * if it cannot be made.  Caller removes it (tmpdir_remove) and frees. */
char *tmpdir_make(const char *prefix);

/* Remove dir and everything under it (symbolic links are not followed);
 * NULL is fine. */
void tmpdir_remove(const char *dir);

#endif
