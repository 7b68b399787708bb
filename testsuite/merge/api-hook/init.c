/* SPDX-License-Identifier: GPL-2.0-only */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/drv.api" } */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

void hooked_purge(void);
void stray_purge(void);
int drv_register_flush(void (*flush)(void));
int drv_register_timer(void (*expire)(void));

int drv_init(void)
{
	int err = drv_register_flush(hooked_purge);

	return err ? err : drv_register_timer(stray_purge);
}
