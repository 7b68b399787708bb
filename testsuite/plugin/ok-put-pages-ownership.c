/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: VM_MAP_PUT_PAGES hands the references over; the caller releases only when vmap() failed. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

void *owned_buffer(int n)
{
	struct page **pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	void *v;
	int i;

	if (!pages)
		return NULL;
	for (i = 0; i < n; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	v = vmap(pages, n, VM_MAP | VM_MAP_PUT_PAGES, PAGE_KERNEL);
	if (!v) {
		for (i = 0; i < n; i++)
			__free_page(pages[i]);
		kvfree(pages);
	}
	return v;
}

void owned_buffer_free(void *v)
{
	vfree(v);
}
