/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/notifier.h>

void lz_purge(void);

static int lz_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	lz_purge();
	return NOTIFY_OK;
}

static struct notifier_block lz_nb = { .notifier_call = lz_notify };

int lz_init(void)
{
	return register_vmap_purge_notifier(&lz_nb);
}
