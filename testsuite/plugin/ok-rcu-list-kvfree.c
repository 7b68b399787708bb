/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: list elements unlinked with __list_del() (list.h stores one
 * parameter into another's object through WRITE_ONCE()) and freed with
 * kvfree() after RCU are no lazy-unmap list: nothing mapped goes there,
 * and a kvfree() of what comes out of a list frees it, mapped or not
 * (kernel/trace/trace_osnoise.c).
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/list.h>
#include <linux/slab.h>

struct instance {
	struct list_head list;
	void *owner;
};

static LIST_HEAD(instances);

static void instance_unregister(void *owner)
{
	struct instance *inst = NULL, *pos;

	for (pos = list_first_entry(&instances, struct instance, list);
	     &pos->list != &instances;
	     pos = list_first_entry(&pos->list, struct instance, list)) {
		if (pos->owner == owner) {
			__list_del(pos->list.prev, pos->list.next);
			inst = pos;
			break;
		}
	}
	kvfree(inst);
}

struct tracer {
	void (*reset)(void *owner);
};

static void tracer_reset(void *owner)
{
	instance_unregister(owner);
}

static struct tracer osnoise_like_tracer __attribute__((used)) = {
	.reset = tracer_reset,
};
