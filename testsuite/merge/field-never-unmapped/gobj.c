/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: a field mapping that nothing in the build unmaps (its unmap
 * helper forgets the vunmap).  The teardown is reached only through an
 * ops table, whose owner decides the order of calls; that order cannot
 * help when no unmap exists anywhere: the release is reported where it
 * happens, by a merge told that it has the whole build (--complete).
 */
/* { dg-no-diagnostics } */
/* { dg-merge-options "--complete" } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include "gobj.h"

int gobj_vmap(struct gobj *obj)
{
	obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL); /* { dg-merge-note "mapping created here, in 'gobj_vmap'" } */
	return obj->vaddr ? 0 : -1;
}

void gobj_vunmap(struct gobj *obj)
{
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
