/* SPDX-License-Identifier: GPL-2.0-only */
/* Findings stay warnings under -Werror: a -Werror kernel build keeps building. */
/* { dg-options "-Werror" } */
#include <linux/vmalloc.h>

void werror_case(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return;
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
}
