/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: an error path jumps past the unmap to the label that puts the pages. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

int fill(void *v);

int buf_fill(struct page **pages, int n)
{
	void *v;
	int i, err;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!v)
		return -ENOMEM;
	err = fill(v);
	if (err)
		goto put;
	vunmap(v);
	return 0;
put:
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-cocci-warning "put_page releases pages still mapped by v \(mapped on line 14\); unmap first" } */
	return err;
}
