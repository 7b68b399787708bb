/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the field is tested before the pages go: the state is visible. */
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

int gem_put_pages(struct gem *obj)
{
	int i;

	if (obj->vaddr)
		return -EBUSY;
	for (i = 0; i < obj->npages; i++)
		put_page(obj->pages[i]);
	return 0;
}
