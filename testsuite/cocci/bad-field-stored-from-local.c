/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Field mappings made in a local and stored afterwards: a page array
 * mapped into a local that a map helper returns for the caller to keep,
 * and one page mapped by its address (vmap(&page, 1, ...)) with the page
 * and the address kept in two fields.  The teardowns release the pages
 * with no unmap first.
 */
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
	void *host;
};

static void *chan_buf_map(struct chan_buf *buf, unsigned int n)
{
	void *mem;
	unsigned int i;

	for (i = 0; i < n; i++)
		buf->page_array[i] = alloc_page(GFP_KERNEL);
	mem = vmap(buf->page_array, n, VM_MAP, PAGE_KERNEL);
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

	for (i = 0; i < buf->page_count; i++)
		__free_page(buf->page_array[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by buf->start \(mapped on line 41, in chan_buf_create\)" } */
	kfree(buf);
}

int backing_init(struct backing *b)
{
	struct page *raw;
	void *host;

	raw = alloc_page(GFP_KERNEL);
	if (!raw)
		return -ENOMEM;
	host = vmap(&raw, 1, VM_MAP, PAGE_KERNEL);
	if (!host) {
		__free_page(raw);
		return -ENOMEM;
	}
	b->host = host;
	b->raw = raw;
	return 0;
}

void backing_fini(struct backing *b)
{
	__free_page(b->raw); /* { dg-cocci-warning "__free_page releases pages still mapped by b->host \(mapped on line 62, in backing_init\)" } */
	vunmap(b->host);
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

	for (i = 0; i < gb->nrpages; i++)
		put_page(gb->pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by gb->ptr \(mapped on line 89, in growbuf_resize\)" } */
	kfree(gb->pages);
}
