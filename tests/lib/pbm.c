/*
 * pbm.c: black-and-white pictures for the tests, decoded with zbarimg (see
 * pbm.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pbm.h"
#include "xmalloc.h"

/* The light border pbm_zbar draws around a picture, in units. */
#define PBM_BORDER 8

void
pbm_init(struct pbm *p, int width, int height)
{
	p->width = width;
	p->height = height;
	p->dark = xcalloc((size_t)width * (size_t)height + 1, 1);
}

void
pbm_free(struct pbm *p)
{
	if (p == NULL)
		return;
	free(p->dark);
	memset(p, 0, sizeof *p);
}

void
pbm_set(struct pbm *p, int x, int y, int dark)
{
	if (x < 0 || y < 0 || x >= p->width || y >= p->height)
		return;
	p->dark[(size_t)y * (size_t)p->width + (size_t)x] = dark != 0;
}

int
pbm_get(const struct pbm *p, int x, int y)
{
	if (x < 0 || y < 0 || x >= p->width || y >= p->height)
		return 0;
	return p->dark[(size_t)y * (size_t)p->width + (size_t)x];
}

void
pbm_from_cells(struct pbm *p, int cols, int rows, pbm_cell_fn cell, void *arg)
{
	int col, row, top, bottom;

	pbm_init(p, cols, 2 * rows);
	for (row = 0; row < rows; row++) {
		for (col = 0; col < cols; col++) {
			cell(arg, col, row, &top, &bottom);
			pbm_set(p, col, 2 * row, top);
			pbm_set(p, col, 2 * row + 1, bottom);
		}
	}
}

int
pbm_write(const struct pbm *p, const char *path, int scale, int border)
{
	FILE *f;
	int w = p->width * scale + 2 * border;
	int h = p->height * scale + 2 * border;
	size_t stride = ((size_t)w + 7) / 8;
	unsigned char *line;
	int x, y, ok;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	fprintf(f, "P4\n%d %d\n", w, h);
	line = xmalloc(stride);
	for (y = 0; y < h; y++) {
		memset(line, 0, stride);
		for (x = 0; x < w; x++) {
			int px = x - border, py = y - border;

			/* In P4, a set bit is black. */
			if (px >= 0 && py >= 0 &&
			    pbm_get(p, px / scale, py / scale))
				line[x / 8] |= (unsigned char)(0x80 >> (x % 8));
		}
		fwrite(line, 1, stride, f);
	}
	free(line);
	ok = !ferror(f);
	if (fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

char *
pbm_zbar(const struct pbm *p, int scale)
{
	const char *dir = getenv("TMPDIR");
	char *path, *cmd, *out = NULL;
	size_t len = 0, cap = 0, n;
	char buf[512];
	FILE *f;
	int fd, status;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xasprintf("%s/safesteps-qr-XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1) {
		free(path);
		return NULL;
	}
	close(fd);
	if (pbm_write(p, path, scale, PBM_BORDER * scale) == -1)
		goto done;
	/* zbarimg talks about D-Bus on stderr; only stdout matters. */
	cmd = xasprintf("zbarimg -q --raw '%s' 2>/dev/null", path);
	f = popen(cmd, "r");
	free(cmd);
	if (f == NULL)
		goto done;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (len + n + 1 > cap) {
			cap = 2 * (len + n + 1);
			out = xreallocarray(out, cap, 1);
		}
		memcpy(out + len, buf, n);
		len += n;
	}
	status = pclose(f);
	if (out != NULL) {
		out[len] = '\0';
		if (len > 0 && out[len - 1] == '\n')
			out[--len] = '\0';
	}
	if (status != 0 || len == 0) {
		free(out);
		out = NULL;
	}
done:
	unlink(path);
	free(path);
	return out;
}
