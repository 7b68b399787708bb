/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: the destructor unmaps the buffer itself only when it is not
 * paged, and hands a paged one to a helper that releases the pages but
 * never unmaps them (firmware_loader and 6.1 XFS write it this way).
 * The helper's release happens with the mapping live on every path.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct fw_buf {
	struct page **pages;
	unsigned int nr_pages;
	bool paged;
	void *data;
};

int fw_buf_map(struct fw_buf *b)
{
	b->data = vmap(b->pages, b->nr_pages, 0, PAGE_KERNEL); /* { dg-note "mapping created here, in 'fw_buf_map'; nothing in 'fw_buf_destroy' unmaps 'b->data' before the release" } */
	return b->data ? 0 : -ENOMEM;
}

static void fw_buf_free_pages(struct fw_buf *b)
{
	unsigned int i;

	for (i = 0; i < b->nr_pages; i++)
		__free_page(b->pages[i]); /* { dg-note "the pages are released here, in 'fw_buf_free_pages'" } */
	kvfree(b->pages);
	b->pages = NULL;
	b->data = NULL;
}

void fw_buf_destroy(struct fw_buf *b)
{
	if (b->paged)
		fw_buf_free_pages(b); /* { dg-warning "'fw_buf_free_pages' releases pages that may still be mapped by 'b->data'" } */
	else
		vfree(b->data);
	/* { dg-note "fix: unmap 'b->data'" "" { target *-*-* } .-3 } */
	/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } .-4 } */
	kfree(b);
}
