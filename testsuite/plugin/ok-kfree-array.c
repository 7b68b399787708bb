/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: kfree()/kvfree() of the array of page pointers is not a page release. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

void *map_and_forget_array(struct page **src, int n)
{
	struct page **pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	void *v;
	int i;

	if (!pages)
		return NULL;
	for (i = 0; i < n; i++)
		pages[i] = src[i];
	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	kfree(pages);
	return v;
}

void *map_and_forget_kvarray(struct page **src, int n)
{
	struct page **pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	void *v;
	int i;

	if (!pages)
		return NULL;
	for (i = 0; i < n; i++)
		pages[i] = src[i];
	v = vm_map_ram(pages, n, -1);
	kvfree(pages);
	return v;
}
