/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/errno.h>
#include <linux/vmalloc.h>

struct dma_buf_page {
	void *virt_addr;
};

void *pages_remap(struct page **pages, unsigned long size);

int buf_setup(struct dma_buf_page *b, struct page **pages, unsigned long size)
{
	b->virt_addr = pages_remap(pages, size);
	return b->virt_addr ? 0 : -ENOMEM;
}
