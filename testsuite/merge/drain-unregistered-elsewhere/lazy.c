/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: the lazy list is here; init.c writes a notifier for it but never registers it. */
/* { dg-no-diagnostics } */

#include <linux/vmalloc.h>
#include <linux/slab.h>

struct lz_entry {
	struct lz_entry *next;
	void *addr;
};

static struct lz_entry *lz_head;

static void lz_defer(void *addr)
{
	struct lz_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr; /* { dg-merge-warning "'lz_defer' queues mappings on the lazy-unmap list 'lz_entry.addr' instead of unmapping them; no flush hook drains the list" } */
	/* { dg-merge-note "fix: drain the list from a flush hook" "" { target *-*-* } .-1 } */
	e->next = lz_head;
	lz_head = e;
}

void lz_purge(void)
{
	struct lz_entry *e;

	while ((e = lz_head)) {
		lz_head = e->next;
		vunmap_pages(e->addr); /* { dg-merge-note "the list is purged here, in 'lz_purge'" } */
		/* { dg-merge-note "no flush hook reaches a purge" "" { target *-*-* } .-1 } */
		kfree(e);
	}
}

void lz_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		lz_defer(v); /* { dg-merge-note "a mapping is queued here, in 'lz_release'" } */
	release_pages(pages, n);
}
