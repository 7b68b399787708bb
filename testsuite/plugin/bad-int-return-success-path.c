/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the map helper returned 0 (mapped), and a later step's failure unpins without unmapping. */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/err.h>

struct umem2 {
	void *addrs;
	struct page **pgs;
	unsigned int npgs;
};

static void unpin_all(struct umem2 *umem)
{
	unpin_user_pages(umem->pgs, umem->npgs); /* { dg-note "the pages are released here, in 'unpin_all'" } */
}

static int addr_map(struct umem2 *umem)
{
	umem->addrs = vmap(umem->pgs, umem->npgs, VM_MAP, PAGE_KERNEL);
	return umem->addrs ? 0 : -ENOMEM;
}

int register_queue(struct umem2 *umem);

int umem2_reg(struct umem2 *umem)
{
	int err = addr_map(umem); /* { dg-note "mapping created here" } */

	if (err)
		goto out_unpin;
	err = register_queue(umem);
	if (err)
		goto out_unpin;
	return 0;
out_unpin:
	unpin_all(umem); /* { dg-warning "'unpin_all' releases pages that may still be mapped by 'umem->addrs'" } */
	/* { dg-note "fix: unmap 'umem->addrs'" "" { target *-*-* } .-1 } */
	return err;
}
/* { dg-note "no fix-it: the mapping is made in 'addr_map'" "" { target *-*-* } 37 } */
