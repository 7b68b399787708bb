/* SPDX-License-Identifier: GPL-2.0-only */
struct gem {
	struct page **pages;
	int n;
	void *vaddr;
};
