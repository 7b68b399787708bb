/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a destructor reached through an ops table tests the mapping
 * field and, finding a mapping, has a helper unmap it before releasing
 * the pages.
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct inst_obj {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

struct inst_ops {
	void (*dtor)(struct inst_obj *obj);
};

int inst_acquire(struct inst_obj *obj)
{
	if (!obj->vaddr)
		obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL);
	return obj->vaddr ? 0 : -ENOMEM;
}

void inst_shrink(struct inst_obj *obj)
{
	vunmap(obj->vaddr);
	obj->vaddr = NULL;
}

static void inst_recycle_vaddr(struct inst_obj *obj)
{
	vunmap(obj->vaddr);
	obj->vaddr = NULL;
}

static void inst_dtor(struct inst_obj *obj)
{
	unsigned int i;

	if (obj->vaddr)
		inst_recycle_vaddr(obj);
	for (i = 0; i < obj->npages; i++)
		__free_page(obj->pages[i]);
	kvfree(obj->pages);
}

const struct inst_ops inst_ops = {
	.dtor = inst_dtor,
};
