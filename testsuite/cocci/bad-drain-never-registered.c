/* SPDX-License-Identifier: GPL-2.0-only */
/* Check B: a notifier block that drains the list is set up but never registered. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct idle {
	struct idle *next;
	void *addr;
};

static struct idle *idle_list;

static void idle_defer(void *addr)
{
	struct idle *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr; /* { dg-cocci-warning "idle_defer queues vmap addresses on the lazy-unmap list addr instead of unmapping them: no flush hook reaches its purge \(purged in idle_drain on line 34\)" } */
	e->next = idle_list;
	idle_list = e;
}

static void idle_drain(void)
{
	struct idle *e;

	while ((e = idle_list)) {
		idle_list = e->next;
		vunmap_pages(e->addr);
		kfree(e);
	}
}

static int idle_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	idle_drain();
	return NOTIFY_OK;
}

int idle_priority(void)
{
	struct notifier_block nb = { .notifier_call = idle_notify };

	return nb.priority;
}

void idle_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		idle_defer(v);
	release_pages(pages, n);
}
