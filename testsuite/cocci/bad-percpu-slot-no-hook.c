/* SPDX-License-Identifier: GPL-2.0-only */
/* Check B: a per-cpu slot keeps the last mapping; only the mapping path itself replaces it. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/percpu.h>

struct slot {
	void *addr;
};

static DEFINE_PER_CPU(struct slot, last_map);

static void slot_keep(void *addr)
{
	struct slot *s = this_cpu_ptr(&last_map);

	if (s->addr)
		vunmap_pages(s->addr);
	this_cpu_ptr(&last_map)->addr = addr; /* { dg-cocci-warning "slot_keep queues vmap addresses on the lazy-unmap list addr instead of unmapping them: no flush hook reaches its purge \(purged in slot_keep on line 18\)" } */
}

void slot_map(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		slot_keep(v);
	release_pages(pages, n);
}
