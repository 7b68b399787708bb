/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the NULL check is there, but the release is on the success branch. */
#include <linux/vmalloc.h>

void *map_or_drop(struct page **pages, int n, bool keep)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	int i;

	if (unlikely(!v))
		return NULL;
	if (!keep)
		for (i = 0; i < n; i++)
			put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]' while it may still be mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	return v;
}
/* { dg-note "no fix-it: the mapping outlives this function" "" { target *-*-* } 14 } */
