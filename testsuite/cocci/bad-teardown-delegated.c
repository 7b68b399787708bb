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
	b->data = vmap(b->pages, b->nr_pages, 0, PAGE_KERNEL);
	return b->data ? 0 : -ENOMEM;
}

static void fw_buf_free_pages(struct fw_buf *b)
{
	unsigned int i;

	for (i = 0; i < b->nr_pages; i++)
		__free_page(b->pages[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by b->data \(mapped on line 21, in fw_buf_map\)" } */
	kvfree(b->pages);
	b->pages = NULL;
	b->data = NULL;
}

void fw_buf_destroy(struct fw_buf *b)
{
	if (b->paged)
		fw_buf_free_pages(b); /* { dg-cocci-warning "fw_buf_free_pages releases pages still mapped by b->data \(mapped on line 21, in fw_buf_map\)" } */
	else
		vfree(b->data);
	kfree(b);
}
