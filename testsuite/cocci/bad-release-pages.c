/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the whole array released with release_pages() before the unmap. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

int buf_copy(struct page **pages, int n, void *dst)
{
	void *v;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (v == NULL)
		return -ENOMEM;
	__builtin_memcpy(dst, v, 64);
	release_pages(pages, n); /* { dg-cocci-warning "release_pages releases pages still mapped by v \(mapped on line 11\), which is unmapped only later, on line 16" } */
	vunmap(v);
	return 0;
}
