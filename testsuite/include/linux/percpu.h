/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like per-cpu variables for vmapcheck's test cases. */
#ifndef _TEST_LINUX_PERCPU_H
#define _TEST_LINUX_PERCPU_H

#define NR_CPUS 64
#define DEFINE_PER_CPU(type, name) type name[NR_CPUS]
int raw_smp_processor_id(void);
#define this_cpu_ptr(var) (&(*(var))[raw_smp_processor_id()])
#define per_cpu_ptr(var, cpu) (&(*(var))[cpu])

#endif
