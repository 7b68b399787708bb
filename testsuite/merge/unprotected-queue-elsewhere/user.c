/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The compile of this file already warns (q_defer() is unknown to it, so
 * nothing unmaps v); the merge adds check B on queue.c's list, with the
 * release while queued as its failing condition.
 */
#include <linux/vmalloc.h>

void q_defer(void *addr);

void q_user(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */

	if (!v)
		return;
	q_defer(v); /* { dg-merge-note "a mapping is queued here, in 'q_user'" } */
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages' while it may still be mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	/* { dg-note "no fix-it: the mapping outlives this function" "" { target *-*-* } .-2 } */
	/* { dg-merge-note "pages of a queued mapping are released here, in 'q_user'" "" { target *-*-* } .-3 } */
}
