/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like error numbers for vmapcheck's test cases. */
#ifndef _TEST_LINUX_ERRNO_H
#define _TEST_LINUX_ERRNO_H

#define EIO 5
#define ENOMEM 12
#define EBUSY 16
#define EINVAL 22

#endif
