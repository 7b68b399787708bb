/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the NULL check goes through unlikely() (__builtin_expect). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *map_or_release(struct page **pages, int n)
{
	void *v = vm_map_ram(pages, n, -1);

	if (unlikely(v == NULL)) {
		release_pages(pages, n);
		return NULL;
	}
	return v;
}
