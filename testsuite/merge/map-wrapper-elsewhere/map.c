/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: the mapping comes from a wrapper in another file. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *buf_map(struct page **pages, int n)
{
	return vmap(pages, n, VM_MAP, PAGE_KERNEL);
}
