/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The shape of videobuf2-dma-sg's memory ops, with the unmap left out of
 * one teardown.  Both teardowns are reached only through the ops table:
 * sgbuf_put_userptr() unmaps the buffer's mapping and frees the buffer,
 * sgbuf_put() releases the pages and frees the buffer without unmapping.
 * The only unmap of the field is a destructor's (its object is freed
 * right after), so no caller can have run it before sgbuf_put(): its
 * release is reported by the merge of the whole build (the compile cannot
 * know that no other file unmaps the field).
 */
/* { dg-no-diagnostics } */
/* { dg-merge-options "--complete" } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct sgbuf {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

struct sgbuf_ops {
	void *(*vaddr)(void *priv);
	void (*put)(void *priv);
	void (*put_userptr)(void *priv);
};

static void *sgbuf_vaddr(void *priv)
{
	struct sgbuf *buf = priv;

	if (!buf->vaddr)
		buf->vaddr = vm_map_ram(buf->pages, buf->npages, -1); /* { dg-merge-note "mapping created here, in 'sgbuf_vaddr'; nothing in 'sgbuf_put' unmaps 'buf->vaddr' before the release" } */
	return buf->vaddr;
}

static void sgbuf_put(void *priv)
{
	struct sgbuf *buf = priv;
	unsigned int i;

	for (i = 0; i < buf->npages; i++)
		__free_page(buf->pages[i]); /* { dg-merge-warning "'__free_pages' releases 'buf->pages\[i\]' while it may still be mapped by 'buf->vaddr'" } */
		/* { dg-merge-note "fix: unmap 'buf->vaddr' before releasing its pages" "" { target *-*-* } .-1 } */
	kvfree(buf->pages);
	kfree(buf);
}

static void sgbuf_put_userptr(void *priv)
{
	struct sgbuf *buf = priv;

	if (buf->vaddr)
		vm_unmap_ram(buf->vaddr, buf->npages);
	unpin_user_pages(buf->pages, buf->npages);
	kvfree(buf->pages);
	kfree(buf);
}

const struct sgbuf_ops sgbuf_ops = {
	.vaddr = sgbuf_vaddr,
	.put = sgbuf_put,
	.put_userptr = sgbuf_put_userptr,
};
