/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: the mapping is made of a local array filled only from the
 * queues' header page fields, and the pages released before its free are
 * the data pages of another field (3.10's vmci_queue_pair.c: q_header is
 * a vmalloc() buffer in one kind of queue, a vmap() of header pages in
 * the other).
 */
/* { dg-cocci-none } */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/errno.h>

struct qkern {
	struct page **page;		/* data pages */
	struct page **header_page;
};

struct queue {
	struct qkern *kernel_if;
	void *q_header;
};

void queue_free(struct queue *q, unsigned int npages)
{
	while (npages)
		__free_page(q->kernel_if->page[--npages]);
	vfree(q->q_header);
}

int queue_map_headers(struct queue *produce_q, struct queue *consume_q)
{
	struct page *headers[2];

	headers[0] = *produce_q->kernel_if->header_page;
	headers[1] = *consume_q->kernel_if->header_page;
	produce_q->q_header = vmap(headers, 2, VM_MAP, PAGE_KERNEL);
	return produce_q->q_header ? 0 : -ENOMEM;
}
