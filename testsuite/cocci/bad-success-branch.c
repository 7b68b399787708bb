/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: inside the success branch of if (v), the release comes before the unmap. */
#include <linux/vmalloc.h>
#include <linux/mm.h>

int fill(void *v);

void buf_use(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (v) {
		fill(v);
		release_pages(pages, n); /* { dg-cocci-warning "release_pages releases pages still mapped by v" } */
		vunmap(v);
	}
}
