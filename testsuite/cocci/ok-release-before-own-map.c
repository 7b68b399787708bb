/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a constructor frees a page in its allocation loop, before it maps
 * the pages, and its error path then calls the teardown helper that unmaps:
 * at the release nothing maps the pages yet (4.9's firewire ohci.c
 * ar_context_init() has this shape).
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

#define RING_PAGES 4

struct ring {
	struct page *pages[RING_PAGES];
	void *buffer;
};

int ring_check_page(struct page *page);

static void ring_release(struct ring *r)
{
	int i;

	vunmap(r->buffer);
	for (i = 0; i < RING_PAGES; i++)
		if (r->pages[i])
			__free_page(r->pages[i]);
}

int ring_init(struct ring *r)
{
	struct page *pages[RING_PAGES];
	int i;

	for (i = 0; i < RING_PAGES; i++) {
		r->pages[i] = alloc_page(GFP_KERNEL);
		if (!r->pages[i])
			goto out_of_memory;
		if (ring_check_page(r->pages[i])) {
			__free_page(r->pages[i]);
			r->pages[i] = NULL;
			goto out_of_memory;
		}
	}
	for (i = 0; i < RING_PAGES; i++)
		pages[i] = r->pages[i];
	r->buffer = vmap(pages, RING_PAGES, VM_MAP, PAGE_KERNEL);
	if (!r->buffer)
		goto out_of_memory;
	return 0;

out_of_memory:
	ring_release(r);
	return -ENOMEM;
}
