/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a loop unmaps each object's mapping before putting its pages; the next iteration's unmap is no late one. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>

struct gbuf {
	struct page **pages;
	void *ptr;
	int nrpages;
};

void gbuf_exit(struct gbuf *pool, int count)
{
	int i, j;

	for (i = 0; i < count; ++i) {
		struct gbuf *gbuf = &pool[i];

		if (gbuf->ptr)
			vunmap(gbuf->ptr);
		for (j = 0; j < gbuf->nrpages; ++j)
			put_page(gbuf->pages[j]);
	}
}
