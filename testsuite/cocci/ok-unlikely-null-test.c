/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: unlikely(!v) is a NULL test too. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void *buf_map(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (unlikely(!v)) {
		release_pages(pages, n);
		return NULL;
	}
	return v;
}
