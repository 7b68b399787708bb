/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: the mapping is handed to an object; what the function then frees is not known to be its pages (fs/erofs/zutil.c). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct gbuf {
	struct page **pages;
	void *ptr;
	int nrpages;
};

int gbuf_grow(struct gbuf *gbuf, struct page **tmp_pages, int nrpages, int more)
{
	void *ptr, *old_ptr;
	int j;

	ptr = vmap(tmp_pages, nrpages, VM_MAP, PAGE_KERNEL);
	if (!ptr)
		goto out;
	old_ptr = gbuf->ptr;
	gbuf->ptr = ptr;
	gbuf->pages = tmp_pages;
	if (old_ptr)
		vunmap(old_ptr);
	if (!more)
		return 0;
out:
	for (j = 0; j < nrpages; ++j)
		if (tmp_pages[j] != gbuf->pages[j])
			__free_page(tmp_pages[j]);
	kfree(tmp_pages);
	return -ENOMEM;
}
