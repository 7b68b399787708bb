// SPDX-License-Identifier: GPL-2.0-only
/*
 * The words of a finding (see messages.h): what the checks share.  Names
 * are quoted with ' as GCC does in the C locale.  The API names the advice
 * uses come from the API model.
 */

#include <stdarg.h>
#include <stdio.h>

#include "messages.h"

static const char *or(const char *name, const char *otherwise)
{
	return name ? name : otherwise;
}

struct words message_words(const struct api_model *model)
{
	struct words w = {
		or(model_owner_flag(model), "the flag"),
		or(model_first(model, API_FREE_AREA), "free"),
		or(model_first(model, API_MAP_COUNTED), "a refcounted map"),
		or(model_first(model, API_UNMAP_COUNTED), "its unmap"),
		or(model_first(model, API_HOOK), "a hook"),
	};
	return w;
}

struct message *say(struct message *m, bool note, vc_loc loc, const char *fmt, ...)
{
	va_list ap;

	m->note = note;
	m->fixits = false;
	m->loc = loc;
	va_start(ap, fmt);
	vsnprintf(m->text, sizeof(m->text), fmt, ap);
	va_end(ap);
	return m + 1;
}
