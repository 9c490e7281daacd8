/*
 * test_docs.c: the documentation says what the program does.  The man
 * page's KEYS section is the in-app key list (the same keys, in the same
 * order, with the English content's words); every option of --help is in
 * the man page and the README's options are real; the content format's
 * tables (load.c) and safesteps-content(5) name the same keys.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli.h"
#include "guidescreen.h"
#include "keys.h"
#include "load.h"
#include "run.h"
#include "scratch.h"

#define MAN "man/safesteps.1"

/* The next line of the man page after p, into line; NULL at the end. */
static const char *
next_line(const char *p, char *line, size_t size)
{
	const char *e;
	size_t n;

	if (*p == '\0')
		return NULL;
	e = strchr(p, '\n');
	n = e != NULL ? (size_t)(e - p) : strlen(p);
	if (n >= size)
		n = size - 1;
	memcpy(line, p, n);
	line[n] = '\0';
	return e != NULL ? e + 1 : p + strlen(p);
}

START_TEST(test_man_keys_are_the_key_table)
{
	char *man = scratch_read(MAN, NULL);
	struct guide *g = cli_guide_of("en");
	const char *p = strstr(man, "\n.Sh KEYS\n");
	char line[1024], desc[1024];
	size_t i = 0;

	ck_assert_msg(p != NULL, "no KEYS section in " MAN);
	p++;
	while ((p = next_line(p, line, sizeof line)) != NULL) {
		if (strncmp(line, ".Sh ", 4) == 0 && i > 0)
			break;
		if (strcmp(line, ".El") == 0)
			break;
		if (strncmp(line, ".It ", 4) != 0)
			continue;
		ck_assert_msg(i < keys_count,
		    MAN " lists more keys than the program: %s", line + 4);
		/* the keys as the English content names them */
		ck_assert_str_eq(line + 4, g->ui[keys_table[i].keys]);
		p = next_line(p, desc, sizeof desc);
		ck_assert_ptr_nonnull(p);
		/* The man page's line is the sentence: the content's words,
		 * capitalised, with a full stop. */
		{
			const char *ui = g->ui[keys_table[i].what];
			char want[1024];

			snprintf(want, sizeof want, "%s", ui);
			if (want[0] >= 'a' && want[0] <= 'z')
				want[0] = (char)(want[0] - 'a' + 'A');
			if (want[strlen(want) - 1] != '.')
				strncat(
				    want, ".", sizeof want - strlen(want) - 1);
			ck_assert_msg(strcmp(desc, want) == 0,
			    "key %s: the man page says \"%s\", the program "
			    "\"%s\"",
			    g->ui[keys_table[i].keys], desc, ui);
		}
		i++;
	}
	ck_assert_msg(i == keys_count,
	    MAN " lists %zu keys; the program has %zu", i, keys_count);
	guide_free(g);
	free(man);
}
END_TEST

START_TEST(test_every_option_is_documented)
{
	const char *const argv[] = { run_bin(), "--help", NULL };
	const char *const env[] = { "LANG=C.UTF-8", NULL };
	struct run_result r;
	char *man = scratch_read(MAN, NULL),
	     *readme = scratch_read("README.md", NULL);
	const char *p;
	int n = 0;

	ck_assert_int_eq(run_cmd(argv, env, NULL, 0, NULL, 5000, &r), 0);
	ck_assert(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
	for (p = r.out; (p = strstr(p, "  --")) != NULL; p += 4) {
		char opt[64], man_form[80];
		size_t k = 0;

		while (
		    k + 1 < sizeof opt &&
		    ((p[2 + k] >= 'a' && p[2 + k] <= 'z') || p[2 + k] == '-'))
			opt[k] = p[2 + k], k++;
		opt[k] = '\0';
		/* mdoc writes --lang as "Fl \-lang", a dash as "\-". */
		snprintf(man_form, sizeof man_form, "Fl \\%s", opt + 1);
		for (char *c = man_form + 4; *c != '\0'; c++) {
			if (*c == '-' && c[-1] != '\\') {
				memmove(c + 1, c, strlen(c) + 1);
				*c++ = '\\';
			}
		}
		ck_assert_msg(strstr(man, man_form) != NULL,
		    "--help lists %s, the man page does not (%s)", opt,
		    man_form);
		n++;
	}
	ck_assert_int_ge(n, 12);
	/* The README's examples use real options. */
	for (p = readme; (p = strstr(p, "safesteps --")) != NULL; p += 12) {
		char opt[64];
		size_t k = 0;

		while (k + 1 < sizeof opt &&
		       ((p[10 + k] >= 'a' && p[10 + k] <= 'z') ||
			   p[10 + k] == '-'))
			opt[k] = p[10 + k], k++;
		opt[k] = '\0';
		ck_assert_msg(strstr(r.out, opt) != NULL,
		    "README.md uses %s, which --help does not list", opt);
	}
	run_free(&r);
	free(man);
	free(readme);
}
END_TEST

/*
 * The section of page p named name (".Ss name" or ".Sh name") up to the
 * next section, as a copy.  Caller frees; fails the test without it.
 */
static char *
man_section(const char *p, const char *name)
{
	char head[128];
	const char *a, *b, *ss, *sh;

	snprintf(head, sizeof head, "\n.Ss %s\n", name);
	if ((a = strstr(p, head)) == NULL) {
		snprintf(head, sizeof head, "\n.Sh %s\n", name);
		a = strstr(p, head);
	}
	ck_assert_msg(
	    a != NULL, "safesteps-content(5) has no section %s", name);
	a += strlen(head);
	ss = strstr(a, "\n.Ss ");
	sh = strstr(a, "\n.Sh ");
	b = ss == NULL ? sh : sh == NULL ? ss : ss < sh ? ss : sh;
	if (b == NULL)
		b = a + strlen(a);
	return strndup(a, (size_t)(b - a));
}

/* Whether section text names key as mdoc does: "Cm key" as a word. */
static int
names_key(const char *text, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = strstr(text, "Cm "); p != NULL;
	     p = strstr(p + 3, "Cm ")) {
		if (strncmp(p + 3, key, n) == 0 &&
		    strchr(" ,\n", p[3 + n]) != NULL)
			return 1;
	}
	return 0;
}

/*
 * The format's tables (load.c) and safesteps-content(5) say the same:
 * every key of every object type is in its section of the page (the UI
 * strings in the example), and every key a section lists (".It Cm key")
 * is one the program reads there.
 */
START_TEST(test_format_keys_are_documented)
{
	char *man = scratch_read("man/safesteps-content.5", NULL);
	const char *sections[] = { "The top level", "Screens", "Steps",
		"Resources", "Sources", "Site files" };
	const char *section, *key;
	char *text, line[1024];
	const char *p;
	size_t t, k, nkeys = 0;
	int required;

	for (t = 0; load_format_key(t, 0, &section, &required) != NULL; t++) {
		text = man_section(man, section);
		for (k = 0;
		     (key = load_format_key(t, k, &section, &required)) != NULL;
		     k++) {
			char quoted[128];

			snprintf(quoted, sizeof quoted, "\"%s\":", key);
			ck_assert_msg(strcmp(section, "EXAMPLES") == 0
					  ? strstr(text, quoted) != NULL
					  : names_key(text, key),
			    "safesteps-content(5), %s, does not name the key "
			    "\"%s\"",
			    section, key);
			nkeys++;
		}
		free(text);
	}
	ck_assert_uint_ge(nkeys, 80);

	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
		text = man_section(man, sections[i]);
		for (p = text; (p = next_line(p, line, sizeof line)) != NULL;) {
			char *tok;

			if (strncmp(line, ".It Cm ", 7) != 0)
				continue;
			for (tok = strstr(line, "Cm "); tok != NULL;
			     tok = strstr(tok + 3, "Cm ")) {
				char word[64];
				int found = 0;

				sscanf(tok + 3, "%63[a-z_]", word);
				for (t = 0;
				     !found && load_format_key(t, 0, &section,
						   NULL) != NULL;
				     t++)
					for (k = 0;
					     !found &&
					     (key = load_format_key(t, k,
						  &section, NULL)) != NULL;
					     k++)
						found = strcmp(section,
							    sections[i]) == 0 &&
							strcmp(key, word) == 0;
				ck_assert_msg(found,
				    "safesteps-content(5), %s, lists \"%s\", "
				    "which the program does not read there",
				    sections[i], word);
			}
		}
		free(text);
	}
	free(man);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("docs");

	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_man_keys_are_the_key_table);
	tcase_add_test(tc, test_every_option_is_documented);
	tcase_add_test(tc, test_format_keys_are_documented);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return gs_run(suite());
}
