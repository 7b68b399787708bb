/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Our reconstruction, in our own code, of the XFS buffer cache before
 * 2.6.34: freeing a buffer queues its vmap() address on a private global
 * list and releases the pages at once; the list is purged when it passes
 * 64 entries (at the next mapping) or by a periodic daemon.  Both checks
 * fire: the pages go while the mapping is only queued (check A), and the
 * list holds unprotected mappings that no flush hook drains (check B).
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>
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
	e->vm_addr = addr; /* { dg-cocci-warning "free_address queues vmap addresses on the lazy-unmap list vm_addr instead of unmapping them: the pages of a queued mapping are released on line 77, and no flush hook reaches its purge \(purged in purge_addresses on line 53\); map with vmap_pages\(\) and unmap with vunmap_pages\(\), and drain it from register_vmap_purge_notifier\(\) or a shrinker" } */
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
		vunmap(e->vm_addr);
		e = e->next;
		kfree(old);
	}
}

int xbuf_map_pages(struct xbuf *bp)
{
	if (free_len > 64)
		purge_addresses();
	bp->b_addr = vmap(bp->b_pages, bp->b_page_count, VM_MAP, PAGE_KERNEL);
	if (!bp->b_addr)
		return -ENOMEM;
	bp->b_addr += bp->b_offset;
	return 0;
}

void xbuf_free(struct xbuf *bp)
{
	unsigned int i;

	if (bp->b_addr)
		free_address(bp->b_addr - bp->b_offset);
	for (i = 0; i < bp->b_page_count; i++)
		put_page(bp->b_pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by bp->b_addr \(mapped on line 63, in xbuf_map_pages\), which free_address on line 75 only queues for a deferred unmap" } */
	kfree(bp->b_pages);
	kfree(bp);
}

static int xbufd(void *data)
{
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(100);
		purge_addresses();
	}
	return 0;
}

void xbuf_init(void)
{
	kthread_run(xbufd, NULL, "xfsbufd");
}
