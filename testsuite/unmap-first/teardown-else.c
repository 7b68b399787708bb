/* Two rings released, then unmapped, in one branch: both unmaps move up. */
/* { dg-unmap-first "12:16 14:17" } */
struct ring_ctx { unsigned flags; void *rings, *sqes; struct page **ring_pages, **sqe_pages; int nr, ns; };

static void rings_free(struct ring_ctx *ctx)
{
	if (!(ctx->flags & 1)) {
		pages_unmap(ctx->rings, &ctx->ring_pages, &ctx->nr, 1);
		pages_unmap(ctx->sqes, &ctx->sqe_pages, &ctx->ns, 1);
	} else {
		/* the user's pages */
		pages_free(&ctx->ring_pages, ctx->nr);
		ctx->nr = 0;
		pages_free(&ctx->sqe_pages, ctx->ns);
		ctx->ns = 0;
		vunmap(ctx->rings);
		vunmap(ctx->sqes);
	}
	ctx->rings = NULL;
}
