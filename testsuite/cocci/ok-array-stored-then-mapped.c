/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not reported: the constructor keeps the page array it is given in a
 * field, then maps it into another (b->pages = pages; b->vaddr =
 * vmap(pages, ...)); the destructor unmaps before it calls the page
 * release kept in a function pointer.
 */
/* { dg-cocci-none } */
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
		__free_page(b->pages[i]);
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
	vunmap(b->vaddr);
	b->release(b);
}
