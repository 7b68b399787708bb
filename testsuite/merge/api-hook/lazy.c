/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: two lazy-unmap lists of refcounted mappings.  init.c
 * registers the first one's purge with the driver's own flush hook, known
 * from the api file, and hands the second one's to a function that is not
 * a hook.
 */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/drv.api" } */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct hooked_entry {
	struct hooked_entry *next;
	void *addr;
};

struct stray_entry {
	struct stray_entry *next;
	void *addr;
};

static struct hooked_entry *hooked_head;
static struct stray_entry *stray_head;

static void hooked_defer(void *addr)
{
	struct hooked_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr;
	e->next = hooked_head;
	hooked_head = e;
}

static void stray_defer(void *addr)
{
	struct stray_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr; /* { dg-merge-warning "'stray_defer' queues mappings on the lazy-unmap list 'stray_entry.addr' instead of unmapping them; no flush hook drains the list" } */
	/* { dg-merge-note "fix: drain the list from a flush hook" "" { target *-*-* } .-1 } */
	e->next = stray_head;
	stray_head = e;
}

void hooked_purge(void)
{
	struct hooked_entry *e;

	while ((e = hooked_head)) {
		hooked_head = e->next;
		vunmap_pages(e->addr);
		kfree(e);
	}
}

void stray_purge(void)
{
	struct stray_entry *e;

	while ((e = stray_head)) {
		stray_head = e->next;
		vunmap_pages(e->addr); /* { dg-merge-note "the list is purged here, in 'stray_purge'" } */
		/* { dg-merge-note "no flush hook reaches a purge of 'stray_entry.addr'" "" { target *-*-* } .-1 } */
		kfree(e);
	}
}

void buf_release(struct page **pages, int n, bool stray)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (!v)
		return;
	if (stray)
		stray_defer(v); /* { dg-merge-note "a mapping is queued here, in 'buf_release'" } */
	else
		hooked_defer(v);
	release_pages(pages, n);
}
