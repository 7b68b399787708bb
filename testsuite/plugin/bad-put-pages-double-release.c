/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: with VM_MAP_PUT_PAGES the mapping owns the references; the caller still drops them. */
#include <linux/vmalloc.h>

void *map_owned(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP | VM_MAP_PUT_PAGES, PAGE_KERNEL); /* { dg-note "mapping created here with 'VM_MAP_PUT_PAGES': 'vfree' of it releases the pages again" } */
	int i;

	if (!v)
		return NULL;
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]', a page whose reference was handed to the mapping 'v' with 'VM_MAP_PUT_PAGES'" } */
	/* { dg-note "fix: drop this release and let 'vfree' release the pages" "" { target *-*-* } .-1 } */
	return v;
}
