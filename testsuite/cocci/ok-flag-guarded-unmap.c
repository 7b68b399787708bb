/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a flag set where the mapping is made is tested at the unmap, and the unmap comes first. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n, void *premapped)
{
	bool do_vunmap = false;
	void *v = premapped;

	if (!v) {
		v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
		if (!v)
			return;
		do_vunmap = true;
	}
	fill(v);
	if (do_vunmap)
		vunmap(v);
	release_pages(pages, n);
}
