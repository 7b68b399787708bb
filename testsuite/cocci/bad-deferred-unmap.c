/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the address is queued for a deferred unmap, then the pages go. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct lazy {
	struct lazy *next;
	void *addr;
};

static struct lazy *lazy_head;

static void queue_unmap(void *addr)
{
	struct lazy *l = kmalloc(sizeof(*l), GFP_KERNEL);

	if (!l) {
		vunmap(addr);
		return;
	}
	l->addr = addr; /* { dg-cocci-warning "queue_unmap queues vmap addresses on the lazy-unmap list addr instead of unmapping them: the pages of a queued mapping are released on line 34, and no flush hook reaches its purge \(never purged here\); map with vmap_pages\(\) and unmap with vunmap_pages\(\), and drain it from register_vmap_purge_notifier\(\) or a shrinker" } */
	l->next = lazy_head;
	lazy_head = l;
}

void buf_free(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	queue_unmap(v);
	release_pages(pages, n); /* { dg-cocci-warning "release_pages releases pages still mapped by v \(mapped on line 29\), which queue_unmap on line 33 only queues for a deferred unmap" } */
}
