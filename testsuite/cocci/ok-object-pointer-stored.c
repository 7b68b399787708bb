/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An object pointer stored into a private object (priv->img = img) whose
 * mapping field is remapped elsewhere (vunmap(priv->img->data)): the
 * store keeps a pointer to an object, it queues no mapping for a later
 * unmap; only the field an unmapped address comes from names a list.
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct image {
	void *data;
	size_t size;
};

struct loader {
	struct image *img;
	struct page **pages;
	unsigned int nr_pages;
};

struct loader *loader_get(void);

int loader_attach(struct image *img)
{
	struct loader *priv = loader_get();

	if (!priv)
		return -ENOMEM;
	priv->img = img;
	return 0;
}

static int loader_remap(struct loader *priv)
{
	vunmap(priv->img->data);
	priv->img->data = vmap(priv->pages, priv->nr_pages, 0, PAGE_KERNEL);
	return priv->img->data ? 0 : -ENOMEM;
}

int loader_done(struct loader *priv)
{
	return loader_remap(priv);
}
