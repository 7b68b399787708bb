/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a destructor reached only through an ops table releases the
 * pages of a field mapping; whoever calls it through the table (after the
 * last reference, after unmapping) decides the order, which is not seen.
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>

struct memobj {
	struct page **mem;
	int pages;
	void *map;
};

struct memobj_ops {
	void (*dtor)(struct memobj *m);
};

int memobj_map(struct memobj *m)
{
	m->map = vmap(m->mem, m->pages, VM_MAP, PAGE_KERNEL);
	return m->map ? 0 : -1;
}

static void memobj_dtor(struct memobj *m)
{
	while (m->pages--)
		__free_page(m->mem[m->pages]);
	kvfree(m->mem);
}

const struct memobj_ops memobj_ops = {
	.dtor = memobj_dtor,
};
