// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmapcheck-merge: link the facts that the plugin wrote for each object
 * of a build (-fplugin-arg-vmapcheck-facts=DIR) and report the findings
 * that only the whole build shows: a mapping kept in a field by one file
 * and its pages released by another, a helper of another file that
 * releases or unmaps.  What a single compile already reported is left out:
 * the analysis runs once per unit, as the compiler did, and once over the
 * whole build, and only the difference is printed.
 *
 * Usage: vmapcheck-merge [--json] [--all] [--complete] [--keep-going]
 *                        [--verbose] DIR|FILE...
 * Exit status: 0; 2 when a facts file could not be read (with --keep-going
 * the others are still analysed); 64 on a usage error.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check-lazy.h"
#include "check-release.h"
#include "facts.h"
#include "messages.h"
#include "summary.h"

static const char usage[] =
	"usage: vmapcheck-merge [--json] [--all] [--complete] [--keep-going]\n"
	"                       [--verbose] DIR|FILE...\n"
	"\n"
	"Read the facts files (*.facts in each DIR, or each FILE) that compiles with\n"
	"-fplugin-arg-vmapcheck-facts=DIR wrote, link them, and report the\n"
	"findings that need more than one file, in GCC's format\n"
	"(file:line:col: warning: ...) or, with --json, as GCC's JSON.\n"
	"Findings within one file are the compiler's and are not repeated.\n"
	"\n"
	"  --json        print a JSON array of diagnostics with their notes\n"
	"  --all         also print what the compiles reported, once each (in\n"
	"                JSON \"vmapcheck-origin\" says compile or merge)\n"
	"  --complete    the directories hold the facts of every unit of the build\n"
	"                that maps or unmaps (as make scan writes them): a field\n"
	"                mapping that no unit unmaps stays mapped, whoever calls\n"
	"                the code that releases its pages\n"
	"  --keep-going  a damaged facts file is skipped and the others are\n"
	"                analysed (without it, nothing is reported)\n"
	"  --verbose     print summaries and mapping instances to stderr\n"
	"  --help        print this text\n"
	"\n"
	"Exit status: 0; 2 if a facts file could not be read (each is named\n"
	"in one line); 64 on a usage error.\n";

/* --keep-going: analyse what could be read when a facts file is damaged. */
static bool keep_going;

/* Locations of all facts files: vc_loc N is places.v[N - 1]. */
struct place {
	const char *file;
	int line, column;
};
static VEC(struct place) places;

static vc_loc make_loc(const char *file, int line, int column)
{
	struct place p = { file, line, column };

	vec_push(places, p);
	return (vc_loc)places.n;
}

static const struct place *place_of(vc_loc loc)
{
	static const struct place nowhere = { "<unknown>", 0, 0 };

	return loc == NO_LOC ? &nowhere : &places.v[loc - 1];
}

/* ----- reading the facts ----- */

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read one facts file; false (and a line saying why) if it is damaged. */
static bool read_file(const char *path, int *units)
{
	const char *source;
	char err[256];

	if (facts_read(path, (*units)++, make_loc, &source, err, sizeof(err)))
		return true;
	fprintf(stderr, "vmapcheck-merge: %s: %s%s\n", path, err,
		keep_going ? "; skipping this file" : "");
	return false;
}

/*
 * Read the facts files of DIR in name order, or DIR itself if it is a
 * file; false if one could not be read.
 */
static bool read_dir(const char *dir, int *units)
{
	VEC(char *) names = { NULL, 0, 0 };
	struct dirent *d;
	struct stat st;
	DIR *dp;
	bool ok = true;

	if (!stat(dir, &st) && !S_ISDIR(st.st_mode))
		return read_file(dir, units);
	dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "vmapcheck-merge: cannot read directory '%s': %s\n", dir,
			strerror(errno));
		return false;
	}
	while ((d = readdir(dp))) {
		size_t len = strlen(d->d_name);

		if (len > 6 && !strcmp(d->d_name + len - 6, ".facts")) {
			char *path = (char *)vc_alloc(strlen(dir) + len + 2);

			sprintf(path, "%s/%s", dir, d->d_name);
			vec_push(names, path);
		}
	}
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), compare_strings);
	for (int i = 0; i < names.n; i++) {
		ok &= read_file(names.v[i], units);
		vc_free(names.v[i]);
	}
	vec_free(names);
	return ok;
}

/* ----- analysis ----- */

/* A finding as text: its warning and notes, and the key it is known by. */
struct report {
	struct message m[MAX_MESSAGES];
	int n;
	char key[MESSAGE_SIZE + 512];
	const char *origin;	/* --all: "compile" or "merge", who reports it */
};
typedef VEC(struct report) report_vec;

/* The API model, for the words of the advice. */
static struct api_model model;

static void add_reports(report_vec *out, const finding_vec *findings)
{
	for (int i = 0; i < findings->n; i++) {
		struct report r;
		const struct place *p;

		r.n = finding_messages(&findings->v[i], &model, r.m);
		r.origin = NULL;
		p = place_of(r.m[0].loc);
		/*
		 * Check A: one finding per release site, the compiler's if it
		 * had one.  Check B: a list is new when what fails is new.
		 */
		snprintf(r.key, sizeof(r.key), "%s:%d:%d %s", p->file, p->line, p->column,
			 findings->v[i].kind == FINDING_LAZY_LIST ? r.m[0].text : "");
		vec_push(*out, r);
	}
}

/* --complete: the facts are of every unit that maps or unmaps. */
static bool complete;

/* Summaries and checks over what analysed_unit selects. */
static void analyse(report_vec *out, FILE *verbose)
{
	finding_vec findings = { NULL, 0, 0 };

	summaries_compute();
	if (verbose)
		summaries_dump(verbose);
	for (int i = 0; i < functions.n; i++)
		if (function_analysed(functions.v[i]))
			check_released_while_mapped(functions.v[i], &findings, NULL,
						    analysed_unit < 0 && complete, verbose);
	check_lazy_lists(&findings, analysed_unit < 0, &findings);
	add_reports(out, &findings);
	vec_free(findings);
	summaries_clear();
}

static bool known(const report_vec *v, const char *key)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].key, key))
			return true;
	return false;
}

static int compare_reports(const void *pa, const void *pb)
{
	const struct report *a = (const struct report *)pa, *b = (const struct report *)pb;
	const struct place *x = place_of(a->m[0].loc), *y = place_of(b->m[0].loc);
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line - y->line;
	if (x->column != y->column)
		return x->column - y->column;
	return strcmp(a->key, b->key);
}

/* ----- output ----- */

static void print_text(const report_vec *v)
{
	for (int i = 0; i < v->n; i++) {
		for (int k = 0; k < v->v[i].n; k++) {
			const struct message *m = &v->v[i].m[k];
			const struct place *p = place_of(m->loc);

			printf("%s:%d:%d: %s: %s\n", p->file, p->line, p->column,
			       m->note ? "note" : "warning", m->text);
		}
	}
}

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

/* One diagnostic in the shape of GCC's -fdiagnostics-format=json. */
static void json_message(const struct message *m)
{
	const struct place *p = place_of(m->loc);

	printf("{\"kind\": \"%s\", \"message\": ", m->note ? "note" : "warning");
	json_string(m->text);
	printf(", \"locations\": [{\"caret\": {\"file\": ");
	json_string(p->file);
	printf(", \"line\": %d, \"column\": %d}}]", p->line, p->column);
}

static void print_json(const report_vec *v, bool origins)
{
	printf("[");
	for (int i = 0; i < v->n; i++) {
		printf("%s", i ? ",\n " : "");
		json_message(&v->v[i].m[0]);
		if (origins)
			printf(", \"vmapcheck-origin\": \"%s\"", v->v[i].origin);
		printf(", \"children\": [");
		for (int k = 1; k < v->v[i].n; k++) {
			printf("%s", k > 1 ? ", " : "");
			json_message(&v->v[i].m[k]);
			printf("}");
		}
		printf("]}");
	}
	printf("]\n");
}

int main(int argc, char **argv)
{
	report_vec per_unit = { NULL, 0, 0 }, whole = { NULL, 0, 0 }, news = { NULL, 0, 0 };
	FILE *verbose = NULL;
	bool json = false, all = false, ok = true;
	int units = 0, ndirs = 0;
	char err[MODEL_ERROR_SIZE];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(argv[i], "--complete")) {
			complete = true;
		} else if (!strcmp(argv[i], "--keep-going")) {
			keep_going = true;
		} else if (!strcmp(argv[i], "--all")) {
			all = true;
		} else if (!strcmp(argv[i], "--verbose")) {
			verbose = stderr;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "vmapcheck-merge: unknown option '%s'; see --help\n", argv[i]);
			return 64;
		} else {
			ndirs++;
		}
	}
	if (!ndirs) {
		fputs("vmapcheck-merge: no facts directory given; see --help\n", stderr);
		return 64;
	}
	if (!model_init(&model, err)) {
		fprintf(stderr, "vmapcheck-merge: %s\n", err);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (argv[i][0] != '-')
			ok &= read_dir(argv[i], &units);
	if (!ok && !keep_going)
		return 2;

	/* What each compile reported on its own, then the whole build. */
	for (analysed_unit = 0; analysed_unit < units; analysed_unit++)
		analyse(&per_unit, verbose);
	analysed_unit = -1;
	analyse(&whole, verbose);

	/* What the whole build adds to the compiles; with --all, what the
	   compiles reported as well, once each. */
	if (all)
		for (int i = 0; i < per_unit.n; i++)
			if (!known(&news, per_unit.v[i].key)) {
				per_unit.v[i].origin = "compile";
				vec_push(news, per_unit.v[i]);
			}
	for (int i = 0; i < whole.n; i++)
		if (!known(&per_unit, whole.v[i].key) && !known(&news, whole.v[i].key)) {
			whole.v[i].origin = "merge";
			vec_push(news, whole.v[i]);
		}
	if (news.n)
		qsort(news.v, news.n, sizeof(*news.v), compare_reports);
	if (json)
		print_json(&news, all);
	else
		print_text(&news);
	vec_free(per_unit);
	vec_free(whole);
	vec_free(news);
	functions_free();
	model_free(&model);
	return ok ? 0 : 2;
}
