/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a lazy list of refcounted mappings drained by a 6.1-style static shrinker (register_shrinker). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/shrinker.h>

struct old_entry {
	struct old_entry *next;
	void *addr;
};

static struct old_entry *old_list;

static void old_defer(void *addr)
{
	struct old_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr;
	e->next = old_list;
	old_list = e;
}

static unsigned long old_scan(struct shrinker *s, struct shrink_control *sc)
{
	struct old_entry *e;

	while ((e = old_list)) {
		old_list = e->next;
		vunmap_pages(e->addr);
		kfree(e);
	}
	return 0;
}

static struct shrinker old_shrinker = {
	.scan_objects = old_scan,
	.seeks = DEFAULT_SEEKS,
};

int old_init(void)
{
	return register_shrinker(&old_shrinker, "old-lazy");
}

void old_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		old_defer(v);
	release_pages(pages, n);
}
