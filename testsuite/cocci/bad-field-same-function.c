/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: mapping and pages in fields of one object, in one function. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct buf {
	struct page **pages;
	int npages;
	void *vaddr;
};

int buf_check(struct buf *b, int bad)
{
	int i;

	b->vaddr = vmap(b->pages, b->npages, VM_MAP, PAGE_KERNEL);
	if (!b->vaddr)
		return -ENOMEM;
	if (bad) {
		for (i = 0; i < b->npages; i++)
			put_page(b->pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by b->vaddr \(mapped on line 17\)" } */
		return -EINVAL;
	}
	return 0;
}
