/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Two paths after the second vmap() jump to the label after the one that
 * unmaps it ("out_src: vunmap(src); out_dst: ..."), so the mapping of the
 * caller's pages outlives the function (as in ntfs3's ni_write_frame()).
 * The gotos are reported, and the patch has them name the unmap's label
 * instead.  The goto before the vmap() and the one taken when it failed
 * stay: the change would fix nothing there.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

int convert(void *dst, const void *src, int n);
int store(int n);

int frame_write(struct page **pages, struct page **tmp, int n)
{
	void *dst, *src;
	int i, err;

	dst = vmap(tmp, n, VM_MAP, PAGE_KERNEL);
	if (!dst)
		return -ENOMEM;
	if (n > 16) {
		err = -EINVAL;
		goto out_dst;
	}
	src = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!src) {
		err = -ENOMEM;
		goto out_dst;
	}
	err = convert(dst, src, n);
	if (err < 0)
		goto out_src;
	if (err)
		goto out_dst; /* { dg-cocci-warning "goto skips the unmap of src on line 43 \(mapped on line 29\): the mapping outlives the function while its pages go on to be released; unmap on this path too \[vmapcheck:release-while-mapped\]$" } */
	err = store(n);
	if (err)
		goto out_dst; /* { dg-cocci-warning "goto skips the unmap of src on line 43 \(mapped on line 29\): the mapping outlives the function while its pages go on to be released; unmap on this path too \[vmapcheck:release-while-mapped\]$" } */
out_src:
	vunmap(src);
out_dst:
	vunmap(dst);
	for (i = 0; i < n; i++)
		put_page(tmp[i]);
	return err;
}
