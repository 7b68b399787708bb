/* SPDX-License-Identifier: GPL-2.0-only */
/* Check B (and A): plain vmap() mappings cached for a purge notifier, pages released at once. */
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
		vunmap(addr);
		return;
	}
	c->addr = addr; /* { dg-cocci-warning "cache_add queues vmap addresses on the lazy-unmap list addr instead of unmapping them: the pages of a queued mapping are released on line 56 while it waits \(purged in cache_purge on line 34\); map with vmap_pages\(\) and unmap with vunmap_pages\(\) \[vmapcheck:lazy-unmap-no-flush\]$" } */
	list_add(&c->list, &cache);
}

static int cache_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	while (!list_empty(&cache)) {
		struct cached *c = list_first_entry(&cache, struct cached, list);

		list_del(&c->list);
		vunmap(c->addr);
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
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	cache_add(v);
	release_pages(pages, n); /* { dg-cocci-warning "release_pages releases pages still mapped by v \(mapped on line 51\), which cache_add on line 55 only queues for a deferred unmap" } */
}
