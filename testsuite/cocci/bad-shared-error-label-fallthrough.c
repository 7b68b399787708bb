/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reported, not patched: the label that puts the pages is reached before
 * the vmap() by falling through from the label above it, so no label of
 * its own in front of it can hold the unmap.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

int setup_fall(struct page **pages, int n, int got, void **out)
{
	void *virt;
	int *priv;
	int i;

	priv = kcalloc(n, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	if (got != n) {
		n = got;
		goto free_priv;
	}
	virt = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!virt)
		goto put_pages;
	if (n > 16)
		goto put_pages;
	*out = virt;
	return 0;
free_priv:
	kfree(priv);
put_pages:
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by virt \(mapped on line 25\); unmap first, or use vmap_pages\(\) \[vmapcheck:release-while-mapped\]$" } */
	return -ENOMEM;
}
