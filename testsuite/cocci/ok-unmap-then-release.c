/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: unmap, then release. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	fill(v);
	vunmap(v);
	release_pages(pages, n);
}
