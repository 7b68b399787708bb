/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The error label that puts the pages is also reached before the vmap()
 * (as in powerpc kvm e500_mmu.c), so an unmap added there would see an
 * uninitialised address: patch mode gives the unmap a label of its own in
 * front of it, and the goto after the vmap() takes that one.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

int setup(struct page **pages, int n, int got, void **out)
{
	void *virt;
	int *priv;
	int i;

	if (got != n) {
		n = got;
		goto put_pages;
	}
	virt = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!virt)
		goto put_pages;
	priv = kcalloc(n, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		goto put_pages;
	*out = virt;
	return 0;
put_pages:
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by virt \(mapped on line 23\); unmap first, or use vmap_pages\(\) \[vmapcheck:release-while-mapped\]$" } */
	return -ENOMEM;
}
