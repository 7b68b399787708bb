/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: vfree() of the page array after unpinning is no late unmap (drivers/virt/acrn/mm.c). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void regions_unmap(struct page **pages, int npages, void *va)
{
	int i;

	vunmap(va);
	for (i = 0; i < npages; i++)
		unpin_user_page(pages[i]);
	vfree(pages);
}
