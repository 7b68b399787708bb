/* A label between them: paths that jump there would lose or gain the unmap. */
/* { dg-unmap-first "9:12" } */
/* { dg-not-moved "9: not moved: the label on line 10 is between them" } */
int map_things(struct page **pages, int n, void *v)
{
	int err = fill(pages, n);

	if (err)
		release_pages(pages, n);
out:
	kfree(pages);
	vunmap(v);
	return err;
}
