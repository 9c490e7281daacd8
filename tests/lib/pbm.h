/*
 * pbm.h: black-and-white pictures for the tests, decoded with zbarimg.
 *
 * A test turns what it wants to check (a QR module matrix, the cells of a
 * half-block drawing, a terminal screen read through libvterm) into a
 * struct pbm, one pixel per unit, then asks pbm_zbar what a barcode
 * reader sees in it.  pbm_zbar scales the picture (zbarimg reads no less
 * than two pixels per module), adds a light border, writes a PBM file to
 * a temporary file, runs "zbarimg -q --raw" on it and removes the file.
 *
 * Terminal cells are one unit wide and two units tall (a cell is about
 * twice as tall as it is wide), so a half block is one square unit and two
 * ASCII cells side by side are one square module of two by two units.
 */
#ifndef SAFESTEPS_TESTS_PBM_H
#define SAFESTEPS_TESTS_PBM_H

/* A picture: dark[y * width + x] is 1 for a dark pixel, 0 for light. */
struct pbm {
	int width;
	int height;
	unsigned char *dark;
};

/* Which halves of terminal cell (col, row) are dark. */
typedef void (*pbm_cell_fn)(
    void *arg, int col, int row, int *top_dark, int *bottom_dark);

/* Make p a light picture of width x height pixels; free with pbm_free. */
void pbm_init(struct pbm *p, int width, int height);

/* Free what p holds and zero it; NULL is fine. */
void pbm_free(struct pbm *p);

/* Set pixel (x, y); outside the picture is ignored. */
void pbm_set(struct pbm *p, int x, int y, int dark);

/* Pixel (x, y); outside the picture is light. */
int pbm_get(const struct pbm *p, int x, int y);

/*
 * Make p from cols x rows terminal cells, asking cell() about each: two
 * units per cell vertically, top half above bottom half.  Free with
 * pbm_free.
 */
void pbm_from_cells(
    struct pbm *p, int cols, int rows, pbm_cell_fn cell, void *arg);

/*
 * Write p to path as a binary PBM (P4), each pixel scale x scale, inside a
 * light border of border pixels.  Returns 0, or -1 if the file cannot be
 * written.
 */
int pbm_write(const struct pbm *p, const char *path, int scale, int border);

/*
 * What zbarimg decodes in p drawn at scale pixels per unit with a light
 * border: every symbol's text, one per line, without the last newline, or
 * NULL when it finds nothing (or cannot run).  Caller frees.
 */
char *pbm_zbar(const struct pbm *p, int scale);

#endif
