/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: a grow function maps new pages, swaps the mapping into the
 * field and unmaps the old one it loaded before (erofs's global buffers);
 * the exit path releases the pages without unmapping the field.  The old
 * mapping's unmap is not one of the new mapping, which stays in the field.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct gbuf {
	struct page **pages;
	unsigned int nrpages;
	void *ptr;
};

int gbuf_grow(struct gbuf *g, unsigned int nrpages)
{
	struct page **pages;
	void *ptr, *old_ptr;
	unsigned int i;

	pages = kcalloc(nrpages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < nrpages; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	ptr = vmap(pages, nrpages, VM_MAP, PAGE_KERNEL);
	if (!ptr) {
		for (i = 0; i < nrpages; i++)
			__free_page(pages[i]);
		kfree(pages);
		return -ENOMEM;
	}
	kfree(g->pages);
	g->pages = pages;
	old_ptr = g->ptr;
	g->ptr = ptr;
	g->nrpages = nrpages;
	if (old_ptr)
		vunmap(old_ptr);
	return 0;
}

void gbuf_exit(struct gbuf *g)
{
	unsigned int i;

	for (i = 0; i < g->nrpages; i++)
		put_page(g->pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by g->ptr \(mapped on line 29, in gbuf_grow\)" } */
	kfree(g->pages);
	g->pages = NULL;
}
