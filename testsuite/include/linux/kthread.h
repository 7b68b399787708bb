/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like kernel threads for vmapcheck's test cases. */
#ifndef _TEST_LINUX_KTHREAD_H
#define _TEST_LINUX_KTHREAD_H

struct task_struct;
struct task_struct *kthread_run_fn(int (*fn)(void *data), void *data, const char *name);
#define kthread_run(fn, data, name) kthread_run_fn(fn, data, name)
bool kthread_should_stop(void);
void schedule_timeout_interruptible(long timeout);

#endif
