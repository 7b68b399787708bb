/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a refcounted mapping may be queued for a lazy unmap while the owner releases its pages (the fix). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>

struct lazy {
	struct list_head list;
	void *addr;
};

static LIST_HEAD(lazy_list);

static void queue_lazy(void *addr)
{
	struct lazy *l = kmalloc(sizeof(*l), GFP_KERNEL);

	if (!l) {
		vunmap_pages(addr);
		return;
	}
	l->addr = addr;
	list_add(&l->list, &lazy_list);
}

void lazy_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);
	int i;

	if (!v)
		return;
	queue_lazy(v);
	for (i = 0; i < n; i++)
		put_page(pages[i]);
}
