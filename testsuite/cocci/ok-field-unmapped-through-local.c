/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the teardown unmaps the field's mapping through a local loaded
 * from the field, its offset masked off, before it puts the pages (3.10's
 * videobuf2-vmalloc vb2_vmalloc_put_userptr() has this shape).
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define UBUF_PAGE_MASK (~4095UL)

struct ubuf {
	struct page **pages;
	unsigned int n_pages;
	void *vaddr;
};

void *ubuf_map(struct ubuf *buf, unsigned long offset)
{
	buf->vaddr = vm_map_ram(buf->pages, buf->n_pages, -1);
	if (!buf->vaddr)
		return NULL;
	buf->vaddr += offset;
	return buf->vaddr;
}

void ubuf_put(struct ubuf *buf)
{
	unsigned long vaddr = (unsigned long)buf->vaddr & UBUF_PAGE_MASK;
	unsigned int i;

	if (vaddr)
		vm_unmap_ram((void *)vaddr, buf->n_pages);
	for (i = 0; i < buf->n_pages; i++)
		put_page(buf->pages[i]);
	kfree(buf->pages);
}
