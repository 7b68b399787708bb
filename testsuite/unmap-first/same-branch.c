/* The unmap is in the branch the release decides: nothing to move. */
/* { dg-unmap-first "8:9" } */
/* { dg-not-moved "8: not moved: line 9 is not in a statement of the same block" } */
void alloc_buffers(struct stream *s)
{
	for (int i = 0; i < 4; i++) {
		struct urb *u = &s->urb[i];
		if (!alloc_urb_buffer(s, u)) {
			free_urb_buffers(s);
			break;
		}
	}
}
