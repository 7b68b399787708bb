/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A list of windows that records physical addresses in a field named
 * like the address field of a mapping the file unmaps: storing an integer
 * is not queueing a mapping for a later unmap.
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/errno.h>

struct window {
	struct list_head list;
	unsigned long addr;
	unsigned long size;
};

struct area {
	void *addr;
};

static LIST_HEAD(windows);

struct window *window_add(unsigned long phys, unsigned long size)
{
	struct window *w = kmalloc(sizeof(*w), GFP_KERNEL);

	if (!w)
		return NULL;
	w->addr = phys;
	w->size = size;
	list_add(&w->list, &windows);
	return w;
}

static void area_drop(struct area *a)
{
	vunmap(a->addr);
	a->addr = NULL;
}

void area_release(struct area *a)
{
	area_drop(a);
	kfree(a);
}
