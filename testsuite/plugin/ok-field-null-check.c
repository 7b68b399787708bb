/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the pages of a field mapping are released only on the path where the field is NULL. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct mbuf {
	struct page **pages;
	int n;
	void *map;
};

int mbuf_map(struct mbuf *m)
{
	m->map = vmap(m->pages, m->n, VM_MAP, PAGE_KERNEL);
	return m->map ? 0 : -1;
}

int mbuf_shrink(struct mbuf *m)
{
	if (m->map)
		return -1;
	release_pages(m->pages, m->n);
	return 0;
}
