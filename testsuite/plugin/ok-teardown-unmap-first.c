/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the teardown helper of bad-teardown-inferred.c, fixed: unmap, then release. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

void region_unmap_fixed(void *ptr, struct page ***pages, unsigned short *npages)
{
	struct page **to_free = *pages;
	int i;

	if (!ptr)
		return;
	if (*npages > 1)
		vunmap(ptr);
	for (i = 0; i < *npages; i++)
		put_page(to_free[i]);
	kvfree(*pages);
	*pages = NULL;
}
