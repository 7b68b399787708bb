/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: obj->vaddr = vmap(obj->pages) in one function, obj->pages released in another without unmap. */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct gem_object {
	struct page **pages;
	unsigned int npages;
	void *vaddr;
};

int gem_vmap(struct gem_object *obj)
{
	obj->vaddr = vmap(obj->pages, obj->npages, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'gem_vmap'; nothing in 'gem_put_pages' unmaps 'obj->vaddr' before the release" } */
	return obj->vaddr ? 0 : -1;
}

void gem_put_pages(struct gem_object *obj)
{
	unsigned int i;

	for (i = 0; i < obj->npages; i++)
		put_page(obj->pages[i]); /* { dg-warning "'put_page' releases 'obj->pages\[i\]' while it may still be mapped by 'obj->vaddr'" } */
	/* { dg-note "fix: unmap 'obj->vaddr'" "" { target *-*-* } .-1 } */
	kvfree(obj->pages);
	obj->pages = NULL;
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 23 } */
