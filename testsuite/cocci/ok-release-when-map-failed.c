/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the pages are released on the failure path, where nothing is mapped. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void *buf_map(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	int i;

	if (!v) {
		for (i = 0; i < n; i++)
			put_page(pages[i]);
		return NULL;
	}
	return v;
}
