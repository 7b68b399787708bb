/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A and B with fix-its across the list: plain mappings are queued
 * on a list that a vmap purge notifier drains, but their pages go while
 * they are queued.  Converting this vmap() and every vunmap() of the list
 * to the refcounted pair fixes both: the patched file is clean.
 */
/* { dg-fixits-clean } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct fx_entry {
	struct fx_entry *next;
	void *addr;
};

static struct fx_entry *fx_head;

static void fx_defer(void *addr)
{
	struct fx_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap(addr);
		return;
	}
	e->addr = addr; /* { dg-warning "'fx_defer' queues mappings on the lazy-unmap list 'fx_entry.addr' instead of unmapping them; their pages are released while they are queued \[vmapcheck:lazy-unmap-no-flush\]$" } */
	/* { dg-note "fix: map with 'vmap_pages'" "" { target *-*-* } .-1 } */
	e->next = fx_head;
	fx_head = e;
}

static int fx_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	struct fx_entry *e;

	while ((e = fx_head)) {
		fx_head = e->next;
		vunmap(e->addr); /* { dg-note "the list is purged here, in 'fx_purge'" } */
		kfree(e);
	}
	return NOTIFY_OK;
}

static struct notifier_block fx_nb = { .notifier_call = fx_purge };

int fx_init(void)
{
	return register_vmap_purge_notifier(&fx_nb);
}

void fx_release(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return;
	fx_defer(v); /* { dg-note "'v' queued for deferred unmap here, by 'fx_defer'" } */
	/* { dg-note "a mapping is queued here, in 'fx_release'" "" { target *-*-* } .-1 } */
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages' while it may still be mapped by 'v' \[vmapcheck:release-while-mapped\]$" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	/* { dg-note "pages of a queued mapping are released here" "" { target *-*-* } .-2 } */
}
