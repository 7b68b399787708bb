/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: one mapping kept in two fields, one at an offset (io_uring's
 * ctx->rings and ctx->sq_array); unmapping through the first covers both.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct ring_ctx {
	void *rings;
	unsigned int *sq_array;
	struct page **ring_pages;
	int n;
};

int ring_ctx_map(struct ring_ctx *ctx, unsigned long off)
{
	void *rings = vmap(ctx->ring_pages, ctx->n, VM_MAP, PAGE_KERNEL);

	if (!rings)
		return -1;
	ctx->rings = rings;
	ctx->sq_array = (unsigned int *)((char *)rings + off);
	return 0;
}

void ring_ctx_free(struct ring_ctx *ctx)
{
	vunmap(ctx->rings);
	release_pages(ctx->ring_pages, ctx->n);
}
