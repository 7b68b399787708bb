/* SPDX-License-Identifier: GPL-2.0-only */
/* Check B: a cache whose drain exists but is never registered as a flush hook. */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct idle_entry {
	struct idle_entry *next;
	void *addr;
};

static struct idle_entry *idle_list;

static void idle_defer(void *addr)
{
	struct idle_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr; /* { dg-warning "'idle_defer' queues mappings on the lazy-unmap list 'idle_entry.addr' instead of unmapping them; no flush hook drains the list" } */
	/* { dg-note "fix: drain the list from a flush hook such as 'register_vmap_purge_notifier'" "" { target *-*-* } .-1 } */
	e->next = idle_list;
	idle_list = e;
}

static void idle_drain(void)
{
	struct idle_entry *e;

	while ((e = idle_list)) {
		idle_list = e->next;
		vunmap_pages(e->addr); /* { dg-note "the list is purged here, in 'idle_drain'" } */
		/* { dg-note "no flush hook reaches a purge of 'idle_entry.addr'" "" { target *-*-* } .-1 } */
		kfree(e);
	}
}

/* The notifier is written, but nothing registers it. */
static int idle_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	idle_drain();
	return NOTIFY_OK;
}

int idle_exit(void)
{
	struct notifier_block nb = { .notifier_call = idle_notify };

	return nb.priority;
}

void idle_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		idle_defer(v); /* { dg-note "a mapping is queued here, in 'idle_release'" } */
	release_pages(pages, n);
}
