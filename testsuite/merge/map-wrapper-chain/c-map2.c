/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *chain_map1(struct page **pages, int n);

void *chain_map2(struct page **pages, int n)
{
	return chain_map1(pages, n);
}
