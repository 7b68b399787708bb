/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bug: a page array filled with one page of the object is mapped into a
 * slot of a local array, tried, and the slot kept in the object; the
 * teardown frees that page before it unmaps (6.12's vboxguest maps its
 * dummy page this way).
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define GDEV_TRIES 4

struct gdev {
	struct page *dummy_page;
	void *mappings;
};

bool gdev_accepts(struct gdev *g, void *mapping);

void gdev_mappings_init(struct gdev *g, unsigned int n)
{
	struct page **pages = NULL;
	void *maps[GDEV_TRIES];
	unsigned int i;

	pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return;
	g->dummy_page = alloc_page(GFP_KERNEL);
	if (!g->dummy_page)
		goto out;
	for (i = 0; i < n; i++)
		pages[i] = g->dummy_page;
	for (i = 0; i < GDEV_TRIES; i++) {
		maps[i] = vmap(pages, n, VM_MAP, PAGE_KERNEL);
		if (!maps[i])
			break;
		if (gdev_accepts(g, maps[i])) {
			g->mappings = maps[i];
			break;
		}
	}
out:
	kfree(pages);
}

void gdev_mappings_exit(struct gdev *g)
{
	__free_page(g->dummy_page); /* { dg-cocci-warning "__free_page releases pages still mapped by g->mappings \(mapped on line 36, in gdev_mappings_init\)" } */
	vunmap(g->mappings);
}
