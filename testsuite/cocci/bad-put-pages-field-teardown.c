/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: a mapping kept in a field took the page references with
 * VM_MAP_PUT_PAGES, yet the teardown still drops them after vunmap().
 * Reported at the release, not again at the teardown's callers.
 */
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
	b->vaddr = vmap(b->pages, b->nr_pages, VM_MAP_PUT_PAGES, PAGE_KERNEL);
	return b->vaddr ? 0 : -ENOMEM;
}

static void owned_buf_free(struct owned_buf *b)
{
	unsigned int i;

	vunmap(b->vaddr);
	for (i = 0; i < b->nr_pages; i++)
		__free_page(b->pages[i]); /* { dg-cocci-warning "__free_page releases pages handed to the mapping b->vaddr \(mapped on line 19, in owned_buf_map\) with VM_MAP_PUT_PAGES: vfree\(\) releases them" } */
	kvfree(b->pages);
}

void owned_buf_destroy(struct owned_buf *b)
{
	owned_buf_free(b);
	kfree(b);
}
