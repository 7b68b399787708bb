/* SPDX-License-Identifier: GPL-2.0-only */
struct obj {
	struct page **pages;
	int n;
	void *vaddr;
};
void obj_unmap(struct obj *o);
