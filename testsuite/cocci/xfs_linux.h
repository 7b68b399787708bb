/* SPDX-License-Identifier: GPL-2.0-only */
/* The storage macro of the XFS of the 2.6 kernels, in its own header as there. */
#ifndef _TEST_XFS_LINUX_H
#define _TEST_XFS_LINUX_H

#define STATIC static

#endif
