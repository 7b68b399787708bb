/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: the page helper of gobj.c's teardown. */
/* { dg-no-diagnostics } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>
#include "gobj.h"

void gobj_put_pages(struct gobj *obj)
{
	int i;

	for (i = 0; i < obj->npages; i++)
		put_page(obj->pages[i]);
}
