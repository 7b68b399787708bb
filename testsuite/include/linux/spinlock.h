/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like spinlocks for vmapcheck's test cases (not the kernel's header). */
#ifndef _TEST_LINUX_SPINLOCK_H
#define _TEST_LINUX_SPINLOCK_H

typedef struct { int locked; } spinlock_t;

#define DEFINE_SPINLOCK(x) spinlock_t x = { 0 }

static inline void spin_lock(spinlock_t *l) { l->locked = 1; }
static inline void spin_unlock(spinlock_t *l) { l->locked = 0; }

#endif
