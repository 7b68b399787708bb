// SPDX-License-Identifier: GPL-2.0-only
/*
 * The words of a finding (see messages.h).  Names are quoted with ' as
 * GCC does in the C locale.
 */

#include <stdarg.h>
#include <stdio.h>

#include "messages.h"

static struct message *say(struct message *m, bool note, vc_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct message *say(struct message *m, bool note, vc_loc loc, const char *fmt, ...)
{
	va_list ap;

	m->note = note;
	m->loc = loc;
	va_start(ap, fmt);
	vsnprintf(m->text, sizeof(m->text), fmt, ap);
	va_end(ap);
	return m + 1;
}

static struct message *warning(const struct finding *f, struct message *m)
{
	const char *api = f->release_api, *what = f->released, *map = f->mapping;

	if (f->handed_over)
		return what ?
			say(m, false, f->loc, "'%s' releases '%s', a page whose reference was "
			    "handed to the mapping '%s' with 'VM_MAP_PUT_PAGES' [vmapcheck]",
			    api, what, map) :
			say(m, false, f->loc, "'%s' releases pages whose references were "
			    "handed to the mapping '%s' with 'VM_MAP_PUT_PAGES' [vmapcheck]",
			    api, map);
	if (f->unmap_loc != NO_LOC)
		return what ?
			say(m, false, f->loc, "'%s' releases '%s' while it is still mapped by "
			    "'%s', which is unmapped only later [vmapcheck]", api, what, map) :
			say(m, false, f->loc, "'%s' releases pages still mapped by '%s', which "
			    "is unmapped only later [vmapcheck]", api, map);
	return what ?
		say(m, false, f->loc, "'%s' releases '%s' while it may still be mapped by "
		    "'%s' [vmapcheck]", api, what, map) :
		say(m, false, f->loc, "'%s' releases pages that may still be mapped by "
		    "'%s' [vmapcheck]", api, map);
}

int finding_messages(const struct finding *f, struct message *out)
{
	struct message *m = warning(f, out);

	if (f->helper_loc != NO_LOC)
		m = say(m, true, f->helper_loc, "the pages are released here, in '%s'",
			f->helper_fn);
	if (f->map_loc != NO_LOC) {
		if (f->handed_over)
			m = say(m, true, f->map_loc, "mapping created here with "
				"'VM_MAP_PUT_PAGES': 'vfree' of it releases the pages again");
		else if (f->map_fn && f->not_unmapped_here)
			m = say(m, true, f->map_loc, "mapping created here, in '%s'; nothing "
				"in '%s' unmaps '%s' before the release", f->map_fn,
				f->function, f->mapping);
		else if (f->map_fn)
			m = say(m, true, f->map_loc, "mapping created here, in '%s'", f->map_fn);
		else
			m = say(m, true, f->map_loc, "mapping created here; on this path "
				"nothing unmaps it before the release");
	}
	if (f->defer_loc != NO_LOC)
		m = say(m, true, f->defer_loc, "'%s' queued for deferred unmap here, by "
			"'%s': it stays mapped until that runs", f->mapping, f->defer_fn);
	if (f->unmap_loc != NO_LOC)
		m = say(m, true, f->unmap_loc, "'%s' is unmapped only here, after the release",
			f->mapping);
	if (f->handed_over)
		m = say(m, true, f->loc, "fix: drop this release and let 'vfree' release the "
			"pages, or map without 'VM_MAP_PUT_PAGES'");
	else
		m = say(m, true, f->loc, "fix: unmap '%s' before releasing its pages, or map "
			"with 'vmap_pages' and unmap with 'vunmap_pages' so that the mapping "
			"holds its own page references", f->mapping);
	return m - out;
}
