/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a mapping kept in a field only while a function runs is no lasting fact about the field. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct blob {
	void *kaddr;
	struct page **pages;
	int n;
};

int checksum(const void *p, int n);

int blob_checksum(struct blob *b)
{
	int sum;

	b->kaddr = vmap(b->pages, b->n, VM_MAP, PAGE_KERNEL);
	if (!b->kaddr)
		return -1;
	sum = checksum(b->kaddr, b->n);
	vunmap(b->kaddr);
	b->kaddr = NULL;
	return sum;
}

void blob_free(struct blob *b)
{
	release_pages(b->pages, b->n);
}
