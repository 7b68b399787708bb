/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: vm_map_ram() and vm_unmap_ram(). */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void ram_release(struct page **pages, int n)
{
	void *mem = vm_map_ram(pages, n, -1);
	int i;

	if (!mem)
		return;
	for (i = 0; i < n; i++)
		unpin_user_page(pages[i]); /* { dg-cocci-warning "unpin_user_page releases pages still mapped by mem \(mapped on line 8\), which is unmapped only later, on line 15" } */
	vm_unmap_ram(mem, n);
}
