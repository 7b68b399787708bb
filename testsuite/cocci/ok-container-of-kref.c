/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the object comes back through container_of() and is unmapped before its pages go; the last reference is dropped through kref_put(). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/kref.h>
#include <linux/errno.h>

struct gbo {
	struct kref ref;
	struct page **pages;
	int npages;
	void *vaddr;
};

int gbo_vmap(struct gbo *bo)
{
	bo->vaddr = vmap(bo->pages, bo->npages, VM_MAP, PAGE_KERNEL);
	return bo->vaddr ? 0 : -ENOMEM;
}

static void gbo_release(struct kref *ref)
{
	struct gbo *bo = container_of(ref, struct gbo, ref);
	int i;

	vunmap(bo->vaddr);
	for (i = 0; i < bo->npages; i++)
		put_page(bo->pages[i]);
	kfree(bo);
}

void gbo_put(struct gbo *bo)
{
	kref_put(&bo->ref, gbo_release);
}
