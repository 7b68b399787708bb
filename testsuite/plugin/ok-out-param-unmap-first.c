/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a mapping returned through an out-parameter, unmapped before the release. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

static int map_out(struct page **pages, int n, void **out)
{
	*out = vm_map_ram(pages, n, -1);
	return *out ? 0 : -1;
}

void out_ok(struct page **pages, int n)
{
	void *v;
	int i;

	if (map_out(pages, n, &v))
		return;
	vm_unmap_ram(v, n);
	for (i = 0; i < n; i++)
		__free_page(pages[i]);
}
