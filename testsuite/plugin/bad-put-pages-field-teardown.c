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
	b->vaddr = vmap(b->pages, b->nr_pages, VM_MAP_PUT_PAGES, PAGE_KERNEL); /* { dg-note "mapping created here with 'VM_MAP_PUT_PAGES': 'vfree' of it releases the pages again" } */
	return b->vaddr ? 0 : -ENOMEM;
}

static void owned_buf_free(struct owned_buf *b)
{
	unsigned int i;

	vunmap(b->vaddr);
	for (i = 0; i < b->nr_pages; i++)
		__free_page(b->pages[i]); /* { dg-warning "'__free_pages' releases 'b->pages\[i\]', a page whose reference was handed to the mapping 'b->vaddr' with 'VM_MAP_PUT_PAGES'" } */
	/* { dg-note "fix: drop this release and let 'vfree' release the pages" "" { target *-*-* } .-1 } */
	kvfree(b->pages);
}

void owned_buf_destroy(struct owned_buf *b)
{
	owned_buf_free(b);
	kfree(b);
}
