/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like reference counts for vmapcheck's test cases. */
#ifndef _TEST_LINUX_KREF_H
#define _TEST_LINUX_KREF_H

#include <linux/types.h>

struct kref {
	int refcount;
};

static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (--kref->refcount == 0) {
		release(kref);
		return 1;
	}
	return 0;
}

#endif
