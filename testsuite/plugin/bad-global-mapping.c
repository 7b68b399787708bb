/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a mapping held in a global, its pages in another global, released by another function. */
#include <linux/vmalloc.h>

static struct page *scratch_pages[4];
static void *scratch;

int scratch_init(void)
{
	int i;

	for (i = 0; i < 4; i++) {
		scratch_pages[i] = alloc_page(GFP_KERNEL);
		if (!scratch_pages[i])
			return -1;
	}
	scratch = vmap(scratch_pages, 4, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'scratch_init'; nothing in 'scratch_exit' unmaps 'scratch' before the release" } */
	return scratch ? 0 : -1;
}

void scratch_exit(void)
{
	int i;

	for (i = 0; i < 4; i++)
		__free_page(scratch_pages[i]); /* { dg-warning "'__free_pages' releases 'scratch_pages\[i\]' while it may still be mapped by 'scratch'" } */
	/* { dg-note "fix: unmap 'scratch'" "" { target *-*-* } .-1 } */
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 26 } */
