/* textout.c: lines of text to a stream, for plain and print. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "layout.h"
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
	char *folded = NULL;
	struct layout_line *ll;
	size_t n, indent;

	o->blank = *text == '\0';
	if (o->ascii && (folded = ascii_fold(text)) != NULL &&
	    strcmp(folded, text) == 0) {
		free(folded); /* ASCII already */
		folded = NULL;
	}
	if (folded != NULL)
		text = folded;
	/* a line the view made fits already, or is a whole address that
	 * must not be cut: only what folding widened is wrapped again */
	if (folded == NULL || layout_width(text, strlen(text)) <= o->width) {
		textout_bytes(o, text, strlen(text));
		textout_bytes(o, "\n", 1);
		free(folded);
		return;
	}
	indent = strspn(text, " ");
	if (indent >= (size_t)o->width / 2)
		indent = 0;
	n = layout_wrap(text + indent, o->width - (int)indent, &ll);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < indent; k++)
			textout_bytes(o, " ", 1);
		textout_bytes(o, text + indent + ll[i].off, ll[i].len);
		textout_bytes(o, "\n", 1);
	}
	free(ll);
	free(folded);
}

int
textout_flush(struct textout *o)
{
	if (o->err == 0 && (fflush(o->f) != 0 || ferror(o->f)))
		o->err = errno != 0 ? errno : EIO;
	return o->err == 0 ? 0 : -1;
}
