/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: vmap(&page, 1, ...) of a single page, freed before the unmap. */
/* { dg-fixits-clean } */
#include <linux/vmalloc.h>

int single_page_copy(void *src)
{
	struct page *page = alloc_page(GFP_KERNEL);
	char *v;

	if (!page)
		return -1;
	v = vmap(&page, 1, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	if (!v) {
		__free_page(page);
		return -1;
	}
	v[0] = *(char *)src;
	__free_page(page); /* { dg-warning "'__free_pages' releases 'page' while it is still mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
	return 0;
}
