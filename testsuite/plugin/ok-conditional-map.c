/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: mapped only for more than one page; "if (v) vunmap(v)" before the release covers both paths. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

int process(void *data);

int maybe_mapped(struct page **pages, int n)
{
	void *v = NULL;
	int ret, i;

	if (n > 1) {
		v = vmap(pages, n, VM_MAP, PAGE_KERNEL);
		if (!v)
			return -1;
	}
	ret = process(v);
	if (v)
		vunmap(v);
	for (i = 0; i < n; i++)
		put_page(pages[i]);
	return ret;
}
