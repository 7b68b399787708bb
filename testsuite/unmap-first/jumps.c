/* The unmap's statement jumps: moving it would move the jump too. */
/* { dg-unmap-first "6:8" } */
/* { dg-not-moved "6: not moved: the unmap's statement jumps (line 10)" } */
int teardown(struct page *page, void *v, int busy)
{
	put_page(page);
	if (v) {
		vunmap(v);
		if (busy)
			return -1;
	}
	return 0;
}
