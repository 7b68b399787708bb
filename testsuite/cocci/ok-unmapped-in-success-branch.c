/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the mapped branch unmaps; after it the mapping is gone either way. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (v) {
		fill(v);
		vunmap(v);
	}
	release_pages(pages, n);
}
