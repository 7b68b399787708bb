/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: "unmapping" by queueing the address on a private list is no unmap; the pages go right away. */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>

struct lazy_unmap {
	struct list_head list;
	void *addr;
};

static LIST_HEAD(lazy_list);

static void queue_unmap(void *addr)
{
	struct lazy_unmap *l = kmalloc(sizeof(*l), GFP_KERNEL);

	if (!l) {
		vunmap(addr);
		return;
	}
	l->addr = addr;
	list_add(&l->list, &lazy_list);
}

void release_buffer(struct page **pages, int n)
{
	void *v = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	int i;

	if (!v)
		return;
	queue_unmap(v); /* { dg-note "'v' queued for deferred unmap here, by 'queue_unmap': it stays mapped until that runs" } */
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]' while it may still be mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
}
