/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A and check B: "unmapping" by queueing the address on a private
 * list is no unmap, the pages go right away, and nothing drains the list.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>

struct lazy_unmap {
	struct list_head list;
	void *addr;
};

static LIST_HEAD(lazy_list);

static void queue_unmap(void *addr)
{
	struct lazy_unmap *l = kmalloc(sizeof(*l), GFP_KERNEL);

	if (!l) {
		vunmap(addr);
		return;
	}
	l->addr = addr; /* { dg-warning "'queue_unmap' queues mappings on the lazy-unmap list 'lazy_unmap.addr' instead of unmapping them; their pages are released while they are queued, and no flush hook drains the list" } */
	/* { dg-note "nothing unmaps the addresses on 'lazy_unmap.addr'" "" { target *-*-* } .-1 } */
	/* { dg-note "no flush hook reaches a purge of 'lazy_unmap.addr'" "" { target *-*-* } .-2 } */
	/* { dg-note "fix: map with 'vmap_pages' and unmap with 'vunmap_pages' so that queued mappings hold their pages" "" { target *-*-* } .-3 } */
	list_add(&l->list, &lazy_list);
}

void release_buffer(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	int i;

	if (!v)
		return;
	queue_unmap(v); /* { dg-note "'v' queued for deferred unmap here, by 'queue_unmap': it stays mapped until that runs" } */
	/* { dg-note "a mapping is queued here, in 'release_buffer'" "" { target *-*-* } .-1 } */
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]' while it may still be mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	/* { dg-note "pages of a queued mapping are released here, in 'release_buffer', while it is still on the list" "" { target *-*-* } .-2 } */
}
