/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the file stores two functions under the buffer's release pointer.
 * Only the kind that frees its pages is never mapped; the mapped kind
 * borrows its pages and frees just the array.  Which one the destructor's
 * call runs is not known, so it is not taken to be either.
 */
/* { dg-no-diagnostics } */
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

static void rbuf_free_array(struct rbuf *b)
{
	kfree(b->pages);
}

void rbuf_init_owned(struct rbuf *b, struct page **pages, unsigned int npages)
{
	b->pages = pages;
	b->npages = npages;
	b->release = rbuf_free_pages;
	b->vaddr = NULL;
}

int rbuf_init_borrowed(struct rbuf *b, struct page **pages, unsigned int npages)
{
	b->pages = pages;
	b->npages = npages;
	b->release = rbuf_free_array;
	b->vaddr = vmap(pages, npages, VM_MAP, PAGE_KERNEL);
	return b->vaddr ? 0 : -ENOMEM;
}

void rbuf_fini(struct rbuf *b)
{
	b->release(b);
	if (b->vaddr)
		vunmap(b->vaddr);
}
