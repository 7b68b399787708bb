/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: vmap_pages() takes its own references; the owner may drop its references at once. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *counted(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
	return v;
}

void counted_free(void *v)
{
	vunmap_pages(v);
}
