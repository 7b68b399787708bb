/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like error pointers for vmapcheck's test cases. */
#ifndef _TEST_LINUX_ERR_H
#define _TEST_LINUX_ERR_H

#include <linux/types.h>

#define MAX_ERRNO 4095
#include <linux/errno.h>

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return unlikely((unsigned long)ptr >= (unsigned long)-MAX_ERRNO);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR(ptr);
}

#endif
