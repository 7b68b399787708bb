/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a constructor stores its arguments into the object it is handed: no queue. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct view {
	void *vaddr;
	struct page **pages;
	int n;
};

void view_init(struct view *view, void *vaddr, struct page **pages, int n)
{
	view->vaddr = vaddr;
	view->pages = pages;
	view->n = n;
}

int view_map(struct view *view, struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return -ENOMEM;
	view_init(view, v, pages, n);
	return 0;
}

void view_fini(struct view *view)
{
	vunmap(view->vaddr);
	release_pages(view->pages, view->n);
}
