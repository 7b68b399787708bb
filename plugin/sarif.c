// SPDX-License-Identifier: GPL-2.0-only
/*
 * SARIF 2.1.0 output (see sarif.h).  The property names and nesting are
 * those of the OASIS standard, sections 3.13 (sarifLog) to 3.55 (fix).
 */

#include <string.h>

#include "json.h"
#include "sarif.h"

/* FILE relative to SRCROOT, or NULL if it is not under it. */
static const char *under_root(const char *file, const char *srcroot)
{
	size_t len = srcroot ? strlen(srcroot) : 0;

	if (!len || strncmp(file, srcroot, len))
		return NULL;
	if (srcroot[len - 1] == '/')
		return file + len;
	return file[len] == '/' ? file + len + 1 : NULL;
}

/* A path as a URI reference: unreserved characters and '/' as they are,
   the rest percent-encoded (RFC 3986). */
static void uri_path(FILE *out, const char *path)
{
	for (const unsigned char *s = (const unsigned char *)path; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~/", *s))
			putc(*s, out);
		else
			fprintf(out, "%%%02X", *s);
}

/* An artifactLocation (3.4): relative to SRCROOT, else a file: URI. */
static void artifact_location(FILE *out, const char *file, const char *srcroot)
{
	const char *rel = under_root(file, srcroot);

	fputs("{\"uri\": \"", out);
	if (rel) {
		uri_path(out, rel);
		fputs("\", \"uriBaseId\": \"SRCROOT\"}", out);
	} else {
		fputs(file[0] == '/' ? "file://" : "", out);
		uri_path(out, file);
		fputs("\"}", out);
	}
}

/* A physicalLocation (3.29) with its region (3.30) when the line is known. */
static void physical_location(FILE *out, const struct sarif_location *at, const char *srcroot)
{
	fputs("\"physicalLocation\": {\"artifactLocation\": ", out);
	artifact_location(out, at->file, srcroot);
	if (at->line > 0) {
		fprintf(out, ", \"region\": {\"startLine\": %d", at->line);
		if (at->column > 0)
			fprintf(out, ", \"startColumn\": %d", at->column);
		fputs("}", out);
	}
	fputs("}", out);
}

static void text_object(FILE *out, const char *name, const char *text)
{
	fprintf(out, "\"%s\": {\"text\": ", name);
	json_string(out, text);
	fputs("}", out);
}

static void rules(FILE *out, const struct words *w)
{
	char help[1024];

	fputs("\"rules\": [", out);
	for (int i = 0; i < NCHECKS; i++) {
		checks[i]->help(w, help, sizeof(help));
		fprintf(out, "%s\n        {\"id\": \"%s\", ", i ? "," : "", checks[i]->id);
		text_object(out, "shortDescription", checks[i]->title);
		fputs(", ", out);
		text_object(out, "help", help);
		fputs(", \"defaultConfiguration\": {\"level\": \"warning\"}}", out);
	}
	fputs("]", out);
}

/* A fix (3.55): every change of the patch, each hunk's run of changed
   lines a replacement (3.57) of whole lines. */
static void fix(FILE *out, const struct fix_patch *p, const char *srcroot)
{
	char description[1024];

	snprintf(description, sizeof(description), "%s (%s)",
		 p->subject ? p->subject : "fix", p->name);
	fputs("{", out);
	text_object(out, "description", description);
	fputs(", \"artifactChanges\": [", out);
	for (int i = 0; i < p->files.n; i++) {
		const struct file_change *fc = &p->files.v[i];
		char *path = NULL;

		/* The patch's paths are the tree's: put them under SRCROOT. */
		if (srcroot)
			path = path_join(srcroot, fc->path);
		fprintf(out, "%s{\"artifactLocation\": ", i ? ", " : "");
		artifact_location(out, path ? path : fc->path, srcroot);
		vc_free(path);
		fputs(", \"replacements\": [", out);
		for (int k = 0; k < fc->replacements.n; k++) {
			const struct replacement *r = &fc->replacements.v[k];

			fprintf(out, "%s{\"deletedRegion\": {\"startLine\": %d, \"startColumn\": 1, "
				"\"endLine\": %d, \"endColumn\": 1}, ", k ? ", " : "", r->first,
				r->first + r->deleted);
			text_object(out, "insertedContent", r->inserted);
			fputs("}", out);
		}
		fputs("]}", out);
	}
	fputs("]}", out);
}

/* The lines of context around a change that a hunk of a patch shows
   (diff -u, git format-patch); the scan counts a finding in them fixed. */
#define HUNK_CONTEXT 3

/* Does CHANGE come within a hunk's reach of LINE? */
static bool change_touches(const struct file_change *change, int line)
{
	for (int i = 0; i < change->replacements.n; i++) {
		const struct replacement *r = &change->replacements.v[i];

		if (line >= r->first - HUNK_CONTEXT && line < r->first + r->deleted + HUNK_CONTEXT)
			return true;
	}
	return false;
}

/*
 * Is CHANGE (of the file REL) a fix of R: it touches R's line, or it
 * touches none of the file's results (a fix of the map call, not of the
 * release)?  As the scan's report says which findings a patch leaves out.
 */
static bool fixes_result(const struct file_change *change, const char *rel,
			 const struct sarif_result *r, const struct sarif_result *results,
			 int n, const char *srcroot)
{
	if (change_touches(change, r->at[0].line))
		return true;
	for (int i = 0; i < n; i++) {
		const char *other = under_root(results[i].at[0].file, srcroot);

		if (other && !strcmp(other, rel) && change_touches(change, results[i].at[0].line))
			return false;
	}
	return true;
}

/* The fixes of the patches that change the file of R's warning there. */
static void fixes_of(FILE *out, const struct sarif_result *r, const struct sarif_result *results,
		     int n, const char *srcroot, const struct fix_patch *fixes, int nfixes)
{
	const char *rel = under_root(r->at[0].file, srcroot);
	int shown = 0;

	for (int i = 0; rel && i < nfixes; i++)
		for (int k = 0; k < fixes[i].files.n; k++)
			if (!strcmp(fixes[i].files.v[k].path, rel) &&
			    fixes_result(&fixes[i].files.v[k], rel, r, results, n, srcroot)) {
				fputs(shown++ ? ", " : ", \"fixes\": [", out);
				fix(out, &fixes[i], srcroot);
				break;
			}
	if (shown)
		fputs("]", out);
}

static void result(FILE *out, const struct sarif_result *r, const struct sarif_result *results,
		   int n, const char *srcroot, const struct fix_patch *fixes, int nfixes)
{
	fprintf(out, "{\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"warning\", ",
		checks[r->check]->id, (int)r->check);
	text_object(out, "message", r->at[0].text);
	fputs(", \"locations\": [{", out);
	physical_location(out, &r->at[0], srcroot);
	fputs("}]", out);
	if (r->n > 1) {
		fputs(", \"relatedLocations\": [", out);
		for (int i = 1; i < r->n; i++) {
			fprintf(out, "%s{\"id\": %d, ", i > 1 ? ", " : "", i);
			physical_location(out, &r->at[i], srcroot);
			fputs(", ", out);
			text_object(out, "message", r->at[i].text);
			fputs("}", out);
		}
		fputs("]", out);
	}
	fixes_of(out, r, results, n, srcroot, fixes, nfixes);
	fprintf(out, ", \"properties\": {\"engine\": \"%s\", \"origin\": \"%s\"}}",
		r->engine, r->origin);
}

void sarif_write(FILE *out, const struct sarif_result *results, int n, const char *srcroot,
		 const struct fix_patch *fixes, int nfixes, const struct words *w)
{
	fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      " \"version\": \"2.1.0\",\n"
	      " \"runs\": [{\n"
	      "  \"tool\": {\"driver\": {\"name\": \"vmapcheck\", "
	      "\"version\": \"" VMAPCHECK_VERSION "\",\n      ", out);
	rules(out, w);
	fputs("}},\n", out);
	if (srcroot) {
		fputs("  \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \"file://", out);
		uri_path(out, srcroot);
		fputs(srcroot[strlen(srcroot) - 1] == '/' ? "\"}},\n" : "/\"}},\n", out);
	}
	fputs("  \"results\": [", out);
	for (int i = 0; i < n; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		result(out, &results[i], results, n, srcroot, fixes, nfixes);
	}
	fputs("]}]}\n", out);
}
