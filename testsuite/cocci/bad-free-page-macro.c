/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: __free_page() (a macro the compiler never sees) and __free_pages(). */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void two_pages(struct page **pages)
{
	void *v = vmap(pages, 2, VM_MAP, PAGE_KERNEL);

	if (!v)
		return;
	__free_page(pages[0]); /* { dg-cocci-warning "__free_page releases pages still mapped by v" } */
	__free_pages(pages[1], 0); /* { dg-cocci-warning "__free_pages releases pages still mapped by v" } */
	vunmap(v);
}
