/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: kvfree() of the array of page pointers releases no page. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

void *buf_map(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	kvfree(pages);
	return v;
}
