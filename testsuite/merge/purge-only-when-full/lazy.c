/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: refcounted mappings on a lazy list, so the pages are safe,
 * but the vmap purge notifier (notify.c) drains another cache; this list
 * is purged only from the queueing path itself, when it grows.  Compiled
 * alone, lz2_release may be called from a hook elsewhere, so the compiler
 * stays silent; the merge sees every caller.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct lz2 {
	struct lz2 *next;
	void *addr;
};

static struct lz2 *lz2_head;
static int lz2_len;

static void lz2_purge(void)
{
	struct lz2 *e;

	while ((e = lz2_head)) {
		lz2_head = e->next;
		vunmap_pages(e->addr); /* { dg-merge-note "the list is purged here, in 'lz2_purge'" } */
		/* { dg-merge-note "no flush hook reaches a purge of 'lz2.addr'" "" { target *-*-* } .-1 } */
		kfree(e);
	}
	lz2_len = 0;
}

static void lz2_defer(void *addr)
{
	struct lz2 *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr; /* { dg-merge-warning "'lz2_defer' queues mappings on the lazy-unmap list 'lz2.addr' instead of unmapping them; no flush hook drains the list" } */
	/* { dg-merge-note "fix: drain the list from a flush hook such as 'register_vmap_purge_notifier'" "" { target *-*-* } .-1 } */
	e->next = lz2_head;
	lz2_head = e;
	if (++lz2_len > 64)
		lz2_purge();
}

void lz2_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		lz2_defer(v); /* { dg-merge-note "a mapping is queued here, in 'lz2_release'" } */
	release_pages(pages, n);
}
