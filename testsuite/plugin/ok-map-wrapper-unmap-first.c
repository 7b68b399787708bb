/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: map and unmap through wrappers, in the right order. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

static void *map_buf(struct page **pages, int n)
{
	return vmap(pages, n, VM_MAP, PAGE_KERNEL);
}

static void unmap_buf(void *v)
{
	vunmap(v);
}

void wrapped(struct page **pages, int n)
{
	void *v = map_buf(pages, n);

	if (!v)
		return;
	unmap_buf(v);
	release_pages(pages, n);
}
