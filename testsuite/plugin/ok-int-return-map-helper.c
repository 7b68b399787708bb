/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a map helper returns 0 or -ENOMEM; the error path after it failed unpins the pages (xdp_umem style). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/err.h>

struct umem {
	void *addrs;
	struct page **pgs;
	unsigned int npgs;
};

static void umem_unpin_pages(struct umem *umem)
{
	unpin_user_pages_dirty_lock(umem->pgs, umem->npgs, true);
	kvfree(umem->pgs);
	umem->pgs = NULL;
}

static void umem_addr_unmap(struct umem *umem)
{
	vunmap(umem->addrs);
	umem->addrs = NULL;
}

static int umem_addr_map(struct umem *umem, struct page **pages, unsigned int nr)
{
	umem->addrs = vmap(pages, nr, VM_MAP, PAGE_KERNEL);
	if (!umem->addrs)
		return -ENOMEM;
	return 0;
}

int umem_pin_pages(struct umem *umem);

int umem_reg(struct umem *umem)
{
	int err;

	err = umem_pin_pages(umem);
	if (err)
		return err;
	err = umem_addr_map(umem, umem->pgs, umem->npgs);
	if (err)
		goto out_unpin;
	return 0;
out_unpin:
	umem_unpin_pages(umem);
	return err;
}

void umem_release(struct umem *umem)
{
	umem_addr_unmap(umem);
	umem_unpin_pages(umem);
	kfree(umem);
}
