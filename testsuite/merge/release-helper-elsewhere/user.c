/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void drop_pages(struct page **pages, int n);

void user(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-merge-note "mapping created here" } */

	if (!v)
		return;
	drop_pages(pages, n); /* { dg-merge-warning "'drop_pages' releases pages still mapped by 'v', which is unmapped only later" } */
	/* { dg-merge-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-merge-note "'v' is unmapped only here, after the release" } */
}
