/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a teardown function handed the mapping puts the pages, then unmaps (io_uring/memmap.c in 6.12). */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

void pages_unmap(void *ptr, struct page ***pages, unsigned short *npages, bool put_pages)
{
	bool do_vunmap = false;

	if (!ptr)
		return;

	if (put_pages && *npages) {
		struct page **to_free = *pages;
		int i;

		if (PageCompound(to_free[0]))
			*npages = 1;
		else if (*npages > 1)
			do_vunmap = true;
		for (i = 0; i < *npages; i++)
			put_page(to_free[i]); /* { dg-cocci-warning "put_page releases pages still mapped by ptr, which is unmapped only later, on line 26" } */
	}
	if (do_vunmap)
		vunmap(ptr);
	kvfree(*pages);
	*pages = NULL;
	*npages = 0;
}
