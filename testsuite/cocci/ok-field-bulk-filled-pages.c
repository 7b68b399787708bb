/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: pages filled by the bulk allocator are the function's own on its error path (atomisp hmm_bo.c). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct bo {
	struct page **pages;
	int pgnr;
	void *vmap_addr;
};

static void free_pages_array(unsigned long nr_pages, struct page **page_array)
{
	unsigned long i;

	for (i = 0; i < nr_pages; i++)
		__free_pages(page_array[i], 0);
}

int bo_alloc_pages(struct bo *bo)
{
	int ret = alloc_pages_bulk_array(GFP_KERNEL, bo->pgnr, bo->pages);

	if (ret != bo->pgnr) {
		free_pages_array(ret, bo->pages);
		return -ENOMEM;
	}
	return 0;
}

int bo_vmap(struct bo *bo)
{
	bo->vmap_addr = vmap(bo->pages, bo->pgnr, VM_MAP, PAGE_KERNEL);
	return bo->vmap_addr ? 0 : -ENOMEM;
}
