/* SPDX-License-Identifier: GPL-2.0-only */
/* A facts directory that cannot be created: one error line naming it. */
/* { dg-options "-fplugin-arg-vmapcheck-facts=/dev/null/facts" } */
/* { dg-error "vmapcheck: cannot create the facts directory '/dev/null/facts': Not a directory; check .-fplugin-arg-vmapcheck-facts." "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
#include <linux/vmalloc.h>

void unmap_it(void *v)
{
	vunmap(v);
}
