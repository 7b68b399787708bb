/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a release reached only through a function pointer (kref_put) is not followed. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/kref.h>

struct kbuf {
	struct kref ref;
	struct page **pages;
	int n;
	void *vaddr;
};

static void kbuf_release(struct kref *ref)
{
	struct kbuf *b = container_of(ref, struct kbuf, ref);

	vunmap(b->vaddr);
	release_pages(b->pages, b->n);
	kfree(b);
}

int kbuf_map(struct kbuf *b)
{
	b->vaddr = vmap(b->pages, b->n, VM_MAP, PAGE_KERNEL);
	if (!b->vaddr) {
		kref_put(&b->ref, kbuf_release);
		return -1;
	}
	return 0;
}

void kbuf_put(struct kbuf *b)
{
	kref_put(&b->ref, kbuf_release);
}
