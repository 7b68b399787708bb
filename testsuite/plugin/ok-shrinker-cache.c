/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a cache of refcounted mappings drained by a shrinker, 6.12 API (shrinker_alloc + scan_objects). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/shrinker.h>

#define CACHE_SLOTS 16

struct map_cache {
	void *slot[CACHE_SLOTS];
	int used;
	struct shrinker *shrinker;
};

static struct map_cache cache;

static void cache_put(void *addr)
{
	if (cache.used == CACHE_SLOTS) {
		vunmap_pages(addr);
		return;
	}
	cache.slot[cache.used++] = addr;
}

static unsigned long cache_count(struct shrinker *s, struct shrink_control *sc)
{
	return cache.used;
}

static unsigned long cache_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long freed = 0;

	while (cache.used) {
		vunmap_pages(cache.slot[--cache.used]);
		freed++;
	}
	return freed;
}

int cache_setup(void)
{
	cache.shrinker = shrinker_alloc(0, "map-cache");
	if (!cache.shrinker)
		return -ENOMEM;
	cache.shrinker->count_objects = cache_count;
	cache.shrinker->scan_objects = cache_scan;
	shrinker_register(cache.shrinker);
	return 0;
}

void cache_map_pages(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		cache_put(v);
	release_pages(pages, n);
}
