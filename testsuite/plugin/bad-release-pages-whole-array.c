/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: release_pages() on the whole array (a transparent union argument) while mapped. */
/* { dg-fixits-clean } */
#include <linux/vmalloc.h>

void drop_all(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return;
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages' while it is still mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
}
