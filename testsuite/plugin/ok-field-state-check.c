/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: xfs-style: the unmap is guarded by a state test the tool cannot see through; the unmap comes first. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct xbuf {
	void *b_addr;
	struct page **b_pages;
	unsigned int b_page_count;
	unsigned int b_flags;
};

static inline int xbuf_is_vmapped(struct xbuf *bp)
{
	return bp->b_addr && bp->b_page_count > 1;
}

int xbuf_map(struct xbuf *bp)
{
	bp->b_addr = vm_map_ram(bp->b_pages, bp->b_page_count, -1);
	return bp->b_addr ? 0 : -1;
}

void xbuf_free_pages(struct xbuf *bp)
{
	unsigned int i;

	if (xbuf_is_vmapped(bp))
		vm_unmap_ram(bp->b_addr, bp->b_page_count);
	for (i = 0; i < bp->b_page_count; i++)
		if (bp->b_pages[i])
			__free_page(bp->b_pages[i]);
	kfree(bp->b_pages);
	bp->b_pages = NULL;
}

void xbuf_free(struct xbuf *bp)
{
	if (bp->b_flags & 1)
		xbuf_free_pages(bp);
	kfree(bp);
}
