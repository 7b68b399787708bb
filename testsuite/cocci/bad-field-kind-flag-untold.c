/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reported, not patched: as bad-field-kind-flag-unmap-added.c, but one
 * way to store an allocator's address leaves the flag as it was, so the
 * flag does not tell a vmap() from that memory.
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

#define RING_OWNED	1

struct ring {
	struct page **pages;
	int nr;
	void *va;
	unsigned int flags;
};

void *ring_memory_alloc(struct page ***pages, int *nr, size_t size);
void ring_memory_free(void *va, struct page **pages, int nr, bool owned);

int ring_pin(struct ring *r, struct page **pages, int nr)
{
	void *va;

	va = vmap(pages, nr, VM_MAP, PAGE_KERNEL);
	if (!va)
		return -ENOMEM;
	r->pages = pages;
	r->nr = nr;
	r->va = va;
	r->flags &= ~RING_OWNED;
	return 0;
}

int ring_alloc(struct ring *r, size_t size)
{
	r->va = ring_memory_alloc(&r->pages, &r->nr, size);
	if (!r->va) {
		r->va = NULL;
		return -ENOMEM;
	}
	if (size > PAGE_SIZE)
		r->flags |= RING_OWNED;
	return 0;
}

void ring_free(struct ring *r)
{
	int i;

	if (!(r->flags & RING_OWNED)) {
		for (i = 0; i < r->nr; i++)
			unpin_user_page(r->pages[i]); /* { dg-cocci-warning "unpin_user_page releases pages still mapped by r->va \(mapped on line 27, in ring_pin\); unmap first, or use vmap_pages\(\) \[vmapcheck:release-while-mapped\]$" } */
	}
	ring_memory_free(r->va, r->pages, r->nr, r->flags & RING_OWNED);
}
