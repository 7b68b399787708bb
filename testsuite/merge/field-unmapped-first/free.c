/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include "obj.h"

void obj_free(struct obj *o)
{
	int i;

	obj_unmap(o);
	for (i = 0; i < o->n; i++)
		put_page(o->pages[i]);
	kfree(o);
}
