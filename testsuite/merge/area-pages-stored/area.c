/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct vm_struct {
	struct page **pages;
	unsigned int nr_pages;
};

struct vm_struct *remove_vm_area(const void *addr);

void area_free(const void *addr)
{
	struct vm_struct *vm = remove_vm_area(addr);
	unsigned int i;

	if (!vm)
		return;
	for (i = 0; i < vm->nr_pages; i++)
		__free_page(vm->pages[i]);
}
