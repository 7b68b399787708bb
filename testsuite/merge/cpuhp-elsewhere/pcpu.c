/* SPDX-License-Identifier: GPL-2.0-only */
/* Multi-file, quiet: a per-cpu slot of refcounted mappings, drained on CPU offline by hotplug.c's callback. */
/* { dg-no-diagnostics } */
/* { dg-merge-none } */
#include <linux/vmalloc.h>
#include <linux/percpu.h>

struct slot {
	void *addr;
};

static DEFINE_PER_CPU(struct slot, slots);

static void slot_keep(void *addr)
{
	struct slot *s = this_cpu_ptr(&slots);

	if (s->addr)
		vunmap_pages(s->addr);
	s->addr = addr;
}

int slot_drain_cpu(unsigned int cpu)
{
	struct slot *s = per_cpu_ptr(&slots, cpu);

	vunmap_pages(s->addr);
	s->addr = NULL;
	return 0;
}

void slot_use(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		slot_keep(v);
	release_pages(pages, n);
}
