/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: every page reference is dropped before the vunmap(). */
/* { dg-fixits-clean } */
#include <linux/vmalloc.h>

void buffer_destroy(struct page **pages, int n)
{
	void *vaddr = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	int i;

	if (!vaddr)
		return;
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]' while it is still mapped by 'vaddr', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'vaddr' before releasing its pages, or map with 'vmap_pages'" "" { target *-*-* } .-1 } */
	vunmap(vaddr); /* { dg-note "'vaddr' is unmapped only here, after the release" } */
}
