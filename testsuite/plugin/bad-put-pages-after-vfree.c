/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: vfree() of a VM_MAP_PUT_PAGES mapping already released the pages; releasing them again is a double release. */
#include <linux/vmalloc.h>

void owned_teardown(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP_PUT_PAGES, PAGE_KERNEL); /* { dg-note "mapping created here with 'VM_MAP_PUT_PAGES'" } */

	if (!v)
		return;
	vfree(v);
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages', a page whose reference was handed to the mapping 'v'" } */
	/* { dg-note "fix: drop this release" "" { target *-*-* } .-1 } */
}
