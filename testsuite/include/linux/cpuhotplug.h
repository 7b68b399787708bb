/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like CPU hotplug states for vmapcheck's test cases. */
#ifndef _TEST_LINUX_CPUHOTPLUG_H
#define _TEST_LINUX_CPUHOTPLUG_H

enum cpuhp_state {
	CPUHP_OFFLINE = 0,
	CPUHP_AP_ONLINE_DYN = 200,
};

int __cpuhp_setup_state(enum cpuhp_state state, const char *name, bool invoke,
			int (*startup)(unsigned int cpu), int (*teardown)(unsigned int cpu),
			bool multi_instance);

static inline int cpuhp_setup_state(enum cpuhp_state state, const char *name,
				    int (*startup)(unsigned int cpu),
				    int (*teardown)(unsigned int cpu))
{
	return __cpuhp_setup_state(state, name, true, startup, teardown, false);
}

#endif
