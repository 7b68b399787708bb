/* SPDX-License-Identifier: GPL-2.0-only */
struct hbuf {
	struct page **pages;
	unsigned int n;
	void *vaddr;
};
/* helper.c: releases the buffer's pages through drop.c. */
void hbuf_put_pages(struct hbuf *b);
/* helper.c: given the buffer, looks at its count only. */
bool hbuf_sane(const struct hbuf *b);
/* helper.c: a count, checked at compile time. */
unsigned int hbuf_slots(void);
/* helper.c: given the mapping's address. */
void hbuf_forget(void *vaddr);
/* drop.c */
void hbuf_drop_page(struct page *page);
/* Defined nowhere: given nothing of the pages, or only variadic arguments. */
void hbuf_account(unsigned long n);
void hbuf_log(const char *fmt, ...);
