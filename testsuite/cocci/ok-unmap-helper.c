/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a helper of the file unmaps before the release. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

struct buf {
	void *vaddr;
};

static void buf_unmap(struct buf *b)
{
	vunmap(b->vaddr);
	b->vaddr = NULL;
}

void buf_use(struct buf *b, struct page **pages, int n)
{
	b->vaddr = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!b->vaddr)
		return;
	buf_unmap(b);
	release_pages(pages, n);
}
