/*
 * test_term.c: the terminal harness (tests/lib/term.h) tested on its own.
 *
 * This program is also the small curses program the tests drive: run as
 * "test_term --curses" it shows a few known lines, colours and attributes,
 * puts the cursor on a known cell and names every key it reads.  "--fds"
 * and "--env" print the file descriptors and environment a child gets.
 * So the harness is proved on a real ncurses program without safesteps.
 */
#include <check.h>
#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include <ncursesw/curses.h>

#include "guidescreen.h"
#include "term.h"
#include "tool.h"

extern char **environ;

/* This program's own path, for running it as the child. */
static char self[4096];

/* The keys the child has read, by name, newest last. */
static char keylog[256];

static void
curses_paint(void)
{
	erase();
	mvaddstr(1, 2, "hello w\xc3\xb6rld \xe6\x97\xa5\xe6\x9c\xac \xc3\xa9!");
	mvaddstr(3, 2, "[ ] item one");
	attron(A_REVERSE);
	mvaddstr(4, 2, "> item two");
	attroff(A_REVERSE);
	if (has_colors())
		attron(COLOR_PAIR(1));
	mvaddstr(6, 2, "red text");
	if (has_colors())
		attroff(COLOR_PAIR(1));
	attron(A_BOLD);
	mvaddstr(7, 2, "bold text");
	attroff(A_BOLD);
	mvprintw(11, 2, "size %dx%d", LINES, COLS);
	mvprintw(12, 0, "keys:%s", keylog);
	move(4, 2);
	refresh();
}

static void
keylog_add(const char *name)
{
	size_t n = strlen(keylog), m = strlen(name);

	if (n + m + 2 >= 60) {
		keylog[0] = '\0';
		n = 0;
	}
	keylog[n] = ' ';
	memcpy(keylog + n + 1, name, m + 1);
}

/* A small curses program: q leaves (status 3), b beeps, t writes a
 * title ended by BEL (not a bell), every key is named on screen. */
static int
curses_child(void)
{
	wint_t ch;
	char mb[MB_LEN_MAX + 1];
	int r, n;

	setlocale(LC_ALL, "");
	if (newterm(NULL, stdout, stdin) == NULL) {
		fputs("no terminal\n", stderr);
		return 5;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED |
		      BUTTON5_PRESSED,
	    NULL);
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
	}
	curses_paint();
	for (;;) {
		r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == OK && ch == 'q')
			break;
		if (r == OK && ch == 'b')
			beep();
		if (r == OK && ch == 't') {
			fputs("\033]0;a title\007", stdout);
			fflush(stdout);
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			MEVENT ev;
			char m[64];

			if (getmouse(&ev) == OK) {
				snprintf(m, sizeof m, "%s%d,%d",
				    ev.bstate & BUTTON1_PRESSED    ? "press"
				    : ev.bstate & BUTTON1_RELEASED ? "release"
				    : ev.bstate & BUTTON4_PRESSED  ? "wheelup"
				    : ev.bstate & BUTTON5_PRESSED  ? "wheeldown"
								   : "other",
				    ev.y, ev.x);
				keylog_add(m);
			}
		} else if (r == KEY_CODE_YES && ch != KEY_RESIZE)
			keylog_add(keyname((int)ch));
		if (r == OK && ch < 0x80)
			keylog_add(keyname((int)ch));
		if (r == OK && ch >= 0x80 &&
		    (n = wctomb(mb, (wchar_t)ch)) > 0) {
			mb[n] = '\0';
			keylog_add(mb);
		}
		curses_paint();
	}
	endwin();
	return 3;
}

static int
list_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;

	if (d == NULL)
		return 1;
	printf("fds:");
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || atoi(e->d_name) == dirfd(d))
			continue;
		printf(" %s", e->d_name);
	}
	printf(" end\n");
	closedir(d);
	fflush(stdout);
	/* Stay until told, so the parent reads the screen in peace. */
	return getchar() == 'x' ? 0 : 1;
}

static int
list_env(void)
{
	char **e;
	int n = 0;

	for (e = environ; *e; e++, n++)
		printf("env %s\n", *e);
	printf("env count %d\n", n);
	fflush(stdout);
	return getchar() == 'x' ? 0 : 1;
}

static int
two_outputs(void)
{
	fputs("to stderr\n", stderr);
	fflush(stderr);
	fputs("to the tty\n", stdout);
	fflush(stdout);
	return getchar() == 'x' ? 0 : 1;
}

/* Hides the cursor, saves it, shows it, restores it: shown, as xterm
 * keeps it (DECSC does not save the visibility). */
static int
save_restore(void)
{
	fputs("\033[?1049h\033[?25l\0337\033[?25h\0338saved\r\n", stdout);
	fflush(stdout);
	if (getchar() != 'x')
		return 1;
	fputs("\033[?25l\0337\033[?25h\033[?1049lback\r\n", stdout);
	fflush(stdout);
	return getchar() == 'x' ? 0 : 1;
}

/* Writes a DEC private mode sequence in two parts, apart. */
static int
split_modes(void)
{
	struct termios tio;

	/* No echo of the key between the parts: it would cut the sequence
	 * on a real terminal too. */
	tcgetattr(0, &tio);
	tio.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(0, TCSANOW, &tio);
	fputs("one\r\n\033[?10", stdout);
	fflush(stdout);
	if (getchar() != 'x')
		return 1;
	fputs("06;1000htwo\r\n", stdout);
	fflush(stdout);
	return getchar() == 'x' ? 0 : 1;
}

static const char *const env_xterm[] = { "TERM=xterm-256color", "LANG=C.UTF-8",
	NULL };

static struct term *
start_curses(int rows, int cols, const char *const *env)
{
	const char *argv[] = { self, "--curses", NULL };
	struct term *t = term_start(rows, cols, env, argv);

	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_text(t, "hello", 5000, NULL, NULL) == 0,
	    "the curses child did not start:\n%s", term_dump(t));
	return t;
}

/* Wait until the child names the key as the last one it read. */
static void
expect_key(struct term *t, const char *name)
{
	char want[64];

	snprintf(want, sizeof want, " %s", name);
	ck_assert_msg(term_wait_text(t, want, 5000, NULL, NULL) == 0,
	    "key %s not seen:\n%s", name, term_dump(t));
	ck_assert_msg(
	    strlen(term_row_text(t, 12)) >= strlen(want) &&
		strcmp(term_row_text(t, 12) + strlen(term_row_text(t, 12)) -
			   strlen(want),
		    want) == 0,
	    "key %s not last:\n%s", name, term_dump(t));
}

/* Send key, which this terminal type has, and wait until the child names
 * it as name. */
static void
expect_sent_key(struct term *t, enum term_key key, const char *name)
{
	ck_assert_int_eq(term_send_key(t, key), 0);
	expect_key(t, name);
}

START_TEST(text_cursor_and_wide_chars)
{
	struct term *t = start_curses(24, 80, env_xterm);
	int row, col, vis, r, c;

	ck_assert_int_eq(term_wait_text(t, "hello", 5000, &row, &col), 0);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 2);
	/* A wide character takes two columns and is given once. */
	ck_assert_str_eq(term_row_text(t, 1),
	    "  hello w\xc3\xb6rld \xe6\x97\xa5\xe6\x9c\xac \xc3\xa9!");
	ck_assert_int_eq(term_find(t, "\xe6\x97\xa5", &r, &c), 0);
	ck_assert_int_eq(c, 14);
	ck_assert_int_eq(term_find(t, "\xc3\xa9!", &r, &c), 0);
	ck_assert_int_eq(r, 1);
	ck_assert_int_eq(c, 19);
	ck_assert_int_eq(term_find_in_row(t, 4, "item two"), 4);
	ck_assert_int_eq(term_find_in_row(t, 3, "item two"), -1);
	ck_assert_int_eq(term_find(t, "not there", NULL, NULL), -1);
	term_cursor(t, &row, &col, &vis);
	ck_assert_int_eq(row, 4);
	ck_assert_int_eq(col, 2);
	ck_assert_int_eq(vis, 1);
	ck_assert_ptr_nonnull(strstr(term_screen_text(t), "[ ] item one\n"));
	term_free(t);
}
END_TEST

START_TEST(attributes_and_colours)
{
	struct term *t = start_curses(24, 80, env_xterm);
	struct term_cell cell;

	ck_assert_int_eq(term_cell(t, 4, 2, &cell), 0);
	ck_assert_str_eq(cell.text, ">");
	ck_assert_int_eq(cell.reverse, 1);
	ck_assert_int_eq(cell.fg_default, 1);
	ck_assert_int_eq(cell.bg_default, 1);
	ck_assert_int_eq(term_cell(t, 6, 2, &cell), 0);
	ck_assert_str_eq(cell.text, "r");
	ck_assert_int_eq(cell.fg_default, 0);
	ck_assert_int_eq(cell.fg, 1);
	ck_assert_int_eq(cell.bg_default, 1);
	ck_assert_int_eq(cell.reverse, 0);
	ck_assert_int_eq(term_cell(t, 7, 2, &cell), 0);
	ck_assert_int_eq(cell.bold, 1);
	ck_assert_int_eq(term_cell(t, 1, 14, &cell), 0);
	ck_assert_str_eq(cell.text, "\xe6\x97\xa5");
	ck_assert_int_eq(cell.width, 2);
	ck_assert_int_eq(term_cell(t, 0, 0, &cell), 0);
	ck_assert_str_eq(cell.text, "");
	ck_assert_int_eq(term_cell(t, 24, 0, &cell), -1);
	term_free(t);
}
END_TEST

START_TEST(no_colour_means_default_cells)
{
	static const char *const env[] = { "TERM=xterm-256color",
		"LANG=C.UTF-8", "NO_COLOR=1", NULL };
	struct term *t = start_curses(24, 80, env);
	struct term_cell cell;

	ck_assert_int_eq(term_cell(t, 6, 2, &cell), 0);
	ck_assert_str_eq(cell.text, "r");
	ck_assert_int_eq(cell.fg_default, 1);
	ck_assert_int_eq(cell.bg_default, 1);
	term_free(t);
}
END_TEST

START_TEST(xterm_keys)
{
	struct term *t = start_curses(24, 80, env_xterm);

	expect_sent_key(t, TERM_KEY_UP, "KEY_UP");
	expect_sent_key(t, TERM_KEY_DOWN, "KEY_DOWN");
	expect_sent_key(t, TERM_KEY_PGDN, "KEY_NPAGE");
	expect_sent_key(t, TERM_KEY_PGUP, "KEY_PPAGE");
	expect_sent_key(t, TERM_KEY_F1, "KEY_F(1)");
	expect_sent_key(t, TERM_KEY_HOME, "KEY_HOME");
	expect_sent_key(t, TERM_KEY_BACKSPACE, "KEY_BACKSPACE");
	expect_sent_key(t, TERM_KEY_ENTER, "^M");
	expect_sent_key(t, TERM_KEY_TAB, "^I");
	ck_assert_int_eq(term_send_char(t, 'c', TERM_MOD_CTRL), 0);
	expect_key(t, "^C");
	ck_assert_int_eq(term_send_char(t, 0xe9, 0), 0);
	expect_key(t, "\xc3\xa9");
	expect_sent_key(t, TERM_KEY_ESC, "^[");
	/* Alt+x is ESC x in one write: curses reads ESC, then x. */
	ck_assert_int_eq(term_send_char(t, 'x', TERM_MOD_ALT), 0);
	expect_key(t, "^[ x");
	ck_assert(term_output_has(t, "\033[?1h", 5)); /* smkx was seen */
	term_free(t);
}
END_TEST

START_TEST(mouse_reports)
{
	struct term *t = start_curses(24, 80, env_xterm);

	ck_assert_int_eq(term_click(t, 3, 5), 0);
	expect_key(t, "press3,5 release3,5");
	ck_assert_int_eq(term_wheel(t, 10, 20, 1), 0);
	expect_key(t, "wheeldown10,20");
	ck_assert_int_eq(term_wheel(t, 10, 20, 0), 0);
	expect_key(t, "wheelup10,20");
	term_free(t);
}
END_TEST

START_TEST(no_mouse_unless_asked)
{
	const char *argv[] = { self, "--fds", NULL };
	struct term *t = term_start(24, 80, env_xterm, argv);

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(term_wait_text(t, " end", 5000, NULL, NULL), 0);
	ck_assert_int_eq(term_click(t, 1, 1), -1);
	ck_assert_int_eq(term_wheel(t, 1, 1, 1), -1);
	term_free(t);
}
END_TEST

/* libvterm takes only the first of several modes in one sequence; the
 * harness splits them, also when the sequence comes in two reads. */
START_TEST(several_modes_in_one_sequence)
{
	const char *argv[] = { self, "--split", NULL };
	struct term *t = term_start(24, 80, env_xterm, argv);
	int row, col;

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(term_wait_text(t, "one", 5000, NULL, NULL), 0);
	ck_assert_int_eq(term_wait_idle(t, 2000), 0);
	ck_assert_int_eq(term_click(t, 1, 1), -1);
	ck_assert_int_eq(term_send_bytes(t, "x\r", 2), 0);
	ck_assert_int_eq(term_wait_text(t, "two", 5000, &row, &col), 0);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 0);
	ck_assert_str_eq(term_row_text(t, 1), "two");
	ck_assert_int_eq(term_wheel(t, 1, 1, 1), 0);
	term_free(t);
}
END_TEST

START_TEST(linux_keys_from_terminfo)
{
	static const char *const env[] = { "TERM=linux", "LANG=C.UTF-8", NULL };
	struct term *t = start_curses(24, 80, env);

	expect_sent_key(t, TERM_KEY_UP, "KEY_UP");
	expect_sent_key(t, TERM_KEY_PGDN, "KEY_NPAGE");
	expect_sent_key(t, TERM_KEY_F1, "KEY_F(1)");
	expect_sent_key(t, TERM_KEY_BACKSPACE, "KEY_BACKSPACE");
	ck_assert(term_output_has(t, "\033[?1h", 5) == 0); /* no smkx */
	ck_assert_int_eq(term_send_char(t, 'q', 0), 0);
	term_free(t);
}
END_TEST

START_TEST(vt100_keys_from_terminfo)
{
	static const char *const env[] = { "TERM=vt100", "LANG=C.UTF-8", NULL };
	struct term *t = start_curses(24, 80, env);
	struct term_cell cell;

	expect_sent_key(t, TERM_KEY_UP, "KEY_UP");
	expect_sent_key(t, TERM_KEY_F1, "KEY_F(1)");
	/* vt100's backspace is ^H, which curses names KEY_BACKSPACE. */
	expect_sent_key(t, TERM_KEY_BACKSPACE, "KEY_BACKSPACE");
	/* vt100 has no page keys. */
	ck_assert_int_eq(term_send_key(t, TERM_KEY_PGDN), -1);
	/* vt100 has no colours: the red line is in the default colour. */
	ck_assert_int_eq(term_cell(t, 6, 2, &cell), 0);
	ck_assert_int_eq(cell.fg_default, 1);
	term_free(t);
}
END_TEST

START_TEST(resize_reaches_the_child)
{
	struct term *t = start_curses(24, 80, env_xterm);
	int rows, cols, row;

	ck_assert_int_eq(term_wait_text(t, "size 24x80", 5000, NULL, NULL), 0);
	ck_assert_int_eq(term_resize(t, 12, 40), 0);
	term_size(t, &rows, &cols);
	ck_assert_int_eq(rows, 12);
	ck_assert_int_eq(cols, 40);
	ck_assert_msg(term_wait_text(t, "size 12x40", 5000, &row, NULL) == 0,
	    "%s", term_dump(t));
	ck_assert_int_eq(row, 11);
	ck_assert_int_eq(term_resize(t, 40, 120), 0);
	ck_assert_int_eq(term_wait_text(t, "size 40x120", 5000, NULL, NULL), 0);
	ck_assert_int_eq(term_row_text(t, 40)[0], '\0');
	term_free(t);
}
END_TEST

START_TEST(exit_status_time_and_termios)
{
	struct term *t = start_curses(24, 80, env_xterm);
	struct rusage ru;
	char why[512];
	int status, ms;

	/* While curses runs, the pty is in raw mode: not as before. */
	ck_assert_int_eq(term_termios_restored(t, why, sizeof why), 0);
	ck_assert_ptr_nonnull(strstr(why, "c_lflag"));
	ck_assert_int_eq(term_wait_exit(t, 50, &status), -1);
	ck_assert_int_eq(term_exited(t), 0);
	ck_assert_int_eq(term_rusage(t, &ru), -1);
	ck_assert_int_eq(term_send_char(t, 'q', 0), 0);
	ms = term_wait_exit(t, 5000, &status);
	ck_assert_int_ge(ms, 0);
	ck_assert_int_lt(ms, term_ms(500));
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 3);
	ck_assert_int_eq(term_exited(t), 1);
	ck_assert_int_eq(term_wait_exit(t, 10, &status), 0);
	ck_assert_int_eq(WEXITSTATUS(status), 3);
	ck_assert_msg(term_termios_restored(t, why, sizeof why), "%s", why);
	ck_assert_int_eq(term_rusage(t, &ru), 0);
	ck_assert_int_gt(ru.ru_maxrss, 0); /* the child's, in KiB */
	/* endwin's last words reached the screen: the alternate screen left. */
	ck_assert(term_output_has(t, "\033[?1049l", 8));
	ck_assert_int_eq(term_find(t, "hello", NULL, NULL), -1);
	ck_assert_int_eq(term_kill(t, SIGTERM), -1);
	term_free(t);
}
END_TEST

START_TEST(killed_child_leaves_termios_changed)
{
	struct term *t = start_curses(24, 80, env_xterm);
	int status;

	ck_assert_int_eq(term_kill(t, SIGKILL), 0);
	ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
	ck_assert(WIFSIGNALED(status));
	ck_assert_int_eq(WTERMSIG(status), SIGKILL);
	/* The comparison can fail: curses had no chance to restore. */
	ck_assert_int_eq(term_termios_restored(t, NULL, 0), 0);
	term_free(t);
}
END_TEST

START_TEST(bells_and_raw_output)
{
	struct term *t = start_curses(24, 80, env_xterm);

	ck_assert_int_eq(term_bells(t), 0);
	ck_assert_int_eq(term_send_char(t, 't', 0), 0);
	expect_key(t, "t");
	/* A BEL that ends a title string is not a bell. */
	ck_assert_int_eq(term_bells(t), 0);
	ck_assert(term_output_has(t, "\007", 1));
	ck_assert_int_eq(term_send_char(t, 'b', 0), 0);
	expect_key(t, "b");
	ck_assert_int_eq(term_bells(t), 1);
	term_free(t);
}
END_TEST

START_TEST(child_gets_only_the_pty)
{
	const char *argv[] = { self, "--fds", NULL };
	struct term *t = term_start(24, 80, env_xterm, argv);
	int status;

	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_text(t, " end", 5000, NULL, NULL) == 0, "%s",
	    term_dump(t));
	ck_assert_str_eq(term_row_text(t, 0), "fds: 0 1 2 end");
	ck_assert_int_eq(term_send_bytes(t, "x\r", 2), 0);
	ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	term_free(t);
}
END_TEST

START_TEST(child_gets_only_the_given_environment)
{
	const char *argv[] = { self, "--env", NULL };
	struct term *t;

	setenv("SAFESTEPS_TERM_TEST_LEAK", "1", 1);
	t = term_start(24, 80, env_xterm, argv);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(term_wait_text(t, "env count", 5000, NULL, NULL), 0);
	ck_assert_int_eq(
	    term_find(t, "env TERM=xterm-256color", NULL, NULL), 0);
	ck_assert_int_eq(term_find(t, "env LANG=C.UTF-8", NULL, NULL), 0);
	ck_assert_int_eq(term_find(t, "env PATH=/usr/bin:/bin", NULL, NULL), 0);
	ck_assert_int_eq(term_find(t, "env count 3", NULL, NULL), 0);
	ck_assert_int_eq(term_find(t, "LEAK", NULL, NULL), -1);
	term_free(t);
}
END_TEST

START_TEST(stderr_apart)
{
	const char *argv[] = { self, "--err", NULL };
	struct term *t = term_start_err(24, 80, env_xterm, argv);
	int status;

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(term_wait_text(t, "to the tty", 5000, NULL, NULL), 0);
	ck_assert_int_eq(term_find(t, "stderr", NULL, NULL), -1);
	ck_assert_str_eq(term_stderr(t), "to stderr\n");
	ck_assert_int_eq(term_send_bytes(t, "x\r", 2), 0);
	ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
	ck_assert_str_eq(term_stderr(t), "to stderr\n");
	term_free(t);

	/* Without the pipe, stderr is the terminal. */
	t = term_start(24, 80, env_xterm, argv);
	ck_assert_int_eq(term_wait_text(t, "to stderr", 5000, NULL, NULL), 0);
	ck_assert_str_eq(term_stderr(t), "");
	term_free(t);
}
END_TEST

START_TEST(cursor_visibility_as_xterm)
{
	const char *argv[] = { self, "--decsc", NULL };
	struct term *t = term_start(24, 80, env_xterm, argv);
	int vis;

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(term_wait_text(t, "saved", 5000, NULL, NULL), 0);
	term_cursor(t, NULL, NULL, &vis);
	ck_assert_int_eq(vis, 1);
	ck_assert_int_eq(term_send_bytes(t, "x\r", 2), 0);
	ck_assert_int_eq(term_wait_text(t, "back", 5000, NULL, NULL), 0);
	term_cursor(t, NULL, NULL, &vis);
	ck_assert_int_eq(vis, 1);
	term_free(t);
}
END_TEST

START_TEST(failed_exec_is_127)
{
	const char *argv[] = { "/nonexistent/program", NULL };
	struct term *t = term_start(24, 80, env_xterm, argv);
	int status;

	ck_assert_ptr_nonnull(t);
	ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 127);
	ck_assert_int_eq(term_wait_text(t, "anything", 100, NULL, NULL), -1);
	term_free(t);
}
END_TEST

START_TEST(terminfo_lookup)
{
	char *s;

	s = term_terminfo("xterm-256color", "E3");
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "\033[3J");
	free(s);
	s = term_terminfo("linux", "kf1");
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "\033[[A");
	free(s);
	ck_assert_ptr_null(term_terminfo("vt100", "knp"));
	ck_assert_ptr_null(term_terminfo("no-such-terminal-type", "kf1"));
	ck_assert_ptr_null(term_terminfo("", "kf1"));
}
END_TEST

/* A real program that is not ours: dialog, when it is installed. */
START_TEST(dialog_msgbox)
{
	static const char *const env[] = { "TERM=xterm-256color",
		"LANG=C.UTF-8", "HOME=/nonexistent", NULL };
	const char *argv[] = { "/usr/bin/dialog", "--msgbox", "hi there", "10",
		"30", NULL };
	struct term *t;
	char why[512];
	int status, row, col, crow, ccol;

	t = term_start(24, 80, env, argv);
	ck_assert_ptr_nonnull(t);
	ck_assert_msg(term_wait_text(t, "hi there", 5000, &row, &col) == 0,
	    "%s", term_dump(t));
	ck_assert_int_eq(term_wait_text(t, "OK", 5000, &row, &col), 0);
	term_cursor(t, &crow, &ccol, NULL);
	ck_assert_int_eq(crow, row); /* dialog keeps the cursor on its button */
	ck_assert_int_eq(term_send_key(t, TERM_KEY_ENTER), 0);
	ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_msg(term_termios_restored(t, why, sizeof why), "%s", why);
	term_free(t);
}
END_TEST

/* Run sh -c script on a terminal until it ends. */
static struct term *
run_script(const char *script, int no_alt)
{
	static const char *const env[] = { "TERM=xterm-256color", NULL };
	const char *argv[] = { "/bin/sh", "-c", script, NULL };
	struct term *t = term_start(6, 20, env, argv);
	int status;

	ck_assert_ptr_nonnull(t);
	if (no_alt)
		term_no_altscreen(t);
	ck_assert_int_ge(term_wait_exit(t, 5000, &status), 0);
	return t;
}

/*
 * What the terminal keeps, as tmux keeps it: lines scrolled off the top,
 * the rows of a cleared normal screen (ED 2, or ED 0 from the top left),
 * nothing of the alternate screen; ED 3 empties it.
 */
START_TEST(history_as_tmux_keeps_it)
{
	struct term *t;

	/* Scrolled off the top (six rows, eight lines). */
	t = run_script("printf 'l1\\nl2\\nl3\\nl4\\nl5\\nl6\\nl7\\nl8'", 0);
	ck_assert_str_eq(term_history_text(t), "l1\nl2\n");
	ck_assert(term_kept_has(t, "l1") && term_kept_has(t, "l8"));
	ck_assert(!term_kept_has(t, "l9"));
	term_free(t);
	/* A cleared screen goes into the history; then ED 3 empties it. */
	t = run_script("printf 'one\\ntwo\\n\\033[2Jthree'", 0);
	ck_assert_str_eq(term_history_text(t), "one\ntwo\n");
	ck_assert(term_kept_has(t, "three"));
	term_free(t);
	t = run_script("printf 'one\\033[H\\033[Jtwo\\033[3J'", 0);
	ck_assert_str_eq(term_history_text(t), "");
	ck_assert(!term_kept_has(t, "one") && term_kept_has(t, "two"));
	term_free(t);
	/* ED 0 elsewhere than the top left keeps nothing. */
	t = run_script("printf 'one\\ntwo\\033[J'", 0);
	ck_assert_str_eq(term_history_text(t), "");
	term_free(t);
	/* The alternate screen keeps nothing; with it off, the same bytes
	 * draw on the normal screen and its clear is kept. */
	t = run_script("printf 'main\\033[?1049halt\\033[2J'", 0);
	ck_assert_str_eq(term_history_text(t), "");
	term_free(t);
	t = run_script("printf 'main\\033[?1049halt\\033[2J'", 1);
	ck_assert_str_eq(term_history_text(t), "mainalt\n");
	term_free(t);
}
END_TEST

START_TEST(factor_scales_times)
{
	double f = term_factor();

	ck_assert(f >= 1);
	ck_assert_int_ge(term_ms(100), 100);
	ck_assert(term_seconds(2) >= 2);
}
END_TEST

static Suite *
term_suite(void)
{
	Suite *s = suite_create("term");
	TCase *tc = tcase_create("harness");

	tcase_set_timeout(tc, term_seconds(10));
	tcase_add_test(tc, text_cursor_and_wide_chars);
	tcase_add_test(tc, attributes_and_colours);
	tcase_add_test(tc, no_colour_means_default_cells);
	tcase_add_test(tc, xterm_keys);
	tcase_add_test(tc, mouse_reports);
	tcase_add_test(tc, no_mouse_unless_asked);
	tcase_add_test(tc, several_modes_in_one_sequence);
	tcase_add_test(tc, linux_keys_from_terminfo);
	tcase_add_test(tc, vt100_keys_from_terminfo);
	tcase_add_test(tc, resize_reaches_the_child);
	tcase_add_test(tc, exit_status_time_and_termios);
	tcase_add_test(tc, killed_child_leaves_termios_changed);
	tcase_add_test(tc, bells_and_raw_output);
	tcase_add_test(tc, child_gets_only_the_pty);
	tcase_add_test(tc, child_gets_only_the_given_environment);
	tcase_add_test(tc, stderr_apart);
	tcase_add_test(tc, cursor_visibility_as_xterm);
	tcase_add_test(tc, failed_exec_is_127);
	tcase_add_test(tc, terminfo_lookup);
	/* dialog is a peer for comparison (make bench), a test tool */
	tool_add_test(tc, dialog_msgbox, "/usr/bin/dialog", "dialog");
	tcase_add_test(tc, factor_scales_times);
	tcase_add_test(tc, history_as_tmux_keeps_it);
	suite_add_tcase(s, tc);
	return s;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--curses") == 0)
		return curses_child();
	if (argc == 2 && strcmp(argv[1], "--fds") == 0)
		return list_fds();
	if (argc == 2 && strcmp(argv[1], "--env") == 0)
		return list_env();
	if (argc == 2 && strcmp(argv[1], "--split") == 0)
		return split_modes();
	if (argc == 2 && strcmp(argv[1], "--err") == 0)
		return two_outputs();
	if (argc == 2 && strcmp(argv[1], "--decsc") == 0)
		return save_restore();
	if (realpath(argv[0], self) == NULL) {
		perror(argv[0]);
		return 1;
	}
	return gs_run(term_suite());
}
