/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *buf_map(struct page **pages, int n);

int buf_user(struct page **pages, int n)
{
	void *buf = buf_map(pages, n); /* { dg-merge-note "mapping created here" } */
	int i;

	if (!buf)
		return -1;
	for (i = 0; i < n; i++)
		__free_page(pages[i]); /* { dg-merge-warning "'__free_pages' releases 'pages\[i\]' while it is still mapped by 'buf', which is unmapped only later" } */
	/* { dg-merge-note "fix: unmap 'buf'" "" { target *-*-* } .-1 } */
	vunmap(buf); /* { dg-merge-note "'buf' is unmapped only here" } */
	return 0;
}

void buf_user_ok(struct page **pages, int n)
{
	void *buf = buf_map(pages, n);

	if (!buf) {
		release_pages(pages, n);
		return;
	}
	vunmap(buf);
	release_pages(pages, n);
}
