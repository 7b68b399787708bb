/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The twin of field-unmapped-by-destructor-only with a table that has an
 * unmap op: sgbuf_vunmap() unmaps the buffer's mapping and leaves the
 * buffer, so the table's owner may call it before sgbuf_put(), which
 * releases the pages without unmapping (as dma-buf exporters' .vunmap and
 * .release are called); quiet.
 */
/* { dg-no-diagnostics } */
/* { dg-merge-options "--complete" } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct sgbuf {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

struct sgbuf_ops {
	void *(*vmap)(void *priv);
	void (*vunmap)(void *priv);
	void (*put)(void *priv);
};

static void *sgbuf_vmap(void *priv)
{
	struct sgbuf *buf = priv;

	if (!buf->vaddr)
		buf->vaddr = vm_map_ram(buf->pages, buf->npages, -1);
	return buf->vaddr;
}

static void sgbuf_vunmap(void *priv)
{
	struct sgbuf *buf = priv;

	vm_unmap_ram(buf->vaddr, buf->npages);
	buf->vaddr = NULL;
}

static void sgbuf_put(void *priv)
{
	struct sgbuf *buf = priv;
	unsigned int i;

	for (i = 0; i < buf->npages; i++)
		__free_page(buf->pages[i]);
	kvfree(buf->pages);
	kfree(buf);
}

const struct sgbuf_ops sgbuf_ops = {
	.vmap = sgbuf_vmap,
	.vunmap = sgbuf_vunmap,
	.put = sgbuf_put,
};
