/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the object is reached with container_of(); unmap, then release. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>

struct cbuf {
	struct list_head node;
	struct page **pages;
	int n;
	void *vaddr;
};

int cbuf_map(struct cbuf *c)
{
	c->vaddr = vmap(c->pages, c->n, VM_MAP, PAGE_KERNEL);
	return c->vaddr ? 0 : -1;
}

void cbuf_release(struct list_head *node)
{
	struct cbuf *c = container_of(node, struct cbuf, node);
	int i;

	vunmap(c->vaddr);
	for (i = 0; i < c->n; i++)
		put_page(c->pages[i]);
	kfree(c);
}
