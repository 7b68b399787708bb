/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the purge is public; a hook in another file may call it. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct pending {
	struct pending *next;
	void *addr;
};

static struct pending *pending;

static void pending_add(void *addr)
{
	struct pending *p = kmalloc(sizeof(*p), GFP_KERNEL);

	if (!p) {
		vunmap_pages(addr);
		return;
	}
	p->addr = addr;
	p->next = pending;
	pending = p;
}

void pending_flush(void)
{
	struct pending *p;

	while ((p = pending)) {
		pending = p->next;
		vunmap_pages(p->addr);
		kfree(p);
	}
}

void pending_map(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		pending_add(v);
	release_pages(pages, n);
}
