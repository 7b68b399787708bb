/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: folio_put(page_folio(page)) is a release too (page_folio goes through _compound_head). */
#include <linux/vmalloc.h>

void folio_buffer_free(struct page **pages, int n)
{
	void *v = vm_map_ram(pages, n, -1); /* { dg-note "mapping created here" } */
	int i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		folio_put(page_folio(pages[i])); /* { dg-warning "'folio_put' releases .* while it is still mapped by 'v'" } */
	/* { dg-note "fix: unmap 'v'" "" { target *-*-* } .-1 } */
	vm_unmap_ram(v, n); /* { dg-note "unmapped only here" } */
}
/* { dg-note "no fix-it: 'vm_map_ram' has no refcounted form" "" { target *-*-* } 13 } */
