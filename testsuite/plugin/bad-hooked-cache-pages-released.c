/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A and check B: a cache of plain vmap() mappings that a vmap purge
 * notifier drains, so a flush can empty it, but the owner releases the
 * pages as soon as the mapping is cached: until the next flush the cache
 * holds aliases of free pages.
 */
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
	c->addr = addr; /* { dg-warning "'cache_map' queues mappings on the lazy-unmap list 'cached_map.addr' instead of unmapping them; their pages are released while they are queued \[" } */
	/* { dg-note "fix: map with 'vmap_pages' and unmap with 'vunmap_pages' so that queued mappings hold their pages$" "" { target *-*-* } .-1 } */
	list_add(&c->list, &map_cache);
}

static int cache_purge_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	while (!list_empty(&map_cache)) {
		struct cached_map *c = list_first_entry(&map_cache, struct cached_map, list);

		list_del(&c->list);
		vunmap(c->addr); /* { dg-note "the list is purged here, in 'cache_purge_notify'" } */
		kfree(c);
	}
	return NOTIFY_OK;
}

static struct notifier_block cache_nb = { .notifier_call = cache_purge_notify };

int cache_init(void)
{
	return register_vmap_purge_notifier(&cache_nb);
}

void cache_use_and_release(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return;
	cache_map(v); /* { dg-note "a mapping is queued here, in 'cache_use_and_release'" } */
	/* { dg-note "'v' queued for deferred unmap here, by 'cache_map'" "" { target *-*-* } .-1 } */
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages' while it may still be mapped by 'v'" } */
	/* { dg-note "pages of a queued mapping are released here, in 'cache_use_and_release', while it is still on the list" "" { target *-*-* } .-1 } */
	/* { dg-note "fix: unmap 'v' before releasing its pages, or map with 'vmap_pages'" "" { target *-*-* } .-2 } */
}
