/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: return on success; what follows runs only when vmap() failed (io_uring/memmap.c). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/err.h>

void *alloc_single(struct page **pages, int nr_pages, gfp_t gfp)
{
	void *ret;
	int i;

	for (i = 0; i < nr_pages; i++) {
		pages[i] = alloc_page(gfp);
		if (!pages[i])
			goto err;
	}

	ret = vmap(pages, nr_pages, VM_MAP, PAGE_KERNEL);
	if (ret)
		return ret;
err:
	while (i--)
		put_page(pages[i]);
	return ERR_PTR(-ENOMEM);
}
