/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not reported: the shared exit unmaps only when the function failed
 * ("if (err) vunmap(v)"); on success the mapping stays with the object
 * it was attached to, also on the path that jumps to the exit early.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

/* { dg-no-diagnostics } */

int attach(void *obj, void *v);
int probe(void *obj, int n);

int window_open(void *obj, struct page **pages, int n)
{
	void *v;
	int err;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!v)
		return -ENOMEM;
	err = attach(obj, v);
	if (err || n == 1)
		goto out;
	err = probe(obj, n);
out:
	if (err)
		vunmap(v);
	return err;
}
