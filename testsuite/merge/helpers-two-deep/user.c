/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: the pages of a mapping are released two calls away, in
 * drop.c; the scan's helper closure (vmapcheck-merge --helpers) finds
 * hbuf_put_pages() and hbuf_forget() from this file's facts, and
 * hbuf_drop_page() once helper.c's are read too.
 */
/* { dg-no-diagnostics } */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "hbuf.h"

int hbuf_map(struct hbuf *b)
{
	b->vaddr = vmap(b->pages, b->n, VM_MAP, PAGE_KERNEL); /* { dg-merge-note "mapping created here, in 'hbuf_map'" } */
	return b->vaddr ? 0 : -ENOMEM;
}

void hbuf_free(struct hbuf *b)
{
	if (!hbuf_sane(b))
		return;
	hbuf_log("unmapping %p", b->vaddr);
	hbuf_account(b->n);
	hbuf_put_pages(b); /* { dg-merge-warning "'hbuf_put_pages' releases pages still mapped by 'b->vaddr', which is unmapped only later" } */
	/* { dg-merge-note "fix: unmap 'b->vaddr'" "" { target *-*-* } .-1 } */
	hbuf_forget(b->vaddr);
	vunmap(b->vaddr); /* { dg-merge-note "'b->vaddr' is unmapped only here, after the release" } */
	kfree(b);
}
