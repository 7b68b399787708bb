/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like compile-time assertions for vmapcheck's test cases. */
#ifndef _TEST_LINUX_BUILD_BUG_H
#define _TEST_LINUX_BUILD_BUG_H

/* A call of an error-attribute function: the compile fails unless the
   condition is false once inlined and folded, as in the kernel. */
#define BUILD_BUG_ON(cond)							\
	do {									\
		extern void __noreturn_build_bug(void)				\
			__attribute__((__noreturn__, __error__("BUILD_BUG_ON: " #cond))); \
		if (cond)							\
			__noreturn_build_bug();					\
	} while (0)

#endif
