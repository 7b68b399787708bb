/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: a page helper here, used by obj.c's free function before the field mapping is gone. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include "obj.h"

void sobj_put_pages(struct sobj *o)
{
	int i;

	for (i = 0; i < o->n; i++)
		put_page(o->pages[i]); /* { dg-merge-note "the pages are released here, in 'sobj_put_pages'" } */
}
