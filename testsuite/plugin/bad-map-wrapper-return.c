/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the mapping comes back from a wrapper's return value. */
#include <linux/vmalloc.h>

static void *map_buffer(struct page **pages, unsigned int n)
{
	return vmap(pages, n, VM_MAP, PAGE_KERNEL);
}

void use_buffer(struct page **pages, unsigned int n)
{
	char *buf = map_buffer(pages, n); /* { dg-note "mapping created here" } */

	if (!buf)
		return;
	buf[0] = 1;
	put_page(pages[0]); /* { dg-warning "'put_page' releases '\*pages' while it is still mapped by 'buf'" } */
	/* { dg-note "fix: unmap 'buf'" "" { target *-*-* } .-1 } */
	vunmap(buf); /* { dg-note "unmapped only here" } */
}
/* { dg-note "no fix-it: the mapping is made in 'map_buffer'" "" { target *-*-* } 17 } */
