/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a map helper returns the page array itself when pinning failed
 * (an ERR_PTR) and the mapping otherwise (io_uring's __io_uaddr_map()).
 * The error value joins nothing: the array is not the mapping.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/err.h>

struct page **pin_range(unsigned long uaddr, int *nr);

static void *uaddr_map(struct page ***pages, int *npages, unsigned long uaddr)
{
	struct page **page_array;
	int nr = 0;
	void *page_addr;

	page_array = pin_range(uaddr, &nr);
	if (IS_ERR(page_array))
		return page_array;
	page_addr = vmap(page_array, nr, VM_MAP, PAGE_KERNEL);
	if (page_addr) {
		*pages = page_array;
		*npages = nr;
		return page_addr;
	}
	unpin_user_pages(page_array, nr);
	kvfree(page_array);
	return ERR_PTR(-ENOMEM);
}

struct uring {
	void *rings;
	struct page **ring_pages;
	int n_ring_pages;
};

int uring_setup(struct uring *u, unsigned long uaddr)
{
	void *rings = uaddr_map(&u->ring_pages, &u->n_ring_pages, uaddr);

	if (IS_ERR(rings))
		return PTR_ERR(rings);
	u->rings = rings;
	return 0;
}

void uring_free(struct uring *u)
{
	vunmap(u->rings);
	unpin_user_pages(u->ring_pages, u->n_ring_pages);
	kvfree(u->ring_pages);
}
