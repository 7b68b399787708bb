/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: an error path after a successful vmap() releases the pages but forgets the unmap. */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/err.h>

struct ring {
	void *base;
	int size;
};

int setup_ring(struct ring *r, void *base);

int ring_create(struct page **pages, int n, struct ring *r)
{
	void *base;
	int i, err;

	base = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here; on this path nothing unmaps it before the release" } */
	if (!base) {
		err = -ENOMEM;
		goto free_pages;
	}
	err = setup_ring(r, base);
	if (err)
		goto free_pages;
	return 0;

free_pages:
	for (i = 0; i < n; i++)
		__free_page(pages[i]); /* { dg-warning "'__free_pages' releases 'pages\[i\]' while it may still be mapped by 'base'" } */
	/* { dg-note "fix: unmap 'base'" "" { target *-*-* } .-1 } */
	return err;
}
/* { dg-note "no fix-it: the mapping outlives this function" "" { target *-*-* } 31 } */
