/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the mapping and the pages reached through local copies and casts. */
#include <linux/vmalloc.h>

void alias_copies(struct page **pages, int n)
{
	struct page **array = pages;
	void *v = vmap(array, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	/* { dg-note "mapping created here" "" { target *-*-* } .-1 } */
	char *bytes = v;
	unsigned long addr = (unsigned long)bytes;
	struct page **p = pages + 1;

	if (!v)
		return;
	put_page(pages[0]); /* { dg-warning "'put_page' releases '\*pages' while it is still mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	put_page(p[0]); /* { dg-warning "releases .\*p. while it is still mapped by .v." } */
	/* { dg-note "fix: unmap" "" { target *-*-* } .-1 } */
	vunmap((void *)addr); /* { dg-note "unmapped only here" } */
	/* { dg-note "unmapped only here" "" { target *-*-* } .-1 } */
}
