/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a mapping kept in a field took the page references with
 * VM_MAP_PUT_PAGES; the teardown lets vfree() drop them, and only a
 * failed vmap() leaves the pages to be released by their owner.
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct owned_buf {
	struct page **pages;
	unsigned int nr_pages;
	void *vaddr;
};

int owned_buf_map(struct owned_buf *b)
{
	unsigned int i;

	b->vaddr = vmap(b->pages, b->nr_pages, VM_MAP_PUT_PAGES, PAGE_KERNEL);
	if (b->vaddr)
		return 0;
	for (i = 0; i < b->nr_pages; i++)
		__free_page(b->pages[i]);
	kvfree(b->pages);
	return -ENOMEM;
}

void owned_buf_destroy(struct owned_buf *b)
{
	vfree(b->vaddr);
	kfree(b);
}
