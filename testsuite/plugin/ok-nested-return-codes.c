/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quiet: a map helper whose result goes through several PHIs (early
 * returns, an if/else setting "result") returns 0 whenever it leaves the
 * mapping in place; the caller's failure path releases only after a
 * failure (vmci's qp_host_map_queues()).
 */
/* { dg-no-diagnostics } */
#include <linux/vmalloc.h>

struct q {
	void *q_header;
	struct page **header_page;
};

static int map_queues(struct q *pq)
{
	int result;

	if (!pq->q_header) {
		if (!pq->header_page)
			return -22;
		pq->q_header = vmap(pq->header_page, 2, VM_MAP, PAGE_KERNEL);
		if (pq->q_header)
			result = 0;
		else
			result = -12;
	} else {
		result = 0;
	}
	return result;
}

static void release_header_pages(struct q *pq)
{
	put_page(pq->header_page[0]);
	put_page(pq->header_page[1]);
}

int set_page_store(struct q *pq)
{
	int result = map_queues(pq);

	if (result < 0) {
		release_header_pages(pq);
		return result;
	}
	return 0;
}
