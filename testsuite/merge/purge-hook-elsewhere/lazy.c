/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file, quiet: the lazy list is here, the vmap purge notifier that drains it in init.c. */
/* { dg-no-diagnostics } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct lz_entry {
	struct lz_entry *next;
	void *addr;
};

static struct lz_entry *lz_head;

static void lz_defer(void *addr)
{
	struct lz_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr;
	e->next = lz_head;
	lz_head = e;
}

void lz_purge(void)
{
	struct lz_entry *e;

	while ((e = lz_head)) {
		lz_head = e->next;
		vunmap_pages(e->addr);
		kfree(e);
	}
}

void lz_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		lz_defer(v);
	release_pages(pages, n);
}
