/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: a destructor reached through an ops table tests the mapping
 * field and, finding a mapping, calls a helper that only forgets it
 * (nouveau's gk20a instmem shape with the unmap lost) before releasing
 * the pages.  Another function unmaps the field, so callers would
 * otherwise judge the release; the destructor's own test says the
 * mapping is there.
 */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct inst_obj {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

struct inst_ops {
	void (*dtor)(struct inst_obj *obj);
};

int inst_acquire(struct inst_obj *obj)
{
	if (!obj->vaddr)
		obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL);
	return obj->vaddr ? 0 : -ENOMEM;
}

void inst_shrink(struct inst_obj *obj)
{
	vunmap(obj->vaddr);
	obj->vaddr = NULL;
}

static void inst_recycle_vaddr(struct inst_obj *obj)
{
	obj->vaddr = NULL;
}

static void inst_dtor(struct inst_obj *obj)
{
	unsigned int i;

	if (obj->vaddr)
		inst_recycle_vaddr(obj);
	for (i = 0; i < obj->npages; i++)
		__free_page(obj->pages[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by obj->vaddr \(mapped on line 27, in inst_acquire\)" } */
	kvfree(obj->pages);
}

const struct inst_ops inst_ops = {
	.dtor = inst_dtor,
};
