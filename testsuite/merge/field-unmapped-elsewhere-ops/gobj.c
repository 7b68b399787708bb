/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: the twin of field-never-unmapped with the unmap in place:
 * the teardown, reached through an ops table, unmaps first; quiet.
 */
/* { dg-no-diagnostics } */
/* { dg-merge-options "--complete" } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include "gobj.h"

int gobj_vmap(struct gobj *obj)
{
	obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL);
	return obj->vaddr ? 0 : -1;
}

void gobj_vunmap(struct gobj *obj)
{
	vunmap(obj->vaddr);
	obj->vaddr = NULL;
}

static void gobj_free(struct gobj *obj)
{
	gobj_vunmap(obj);
	gobj_put_pages(obj);
	kfree(obj);
}

const struct gobj_funcs gobj_funcs = {
	.free = gobj_free,
};
