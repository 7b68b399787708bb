/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the destructor unmaps the buffer itself only when it is not
 * paged, and hands a paged one to a helper that unmaps it before
 * releasing the pages; another destructor unmaps first and then lets the
 * helper release.
 */
/* { dg-cocci-none } */
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

static void fw_buf_release_pages(struct fw_buf *b)
{
	unsigned int i;

	for (i = 0; i < b->nr_pages; i++)
		__free_page(b->pages[i]);
	kvfree(b->pages);
	b->pages = NULL;
}

static void fw_buf_free_pages(struct fw_buf *b)
{
	vunmap(b->data);
	b->data = NULL;
	fw_buf_release_pages(b);
}

void fw_buf_destroy(struct fw_buf *b)
{
	if (b->paged)
		fw_buf_free_pages(b);
	else
		vfree(b->data);
	kfree(b);
}

void fw_buf_destroy_unmapped_first(struct fw_buf *b)
{
	if (b->data)
		vunmap(b->data);
	fw_buf_release_pages(b);
	kfree(b);
}
