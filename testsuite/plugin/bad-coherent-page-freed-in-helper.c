/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A with coherent DMA pages, across functions: the ring is one
 * vmap() of coherent pages, kept in a field; the helper that frees the
 * memory by the pages' addresses is called before the ring is unmapped.
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
	r->vaddr = vmap(r->pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in .ring_alloc." } */
	return r->vaddr ? 0 : -ENOMEM;
}

void ring_free(struct ring *r)
{
	int i;

	for (i = 0; i < r->npages; i++) {
		void *addr = page_address(r->pages[i]);

		dma_free_coherent(r->dev, PAGE_SIZE, addr, r->handles[i]); /* { dg-note "the pages are released here, in .ring_free." } */
	}
	kfree(r->handles);
	kfree(r->pages);
}

void ring_put(struct ring *r)
{
	ring_free(r); /* { dg-warning "'ring_free' releases pages still mapped by 'r->vaddr', which is unmapped only later" } */
	/* { dg-note "fix: unmap .r->vaddr. before releasing its pages" "" { target *-*-* } .-1 } */
	/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } .-2 } */
	vunmap(r->vaddr); /* { dg-note ".r->vaddr. is unmapped only here, after the release" } */
}
