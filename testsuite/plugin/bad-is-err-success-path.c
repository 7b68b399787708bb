/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: an ERR_PTR() wrapper is checked with IS_ERR(); the release is on the path where it succeeded. */
#include <linux/vmalloc.h>
#include <linux/err.h>

static void *map_or_err(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL);

	return v ?: ERR_PTR(-ENOMEM);
}

int err_user(struct page **pages, int n)
{
	void *v = map_or_err(pages, n); /* { dg-note "mapping created here" } */

	if (!IS_ERR(v))
		__free_pages(pages[0], 0); /* { dg-warning "'__free_pages' releases '\*pages' while it may still be mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	return IS_ERR(v) ? PTR_ERR(v) : 0;
}
/* { dg-note "no fix-it: the mapping is made in 'map_or_err'" "" { target *-*-* } 18 } */
