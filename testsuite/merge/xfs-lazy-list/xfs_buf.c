/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Our reconstruction, in our own code, of the XFS buffer cache before
 * 2.6.34: buffers are vmap()ed; freeing a buffer queues its address on a
 * private global list instead of unmapping it and releases the pages at
 * once; the list is purged only when it grows past 64 entries (at the
 * next mapping) or by a periodic daemon.  Nothing the rest of the kernel
 * can call drains it, so Xen's pagetable pinning (vm_unmap_aliases())
 * cannot get rid of the stray aliases.
 *
 * Check A (the compiler): the pages are released while the mapping is
 * only queued.  Check B (the merge, which sees the daemon's start in
 * xfs_super.c): the list is unprotected and has no flush hook.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct xbuf {
	struct page **b_pages;
	unsigned int b_page_count;
	unsigned int b_offset;
	void *b_addr;
};

struct addr_entry {
	struct addr_entry *next;
	void *vm_addr;
};

static struct addr_entry *free_head;
static int free_len;

static void free_address(void *addr)
{
	struct addr_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap(addr);
		return;
	}
	e->next = free_head;
	e->vm_addr = addr; /* { dg-warning "'free_address' queues mappings on the lazy-unmap list 'addr_entry.vm_addr' instead of unmapping them; their pages are released while they are queued .vmapcheck" } */
	/* { dg-note "fix: map with 'vmap_pages'" "" { target *-*-* } .-1 } */
	/* { dg-merge-warning "'free_address' queues mappings on the lazy-unmap list 'addr_entry.vm_addr' instead of unmapping them; their pages are released while they are queued, and no flush hook drains the list" "" { target *-*-* } .-2 } */
	/* { dg-merge-note "fix: map with 'vmap_pages' and unmap with 'vunmap_pages' so that queued mappings hold their pages, and drain the list from a flush hook" "" { target *-*-* } .-3 } */
	free_head = e;
	free_len++;
}

static void purge_addresses(void)
{
	struct addr_entry *e, *old;

	e = free_head;
	free_head = NULL;
	free_len = 0;
	while ((old = e)) {
		vunmap(e->vm_addr); /* { dg-merge-note "the list is purged here, in 'purge_addresses'" } */
		/* { dg-note "the list is purged here, in 'purge_addresses'" "" { target *-*-* } .-1 } */
		/* { dg-merge-note "no flush hook reaches a purge of 'addr_entry.vm_addr'" "" { target *-*-* } .-2 } */
		e = e->next;
		kfree(old);
	}
}

int xbuf_map_pages(struct xbuf *bp)
{
	if (free_len > 64)
		purge_addresses();
	bp->b_addr = vmap(bp->b_pages, bp->b_page_count, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'xbuf_map_pages'; nothing in 'xbuf_free' unmaps 'bp->b_addr' before the release" } */
	if (!bp->b_addr)
		return -1;
	bp->b_addr += bp->b_offset;
	return 0;
}

void xbuf_free(struct xbuf *bp)
{
	unsigned int i;

	if (bp->b_addr)
		free_address(bp->b_addr - bp->b_offset); /* { dg-note "'bp->b_addr' queued for deferred unmap here, by 'free_address': it stays mapped until that runs" } */
	/* { dg-merge-note "a mapping is queued here, in 'xbuf_free'" "" { target *-*-* } .-1 } */
	/* { dg-note "a mapping is queued here, in 'xbuf_free'" "" { target *-*-* } .-2 } */
	for (i = 0; i < bp->b_page_count; i++)
		put_page(bp->b_pages[i]); /* { dg-warning "'put_page' releases 'bp->b_pages\[i\]' while it may still be mapped by 'bp->b_addr'" } */
	/* { dg-note "fix: unmap 'bp->b_addr' before releasing its pages" "" { target *-*-* } .-1 } */
	/* { dg-merge-note "pages of a queued mapping are released here, in 'xbuf_free', while it is still on the list" "" { target *-*-* } .-2 } */
	/* { dg-note "pages of a queued mapping are released here" "" { target *-*-* } .-3 } */
	kfree(bp->b_pages);
	kfree(bp);
}

/* The periodic daemon: it purges, but nobody else can make it run now. */
static int xbufd(void *data)
{
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(100);
		purge_addresses();
	}
	return 0;
}

int xbufd_start(void)
{
	return kthread_run(xbufd, NULL, "xbufd") ? 0 : -1;
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 87 } */
