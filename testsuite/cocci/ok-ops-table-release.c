/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: pages released through a function-pointer table are not seen, by design. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

struct buf_ops {
	void (*put_pages)(struct page **pages, int n);
};

void buf_free(const struct buf_ops *ops, struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	vunmap(v);
	ops->put_pages(pages, n);
}
