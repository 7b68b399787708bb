/* A destructor that frees the pages, then unmaps: the whole if moves. */
/* { dg-unmap-first "13:17" } */
struct buf { unsigned status; void *vaddr; struct page **pages; };

void buf_release(struct buf *b)
{
	if (b->status & 1) {
		pr_warn("still bound\n");
		buf_unbind(b);
	}
	if (b->status & 2) {
		pr_warn("pages not freed, freeing them\n");
		buf_free_pages(b);
	}
	if (b->status & 4 || b->status & 8) {
		pr_warn("not unmapped, unmapping\n");
		buf_vunmap(b);
	}

	kfree(b);
}
