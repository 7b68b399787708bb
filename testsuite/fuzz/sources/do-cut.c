int f(void)
{
	do a(); while
