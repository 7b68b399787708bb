/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: a flag remembers whether this call mapped (efi capsule style); the paths stay apart. */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>
#include <linux/err.h>

struct capsule {
	void *capsule;
	struct page **pages;
	int index;
};

int firmware_update(void *capsule);

static int capsule_submit(struct capsule *cap)
{
	bool do_vunmap = false;
	int ret;

	if (!cap->capsule) {
		cap->capsule = vmap(cap->pages, cap->index, VM_MAP, PAGE_KERNEL);
		if (!cap->capsule)
			return -ENOMEM;
		do_vunmap = true;
	}
	ret = firmware_update(cap->capsule);
	if (do_vunmap)
		vunmap(cap->capsule);
	return ret;
}

static void capsule_free_pages(struct capsule *cap)
{
	while (cap->index > 0)
		__free_page(cap->pages[--cap->index]);
}

int capsule_write(struct capsule *cap)
{
	int ret = capsule_submit(cap);

	if (ret)
		capsule_free_pages(cap);
	return ret;
}
