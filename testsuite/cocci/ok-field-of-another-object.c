/* SPDX-License-Identifier: GPL-2.0-only */
/* Quiet: two objects, one mapped into the other's field: the release is of another object's pages (coresight-tmc-etr.c). */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct tpages {
	struct page **pages;
	int nr_pages;
};

struct sg_table {
	struct tpages table_pages;
	struct tpages data_pages;
	void *table_vaddr;
};

int table_map(struct sg_table *t, struct tpages *table)
{
	t->table_vaddr = vmap(table->pages, table->nr_pages, VM_MAP, PAGE_KERNEL);
	return t->table_vaddr ? 0 : -ENOMEM;
}

void tpages_free(struct tpages *tp)
{
	int i;

	for (i = 0; i < tp->nr_pages; i++)
		__free_page(tp->pages[i]);
}
