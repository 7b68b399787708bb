/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not reported: the page release of a buffer kind is reached only through
 * its ops table (.put_pages), from a helper that the destructor calls after
 * vunmap(), and from the allocation's error path right after the table's
 * .get_pages filled the array (as ivpu's internal buffers did in 6.6).
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct gbuf;

struct gbuf_ops {
	int (*get_pages)(struct gbuf *b);
	void (*put_pages)(struct gbuf *b);
};

struct gbuf {
	const struct gbuf_ops *ops;
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

int gbuf_bind(struct gbuf *b);

static int plain_get_pages(struct gbuf *b)
{
	b->pages = kcalloc(b->npages, sizeof(*b->pages), GFP_KERNEL);
	return b->pages ? 0 : -ENOMEM;
}

static void plain_put_pages(struct gbuf *b)
{
	unsigned int i;

	for (i = 0; i < b->npages; i++)
		put_page(b->pages[i]);
	kfree(b->pages);
	b->pages = NULL;
}

static const struct gbuf_ops plain_ops = {
	.get_pages = plain_get_pages,
	.put_pages = plain_put_pages,
};

static int gbuf_back(struct gbuf *b)
{
	int ret = b->ops->get_pages(b);

	if (ret)
		return ret;
	ret = gbuf_bind(b);
	if (ret)
		b->ops->put_pages(b);
	return ret;
}

static void gbuf_drop_pages(struct gbuf *b)
{
	b->ops->put_pages(b);
}

int gbuf_create(struct gbuf *b, unsigned int npages)
{
	int ret;

	b->ops = &plain_ops;
	b->npages = npages;
	ret = gbuf_back(b);
	if (ret)
		return ret;
	b->vaddr = vmap(b->pages, npages, VM_MAP, PAGE_KERNEL);
	return b->vaddr ? 0 : -ENOMEM;
}

void gbuf_destroy(struct gbuf *b)
{
	vunmap(b->vaddr);
	if (b->pages)
		gbuf_drop_pages(b);
}
