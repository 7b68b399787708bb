/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cleanup of an image releases its pages and never unmaps img->hdr.
 * Its one caller here is the map function's error path, right after a
 * helper filled the page array, where nothing is mapped yet; but the map
 * function is the one that maps, so that caller says nothing of the
 * others (as kernel/module/decompress.c's cleanup is called from
 * another file after use).
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct img {
	struct page **pages;
	int npages;
	void *hdr;
};

int img_fill(struct img *im, int n);

static int img_grow(struct img *im, int n)
{
	struct page **p = kcalloc(n, sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(im->pages);
	im->pages = p;
	return 0;
}

void img_cleanup(struct img *im)
{
	int i;

	for (i = 0; i < im->npages; i++)
		__free_page(im->pages[i]); /* { dg-cocci-warning "__free_page releases pages still mapped by im->hdr \(mapped on line 55, in img_load\); unmap first" } */
	kfree(im->pages);
	im->pages = NULL;
}

int img_load(struct img *im, int n)
{
	int err;

	err = img_grow(im, n);
	if (err)
		return err;
	err = img_fill(im, n);
	if (err)
		goto err;
	im->npages = n;
	im->hdr = vmap(im->pages, n, VM_MAP, PAGE_KERNEL);
	if (!im->hdr) {
		err = -ENOMEM;
		goto err;
	}
	return 0;
err:
	img_cleanup(im);
	return err;
}
