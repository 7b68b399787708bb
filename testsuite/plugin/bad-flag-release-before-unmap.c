/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a do_vunmap flag keeps paths apart, but on the mapped path the pages still go first. */
#include <linux/vmalloc.h>

int consume_pages(void *buf);

int flag_misorder(struct page **pages, int n, void *prealloc)
{
	bool do_vunmap = false;
	void *buf = prealloc;
	int ret;

	if (!buf) {
		buf = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
		if (!buf)
			return -1;
		do_vunmap = true;
	}
	ret = consume_pages(buf);
	release_pages(pages, n); /* { dg-warning "'release_pages' releases 'pages' while it is still mapped by 'buf', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'buf'" "" { target *-*-* } .-1 } */
	if (do_vunmap)
		vunmap(buf); /* { dg-note "'buf' is unmapped only here, after the release" } */
	return ret;
}
/* { dg-note "no fix-it: the mapping is kept beyond this function, where o" "" { target *-*-* } 20 } */
