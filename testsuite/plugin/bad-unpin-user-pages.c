/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: pinned user pages are unpinned while the kernel mapping of them lives on. */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct umem {
	void *kaddr;
	struct page **pages;
	int npages;
};

int umem_map(struct umem *u, unsigned long uaddr, int npages)
{
	struct page **pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	void *kaddr;

	if (!pages)
		return -1;
	if (pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages) != npages)
		goto out;
	kaddr = vmap(pages, npages, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	if (!kaddr)
		goto unpin;
	if (uaddr & 1) {
		unpin_user_pages(pages, npages); /* { dg-warning "'unpin_user_pages' releases 'pages' while it may still be mapped by 'kaddr'" } */
		/* { dg-note "fix: unmap 'kaddr'" "" { target *-*-* } .-1 } */
		kvfree(pages);
		return -1;
	}
	u->kaddr = kaddr;
	u->pages = pages;
	u->npages = npages;
	return 0;
unpin:
	unpin_user_pages(pages, npages);
out:
	kvfree(pages);
	return -1;
}
/* { dg-note "no fix-it: the mapping outlives this function" "" { target *-*-* } 25 } */
