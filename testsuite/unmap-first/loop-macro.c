/* Pages put in a kernel loop macro's body; the unmap after the loop moves in front of it. */
/* { dg-unmap-first "10:11" } */
struct chunk { struct list_head node; struct page *page; };

static void chunks_free(struct list_head *head, void *vaddr)
{
	struct chunk *c, *tmp;

	list_for_each_entry_safe(c, tmp, head, node)
		put_page(c->page);
	vunmap(vaddr);
}
