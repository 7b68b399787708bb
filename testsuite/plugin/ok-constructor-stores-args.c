/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a constructor stores its arguments into the object it returns; that is no lazy-unmap list. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct fw_priv {
	void *data;
	struct page **pages;
	int nr_pages;
};

struct fw_priv *fw_priv_alloc(void *dbuf)
{
	struct fw_priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->data = dbuf;
	return p;
}

int fw_map_pages(struct fw_priv *p)
{
	vunmap(p->data);
	p->data = vmap(p->pages, p->nr_pages, VM_MAP, PAGE_KERNEL);
	return p->data ? 0 : -1;
}
