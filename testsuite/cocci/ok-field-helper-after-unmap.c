/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the helper that puts the field's pages is only called after the unmap. */
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

static void gem_put_pages(struct gem *obj)
{
	int i;

	for (i = 0; i < obj->npages; i++)
		put_page(obj->pages[i]);
}

void gem_free(struct gem *obj)
{
	vunmap(obj->vaddr);
	gem_put_pages(obj);
}
