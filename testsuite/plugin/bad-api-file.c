/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a driver's own map, release and deferred-unmap functions, declared in an api file. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/test.api" } */
#include <linux/vmalloc.h>

void *drv_map_pages(int node, struct page **pages, int n);
void drv_put_page(struct page *page);
void drv_defer_unmap(void *addr);

void drv_release(struct page **pages, int n)
{
	void *v = drv_map_pages(0, pages, n); /* { dg-note "mapping created here" } */
	int i;

	if (!v)
		return;
	drv_defer_unmap(v); /* { dg-note "'v' queued for deferred unmap here, by 'drv_defer_unmap'" } */
	for (i = 0; i < n; i++)
		drv_put_page(pages[i]); /* { dg-warning "'drv_put_page' releases 'pages\[i\]' while it may still be mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
}
/* { dg-note "no fix-it: 'drv_map_pages' has no refcounted form" "" { target *-*-* } 19 } */
