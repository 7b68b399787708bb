/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a function that fills the page array releases its own fresh pages on failure. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct gem {
	struct page **pages;
	int npages;
	void *vaddr;
};

int gem_vmap(struct gem *obj)
{
	obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL);
	return obj->vaddr ? 0 : -ENOMEM;
}

int gem_get_pages(struct gem *obj)
{
	int i;

	for (i = 0; i < obj->npages; i++) {
		obj->pages[i] = alloc_page(GFP_KERNEL);
		if (!obj->pages[i])
			goto fail;
	}
	return 0;
fail:
	while (i--)
		put_page(obj->pages[i]);
	return -ENOMEM;
}
