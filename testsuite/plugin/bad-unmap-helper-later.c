/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the unmap is in a helper, but the helper runs after the release. */
#include <linux/vmalloc.h>

static void unmap_buffer(void *addr)
{
	vunmap(addr);
}

void late_unmap(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	int i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]' while it is still mapped by 'v', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	unmap_buffer(v); /* { dg-note "'v' is unmapped only here, after the release" } */
}
/* { dg-note "no fix-it: it is also unmapped by 'unmap_buffer'" "" { target *-*-* } 18 } */
