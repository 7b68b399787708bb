/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the field mapping is unmapped before the field's pages go, through a helper that does both. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct shmem_obj {
	struct page **pages;
	int npages;
	void *vaddr;
};

int shmem_vmap(struct shmem_obj *o)
{
	o->vaddr = vmap(o->pages, o->npages, VM_MAP, PAGE_KERNEL);
	return o->vaddr ? 0 : -1;
}

static void shmem_put_pages(struct shmem_obj *o)
{
	int i;

	if (o->vaddr) {
		vunmap(o->vaddr);
		o->vaddr = NULL;
	}
	for (i = 0; i < o->npages; i++)
		put_page(o->pages[i]);
	kvfree(o->pages);
}

void shmem_free(struct shmem_obj *o)
{
	shmem_put_pages(o);
	kfree(o);
}
