/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not reported: the goto past the unmap comes after the mapping was handed
 * to a call that no path to the unmap follows (attach() may keep it for
 * the object), so leaving it mapped there may be meant.  A call that a path
 * goes on from to the unmap only borrows the mapping (see
 * bad-goto-skips-unmap-label.c).
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

/* { dg-no-diagnostics } */

int check(int n);
int attach(void *obj, void *v);
int announce(void *obj);

int buf_attach(void *obj, struct page **pages, int n)
{
	void *v;
	int err;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!v)
		return -ENOMEM;
	err = check(n);
	if (err)
		goto out_unmap;
	err = attach(obj, v);
	if (err)
		goto out;
	err = announce(obj);
	goto out;
out_unmap:
	vunmap(v);
out:
	return err;
}
