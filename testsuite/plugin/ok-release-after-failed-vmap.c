/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: pages released only where vmap() failed (io_mem_alloc_single style). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/err.h>

void *alloc_single(struct page **pages, int nr)
{
	void *ret;
	int i;

	for (i = 0; i < nr; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		if (!pages[i])
			goto err;
	}
	ret = vmap(pages, nr, VM_MAP, PAGE_KERNEL);
	if (ret)
		return ret;
err:
	while (i--)
		put_page(pages[i]);
	return ERR_PTR(-ENOMEM);
}
