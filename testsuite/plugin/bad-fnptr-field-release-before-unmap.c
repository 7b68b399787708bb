/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The buffer keeps its page release in a function pointer that its
 * constructor sets; the destructor calls it before vunmap().  The call
 * through the field runs the one function this file stores there.
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
		__free_page(b->pages[i]); /* { dg-note "the pages are released here, in 'rbuf_free_pages'" } */
	kfree(b->pages);
}

int rbuf_init(struct rbuf *b, struct page **pages, unsigned int npages)
{
	b->pages = pages;
	b->npages = npages;
	b->release = rbuf_free_pages;
	b->vaddr = vmap(pages, npages, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'rbuf_init'" } */
	return b->vaddr ? 0 : -ENOMEM;
}

void rbuf_fini(struct rbuf *b)
{
	b->release(b); /* { dg-warning "'rbuf_free_pages' releases pages still mapped by 'b->vaddr', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'b->vaddr'" "" { target *-*-* } .-1 } */
	/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } .-2 } */
	vunmap(b->vaddr); /* { dg-note "unmapped only here, after the release" } */
}
