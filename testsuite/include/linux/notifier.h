/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like notifier blocks for vmapcheck's test cases. */
#ifndef _TEST_LINUX_NOTIFIER_H
#define _TEST_LINUX_NOTIFIER_H

struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	struct notifier_block *next;
	int priority;
};

#define NOTIFY_DONE 0
#define NOTIFY_OK 1

#endif
