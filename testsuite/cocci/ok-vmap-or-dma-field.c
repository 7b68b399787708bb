/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the field holds either a vmap() address or a coherent DMA buffer; the free path unmaps the vmap kind before the pages go. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

void dma_free_buffer(void *vaddr);

struct ring {
	struct page **pages;
	int npages;
	void *vaddr;
	bool is_vmap;
};

int ring_map(struct ring *r)
{
	r->vaddr = vmap(r->pages, r->npages, VM_MAP, PAGE_KERNEL);
	if (!r->vaddr)
		return -ENOMEM;
	r->is_vmap = true;
	return 0;
}

void ring_free(struct ring *r)
{
	if (r->is_vmap)
		vunmap(r->vaddr);
	else
		dma_free_buffer(r->vaddr);
	release_pages(r->pages, r->npages);
}
