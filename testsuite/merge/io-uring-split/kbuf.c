/* SPDX-License-Identifier: GPL-2.0-only */
#include <linux/vmalloc.h>
#include <linux/err.h>

struct buffer_list {
	struct page **buf_pages;
	unsigned short buf_nr_pages;
	void *buf_ring;
	bool mmapped;
};

void pages_unmap(void *ptr, struct page ***pages, unsigned short *npages, bool put_pages);

int pin_pbuf_ring(struct buffer_list *bl, struct page **pages, int nr_pages)
{
	void *br = vmap(pages, nr_pages, VM_MAP, PAGE_KERNEL); /* { dg-merge-note "mapping created here, in 'pin_pbuf_ring'" } */

	if (!br) {
		unpin_user_pages(pages, nr_pages);
		return -ENOMEM;
	}
	bl->buf_pages = pages;
	bl->buf_nr_pages = nr_pages;
	bl->buf_ring = br;
	return 0;
}

void remove_buffers(struct buffer_list *bl)
{
	int j;

	if (!bl->mmapped) {
		for (j = 0; j < bl->buf_nr_pages; j++)
			unpin_user_page(bl->buf_pages[j]); /* { dg-merge-warning "'unpin_user_page' releases 'bl->buf_pages\[j\]' while it is still mapped by 'bl->buf_ring', which is unmapped only later" } */
		/* { dg-merge-note "fix: unmap 'bl->buf_ring'" "" { target *-*-* } .-1 } */
	}
	pages_unmap(bl->buf_ring, &bl->buf_pages, &bl->buf_nr_pages, bl->mmapped); /* { dg-merge-note "'bl->buf_ring' is unmapped only here, after the release" } */
}

void put_bl(struct buffer_list *bl)
{
	remove_buffers(bl); /* { dg-warning "'remove_buffers' releases pages that may still be mapped by 'bl->buf_ring'" } */
	/* { dg-note "the pages are released here, in 'remove_buffers'" "" { target *-*-* } 34 } */
	/* { dg-note "mapping created here, in 'pin_pbuf_ring'; nothing in 'put_bl' unmaps 'bl->buf_ring' before the release" "" { target *-*-* } 16 } */
	/* { dg-note "fix: unmap 'bl->buf_ring'" "" { target *-*-* } .-3 } */
}
/* { dg-note "no fix-it: the mapping is made in another function" "" { target *-*-* } 42 } */
