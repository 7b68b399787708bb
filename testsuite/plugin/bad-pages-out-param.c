/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: the pages come back through an out-parameter, the mapping as the return value (io_uring style). */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/err.h>

static void *pages_map(struct page ***out_pages, int nr)
{
	struct page **pages = kvmalloc_array(nr, sizeof(*pages), GFP_KERNEL);
	void *ret;
	int i;

	if (!pages)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < nr; i++)
		pages[i] = alloc_page(GFP_KERNEL);
	ret = vmap(pages, nr, VM_MAP, PAGE_KERNEL);
	if (!ret) {
		kvfree(pages);
		return ERR_PTR(-ENOMEM);
	}
	*out_pages = pages;
	return ret;
}

struct ctx {
	void *rings;
	struct page **ring_pages;
	int nr;
};

int ctx_setup(struct ctx *ctx)
{
	void *rings = pages_map(&ctx->ring_pages, ctx->nr); /* { dg-note "mapping created here" } */
	int i;

	if (IS_ERR(rings))
		return PTR_ERR(rings);
	if (ctx->nr > 64) {
		for (i = 0; i < ctx->nr; i++)
			put_page(ctx->ring_pages[i]); /* { dg-warning "'put_page' releases 'ctx->ring_pages\[i\]' while it may still be mapped by 'rings'" } */
		/* { dg-note "fix: unmap 'rings'" "" { target *-*-* } .-1 } */
		return -EINVAL;
	}
	ctx->rings = rings;
	return 0;
}
/* { dg-note "no fix-it: the mapping is made in 'pages_map'" "" { target *-*-* } 41 } */
