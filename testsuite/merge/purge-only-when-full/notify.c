/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/notifier.h>

static void *other_cache;

static int other_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	vunmap_pages(other_cache);
	other_cache = NULL;
	return NOTIFY_OK;
}

static struct notifier_block other_nb = { .notifier_call = other_notify };

int lz2_init(void)
{
	return register_vmap_purge_notifier(&other_nb);
}
