/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: goto-style unwinding in the right order (unmap label first). */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/err.h>

int start_engine(void *addr);

int engine_init_ok(struct page **pages, int n)
{
	void *addr;
	int err, i;

	addr = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	if (!addr) {
		err = -ENOMEM;
		goto err_pages;
	}
	err = start_engine(addr);
	if (err)
		goto err_unmap;
	return 0;

err_unmap:
	vunmap(addr);
err_pages:
	for (i = 0; i < n; i++)
		put_page(pages[i]);
	return err;
}
