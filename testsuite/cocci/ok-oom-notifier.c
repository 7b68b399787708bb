/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: an OOM notifier drains the list. */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/notifier.h>
#include <linux/oom.h>

struct spare {
	struct spare *next;
	void *addr;
};

static struct spare *spares;

static void spare_keep(void *addr)
{
	struct spare *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s) {
		vunmap_pages(addr);
		return;
	}
	s->addr = addr;
	s->next = spares;
	spares = s;
}

static void spare_drain(void)
{
	struct spare *s;

	while ((s = spares)) {
		spares = s->next;
		vunmap_pages(s->addr);
		kfree(s);
	}
}

static int spare_oom(struct notifier_block *nb, unsigned long action, void *data)
{
	spare_drain();
	return NOTIFY_OK;
}

static struct notifier_block spare_nb;

int spare_init(void)
{
	spare_nb.notifier_call = spare_oom;
	return register_oom_notifier(&spare_nb);
}

void spare_map(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		spare_keep(v);
	release_pages(pages, n);
}
