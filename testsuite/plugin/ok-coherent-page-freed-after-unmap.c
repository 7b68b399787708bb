/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not reported: the ring of coherent DMA pages is unmapped before the
 * memory behind its pages is freed by their addresses, and the freeing of
 * the descriptor block, coherent memory of no page the ring maps, may
 * come first.
 */
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>

/* { dg-no-diagnostics } */

struct ring {
	struct device *dev;
	struct page **pages;
	dma_addr_t *handles;
	int npages;
	void *vaddr;
	void *desc;
	dma_addr_t desc_handle;
};

void ring_free(struct ring *r)
{
	int i;

	dma_free_coherent(r->dev, PAGE_SIZE, r->desc, r->desc_handle);
	vunmap(r->vaddr);
	for (i = 0; i < r->npages; i++)
		dma_free_coherent(r->dev, PAGE_SIZE, page_address(r->pages[i]), r->handles[i]);
	kfree(r->handles);
	kfree(r->pages);
}

int ring_map(struct ring *r)
{
	r->vaddr = vmap(r->pages, r->npages, VM_MAP, PAGE_KERNEL);
	return r->vaddr ? 0 : -1;
}
