/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the same field holds a vmap() address or a coherent DMA buffer; each is freed its own way. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

void *dma_alloc_coherent(void *dev, size_t size, unsigned long *handle, gfp_t gfp);
void dma_free_coherent(void *dev, size_t size, void *cpu_addr, unsigned long handle);

struct xfer {
	void *dev;
	void *cpu;
	unsigned long dma;
	struct page **pages;
	int n;
	bool vmapped;
};

int xfer_alloc(struct xfer *x, bool contiguous)
{
	if (contiguous) {
		x->cpu = dma_alloc_coherent(x->dev, x->n * PAGE_SIZE, &x->dma, GFP_KERNEL);
		x->vmapped = false;
	} else {
		x->cpu = vmap(x->pages, x->n, VM_MAP, PAGE_KERNEL);
		x->vmapped = true;
	}
	return x->cpu ? 0 : -1;
}

void xfer_free(struct xfer *x)
{
	int i;

	if (!x->vmapped) {
		dma_free_coherent(x->dev, x->n * PAGE_SIZE, x->cpu, x->dma);
		return;
	}
	vunmap(x->cpu);
	for (i = 0; i < x->n; i++)
		__free_page(x->pages[i]);
}
