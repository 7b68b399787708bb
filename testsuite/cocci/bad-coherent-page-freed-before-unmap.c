/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A with coherent DMA pages: each page of the ring is coherent
 * memory, and the ring is one vmap() of them.  The teardown frees the
 * memory by the pages' addresses before it unmaps the ring.
 */
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct ring {
	struct device *dev;
	struct page **pages;
	dma_addr_t *handles;
	int npages;
	void *vaddr;
};

int ring_alloc(struct ring *r, int n)
{
	int i;

	r->pages = kcalloc(n, sizeof(*r->pages), GFP_KERNEL);
	r->handles = kcalloc(n, sizeof(*r->handles), GFP_KERNEL);
	if (!r->pages || !r->handles)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		void *addr = dma_alloc_coherent(r->dev, PAGE_SIZE, &r->handles[i], GFP_KERNEL);

		if (!addr)
			return -ENOMEM;
		r->pages[i] = virt_to_page(addr);
	}
	r->npages = n;
	r->vaddr = vmap(r->pages, n, VM_MAP, PAGE_KERNEL);
	return r->vaddr ? 0 : -ENOMEM;
}

void ring_free(struct ring *r)
{
	int i;

	for (i = 0; i < r->npages; i++) {
		void *addr = page_address(r->pages[i]);

		dma_free_coherent(r->dev, PAGE_SIZE, addr, r->handles[i]); /* { dg-cocci-warning "dma_free_coherent releases pages still mapped by r->vaddr \(mapped on line 36, in ring_alloc\), which is unmapped only later, on line 49; unmap first" } */
	}
	vunmap(r->vaddr);
	kfree(r->handles);
	kfree(r->pages);
}
