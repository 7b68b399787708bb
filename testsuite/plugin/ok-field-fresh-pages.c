/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: an allocation error path frees pages it has just allocated into the field; they were never mapped. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct fbuf {
	struct page **pages;
	int n;
	void *vaddr;
};

int fbuf_alloc(struct fbuf *b)
{
	int i;

	b->pages = kcalloc(b->n, sizeof(*b->pages), GFP_KERNEL);
	if (!b->pages)
		return -1;
	for (i = 0; i < b->n; i++) {
		b->pages[i] = alloc_page(GFP_KERNEL);
		if (!b->pages[i])
			goto fail;
	}
	return 0;
fail:
	while (i--)
		__free_page(b->pages[i]);
	kfree(b->pages);
	return -1;
}

int fbuf_map(struct fbuf *b)
{
	b->vaddr = vmap(b->pages, b->n, VM_MAP, PAGE_KERNEL);
	return b->vaddr ? 0 : -1;
}

void fbuf_free(struct fbuf *b)
{
	vunmap(b->vaddr);
	release_pages(b->pages, b->n);
	kfree(b->pages);
}
