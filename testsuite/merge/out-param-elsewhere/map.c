/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: an int-returning map helper of another file, with an out-parameter. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/err.h>

int map_out(struct page **pages, int n, void **out)
{
	*out = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	return *out ? 0 : -ENOMEM;
}
