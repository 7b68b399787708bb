/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a unit that releases pages but never maps or unmaps anything. */
/* { dg-no-diagnostics } */
#include <linux/mm.h>

void free_all(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
}
