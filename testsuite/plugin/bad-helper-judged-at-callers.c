/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: a page helper that never looks at the mapping is judged where
 * it is called: after the unmap it is fine, before it is a finding.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct ring_buf {
	struct page **pages;
	int nr;
	void *vaddr;
};

int ring_buf_map(struct ring_buf *rb)
{
	rb->vaddr = vmap(rb->pages, rb->nr, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'ring_buf_map'; nothing in 'ring_buf_reset' unmaps 'rb->vaddr' before the release" } */
	return rb->vaddr ? 0 : -1;
}

static void ring_buf_put_pages(struct ring_buf *rb)
{
	int i;

	for (i = 0; i < rb->nr; i++)
		put_page(rb->pages[i]); /* { dg-note "the pages are released here, in 'ring_buf_put_pages'" } */
}

void ring_buf_free(struct ring_buf *rb)
{
	vunmap(rb->vaddr);
	ring_buf_put_pages(rb);
	kfree(rb);
}

void ring_buf_reset(struct ring_buf *rb)
{
	ring_buf_put_pages(rb); /* { dg-warning "'ring_buf_put_pages' releases pages that may still be mapped by 'rb->vaddr'" } */
	/* { dg-note "fix: unmap 'rb->vaddr'" "" { target *-*-* } .-1 } */
	rb->nr = 0;
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 38 } */
