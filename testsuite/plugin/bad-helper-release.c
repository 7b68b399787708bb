/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a helper of this file releases the pages (its summary says so) while they are mapped. */
#include <linux/vmalloc.h>

static void drop_pages(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-note "the pages are released here, in 'drop_pages'" } */
}

int map_and_drop(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return -1;
	drop_pages(pages, n); /* { dg-warning "'drop_pages' releases pages still mapped by 'v', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
	return 0;
}
