/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: obj->vaddr maps obj->pages in one function; another puts the pages without unmapping. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/slab.h>

struct gem {
	struct page **pages;
	int npages;
	void *vaddr;
};

int gem_vmap(struct gem *obj)
{
	obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL);
	return obj->vaddr ? 0 : -ENOMEM;
}

void gem_free(struct gem *obj)
{
	int i;

	for (i = 0; i < obj->npages; i++)
		put_page(obj->pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by obj->vaddr \(mapped on line 16, in gem_vmap\)" } */
	kvfree(obj->pages);
}
