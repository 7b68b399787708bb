/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include "obj.h"

int sobj_map(struct sobj *o)
{
	o->vaddr = vmap(o->pages, o->n, VM_MAP, PAGE_KERNEL); /* { dg-merge-note "mapping created here, in 'sobj_map'" } */
	return o->vaddr ? 0 : -1;
}

void sobj_free(struct sobj *o)
{
	sobj_put_pages(o); /* { dg-merge-warning "'sobj_put_pages' releases pages still mapped by 'o->vaddr', which is unmapped only later" } */
	/* { dg-merge-note "fix: unmap 'o->vaddr'" "" { target *-*-* } .-1 } */
	vunmap(o->vaddr); /* { dg-merge-note "'o->vaddr' is unmapped only here, after the release" } */
	kfree(o);
}
