/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: our reconstruction of the io_uring memmap idiom: a teardown helper
 * is given the mapping and the page array, drops every page reference, and
 * only then unmaps.  Nothing in this file shows who mapped what: the
 * release-then-unmap order alone is the finding.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>

void region_unmap(void *ptr, struct page ***pages, unsigned short *npages,
		  bool put_pages)
{
	bool do_vunmap = false;

	if (!ptr)
		return;
	if (put_pages && *npages) {
		struct page **to_free = *pages;
		int i;

		if (*npages > 1)
			do_vunmap = true;
		for (i = 0; i < *npages; i++)
			put_page(to_free[i]); /* { dg-warning "'put_page' releases 'to_free\[i\]' while it is still mapped by 'ptr', which is unmapped only later" } */
		/* { dg-note "fix: unmap 'ptr' before releasing its pages" "" { target *-*-* } .-1 } */
	}
	if (do_vunmap)
		vunmap(ptr); /* { dg-note "'ptr' is unmapped only here, after the release" } */
	kvfree(*pages);
	*pages = NULL;
	*npages = 0;
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 25 } */
