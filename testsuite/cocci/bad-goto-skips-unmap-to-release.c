/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The goto past the unmap leads to the release of the pages mapped: one
 * finding, at the release (the plugin's place for it too), not a second
 * one at the goto.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

int encode(void *v, int n);

int frame_encode(struct page **pages, int n)
{
	void *v;
	int i, err;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!v) {
		err = -ENOMEM;
		goto out_put;
	}
	err = encode(v, n);
	if (err)
		goto out_put;
	err = encode(v, 1);
	vunmap(v);
out_put:
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by v \(mapped on line 18\); unmap first" } */
	return err;
}
