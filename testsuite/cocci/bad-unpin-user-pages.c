/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: pinned user pages unpinned while still mapped, and never unmapped on that path. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void *ring_map(struct page **pages, int n, int fail)
{
	void *ring = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!ring)
		return NULL;
	if (fail) {
		unpin_user_pages(pages, n); /* { dg-cocci-warning "unpin_user_pages releases pages still mapped by ring \(mapped on line 8\); unmap first" } */
		return NULL;
	}
	return ring;
}
