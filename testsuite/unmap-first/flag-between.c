/* The unmap tests a flag set between: moving it would change what it does. */
/* { dg-unmap-first "11:15" } */
/* { dg-not-moved "11: not moved: 'do_vunmap' is written on one side and read on the other" } */
void pages_unmap(void *ptr, struct page **pages, int n)
{
	bool do_vunmap = false;
	int i;

	if (!ptr)
		return;
	for (i = 0; i < n; i++)
		put_page(pages[i]);
	if (n > 1)
		do_vunmap = true;
	if (do_vunmap)
		vunmap(ptr);
}
