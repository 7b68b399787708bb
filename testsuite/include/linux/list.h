/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like lists for vmapcheck's test cases. */
#ifndef _TEST_LINUX_LIST_H
#define _TEST_LINUX_LIST_H

#include <linux/types.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD(name) struct list_head name = { &(name), &(name) }

static inline void list_add(struct list_head *entry, struct list_head *head)
{
	head->next->prev = entry;
	entry->next = head->next;
	entry->prev = head;
	head->next = entry;
}

/* As the kernel writes it: WRITE_ONCE() stores through a volatile cast. */
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	*(struct list_head *volatile *)&prev->next = next;
}

static inline void list_del(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define list_first_entry(head, type, member) \
	container_of((head)->next, type, member)

#endif
