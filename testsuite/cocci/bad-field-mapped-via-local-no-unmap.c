/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bug: the mapping is made of a local copy of the object's page array, and
 * another function frees those pages and never unmaps: the local array
 * stands for the field it was filled from.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

#define RING_PAGES 4

struct ring {
	struct page *pages[RING_PAGES];
	void *buffer;
};

int ring_map(struct ring *r)
{
	struct page *pages[RING_PAGES];
	int i;

	for (i = 0; i < RING_PAGES; i++)
		pages[i] = r->pages[i];
	r->buffer = vmap(pages, RING_PAGES, VM_MAP, PAGE_KERNEL);
	return r->buffer ? 0 : -ENOMEM;
}

void ring_drop_pages(struct ring *r)
{
	int i;

	for (i = 0; i < RING_PAGES; i++)
		__free_page(r->pages[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by r->buffer \(mapped on line 25, in ring_map\)" } */
}
