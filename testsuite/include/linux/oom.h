/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like OOM notifiers for vmapcheck's test cases. */
#ifndef _TEST_LINUX_OOM_H
#define _TEST_LINUX_OOM_H

#include <linux/notifier.h>

int register_oom_notifier(struct notifier_block *nb);
int unregister_oom_notifier(struct notifier_block *nb);

#endif
