/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the stored mapping is adjusted by an offset; it is still the mapping (xfs b_addr style). */
#include <linux/vmalloc.h>

struct buf {
	void *addr;
	unsigned int offset;
	struct page **pages;
	unsigned int count;
};

int buf_map(struct buf *bp)
{
	char *a = vm_map_ram(bp->pages, bp->count, -1); /* { dg-note "mapping created here, in 'buf_map'" } */

	if (!a)
		return -1;
	bp->addr = a + bp->offset;
	return 0;
}

void buf_free(struct buf *bp)
{
	unsigned int i;

	for (i = 0; i < bp->count; i++)
		__free_page(bp->pages[i]); /* { dg-warning "'__free_pages' releases 'bp->pages\[i\]' while it is still mapped by 'a', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'a'" "" { target *-*-* } .-1 } */
	if (bp->addr)
		vm_unmap_ram((char *)bp->addr - bp->offset, bp->count); /* { dg-note "'a' is unmapped only here" } */
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 27 } */
