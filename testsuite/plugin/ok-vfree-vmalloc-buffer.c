/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: vfree() of a vmalloc() buffer after releasing unrelated pages is not a late unmap. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct table {
	void *buf;
	struct page **pages;
	int n;
};

void table_free(struct table *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		put_page(t->pages[i]);
	vfree(t->buf);
	vfree(t->pages);
}
