/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the unmap is in a helper (two levels), called before the release. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

static void do_unmap(void *addr)
{
	vunmap(addr);
}

static void unmap_buffer(void *addr)
{
	if (addr)
		do_unmap(addr);
}

void helper_teardown(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	unmap_buffer(v);
	release_pages(pages, n);
}
