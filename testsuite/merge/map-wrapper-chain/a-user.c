/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: the mapping comes from a wrapper of a wrapper of a wrapper,
 * each in its own file, the files read callers first: the summaries
 * follow the calls, not the order the units come in.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void *chain_map3(struct page **pages, int n);

int chain_user(struct page **pages, int n)
{
	void *buf = chain_map3(pages, n); /* { dg-merge-note "mapping created here" } */
	int i;

	if (!buf)
		return -1;
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-merge-warning "'put_page' releases 'pages\[i\]' while it is still mapped by 'buf', which is unmapped only later" } */
	/* { dg-merge-note "fix: unmap 'buf'" "" { target *-*-* } .-1 } */
	vunmap(buf); /* { dg-merge-note "'buf' is unmapped only here" } */
	return 0;
}
