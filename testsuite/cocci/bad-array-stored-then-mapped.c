/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The constructor keeps the page array it is given in a field, then maps
 * it into another (b->pages = pages; b->vaddr = vmap(pages, ...)); the
 * page release, kept in a function pointer, runs before vunmap().
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct rbuf {
	void (*release)(struct rbuf *b);
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

static void rbuf_free_pages(struct rbuf *b)
{
	unsigned int i;

	for (i = 0; i < b->npages; i++)
		__free_page(b->pages[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by b->vaddr \(mapped on line 33, in rbuf_init\); unmap first" } */
	kfree(b->pages);
}

int rbuf_init(struct rbuf *b, struct page **pages, unsigned int npages)
{
	b->pages = pages;
	b->npages = npages;
	b->release = rbuf_free_pages;
	b->vaddr = vmap(pages, npages, VM_MAP, PAGE_KERNEL);
	return b->vaddr ? 0 : -ENOMEM;
}

void rbuf_fini(struct rbuf *b)
{
	b->release(b);
	vunmap(b->vaddr);
}
