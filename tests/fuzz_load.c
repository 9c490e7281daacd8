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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -2;
	struct load_report rep = { 0 };
	struct guide *g;
	char path[64];

	g = load_buffer("fuzz", (const char *)data, size, &rep);
	check_report(&rep, g != NULL);

	/*
	 * The site file reader takes a path: give it one in memory, for the
	 * inputs that look like a site file (the rest would be parsed twice
	 * for nothing).
	 */
	if (memmem(data, size, "\"languages\"", 11) == NULL) {
		guide_free(g);
		return 0;
	}
	if (fd == -2)
		fd = memfd_create("fuzz-site", MFD_CLOEXEC);
	if (fd >= 0 && ftruncate(fd, 0) == 0 &&
	    pwrite(fd, data, size, 0) == (ssize_t)size) {
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		check_report(&rep, load_site(path, g, &rep) == 0);
	}
	guide_free(g);
	return 0;
}
