/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: pages taken back from a mapping with vmalloc_to_page() and released before its unmap. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void ring_free(void *addr, int npages)
{
	int i;

	for (i = 0; i < npages; i++) {
		struct page *page = vmalloc_to_page(addr + i * PAGE_SIZE);

		put_page(page); /* { dg-warning "'put_page' releases 'page' while it is still mapped by 'addr', which is unmapped only later" } */
		/* { dg-note "fix: unmap 'addr'" "" { target *-*-* } .-1 } */
		/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } .-2 } */
	}
	vunmap(addr); /* { dg-note "'addr' is unmapped only here, after the release" } */
}
