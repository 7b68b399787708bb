/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a lazy list of refcounted mappings drained by an OOM notifier set up at run time. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/oom.h>

struct oom_entry {
	struct oom_entry *next;
	void *addr;
};

struct lazy_ctx {
	struct oom_entry *head;
	struct notifier_block oom_nb;
};

static struct lazy_ctx ctx;

static void oom_defer(void *addr)
{
	struct oom_entry *e = kmalloc(sizeof(*e), GFP_KERNEL);

	if (!e) {
		vunmap_pages(addr);
		return;
	}
	e->addr = addr;
	e->next = ctx.head;
	ctx.head = e;
}

static int oom_drain(struct notifier_block *nb, unsigned long action, void *data)
{
	struct oom_entry *e;

	while ((e = ctx.head)) {
		ctx.head = e->next;
		vunmap_pages(e->addr);
		kfree(e);
	}
	return NOTIFY_OK;
}

int oom_setup(void)
{
	ctx.oom_nb.notifier_call = oom_drain;
	return register_oom_notifier(&ctx.oom_nb);
}

void oom_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		oom_defer(v);
	release_pages(pages, n);
}
