/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: plain vmap() mappings kept in a cache that a vmap purge notifier
 * drains, and the page release path drains it before the pages go.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/notifier.h>

struct cached_map {
	struct list_head list;
	void *addr;
};

static LIST_HEAD(map_cache);

static void cache_map(void *addr)
{
	struct cached_map *c = kmalloc(sizeof(*c), GFP_KERNEL);

	if (!c) {
		vunmap(addr);
		return;
	}
	c->addr = addr;
	list_add(&c->list, &map_cache);
}

static void cache_drain(void)
{
	while (!list_empty(&map_cache)) {
		struct cached_map *c = list_first_entry(&map_cache, struct cached_map, list);

		list_del(&c->list);
		vunmap(c->addr);
		kfree(c);
	}
}

static int cache_purge_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	cache_drain();
	return NOTIFY_OK;
}

static struct notifier_block cache_nb = { .notifier_call = cache_purge_notify };

int cache_init(void)
{
	return register_vmap_purge_notifier(&cache_nb);
}

void cache_use_and_release(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	cache_map(v);
	cache_drain();
	release_pages(pages, n);
}
