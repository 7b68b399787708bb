// SPDX-License-Identifier: GPL-2.0-only
/*
 * Findings as GCC diagnostics (see report.h).
 *
 * Findings are warnings that a -Werror build survives: the user asks for
 * errors with -fplugin-arg-vmapcheck-werror.  GCC has no option index for
 * a plugin's warnings, so -Werror would turn them into errors; the request
 * is switched off around our own warnings only.
 */

#include "report.h"
#include "gcc-rich-location.h"
#include "checks.h"
#include "api.h"

static int compare_findings(const void *pa, const void *pb)
{
	const struct finding *a = (const struct finding *)pa;
	const struct finding *b = (const struct finding *)pb;
	expanded_location ea = expand_location(a->loc);
	expanded_location eb = expand_location(b->loc);
	int c = strcmp(ea.file ? ea.file : "", eb.file ? eb.file : "");

	if (c)
		return c;
	if (ea.line != eb.line)
		return ea.line - eb.line;
	return ea.column - eb.column;
}

static bool emit_warning(const struct message *m, bool as_errors)
{
	if (as_errors) {
		error_at(m->loc, "%s", m->text);
		return true;
	}

	bool saved = global_dc->warning_as_error_requested;
	global_dc->warning_as_error_requested = false;
	bool shown = warning_at(m->loc, 0, "%s", m->text);
	global_dc->warning_as_error_requested = saved;
	return shown;
}

/* A fix-it replacing the callee name at the start of CALL with NAME. */
static void rename_callee(rich_location *rich, location_t call, const char *old_name,
			  const char *name)
{
	location_t start = get_start(call);
	location_t end = linemap_position_for_loc_and_offset(line_table, start,
							     strlen(old_name) - 1);

	rich->add_fixit_replace(source_range::from_locations(start, end), name);
}

/* The refcounted fix: each call of the finding's fix-its renamed to its
   counted form, the map call given the counted form's extra argument. */
static void inform_with_fixits(const struct finding *f, const struct message *m)
{
	const struct release_finding *r = &f->release;
	const struct api_model *model = api_model();
	const struct api_entry *map = model_find(model, r->fix_map_api);
	const struct api_entry *counted = model_find(model, map->counted);
	gcc_rich_location rich(m->loc);

	rename_callee(&rich, r->fix_map, map->name, map->counted);
	if (counted && counted->extra_arg) {
		char extra[200];

		snprintf(extra, sizeof(extra), ", %s", counted->extra_arg);
		rich.add_fixit_insert_before(get_finish(r->fix_map), extra);
	}
	for (int i = 0; i < r->nfix_unmap; i++)
		rename_callee(&rich, r->fix_unmap[i], r->fix_unmap_api[i],
			      model_find(model, r->fix_unmap_api[i])->counted);
	inform(&rich, "%s", m->text);
}

void report_findings(finding_vec *findings, bool as_errors)
{
	if (findings->n)
		qsort(findings->v, findings->n, sizeof(*findings->v), compare_findings);
	for (int i = 0; i < findings->n; i++) {
		struct message m[MAX_MESSAGES];
		int n = finding_messages(&findings->v[i], api_model(), m);
		auto_diagnostic_group group;

		if (!emit_warning(&m[0], as_errors))
			continue;
		for (int k = 1; k < n; k++) {
			if (m[k].fixits)
				inform_with_fixits(&findings->v[i], &m[k]);
			else
				inform(m[k].loc, "%s", m[k].text);
		}
	}
}
