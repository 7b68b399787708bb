/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the refcounted vmap_pages() holds its own references. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (!v)
		return;
	release_pages(pages, n);
	fill(v);
	vunmap_pages(v);
}
