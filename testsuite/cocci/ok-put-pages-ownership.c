/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: with VM_MAP_PUT_PAGES the mapping owns the pages; the caller keeps its hands off. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void *owned_map(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP | VM_MAP_PUT_PAGES, PAGE_KERNEL);

	if (!v)
		release_pages(pages, n);
	return v;
}
