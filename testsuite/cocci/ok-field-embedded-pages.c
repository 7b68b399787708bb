/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The quiet twins of bad-field-embedded-pages.c: teardowns that unmap
 * first, directly or through a helper handed the object.
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct page_set {
	struct page **pages;
	int count;
};

struct ring {
	struct page_set data;
	void *data_vaddr;
};

static void page_set_free(struct page_set *set)
{
	int i;

	for (i = 0; i < set->count; i++)
		__free_page(set->pages[i]);
	kvfree(set->pages);
}

int ring_map_data(struct ring *r)
{
	r->data_vaddr = vmap(r->data.pages, r->data.count, VM_MAP, PAGE_KERNEL);
	return r->data_vaddr ? 0 : -ENOMEM;
}

void ring_free_data(struct ring *r)
{
	if (r->data_vaddr)
		vunmap(r->data_vaddr);
	page_set_free(&r->data);
}

struct mem_base {
	void *vaddr;
};

struct iommu_mem {
	struct mem_base base;
	struct page **page_list;
	int npages;
};

static void iommu_mem_recycle(struct iommu_mem *m)
{
	vunmap(m->base.vaddr);
	m->base.vaddr = NULL;
}

int iommu_mem_acquire(struct iommu_mem *m)
{
	m->base.vaddr = vmap(m->page_list, m->npages, VM_MAP, PAGE_KERNEL);
	return m->base.vaddr ? 0 : -ENOMEM;
}

void iommu_mem_dtor(struct iommu_mem *m)
{
	int i;

	if (m->base.vaddr)
		iommu_mem_recycle(m);
	for (i = 0; i < m->npages; i++)
		__free_page(m->page_list[i]);
}
