/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: vfree() of a plain vmap() area only unmaps; releasing afterwards is right. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void vfree_then_release(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	vfree(v);
	release_pages(pages, n);
}
