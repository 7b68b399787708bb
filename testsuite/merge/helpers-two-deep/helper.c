/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-file: helpers of user.c, one of which hands each page on to drop.c
 * and one of which does nothing with the pages.
 */
/* { dg-no-diagnostics } */
#include <linux/build_bug.h>
#include <linux/mm.h>
#include "hbuf.h"

void hbuf_put_pages(struct hbuf *b)
{
	unsigned int i;

	for (i = 0; i < b->n; i++)
		hbuf_drop_page(b->pages[i]);
}

/* Does nothing that matters: the facts name it inert and hold no body. */
bool hbuf_sane(const struct hbuf *b)
{
	return b->n <= 1024;
}

/* Calls only what no object can call (the assertion folds away once
   inlined): not kept; so hbuf_slots() is inert. */
static __always_inline unsigned int hbuf_slot(unsigned int n)
{
	BUILD_BUG_ON(n > 1024);
	return n / 8;
}

unsigned int hbuf_slots(void)
{
	return hbuf_slot(64);
}

void hbuf_forget(void *vaddr)
{
	hbuf_log("forgetting %p", vaddr);
}
