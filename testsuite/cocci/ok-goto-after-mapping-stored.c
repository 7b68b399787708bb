/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not patched: the goto that skips the unmap's label comes after the
 * mapping was handed on (stored for the caller), so the mapping is meant
 * to outlive the function there; only the failure after the vmap() that
 * did not hand it on would be wrong, and it already takes the unmap.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

/* { dg-cocci-none } */

int prepare(void *v);

int map_for_caller(struct page **pages, int n, void **out)
{
	void *v;
	int err;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!v)
		return -ENOMEM;
	err = prepare(v);
	if (err)
		goto out_unmap;
	*out = v;
	goto out;
out_unmap:
	vunmap(v);
out:
	return err;
}
