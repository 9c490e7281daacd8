/*
 * terminfo.c: term_terminfo (see term.h), apart from term.c because
 * <term.h> defines its own struct term and macros (bell, ...) that clash
 * with libvterm's names.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <ncursesw/curses.h>
#include <ncursesw/term.h>

#include "xmalloc.h"

#include "term.h"

char *
term_terminfo(const char *name, const char *cap)
{
	TERMINAL *old = cur_term;
	char *s, *copy = NULL;
	int err, fd;

	if (name == NULL || *name == '\0')
		return NULL;
	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (setupterm(name, fd, &err) != OK) {
		if (fd >= 0)
			close(fd);
		set_curterm(old);
		return NULL;
	}
	s = tigetstr(cap);
	if (s != NULL && s != (char *)-1)
		copy = xstrdup(s);
	del_curterm(cur_term);
	set_curterm(old);
	if (fd >= 0)
		close(fd);
	return copy;
}
