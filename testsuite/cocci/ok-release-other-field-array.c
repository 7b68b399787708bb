/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the pages released belong to one field's array, and the mapping
 * unmapped after them maps another field's array (6.1's videobuf-dma-sg
 * videobuf_dma_free(): dma->vaddr maps dma->vaddr_pages; the pinned
 * dma->pages are unpinned first).
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct sgbuf {
	struct page **pages;		/* pinned user pages */
	struct page **vaddr_pages;	/* the kernel's own, mapped */
	unsigned int nr_pages;
	void *vaddr;
};

int sgbuf_map(struct sgbuf *dma)
{
	dma->vaddr = vmap(dma->vaddr_pages, dma->nr_pages, VM_MAP, PAGE_KERNEL);
	return dma->vaddr ? 0 : -ENOMEM;
}

void sgbuf_free(struct sgbuf *dma)
{
	if (dma->pages) {
		unpin_user_pages_dirty_lock(dma->pages, dma->nr_pages, true);
		kfree(dma->pages);
		dma->pages = NULL;
	}
	if (dma->vaddr) {
		vunmap(dma->vaddr);
		dma->vaddr = NULL;
	}
}
