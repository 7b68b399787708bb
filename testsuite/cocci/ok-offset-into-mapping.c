/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: an offset into the mapping is not the mapping; unmapping the base still comes first. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n, unsigned long off)
{
	void *base = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	void *p;

	if (!base)
		return;
	p = base + off;
	fill(p);
	vunmap(base);
	release_pages(pages, n);
}
