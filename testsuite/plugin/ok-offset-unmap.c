/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the stored address carries an offset; vm_unmap_ram(addr - offset) is its unmap, done first. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct obuf {
	char *addr;
	unsigned int offset;
	struct page **pages;
	unsigned int count;
};

int obuf_map(struct obuf *b)
{
	char *a = vm_map_ram(b->pages, b->count, -1);

	if (!a)
		return -1;
	b->addr = a + b->offset;
	return 0;
}

void obuf_free(struct obuf *b)
{
	unsigned int i;

	vm_unmap_ram(b->addr - b->offset, b->count);
	for (i = 0; i < b->count; i++)
		__free_page(b->pages[i]);
}
