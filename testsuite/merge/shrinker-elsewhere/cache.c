/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file, quiet: a refcounted mapping cache here, drained by a 6.12 shrinker set up in shrink.c. */
/* { dg-no-diagnostics } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>

#define SLOTS 8

static void *slot[SLOTS];
static int used;

static void cache_keep(void *addr)
{
	if (used == SLOTS) {
		vunmap_pages(addr);
		return;
	}
	slot[used++] = addr;
}

unsigned long cache_drain(void)
{
	unsigned long n = 0;

	while (used) {
		vunmap_pages(slot[--used]);
		n++;
	}
	return n;
}

void cache_map(struct page **pages, int count)
{
	void *v = vmap_pages(pages, count, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		cache_keep(v);
	release_pages(pages, count);
}
