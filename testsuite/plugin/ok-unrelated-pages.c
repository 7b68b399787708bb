/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the pages released are not the pages mapped. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *map_a_free_b(struct page **a, struct page **b, int n)
{
	void *v = vmap(a, n, VM_MAP, PAGE_KERNEL);
	int i;

	for (i = 0; i < n; i++)
		put_page(b[i]);
	return v;
}
