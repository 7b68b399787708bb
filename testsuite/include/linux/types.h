/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like types for vmapcheck's test cases (not the kernel's header). */
#ifndef _TEST_LINUX_TYPES_H
#define _TEST_LINUX_TYPES_H

#define NULL ((void *)0)
#define true 1
#define false 0
#define __always_inline inline __attribute__((__always_inline__))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

typedef _Bool bool;
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned int gfp_t;
typedef struct { unsigned long pgprot; } pgprot_t;

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_KERNEL ((pgprot_t){ 0x163 })

#define GFP_KERNEL 0xcc0u
#define __GFP_ZERO 0x100u
#define GFP_NOWAIT 0x800u

#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
