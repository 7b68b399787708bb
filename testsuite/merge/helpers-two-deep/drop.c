/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file: the release itself, two calls away from user.c. */
/* { dg-no-diagnostics } */
#include <linux/mm.h>
#include "hbuf.h"

void hbuf_drop_page(struct page *page)
{
	put_page(page); /* { dg-merge-note "the pages are released here, in 'hbuf_drop_page'" } */
}
