/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: refcounted mappings on a list drained by a vmap purge notifier. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct lazy {
	struct lazy *next;
	void *addr;
};

static struct lazy *lazy_head;

static void lazy_queue(void *addr)
{
	struct lazy *l = kmalloc(sizeof(*l), GFP_KERNEL);

	if (!l) {
		vunmap_pages(addr);
		return;
	}
	l->addr = addr;
	l->next = lazy_head;
	lazy_head = l;
}

static int lazy_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	struct lazy *l;

	while ((l = lazy_head)) {
		lazy_head = l->next;
		vunmap_pages(l->addr);
		kfree(l);
	}
	return NOTIFY_OK;
}

static struct notifier_block lazy_nb = { .notifier_call = lazy_purge };

int lazy_init(void)
{
	return register_vmap_purge_notifier(&lazy_nb);
}

void lazy_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		lazy_queue(v);
	release_pages(pages, n);
}
