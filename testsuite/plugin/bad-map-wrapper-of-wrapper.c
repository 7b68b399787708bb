/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a wrapper of a wrapper of vm_map_ram(), with an ERR_PTR() failure convention. */
#include <linux/vmalloc.h>
#include <linux/err.h>

static void *map_raw(struct page **pages, unsigned int n)
{
	return vm_map_ram(pages, n, -1);
}

static void *map_checked(struct page **pages, unsigned int n)
{
	void *p = map_raw(pages, n);

	return p ? p : ERR_PTR(-ENOMEM);
}

int consume(struct page **pages, unsigned int n)
{
	void *p = map_checked(pages, n); /* { dg-note "mapping created here" } */
	unsigned int i;

	if (IS_ERR(p)) {
		for (i = 0; i < n; i++)
			__free_page(pages[i]);
		return PTR_ERR(p);
	}
	for (i = 0; i < n; i++)
		__free_page(pages[i]); /* { dg-warning "'__free_pages' releases 'pages\[i\]' while it is still mapped by 'p'" } */
	/* { dg-note "fix: unmap 'p'" "" { target *-*-* } .-1 } */
	vm_unmap_ram(p, n); /* { dg-note "unmapped only here" } */
	return 0;
}
/* { dg-note "no fix-it: the mapping is made in 'map_raw'" "" { target *-*-* } 29 } */
