/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Check A: a local mapping of the caller's pages, unmapped at the end of
 * the function, except on two paths that jump past the unmap to the
 * return (as ntfs3's ni_write_frame() does): the mapping outlives the
 * function, and the caller releases the pages.
 */
#include <linux/vmalloc.h>
#include <linux/errno.h>

int pack(void *dst, const void *src, int n);
int reserve(int n);

int frame_pack(void *dst, struct page **pages, int n)
{
	void *src;
	int err;

	src = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-warning "'src' may still be mapped when 'frame_pack' returns: a path skips its unmap, and the pages it maps go on to be released" } */
	/* { dg-note "fix: unmap 'src' on every path to the return" "" { target *-*-* } .-1 } */
	if (!src)
		return -ENOMEM;
	err = pack(dst, src, n);
	if (err)
		goto out;
	err = reserve(n);
	if (err < 0)
		goto out;
	vunmap(src); /* { dg-note "'src' is unmapped here, on the other paths" } */
out:
	return err;
}
