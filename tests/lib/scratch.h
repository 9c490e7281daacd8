/*
 * scratch.h: a private temporary directory for the files one test makes,
 * content files made from the bundled ones with one change, and a whole
 * file read back.
 *
 * Every helper fails the running Check test when it cannot do its work.
 * Call order: dir = scratch_dir(); scratch_write or scratch_edit, as many
 * as needed; run the program on them; scratch_remove(dir).
 */
#ifndef SAFESTEPS_TEST_SCRATCH_H
#define SAFESTEPS_TEST_SCRATCH_H

#include <stddef.h>

/* A new empty directory (tmpdir_make).  Free with scratch_remove. */
char *scratch_dir(void);

/* Write len bytes of p to dir/name.  Returns the path; caller frees. */
char *scratch_write(
    const char *dir, const char *name, const void *p, size_t len);

/*
 * Copy the file from to dir/name with the first occurrence of find
 * replaced by replace (find NULL: an exact copy).  Fails the test when
 * find is not in the file.  Returns the path; caller frees.
 */
char *scratch_edit(const char *dir, const char *name, const char *from,
    const char *find, const char *replace);

/* The whole of the file at path, NUL-terminated (golden_read_file), its
 * length in *len if len is not NULL; fails the test if it cannot be read.
 * Caller frees. */
char *scratch_read(const char *path, size_t *len);

/* Remove dir and everything in it (tmpdir_remove), and free it; NULL is
 * fine. */
void scratch_remove(char *dir);

#endif
