/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the free function unmaps behind a state test the rule cannot evaluate, then frees (fs/xfs/xfs_buf.c). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct xbuf {
	struct page **b_pages;
	int b_page_count;
	void *b_addr;
	int b_flags;
};

static bool xbuf_is_vmapped(struct xbuf *bp)
{
	return bp->b_page_count > 1;
}

int xbuf_map(struct xbuf *bp)
{
	bp->b_addr = vm_map_ram(bp->b_pages, bp->b_page_count, -1);
	return bp->b_addr ? 0 : -ENOMEM;
}

void xbuf_free_pages(struct xbuf *bp)
{
	int i;

	if (xbuf_is_vmapped(bp))
		vm_unmap_ram(bp->b_addr, bp->b_page_count);
	for (i = 0; i < bp->b_page_count; i++)
		__free_page(bp->b_pages[i]);
}
