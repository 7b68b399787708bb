/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the mapping is unmapped only when attaching it failed; on
 * success (every return with it live says 0) the object keeps it.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/errno.h>

struct gdev;
int attach(struct gdev *g, void *v);

int buf_attach(struct gdev *g, struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	int err;

	if (!v)
		return -ENOMEM;
	err = attach(g, v);
	if (err)
		goto out_unmap;
	return 0;
out_unmap:
	vunmap(v);
	return err;
}
