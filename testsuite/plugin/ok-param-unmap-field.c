/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the free function unmaps the address it is handed, which its
 * caller took from info->vaddr, before the pages of info go (ipu6-dma).
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct vm_info {
	struct page **pages;
	int count;
	void *vaddr;
};

void *dma_alloc_mapped(struct vm_info *info)
{
	info->vaddr = vmap(info->pages, info->count, VM_MAP, PAGE_KERNEL);
	return info->vaddr;
}

void dma_free_mapped(struct vm_info *info, void *vaddr)
{
	int i;

	vunmap(vaddr);
	for (i = 0; i < info->count; i++)
		__free_page(info->pages[i]);
	kfree(info);
}
