/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a per-cpu cache of refcounted mappings drained by a CPU-hotplug teardown callback. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/percpu.h>
#include <linux/cpuhotplug.h>

struct pcpu_cache {
	void *addr;
};

static DEFINE_PER_CPU(struct pcpu_cache, pcpu_cache);

static void pcpu_keep(void *addr)
{
	struct pcpu_cache *c = this_cpu_ptr(&pcpu_cache);

	if (c->addr)
		vunmap_pages(c->addr);
	c->addr = addr;
}

static int pcpu_drain(unsigned int cpu)
{
	struct pcpu_cache *c = per_cpu_ptr(&pcpu_cache, cpu);

	vunmap_pages(c->addr);
	c->addr = NULL;
	return 0;
}

int pcpu_init(void)
{
	return cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "vmap-cache:dead", NULL, pcpu_drain);
}

void pcpu_use(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		pcpu_keep(v);
	release_pages(pages, n);
}
