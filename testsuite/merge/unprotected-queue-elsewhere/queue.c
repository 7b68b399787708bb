/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: the queue and its purge notifier are here; user.c queues
 * plain vmap() mappings and releases their pages at once.  Only the whole
 * build sees the release while queued as what makes the list unsafe.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/notifier.h>

struct q_entry {
	struct q_entry *next;
	void *addr;
};

static struct q_entry *q_head;

void q_defer(void *addr)
{
	struct q_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap(addr);
		return;
	}
	e->addr = addr; /* { dg-merge-warning "'q_defer' queues mappings on the lazy-unmap list 'q_entry.addr' instead of unmapping them; their pages are released while they are queued .vmapcheck" } */
	/* { dg-merge-note "fix: map with 'vmap_pages'" "" { target *-*-* } .-1 } */
	e->next = q_head;
	q_head = e;
}

static int q_purge(struct notifier_block *nb, unsigned long action, void *data)
{
	struct q_entry *e;

	while ((e = q_head)) {
		q_head = e->next;
		vunmap(e->addr); /* { dg-merge-note "the list is purged here, in 'q_purge'" } */
		kfree(e);
	}
	return NOTIFY_OK;
}

static struct notifier_block q_nb = { .notifier_call = q_purge };

int q_init(void)
{
	return register_vmap_purge_notifier(&q_nb);
}
