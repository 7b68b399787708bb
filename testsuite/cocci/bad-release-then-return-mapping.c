/* SPDX-License-Identifier: GPL-2.0-only */
/* Reported, not patched: the mapping outlives the release (it is returned), so unmapping first is no fix. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void *keep_map(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return NULL;
	release_pages(pages, n); /* { dg-cocci-warning "release_pages releases pages still mapped by v \(mapped on line 8\); unmap first, or use vmap_pages\(\) \[vmapcheck:release-while-mapped\]$" } */
	return v;
}
