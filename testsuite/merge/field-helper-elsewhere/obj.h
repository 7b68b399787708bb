/* SPDX-License-Identifier: GPL-2.0-only */
struct sobj {
	struct page **pages;
	int n;
	void *vaddr;
};
void sobj_put_pages(struct sobj *o);
