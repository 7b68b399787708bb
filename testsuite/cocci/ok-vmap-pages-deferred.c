/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: vmap_pages() mappings queued for a hooked purge hold their pages; the owner may release its own references at once. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/notifier.h>

struct cached {
	struct list_head list;
	void *addr;
};

static LIST_HEAD(cache);

static void cache_add(void *addr)
{
	struct cached *c = kmalloc(sizeof(*c), GFP_KERNEL);

	if (!c) {
		vunmap_pages(addr);
		return;
	}
	c->addr = addr;
	list_add(&c->list, &cache);
}

static int cache_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	while (!list_empty(&cache)) {
		struct cached *c = list_first_entry(&cache, struct cached, list);

		list_del(&c->list);
		vunmap_pages(c->addr);
		kfree(c);
	}
	return NOTIFY_OK;
}

static struct notifier_block cache_nb = {
	.notifier_call = cache_purge,
};

int cache_init(void)
{
	return register_vmap_purge_notifier(&cache_nb);
}

void cache_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (!v)
		return;
	cache_add(v);
	release_pages(pages, n);
}
