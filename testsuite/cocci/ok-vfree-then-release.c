/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: vfree() of a plain vmap() area only unmaps; the pages are released after. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	int i;

	if (!v)
		return;
	fill(v);
	vfree(v);
	for (i = 0; i < n; i++)
		__free_page(pages[i]);
}
