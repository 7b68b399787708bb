// SPDX-License-Identifier: GPL-2.0-only
/*
 * Emitting findings as GCC diagnostics (see report.h).
 *
 * Findings are warnings that a -Werror build survives: the user asks for
 * errors with -fplugin-arg-vmapcheck-werror.  GCC has no option index for
 * a plugin's warnings, so -Werror would turn them into errors; the request
 * is switched off around our own warnings only.
 */

#include "report.h"

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

static bool emit_main(const struct finding *f, bool as_errors)
{
	const char *fmt;
	bool shown;

	if (f->handed_over)
		fmt = f->released ?
			"%qs releases %qs, a page whose reference was handed to "
			"the mapping %qs with %<VM_MAP_PUT_PAGES%> [vmapcheck]" :
			"%qs releases pages whose references were handed to the "
			"mapping %qs with %<VM_MAP_PUT_PAGES%> [vmapcheck]";
	else if (f->unmap_loc != UNKNOWN_LOCATION)
		fmt = f->released ?
			"%qs releases %qs while it is still mapped by %qs, "
			"which is unmapped only later [vmapcheck]" :
			"%qs releases pages still mapped by %qs, "
			"which is unmapped only later [vmapcheck]";
	else
		fmt = f->released ?
			"%qs releases %qs while it may still be mapped by %qs "
			"[vmapcheck]" :
			"%qs releases pages that may still be mapped by %qs "
			"[vmapcheck]";

	if (as_errors) {
		if (f->released)
			error_at(f->loc, fmt, f->release_api, f->released, f->mapping);
		else
			error_at(f->loc, fmt, f->release_api, f->mapping);
		return true;
	}

	bool saved = global_dc->warning_as_error_requested;

	global_dc->warning_as_error_requested = false;
	if (f->released)
		shown = warning_at(f->loc, 0, fmt, f->release_api, f->released, f->mapping);
	else
		shown = warning_at(f->loc, 0, fmt, f->release_api, f->mapping);
	global_dc->warning_as_error_requested = saved;
	return shown;
}

static void emit_notes(const struct finding *f)
{
	if (f->helper_loc != UNKNOWN_LOCATION)
		inform(f->helper_loc, "the pages are released here, in %qs",
		       f->helper_fn);

	if (f->map_loc != UNKNOWN_LOCATION) {
		if (f->handed_over)
			inform(f->map_loc, "mapping created here with %<VM_MAP_PUT_PAGES%>: "
			       "%<vfree%> of it releases the pages again");
		else if (f->map_fn && f->not_unmapped_here)
			inform(f->map_loc, "mapping created here, in %qs; nothing in "
			       "%qs unmaps %qs before the release", f->map_fn,
			       f->function, f->mapping);
		else if (f->map_fn)
			inform(f->map_loc, "mapping created here, in %qs", f->map_fn);
		else
			inform(f->map_loc, "mapping created here; on this path nothing "
			       "unmaps it before the release");
	}
	if (f->defer_loc != UNKNOWN_LOCATION)
		inform(f->defer_loc, "%qs queued for deferred unmap here, by %qs: "
		       "it stays mapped until that runs", f->mapping, f->defer_fn);
	if (f->unmap_loc != UNKNOWN_LOCATION)
		inform(f->unmap_loc, "%qs is unmapped only here, after the release",
		       f->mapping);

	if (f->handed_over)
		inform(f->loc, "fix: drop this release and let %<vfree%> release the "
		       "pages, or map without %<VM_MAP_PUT_PAGES%>");
	else
		inform(f->loc, "fix: unmap %qs before releasing its pages, or map with "
		       "%<vmap_pages%> and unmap with %<vunmap_pages%> so that the "
		       "mapping holds its own page references", f->mapping);
}

void report_findings(finding_vec *findings, bool as_errors)
{
	qsort(findings->v, findings->n, sizeof(*findings->v), compare_findings);
	for (int i = 0; i < findings->n; i++) {
		auto_diagnostic_group group;

		if (emit_main(&findings->v[i], as_errors))
			emit_notes(&findings->v[i]);
	}
}
