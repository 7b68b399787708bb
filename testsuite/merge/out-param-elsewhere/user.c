/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

int map_out(struct page **pages, int n, void **out);
int start(void *addr);

int out_user(struct page **pages, int n)
{
	void *addr;
	int err;

	err = map_out(pages, n, &addr); /* { dg-merge-note "mapping created here" } */
	if (err)
		goto release;	/* map_out failed: nothing mapped */
	err = start(addr);
	if (err)
		goto release;	/* mapped, and not unmapped: a finding */
	return 0;
release:
	release_pages(pages, n); /* { dg-merge-warning "'release_pages' releases 'pages' while it may still be mapped by 'the mapping'" } */
	/* { dg-merge-note "fix: unmap 'the mapping'" "" { target *-*-* } .-1 } */
	return err;
}
