/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: a page helper of another file (drop_pages) is a release in the caller's file. */
/* { dg-no-diagnostics } */
#include <linux/mm.h>

void drop_pages(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-merge-note "the pages are released here, in 'drop_pages'" } */
}
