/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the same cache with the 6.1 shrinker API (register_shrinker()). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/shrinker.h>

static void *old_slot[8];
static int old_used;

static void old_put(void *addr)
{
	if (old_used == 8) {
		vunmap_pages(addr);
		return;
	}
	old_slot[old_used++] = addr;
}

static unsigned long old_count(struct shrinker *s, struct shrink_control *sc)
{
	return old_used;
}

static unsigned long old_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long freed = 0;

	while (old_used) {
		vunmap_pages(old_slot[--old_used]);
		freed++;
	}
	return freed;
}

static struct shrinker old_shrinker = {
	.count_objects = old_count,
	.scan_objects = old_scan,
	.seeks = 2,
};

int old_setup(void)
{
	return register_shrinker(&old_shrinker, "old-map-cache");
}

void old_map(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		old_put(v);
	release_pages(pages, n);
}
