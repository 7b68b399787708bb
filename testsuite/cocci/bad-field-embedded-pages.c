/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A mapping kept in a field whose pages are in a struct embedded in the
 * same object (obj->vaddr maps obj->buf.pages), mapped directly or
 * through a pointer to the embedded struct; the teardowns hand &obj->buf
 * to a helper that releases its pages, one of them before unmapping.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct page_set {
	struct page **pages;
	int count;
};

struct ring {
	struct page_set data, index;
	void *data_vaddr;
	void *index_vaddr;
};

static void page_set_free(struct page_set *set)
{
	int i;

	for (i = 0; i < set->count; i++)
		__free_page(set->pages[i]);
	kfree(set->pages);
	set->pages = NULL;
}

int ring_map_data(struct ring *r)
{
	r->data_vaddr = vmap(r->data.pages, r->data.count, VM_MAP, PAGE_KERNEL);
	return r->data_vaddr ? 0 : -ENOMEM;
}

int ring_map_index(struct ring *r)
{
	struct page_set *set = &r->index;

	r->index_vaddr = vmap(set->pages, set->count, VM_MAP, PAGE_KERNEL);
	return r->index_vaddr ? 0 : -ENOMEM;
}

void ring_free_data(struct ring *r)
{
	page_set_free(&r->data); /* { dg-cocci-warning "page_set_free releases pages still mapped by r->data_vaddr \(mapped on line 36, in ring_map_data\)" } */
	vunmap(r->data_vaddr);
}

void ring_free_index(struct ring *r)
{
	if (r->index_vaddr)
		vunmap(r->index_vaddr);
	page_set_free(&r->index);
}

void ring_drop_index_pages(struct ring *r)
{
	int i;

	for (i = 0; i < r->index.count; i++)
		put_page(r->index.pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by r->index_vaddr \(mapped on line 44, in ring_map_index\)" } */
}

/* The mapping in the embedded struct, the pages in the object. */
struct mem_base {
	void *vaddr;
	int size;
};

struct iommu_mem {
	struct mem_base base;
	struct page **page_list;
	int npages;
};

int iommu_mem_acquire(struct iommu_mem *m)
{
	m->base.vaddr = vmap(m->page_list, m->npages, VM_MAP, PAGE_KERNEL);
	return m->base.vaddr ? 0 : -ENOMEM;
}

void iommu_mem_dtor(struct iommu_mem *m)
{
	int i;

	for (i = 0; i < m->npages; i++)
		__free_page(m->page_list[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by m->base.vaddr \(mapped on line 83, in iommu_mem_acquire\)" } */
}
