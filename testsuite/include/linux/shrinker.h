/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like shrinkers for vmapcheck's test cases: the 6.12 API and 6.1's register_shrinker(). */
#ifndef _TEST_LINUX_SHRINKER_H
#define _TEST_LINUX_SHRINKER_H

struct shrink_control {
	unsigned long nr_to_scan;
	unsigned long nr_scanned;
};

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *s, struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *s, struct shrink_control *sc);
	long batch;
	int seeks;
	void *private_data;
};

#define SHRINK_STOP (~0UL)
#define DEFAULT_SEEKS 2

struct shrinker *shrinker_alloc(unsigned int flags, const char *fmt, ...);
void shrinker_register(struct shrinker *shrinker);
void shrinker_free(struct shrinker *shrinker);
int register_shrinker(struct shrinker *shrinker, const char *fmt, ...);

#endif
