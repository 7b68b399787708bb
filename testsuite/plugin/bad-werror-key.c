/* SPDX-License-Identifier: GPL-2.0-only */
/* -fplugin-arg-vmapcheck-werror: the user asks for findings as errors. */
/* { dg-options "-fplugin-arg-vmapcheck-werror" } */
#include <linux/vmalloc.h>

void werror_key_case(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return;
	release_pages(pages, n); /* { dg-error "'release_pages' releases 'pages'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
}
