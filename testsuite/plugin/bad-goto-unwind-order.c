/* SPDX-License-Identifier: GPL-2.0-only */
/* Check A: goto-style unwinding with the labels in the wrong order. */
#include <linux/vmalloc.h>
#include <linux/err.h>

int start_engine(void *addr);

int engine_init(struct page **pages, int n)
{
	void *addr;
	int err, i;

	addr = vmap(pages, n, VM_MAP, PAGE_KERNEL); /* { dg-note "mapping created here" } */
	if (!addr)
		return -ENOMEM;
	err = start_engine(addr);
	if (err)
		goto err_pages;
	return 0;

err_pages:
	for (i = 0; i < n; i++)
		put_page(pages[i]); /* { dg-warning "'put_page' releases 'pages\[i\]' while it is still mapped by 'addr', which is unmapped only later" } */
	/* { dg-note "fix: unmap 'addr'" "" { target *-*-* } .-1 } */
	vunmap(addr); /* { dg-note "'addr' is unmapped only here" } */
	return err;
}
/* { dg-note "no fix-it: the mapping outlives this function" "" { target *-*-* } 23 } */
