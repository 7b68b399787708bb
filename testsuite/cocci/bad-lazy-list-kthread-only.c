/* SPDX-License-Identifier: GPL-2.0-only */
/* Check B: refcounted mappings on a global list that only a kernel thread purges: no flush hook. */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct stale {
	struct stale *next;
	void *addr;
};

static struct stale *stale_list;

static void stale_defer(void *addr)
{
	struct stale *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s) {
		vunmap_pages(addr);
		return;
	}
	s->addr = addr; /* { dg-cocci-warning "stale_defer queues vmap addresses on the lazy-unmap list addr instead of unmapping them: no flush hook reaches its purge \(purged in stale_purge on line 34\); drain it from register_vmap_purge_notifier\(\) or a shrinker" } */
	s->next = stale_list;
	stale_list = s;
}

static void stale_purge(void)
{
	struct stale *s;

	while ((s = stale_list)) {
		stale_list = s->next;
		vunmap_pages(s->addr);
		kfree(s);
	}
}

static int stale_daemon(void *data)
{
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(100);
		stale_purge();
	}
	return 0;
}

void stale_start(void)
{
	kthread_run(stale_daemon, NULL, "staled");
}

void stale_release(struct page **pages, int n)
{
	void *v = vmap_pages(pages, n, VM_MAP, PAGE_KERNEL, GFP_KERNEL);

	if (v)
		stale_defer(v);
	release_pages(pages, n);
}
