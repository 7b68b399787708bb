/* A preprocessor conditional between them. */
/* { dg-unmap-first "7:11" } */
/* { dg-not-moved "7: not moved: a preprocessor line (8) is between them" } */
void teardown(struct page **pages, int n, void *v)
{
	for (int i = 0; i < n; i++)
		put_page(pages[i]);
#ifdef CONFIG_FOO
	foo_flush();
#endif
	vunmap(v);
}
