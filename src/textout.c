/* textout.c: lines of text to a stream, for plain and print. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "textout.h"

void
textout_bytes(struct textout *o, const char *s, size_t n)
{
	if (o->err != 0 || n == 0)
		return;
	if (fwrite(s, 1, n, o->f) != n)
		o->err = errno != 0 ? errno : EIO;
}

void
textout_line(struct textout *o, const char *text)
{
	o->blank = *text == '\0';
	textout_bytes(o, text, strlen(text));
	textout_bytes(o, "\n", 1);
}

int
textout_flush(struct textout *o)
{
	if (o->err == 0 && (fflush(o->f) != 0 || ferror(o->f)))
		o->err = errno != 0 ? errno : EIO;
	return o->err == 0 ? 0 : -1;
}
