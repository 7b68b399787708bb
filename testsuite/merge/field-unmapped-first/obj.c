/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file, quiet: the free function of another file unmaps the field before the pages go. */
/* { dg-no-diagnostics } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>
#include "obj.h"

int obj_map(struct obj *o)
{
	o->vaddr = vmap(o->pages, o->n, VM_MAP, PAGE_KERNEL);
	return o->vaddr ? 0 : -1;
}

void obj_unmap(struct obj *o)
{
	vunmap(o->vaddr);
	o->vaddr = NULL;
}
