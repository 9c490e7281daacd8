/*
 * floor.c: the floor of the benchmark.  The least a curses program can do:
 * start curses, show one line, wait for a key, end.  Nothing safesteps
 * does can start faster than this on the same terminal.
 */
#include <locale.h>

#include <ncursesw/curses.h>

int
main(void)
{
	setlocale(LC_ALL, "");
	initscr();
	mvaddstr(0, 0, "floor: one line, then any key");
	refresh();
	getch();
	endwin();
	return 0;
}
