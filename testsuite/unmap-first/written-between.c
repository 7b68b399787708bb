/* The unmap helper frees the array the loop reads: it must not move. */
/* { dg-unmap-first "11:13" } */
/* { dg-not-moved "11: not moved: 'bl->pages' is written on one side and read on the other" } */
void remove_buffers(struct buf_list *bl)
{
	int j;

	if (bl->nr_pages) {
		if (!(bl->flags & 1)) {
			for (j = 0; j < bl->nr_pages; j++)
				unpin_user_page(bl->pages[j]);
		}
		pages_unmap(bl->ring, &bl->pages, &bl->nr_pages, bl->flags & 1);
	}
}
