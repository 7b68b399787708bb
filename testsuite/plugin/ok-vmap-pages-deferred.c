/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the fix.  Refcounted mappings are queued for a lazy unmap while
 * the owner releases its pages, and the list is drained by a vmap purge
 * notifier, so the rest of the kernel can flush it.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/notifier.h>

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

static int lazy_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	while (!list_empty(&lazy_list)) {
		struct lazy *l = list_first_entry(&lazy_list, struct lazy, list);

		list_del(&l->list);
		vunmap_pages(l->addr);
		kfree(l);
	}
	return NOTIFY_OK;
}

static struct notifier_block lazy_nb = {
	.notifier_call = lazy_purge,
};

int lazy_init(void)
{
	return register_vmap_purge_notifier(&lazy_nb);
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
