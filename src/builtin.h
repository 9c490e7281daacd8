/*
 * builtin.h: the content compiled into the program, the last fallback when
 * no content file can be read.  Generated at build time from the files in content/
 * by src/embed.sh; each copy passed the validator when it was built.
 */
#ifndef SAFESTEPS_BUILTIN_H
#define SAFESTEPS_BUILTIN_H

#include <stddef.h>

struct builtin_content {
	const char *lang; /* "en", from the file name */
	const char *data; /* the JSON text, NUL-terminated */
	size_t len;       /* its length without the NUL */
};

extern const struct builtin_content builtin_contents[];
extern const size_t builtin_ncontents;

#endif
