/* SPDX-License-Identifier: GPL-2.0-only */
/* ...and its pages released in another, with no unmap: only the whole build shows it. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include "gem.h"

void gem_put_pages(struct gem *g)
{
	int i;

	for (i = 0; i < g->n; i++)
		put_page(g->pages[i]); /* { dg-merge-warning "'put_page' releases 'g->pages\[i\]' while it may still be mapped by 'g->vaddr'" } */
	/* { dg-merge-note "fix: unmap 'g->vaddr'" "" { target *-*-* } .-1 } */
}
