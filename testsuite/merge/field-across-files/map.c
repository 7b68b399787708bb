/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: the field mapping is made in this file... */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include "gem.h"

int gem_vmap(struct gem *g)
{
	g->vaddr = vmap(g->pages, g->n, VM_MAP, PAGE_KERNEL); /* { dg-merge-note "mapping created here, in 'gem_vmap'; nothing in 'gem_put_pages' unmaps 'g->vaddr' before the release" } */
	return g->vaddr ? 0 : -1;
}
