/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Not patched: the goto that skips the unmap's label is also reached on
 * the path that never made the mapping (want == 0), where the unmap would
 * see an uninitialised address.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

/* { dg-cocci-none } */

int prepare(void *v);
void publish(void *v);
int finish(int n);

int map_if_wanted(struct page **pages, int n, int want)
{
	void *v;
	int err;

	if (want) {
		v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
		if (!v)
			return -ENOMEM;
		err = prepare(v);
		if (err)
			goto out_unmap;
		publish(v);
	}
	err = finish(n);
	if (err)
		goto out;
	return 0;
out_unmap:
	vunmap(v);
out:
	return err;
}
