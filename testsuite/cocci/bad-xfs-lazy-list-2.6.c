/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The XFS buffer cache of the 2.6.2x kernels, reconstructed in our own
 * code in the style of that era (see bad-xfs-lazy-list.c for the idea):
 * functions declared with a subsystem's STATIC macro, the list entry a
 * typedef allocated with kmalloc() and linked into a global head under a
 * lock, the queueing guarded by the buffer's flags, the pages loaded into
 * a local and released with page_cache_release().
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include "xfs_linux.h"

#define BUF_MAPPED	(1 << 0)
#define BUF_PAGES	(1 << 1)

typedef struct buf {
	unsigned int b_flags;
	struct page **b_pages;
	unsigned int b_page_count;
	unsigned int b_offset;
	void *b_addr;
} buf_t;

typedef struct lazy_entry {
	void *vm_addr;
	struct lazy_entry *next;
} lazy_entry_t;

STATIC lazy_entry_t *lazy_head;
STATIC int lazy_count;
STATIC DEFINE_SPINLOCK(lazy_lock);

STATIC void
queue_unmap(void *addr)
{
	lazy_entry_t *entry;

	entry = kmalloc(sizeof(lazy_entry_t), GFP_NOWAIT);
	if (likely(entry)) {
		spin_lock(&lazy_lock);
		entry->next = lazy_head;
		entry->vm_addr = addr; /* { dg-cocci-warning "queue_unmap queues vmap addresses on the lazy-unmap list vm_addr instead of unmapping them: the pages of a queued mapping are released on line 101, and no flush hook reaches its purge" } */
		lazy_head = entry;
		lazy_count++;
		spin_unlock(&lazy_lock);
	} else {
		vunmap(addr);
	}
}

STATIC void
drain_unmaps(void)
{
	lazy_entry_t *entry, *prev;

	if (lazy_head == NULL)
		return;
	spin_lock(&lazy_lock);
	entry = lazy_head;
	lazy_head = NULL;
	lazy_count = 0;
	spin_unlock(&lazy_lock);
	while ((prev = entry) != NULL) {
		vunmap(entry->vm_addr);
		entry = entry->next;
		kfree(prev);
	}
}

int
buf_map_pages(buf_t *bp, unsigned int flags)
{
	if (flags & BUF_MAPPED) {
		if (lazy_count > 64)
			drain_unmaps();
		bp->b_addr = vmap(bp->b_pages, bp->b_page_count, VM_MAP, PAGE_KERNEL);
		if (unlikely(bp->b_addr == NULL))
			return -ENOMEM;
		bp->b_addr += bp->b_offset;
		bp->b_flags |= BUF_MAPPED;
	}
	return 0;
}

void
buf_free(buf_t *bp)
{
	if (bp->b_flags & BUF_PAGES) {
		unsigned int i;

		if ((bp->b_flags & BUF_MAPPED) && (bp->b_page_count > 1))
			queue_unmap(bp->b_addr - bp->b_offset);
		for (i = 0; i < bp->b_page_count; i++) {
			struct page *page = bp->b_pages[i];

			page_cache_release(page); /* { dg-cocci-warning "page_cache_release releases pages still mapped by bp->b_addr \(mapped on line 81, in buf_map_pages\), which queue_unmap on line 97 only queues for a deferred unmap" } */
		}
	}
	kfree(bp->b_pages);
	kfree(bp);
}

STATIC int
bufd(void *data)
{
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(100);
		drain_unmaps();
	}
	return 0;
}

int
buf_init(void)
{
	kthread_run(bufd, NULL, "bufd");
	return 0;
}
