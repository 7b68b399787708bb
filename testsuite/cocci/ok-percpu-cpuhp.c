/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a per-cpu cache drained by its CPU-hotplug teardown callback. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/cpuhotplug.h>

struct pcache {
	void *addr;
};

static DEFINE_PER_CPU(struct pcache, pcache);

static void pcache_keep(void *addr)
{
	struct pcache *c = this_cpu_ptr(&pcache);

	if (c->addr)
		vunmap_pages(c->addr);
	this_cpu_ptr(&pcache)->addr = addr;
}

static int pcache_dead(unsigned int cpu)
{
	struct pcache *c = per_cpu_ptr(&pcache, cpu);

	vunmap_pages(c->addr);
	c->addr = NULL;
	return 0;
}

int pcache_init(void)
{
	return cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "pcache", NULL, pcache_dead);
}

void pcache_map(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		pcache_keep(v);
	release_pages(pages, n);
}
