/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a failed map jumps to the label that puts the pages; the mapped path unmaps first. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

int fill(void *v);

int buf_fill(struct page **pages, int n)
{
	void *v;
	int i, err = -ENOMEM;

	v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!v)
		goto put;
	err = fill(v);
	vunmap(v);
put:
	for (i = 0; i < n; i++)
		put_page(pages[i]);
	return err;
}
