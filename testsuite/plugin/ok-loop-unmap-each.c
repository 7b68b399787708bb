/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a loop over buffers unmaps each one before releasing its pages. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct seg {
	void *vaddr;
	struct page **pages;
	int n;
};

int seg_map(struct seg *s)
{
	s->vaddr = vmap(s->pages, s->n, VM_MAP, PAGE_KERNEL);
	return s->vaddr ? 0 : -1;
}

void segs_free(struct seg *segs, int count)
{
	int i;

	for (i = 0; i < count; i++) {
		vunmap(segs[i].vaddr);
		release_pages(segs[i].pages, segs[i].n);
	}
}
