/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: page pointers are copied from one context's array into another
 * (f2fs's compress and decompress contexts); a mapping of the second does
 * not make the first context's release a finding.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct cctx {
	struct page **rpages;
	int n;
};

struct dctx {
	struct page **tpages;
	int n;
	void *rbuf;
};

struct dctx *dctx_alloc(struct cctx *cc)
{
	struct dctx *dic = kzalloc(sizeof(*dic), GFP_KERNEL);
	int i;

	if (!dic)
		return NULL;
	dic->tpages = kcalloc(cc->n, sizeof(*dic->tpages), GFP_KERNEL);
	for (i = 0; i < cc->n; i++)
		dic->tpages[i] = cc->rpages[i];
	dic->n = cc->n;
	return dic;
}

int dctx_map(struct dctx *dic)
{
	dic->rbuf = vm_map_ram(dic->tpages, dic->n, -1);
	return dic->rbuf ? 0 : -1;
}

void cctx_put_rpages(struct cctx *cc)
{
	int i;

	for (i = 0; i < cc->n; i++)
		put_page(cc->rpages[i]);
}
