/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a register step pins new pages into the array (pin_user_pages
 * fills it) and releases them when pinning falls short; those pages are
 * fresh, not the ones an earlier mapping of the field held.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct umem3 {
	struct page **pages;
	int n;
	void *kaddr;
};

int umem3_map(struct umem3 *u)
{
	u->kaddr = vmap(u->pages, u->n, VM_MAP, PAGE_KERNEL);
	return u->kaddr ? 0 : -1;
}

static int umem3_pin(struct umem3 *u, unsigned long uaddr)
{
	long got = pin_user_pages_fast(uaddr, u->n, FOLL_WRITE, u->pages);

	if (got < u->n) {
		if (got > 0)
			unpin_user_pages(u->pages, got);
		return -1;
	}
	return 0;
}

int umem3_register(struct umem3 *u, unsigned long uaddr)
{
	if (umem3_pin(u, uaddr))
		return -1;
	return umem3_map(u);
}
