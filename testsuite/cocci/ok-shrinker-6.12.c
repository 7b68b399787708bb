/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a cache of refcounted mappings drained by a shrinker, 6.12 API. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/shrinker.h>

struct map_cache {
	void *slot[16];
	int used;
	struct shrinker *shrinker;
};

static struct map_cache mc;

static void mc_put(void *addr)
{
	if (mc.used == 16) {
		vunmap_pages(addr);
		return;
	}
	mc.slot[mc.used++] = addr;
}

static unsigned long mc_count(struct shrinker *s, struct shrink_control *sc)
{
	return mc.used;
}

static unsigned long mc_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long freed = 0;

	while (mc.used) {
		vunmap_pages(mc.slot[--mc.used]);
		freed++;
	}
	return freed;
}

int mc_setup(void)
{
	mc.shrinker = shrinker_alloc(0, "map-cache");
	if (!mc.shrinker)
		return -ENOMEM;
	mc.shrinker->count_objects = mc_count;
	mc.shrinker->scan_objects = mc_scan;
	shrinker_register(mc.shrinker);
	return 0;
}

void mc_map(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		mc_put(v);
	release_pages(pages, n);
}
