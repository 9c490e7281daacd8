/*
 * fuzz_load.c: libFuzzer target for the loader.  Any bytes must give a
 * guide or a report, never a crash, a leak or undefined behaviour.
 * Built and run by "make fuzz".
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "guide.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_report rep = { 0 };
	struct guide *g;
	size_t i;

	g = load_buffer("fuzz", (const char *)data, size, &rep);
	/* A guide comes only without errors; every message formats. */
	if (g != NULL && rep.nerrors != 0)
		abort();
	if (g == NULL && rep.nerrors == 0)
		abort();
	for (i = 0; i < rep.ndiags; i++)
		free(load_diag_format(&rep, i));
	guide_free(g);
	load_report_free(&rep);
	return 0;
}
