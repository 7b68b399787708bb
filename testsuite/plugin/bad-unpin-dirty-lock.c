/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: unpin_user_pages_dirty_lock() before vunmap(). */
#include <linux/vmalloc.h>

void dma_buf_done(void *kaddr, struct page **pages, int n, bool dirty)
{
	void *copy = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!copy)
		return;
	unpin_user_pages_dirty_lock(pages, n, dirty); /* { dg-warning "'unpin_user_pages_dirty_lock' releases 'pages' while it is still mapped by 'copy'" } */
	/* { dg-note "fix: unmap 'copy'" "" { target *-*-* } .-1 } */
	vunmap(copy); /* { dg-note "unmapped only here" } */
}
