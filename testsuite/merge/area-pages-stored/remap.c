/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: a remap helper keeps the pages in the vmap layer's own
 * descriptor of the area (as dma_common_pages_remap() does); the area's
 * free routine releases them after taking the area down.  Neither is a
 * release of the pages a caller of the helper keeps mapped.
 */
/* { dg-no-diagnostics } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>

struct vm_struct {
	struct page **pages;
	unsigned int nr_pages;
};

struct vm_struct *find_vm_area(const void *addr);

void *pages_remap(struct page **pages, unsigned long size)
{
	void *vaddr = vmap(pages, size >> PAGE_SHIFT, VM_MAP, PAGE_KERNEL);

	if (vaddr)
		find_vm_area(vaddr)->pages = pages;
	return vaddr;
}
