/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: a static teardown helper of the file releases its page-array
 * parameter, then unmaps its mapping parameter; it is called with an
 * object's fields, whose mapping is a fact of the file.  The helper is
 * reported where it releases.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>

struct tobj {
	struct page **pages;
	int n;
	void *vaddr;
};

static void tobj_teardown(void *vaddr, struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by vaddr, which is unmapped only later, on line 23" } */
	vunmap(vaddr);
}

int tobj_map(struct tobj *o)
{
	o->vaddr = vmap(o->pages, o->n, VM_MAP, PAGE_KERNEL);
	return o->vaddr ? 0 : -1;
}

void tobj_free(struct tobj *o)
{
	tobj_teardown(o->vaddr, o->pages, o->n);
}
