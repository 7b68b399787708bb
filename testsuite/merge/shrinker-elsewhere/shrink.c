/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/shrinker.h>

unsigned long cache_drain(void);

static unsigned long cache_scan(struct shrinker *s, struct shrink_control *sc)
{
	return cache_drain();
}

static unsigned long cache_count(struct shrinker *s, struct shrink_control *sc)
{
	return 1;
}

int cache_shrinker_init(void)
{
	struct shrinker *s = shrinker_alloc(0, "vmap-cache");

	if (!s)
		return -1;
	s->count_objects = cache_count;
	s->scan_objects = cache_scan;
	shrinker_register(s);
	return 0;
}
