/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file, our reconstruction of io_uring memmap.c + kbuf.c: the
 * teardown helper releases before unmapping (the compiler sees that), and
 * the buffer-ring code in another file unpins pages, then calls the
 * helper with put_pages false, which never unmaps: the whole build shows
 * the unpin happens while the ring is still mapped.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>

void pages_unmap(void *ptr, struct page ***pages, unsigned short *npages, bool put_pages)
{
	bool do_vunmap = false;
	int i;

	if (!ptr)
		return;
	if (put_pages && *npages) {
		struct page **to_free = *pages;

		if (*npages > 1)
			do_vunmap = true;
		for (i = 0; i < *npages; i++)
			put_page(to_free[i]); /* { dg-warning "'put_page' releases 'to_free\[i\]' while it is still mapped by 'ptr', which is unmapped only later" } */
		/* { dg-note "fix: unmap 'ptr'" "" { target *-*-* } .-1 } */
	}
	if (do_vunmap)
		vunmap(ptr); /* { dg-note "'ptr' is unmapped only here" } */
	kvfree(*pages);
	*pages = NULL;
	*npages = 0;
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 25 } */
