/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: a free function that knows the mapping (it unmaps it) but does so after the release. */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct vbuf {
	struct page **pages;
	int nr;
	void *vaddr;
};

int vbuf_map(struct vbuf *b)
{
	b->vaddr = vmap(b->pages, b->nr, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here, in 'vbuf_map'" } */
	return b->vaddr ? 0 : -1;
}

void vbuf_free(struct vbuf *b)
{
	int i;

	for (i = 0; i < b->nr; i++)
		put_page(b->pages[i]); /* { dg-warning "'put_page' releases 'b->pages\[i\]' while it is still mapped by 'b->vaddr', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'b->vaddr'" "" { target *-*-* } .-1 } */
	if (b->vaddr)
		vunmap(b->vaddr); /* { dg-note "'b->vaddr' is unmapped only here, after the release" } */
	kfree(b->pages);
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 23 } */
