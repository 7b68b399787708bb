/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *chain_map1(struct page **pages, int n)
{
	return vmap(pages, n, VM_MAP, PAGE_KERNEL);
}
