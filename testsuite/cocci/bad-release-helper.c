/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a helper of the file releases the pages it is handed. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

static void put_all(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
}

void buf_free(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	put_all(pages, n); /* { dg-cocci-warning "put_all releases pages still mapped by v \(mapped on line 16\), which is unmapped only later, on line 21" } */
	vunmap(v);
}
