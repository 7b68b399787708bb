/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * disable=ID: check A is not reported, but check B still knows its
 * findings: the pages released while their mapping is queued make the
 * list unsafe even though that release is not reported.
 */
/* { dg-options "-fplugin-arg-vmapcheck-disable=release-while-mapped" } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct dc_entry {
	struct dc_entry *next;
	void *addr;
};

static struct dc_entry *dc_head;

static void dc_defer(void *addr)
{
	struct dc_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap(addr);
		return;
	}
	e->addr = addr; /* { dg-warning "'dc_defer' queues mappings on the lazy-unmap list 'dc_entry.addr' instead of unmapping them; their pages are released while they are queued \[vmapcheck:lazy-unmap-no-flush\]$" } */
	/* { dg-note "fix: map with 'vmap_pages'" "" { target *-*-* } .-1 } */
	e->next = dc_head;
	dc_head = e;
}

static int dc_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	struct dc_entry *e;

	while ((e = dc_head)) {
		dc_head = e->next;
		vunmap(e->addr); /* { dg-note "the list is purged here, in 'dc_purge'" } */
		kfree(e);
	}
	return NOTIFY_OK;
}

static struct notifier_block dc_nb = { .notifier_call = dc_purge };

int dc_init(void)
{
	return register_vmap_purge_notifier(&dc_nb);
}

void dc_release(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	dc_defer(v); /* { dg-note "a mapping is queued here, in 'dc_release'" } */
	release_pages(pages, n); /* { dg-note "pages of a queued mapping are released here" } */
}
