/* SPDX-License-Identifier: GPL-2.0-only */
/* The other file of the reconstruction: mount starts the buffer daemon. */
/* { dg-no-diagnostics } */
int xbufd_start(void);

int xfs_mount(void)
{
	return xbufd_start();
}
