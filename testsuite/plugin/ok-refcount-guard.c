/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the mapping's lifetime is guarded by a use count; the last user unmaps before the pages go. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct counted_map {
	int vmap_use_count;
	int pages_use_count;
	struct page **pages;
	int n;
	void *vaddr;
};

int counted_vmap(struct counted_map *m)
{
	if (m->vmap_use_count++ > 0)
		return 0;
	m->vaddr = vmap(m->pages, m->n, VM_MAP, PAGE_KERNEL);
	return m->vaddr ? 0 : -1;
}

void counted_vunmap(struct counted_map *m)
{
	if (--m->vmap_use_count > 0)
		return;
	vunmap(m->vaddr);
	m->vaddr = NULL;
}

void counted_put_pages(struct counted_map *m)
{
	if (--m->pages_use_count > 0)
		return;
	if (m->vmap_use_count)
		counted_vunmap(m);
	release_pages(m->pages, m->n);
}
