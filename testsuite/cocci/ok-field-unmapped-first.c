/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the field mapping is unmapped before the pages are put, in the other function. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/slab.h>

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

void gem_free(struct gem *obj)
{
	int i;

	vunmap(obj->vaddr);
	for (i = 0; i < obj->npages; i++)
		put_page(obj->pages[i]);
	kvfree(obj->pages);
}
