/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The quiet twins of bad-field-stored-from-local.c: the teardowns unmap
 * first, and a page kept in a field beside a mapping of other pages is
 * not the mapping's.
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct chan_buf {
	struct page **page_array;
	unsigned int page_count;
	void *start;
};

struct backing {
	struct page *raw;
	struct page *spare;
	void *host;
};

static void *chan_buf_map(struct chan_buf *buf, unsigned int n)
{
	void *mem = vmap(buf->page_array, n, VM_MAP, PAGE_KERNEL);

	if (!mem)
		return NULL;
	buf->page_count = n;
	return mem;
}

int chan_buf_create(struct chan_buf *buf, unsigned int n)
{
	buf->start = chan_buf_map(buf, n);
	return buf->start ? 0 : -ENOMEM;
}

void chan_buf_destroy(struct chan_buf *buf)
{
	unsigned int i;

	if (buf->start)
		vunmap(buf->start);
	for (i = 0; i < buf->page_count; i++)
		__free_page(buf->page_array[i]);
	kfree(buf);
}

int backing_init(struct backing *b)
{
	struct page *raw = alloc_page(GFP_KERNEL);
	void *host;

	if (!raw)
		return -ENOMEM;
	host = vmap(&raw, 1, VM_MAP, PAGE_KERNEL);
	if (!host) {
		__free_page(raw);
		return -ENOMEM;
	}
	b->raw = raw;
	b->host = host;
	b->spare = alloc_page(GFP_KERNEL);
	return 0;
}

void backing_drop_spare(struct backing *b)
{
	__free_page(b->spare);
	b->spare = NULL;
}

void backing_fini(struct backing *b)
{
	vunmap(b->host);
	__free_page(b->raw);
}

/* A buffer grown by mapping a new array and unmapping the old mapping. */
struct growbuf {
	struct page **pages;
	unsigned int nrpages;
	void *ptr;
};

int growbuf_resize(struct growbuf *gb, struct page **pages, unsigned int n)
{
	void *ptr, *old_ptr;

	ptr = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!ptr)
		return -ENOMEM;
	kfree(gb->pages);
	gb->pages = pages;
	old_ptr = gb->ptr;
	gb->ptr = ptr;
	gb->nrpages = n;
	if (old_ptr)
		vunmap(old_ptr);
	return 0;
}

void growbuf_exit(struct growbuf *gb)
{
	unsigned int i;

	if (gb->ptr) {
		vunmap(gb->ptr);
		gb->ptr = NULL;
	}
	for (i = 0; i < gb->nrpages; i++)
		put_page(gb->pages[i]);
	kfree(gb->pages);
}
