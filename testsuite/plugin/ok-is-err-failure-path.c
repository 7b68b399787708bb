/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: an ERR_PTR() wrapper; the pages are released only when IS_ERR() says it failed. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/err.h>

static void *map_or_err(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	if (!v)
		return ERR_PTR(-ENOMEM);
	return v;
}

void *checked_user(struct page **pages, int n)
{
	void *v = map_or_err(pages, n);
	int i;

	if (IS_ERR(v)) {
		for (i = 0; i < n; i++)
			__free_page(pages[i]);
		return NULL;
	}
	return v;
}

void *checked_user_or_null(struct page **pages, int n)
{
	void *v = map_or_err(pages, n);

	if (IS_ERR_OR_NULL(v)) {
		release_pages(pages, n);
		return NULL;
	}
	return v;
}
