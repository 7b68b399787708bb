/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the else branch of a NULL test is the mapped one. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (v == NULL) {
		release_pages(pages, n);
	} else {
		fill(v);
		release_pages(pages, n); /* { dg-cocci-warning "release_pages releases pages still mapped by v" } */
		vunmap(v);
	}
}
