/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like page API for vmapcheck's test cases (6.12 shapes). */
#ifndef _TEST_LINUX_MM_H
#define _TEST_LINUX_MM_H

#include <linux/types.h>

struct page {
	unsigned long flags;
	unsigned long compound_head;
	int _refcount;
};

struct folio {
	struct page page;
};

struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
unsigned long alloc_pages_bulk_array(gfp_t gfp, unsigned long nr_pages,
				     struct page **page_array);
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages((page), 0)
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)
void *page_address(const struct page *page);
struct page *virt_to_page(const void *addr);

static __always_inline unsigned long _compound_head(const struct page *page)
{
	unsigned long head = page->compound_head;

	if (head & 1)
		return head - 1;
	return (unsigned long)page;
}

static inline bool PageCompound(const struct page *page)
{
	return page->compound_head & 1;
}

#define page_folio(p) ((struct folio *)_compound_head(p))

void __folio_put(struct folio *folio);

static inline void folio_put(struct folio *folio)
{
	if (--folio->page._refcount == 0)
		__folio_put(folio);
}

static inline void get_page(struct page *page)
{
	page->_refcount++;
}

static inline void put_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_put(folio);
}

/* The name before 4.6. */
#define page_cache_release(page) put_page(page)

typedef union {
	struct page **pages;
	struct folio **folios;
} release_pages_arg __attribute__((__transparent_union__));

void release_pages(release_pages_arg, int nr);

long pin_user_pages_fast(unsigned long start, int nr_pages,
			 unsigned int gup_flags, struct page **pages);
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
#define FOLL_WRITE 0x01
#define FOLL_LONGTERM 0x100

#endif
