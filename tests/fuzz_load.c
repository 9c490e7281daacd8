/*
 * fuzz_load.c: libFuzzer target for the loader.  Any bytes must give a
 * guide or a report, never a crash, a leak or undefined behaviour; the
 * same bytes read as a site file too.  Built and run by "make fuzz".
 */
#define _GNU_SOURCE
#include <sys/mman.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guide.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every message formats; a result comes exactly when there is no error. */
static void
check_report(struct load_report *rep, int ok)
{
	size_t i;

	if (ok != (rep->nerrors == 0))
		abort();
	for (i = 0; i < rep->ndiags; i++)
		free(load_diag_format(rep, i));
	load_report_free(rep);
}

/* The whole of a file, or NULL. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;

	*len = 0;
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);

		if (n > 0 && fseek(f, 0, SEEK_SET) == 0 &&
		    (buf = malloc((size_t)n)) != NULL)
			*len = fread(buf, 1, (size_t)n, f);
	}
	fclose(f);
	return buf;
}

/*
 * Each input is read as content with a site for another region applied
 * (tests/data/site2-valid.json: placeholders, marks, dropped resources);
 * an input that looks like a site file is also read as one and applied to
 * tests/data/regional.json.  Run from the top of the tree.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -2;
	static struct load_site *uk;
	static char *regional;
	static size_t regional_len;
	struct load_report rep = { 0 };
	struct load_site *site;
	struct guide *g;
	char path[64];

	if (fd == -2) {
		uk = load_site_read("tests/data/site2-valid.json", &rep);
		load_report_free(&rep);
		regional = slurp("tests/data/regional.json", &regional_len);
		fd = memfd_create("fuzz-site", MFD_CLOEXEC);
	}
	g = load_buffer_with("fuzz", (const char *)data, size,
	    &(struct load_opts){ uk, NULL }, &rep);
	check_report(&rep, g != NULL);
	guide_free(g);

	/*
	 * The site file reader takes a path: give it one in memory, for the
	 * inputs that look like a site file (the rest would be parsed twice
	 * for nothing).
	 */
	if (memmem(data, size, "\"languages\"", 11) == NULL)
		return 0;
	if (fd >= 0 && ftruncate(fd, 0) == 0 &&
	    pwrite(fd, data, size, 0) == (ssize_t)size) {
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		site = load_site_read(path, &rep);
		check_report(&rep, site != NULL);
		if (site != NULL && regional != NULL) {
			g = load_buffer_with("regional", regional, regional_len,
			    &(struct load_opts){ site, NULL }, &rep);
			check_report(&rep, g != NULL);
			guide_free(g);
		}
		load_site_free(site);
	}
	return 0;
}
