/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: pages put in a loop while the mapping is live; the unmap comes after. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void buf_release(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	int i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by v \(mapped on line 8\), which is unmapped only later, on line 15; unmap first, or use vmap_pages\(\)" } */
	vunmap(v);
}
