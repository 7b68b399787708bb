/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: vm_map_ram() mappings, pages freed one by one on a failed setup step. */
#include <linux/vmalloc.h>

int fill(void *addr, int n);

void *decompress_buffer(struct page **pages, int n)
{
	void *dst = vm_map_ram(pages, n, -1); /* { dg-note "mapping created here" } */
	int i;

	if (!dst)
		return NULL;
	if (fill(dst, n) < 0) {
		for (i = 0; i < n; i++)
			__free_page(pages[i]); /* { dg-warning "'__free_pages' releases 'pages\[i\]' while it may still be mapped by 'dst'" } */
		/* { dg-note "fix: unmap 'dst'" "" { target *-*-* } .-1 } */
		return NULL;
	}
	return dst;
}
/* { dg-note "no fix-it: 'vm_map_ram' has no refcounted form" "" { target *-*-* } 16 } */
