/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: -fplugin-arg-vmapcheck-disable turns the plugin off (a reviewed file's opt-out). */
/* { dg-options "-fplugin-arg-vmapcheck-disable" } */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void disabled(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	release_pages(pages, n);
	vunmap(v);
}
