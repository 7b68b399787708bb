/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A function returning nothing, its mapping declared with its map call
 * and lent to two copies: the early exit after the first jumps past the
 * unmap, and the mapping of the caller's pages is never taken down.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>

void copy_out(void *dst, const void *src, int len);

void pages_copy(char *dst, struct page **pages, int n, int len)
{
	char *src = vm_map_ram(pages, n, -1);

	if (!src)
		return;
	copy_out(dst, src, 16);
	if (len <= 16)
		goto done; /* { dg-cocci-warning "goto skips the unmap of src on line 22 \(mapped on line 14\)" } */
	copy_out(dst + 16, src + 16, len - 16);
	vm_unmap_ram(src, n);
done:
	return;
}
