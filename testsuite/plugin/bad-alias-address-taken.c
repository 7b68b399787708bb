/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the mapping lives in an address-taken local and is read back from memory. */
#include <linux/vmalloc.h>

void remember(void **slot);

void via_memory(struct page **pages, int n)
{
	void *v;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	if (!v)
		return;
	remember(&v);
	__free_pages(pages[0], 0); /* { dg-warning "'__free_pages' releases '\*pages' while it is still mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vunmap(v); /* { dg-note "unmapped only here" } */
}
