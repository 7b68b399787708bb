/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like allocators for vmapcheck's test cases. */
#ifndef _TEST_LINUX_SLAB_H
#define _TEST_LINUX_SLAB_H

#include <linux/types.h>

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kvmalloc_array(size_t n, size_t size, gfp_t flags);
void kfree(const void *objp);
void kvfree(const void *addr);

#endif
