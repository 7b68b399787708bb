/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the mapping is returned through an out-parameter. */
#include <linux/vmalloc.h>

static int map_into(struct page **pages, int n, void **out)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return -1;
	*out = v;
	return 0;
}

void out_param_user(struct page **pages, int n)
{
	void *addr;

	if (map_into(pages, n, &addr)) /* { dg-note "mapping created here" } */
		return;
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages' while it is still mapped by 'addr'" } */
	/* { dg-note "fix: unmap" "" { target *-*-* } .-1 } */
	vunmap(addr); /* { dg-note "unmapped only here" } */
}
/* { dg-note "no fix-it: the mapping is made in 'map_into'" "" { target *-*-* } 21 } */
