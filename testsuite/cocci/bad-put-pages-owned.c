/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: VM_MAP_PUT_PAGES hands the pages to the mapping; the caller still puts them. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void *owned_map(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP | VM_MAP_PUT_PAGES, PAGE_KERNEL);

	if (!v)
		return NULL;
	put_page(pages[0]); /* { dg-cocci-warning "put_page releases pages handed to the mapping v \(mapped on line 8\) with VM_MAP_PUT_PAGES: vfree\(\) releases them" } */
	return v;
}
