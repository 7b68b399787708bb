/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the mapping is torn down before the pages go. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void proper_teardown(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	int i;

	if (!v)
		return;
	vunmap(v);
	for (i = 0; i < n; i++)
		put_page(pages[i]);
}
