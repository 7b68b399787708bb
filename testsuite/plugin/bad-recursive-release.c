/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a recursive release helper (summaries reach a fixpoint). */
#include <linux/vmalloc.h>

static void put_range(struct page **pages, int n)
{
	if (n <= 0)
		return;
	put_page(pages[n - 1]); /* { dg-note "the pages are released here, in 'put_range'" } */
	put_range(pages, n - 1);
}

int recursive_user(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return -1;
	put_range(pages, n); /* { dg-warning "'put_range' releases pages still mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
	return 0;
}
