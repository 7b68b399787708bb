/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: release hidden two helpers deep, with the array behind a struct pointer. */
#include <linux/vmalloc.h>

struct pagevec {
	int nr;
	struct page **pages;
};

static void put_one(struct page *page)
{
	__free_page(page); /* { dg-note "the pages are released here, in 'put_one'" } */
}

static void pagevec_release_all(struct pagevec *pv)
{
	int i;

	for (i = 0; i < pv->nr; i++)
		put_one(pv->pages[i]);
}

void *map_pagevec(struct pagevec *pv)
{
	void *v = vmap(pv->pages, pv->nr, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (v && pv->nr > 16) {
		pagevec_release_all(pv); /* { dg-warning "'pagevec_release_all' releases pages that may still be mapped by 'v'" } */
		/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
		return NULL;
	}
	return v;
}
/* { dg-note "no fix-it: the mapping outlives this function" "" { target *-*-* } 28 } */
