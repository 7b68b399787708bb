/* SPDX-License-Identifier: GPL-2.0-only */
struct gobj {
	struct page **pages;
	int npages;
	void *vaddr;
};
struct gobj_funcs {
	void (*free)(struct gobj *obj);
};
void gobj_put_pages(struct gobj *obj);
