/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The XFS buffer cache of the 2.6.2x kernels, reconstructed in our own
 * code in the style of that era (see bad-xfs-lazy-list.c for the idea):
 * functions declared with a subsystem's STATIC macro, the list entry a
 * typedef allocated with kmalloc() and linked into a global head under a
 * lock, the queueing guarded by the buffer's flags, the pages loaded into
 * a local and released with page_cache_release().  The plugin's and the merge's twin of
 * testsuite/cocci/bad-xfs-lazy-list-2.6.c.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/spinlock.h>
#define STATIC static

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
		entry->vm_addr = addr; /* { dg-warning "'queue_unmap' queues mappings on the lazy-unmap list 'lazy_entry.vm_addr' instead of unmapping them; their pages are released while they are queued" } */
		/* { dg-note "fix: map with 'vmap_pages' and unmap with 'vunmap_pages'" "" { target *-*-* } .-1 } */
		/* { dg-merge-warning "'queue_unmap' queues mappings on the lazy-unmap list 'lazy_entry.vm_addr' instead of unmapping them; their pages are released while they are queued, and no flush hook drains the list" "" { target *-*-* } .-2 } */
		/* { dg-merge-note "fix: map with 'vmap_pages' and unmap with 'vunmap_pages' so that queued mappings hold their pages, and drain the list from a flush hook" "" { target *-*-* } .-3 } */
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
		vunmap(entry->vm_addr); /* { dg-note "the list is purged here, in 'drain_unmaps'" } */
		/* { dg-merge-note "the list is purged here, in 'drain_unmaps'" "" { target *-*-* } .-1 } */
		/* { dg-merge-note "no flush hook reaches a purge of 'lazy_entry.vm_addr'" "" { target *-*-* } .-2 } */
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
		bp->b_addr = vmap(bp->b_pages, bp->b_page_count, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'buf_map_pages'" } */
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
			queue_unmap(bp->b_addr - bp->b_offset); /* { dg-note "a mapping is queued here, in 'buf_free'" } */
			/* { dg-note "'bp->b_addr' queued for deferred unmap here, by 'queue_unmap'" "" { target *-*-* } .-1 } */
			/* { dg-merge-note "a mapping is queued here, in 'buf_free'" "" { target *-*-* } .-2 } */
		for (i = 0; i < bp->b_page_count; i++) {
			struct page *page = bp->b_pages[i];

			page_cache_release(page); /* { dg-warning "'put_page' releases 'page' while it may still be mapped by 'bp->b_addr'" } */
			/* { dg-note "pages of a queued mapping are released here, in 'buf_free'" "" { target *-*-* } .-1 } */
			/* { dg-note "fix: unmap 'bp->b_addr' before releasing its pages" "" { target *-*-* } .-2 } */
			/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } .-3 } */
			/* { dg-merge-note "pages of a queued mapping are released here, in 'buf_free', while it is still on the list" "" { target *-*-* } .-4 } */
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
