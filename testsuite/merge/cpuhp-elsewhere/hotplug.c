/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-no-diagnostics } */
#include <linux/types.h>
#include <linux/cpuhotplug.h>

int slot_drain_cpu(unsigned int cpu);

int slot_hotplug_init(void)
{
	return cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "vmap-slots:dead", NULL, slot_drain_cpu);
}
