// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmapcheck-merge: link the facts that the plugin wrote for each object
 * of a build (-fplugin-arg-vmapcheck-facts=DIR, or facts-in-object) and
 * report the findings that only the whole build shows: a mapping kept in
 * a field by one file and its pages released by another, a helper of
 * another file that releases or unmaps.  What a single compile already
 * reported is left out: the analysis runs once per unit, as the compiler
 * did, and once over the whole build, and only the difference is printed.
 *
 * Usage: vmapcheck-merge [--json] [--all] [--complete] [--keep-going]
 *                        [--expect LIST] [--verbose] DIR|FILE...
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
#include "objfile.h"
#include "summary.h"

static const char usage[] =
	"usage: vmapcheck-merge [--json] [--all] [--complete] [--keep-going]\n"
	"                       [--expect LIST] [--verbose] DIR|FILE...\n"
	"\n"
	"Read the facts that compiles with the vmapcheck plugin wrote, link them,\n"
	"and report the findings that need more than one file, in GCC's format\n"
	"(file:line:col: warning: ...) or, with --json, as GCC's JSON.\n"
	"Findings within one file are the compiler's and are not repeated.\n"
	"FILE is a facts file (-fplugin-arg-vmapcheck-facts=DIR) or an object or\n"
	"archive, thin ones too (-fplugin-arg-vmapcheck-facts-in-object); DIR and\n"
	"its directories are searched for *.facts, *.o and *.a (a unit seen twice,\n"
	"in an object and an archive, is read once).\n"
	"\n"
	"  --json        print a JSON array of diagnostics with their notes\n"
	"  --all         also print what the compiles reported, once each (in\n"
	"                JSON \"vmapcheck-origin\" says compile or merge)\n"
	"  --complete    the directories hold the facts of every unit of the build\n"
	"                that maps or unmaps (as make scan writes them): a field\n"
	"                mapping that no unit unmaps stays mapped, whoever calls\n"
	"                the code that releases its pages\n"
	"  --expect LIST LIST names the source files the build compiled, a line\n"
	"                each; one without facts (a ccache hit writes none) is\n"
	"                an error, as a damaged facts file is\n"
	"  --keep-going  a damaged facts file is skipped and the others are\n"
	"                analysed (without it, nothing is reported)\n"
	"  --verbose     print summaries and mapping instances to stderr\n"
	"  --help        print this text\n"
	"\n"
	"Exit status: 0; 2 if a facts file could not be read or an expected\n"
	"unit has no facts (each is named in one line); 64 on a usage error.\n";

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

/*
 * The units read, by interned source path: each is read once.  A read
 * that fails leaves its units out, so they count only once it succeeded:
 * until then they are pending.
 */
static struct int_map units_read;
static VEC(int) units_pending;

static bool unit_wanted(const char *source)
{
	int id = intern(source), seen;

	if (int_map_get(&units_read, id, &seen))
		return false;
	for (int i = 0; i < units_pending.n; i++)
		if (units_pending.v[i] == id)
			return false;
	vec_push(units_pending, id);
	return true;
}

/* The end of one read: its units count if it succeeded. */
static bool units_done(bool ok)
{
	for (int i = 0; ok && i < units_pending.n; i++)
		int_map_put(&units_read, units_pending.v[i], 1);
	units_pending.n = 0;
	return ok;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void damaged_input(const char *path, const char *err)
{
	fprintf(stderr, "vmapcheck-merge: %s: %s%s\n", path, err,
		keep_going ? "; skipping this file" : "");
}

/* What reading the facts sections of one object file gives. */
struct object_read {
	int *units;
	int sections;
	bool ok;
};

static void read_section(const char *object, const char *data, size_t size, void *arg)
{
	struct object_read *o = (struct object_read *)arg;
	char err[256], where[4096 + 64];

	o->sections++;
	if (units_done(facts_read_text(data, size, o->units, make_loc, unit_wanted, err,
				       sizeof(err))))
		return;
	snprintf(where, sizeof(where), "%s: section %s", object, FACTS_SECTION);
	damaged_input(where, err);
	o->ok = false;
}

/*
 * The facts sections of an object or archive.  One that has none is
 * passed over in a directory (most objects of a build have none) and an
 * error when named (EXPLICIT).
 */
static bool read_object(const char *path, int *units, bool explicit)
{
	struct object_read o = { units, 0, true };
	char err[4096 + 256];

	if (!objfile_sections(path, FACTS_SECTION, read_section, &o, err, sizeof(err))) {
		damaged_input(path, err);
		return false;
	}
	if (explicit && !o.sections) {
		damaged_input(path, "no vmapcheck facts in it; compile it with "
			      "-fplugin-arg-vmapcheck-facts-in-object");
		return false;
	}
	return o.ok;
}

/* A facts file, or an object or archive; false (and a line saying why) if damaged. */
static bool read_file(const char *path, int *units, bool explicit)
{
	unsigned char head[8];
	struct stat st;
	char err[256];
	size_t n = 0;
	FILE *f;

	/* Only a regular file is looked into (a FIFO would block): the
	   readers refuse the others with a reason. */
	if (!stat(path, &st) && S_ISREG(st.st_mode) && (f = fopen(path, "re"))) {
		n = fread(head, 1, sizeof(head), f);
		fclose(f);
	}
	if (objfile_recognised(head, n))
		return read_object(path, units, explicit);
	if (units_done(facts_read(path, units, make_loc, unit_wanted, err, sizeof(err))))
		return true;
	damaged_input(path, err);
	return false;
}

/* What a directory entry is read as: facts files, objects, archives. */
static bool read_by_name(const char *name)
{
	size_t len = strlen(name);

	return (len > 6 && !strcmp(name + len - 6, ".facts")) ||
	       (len > 2 && (!strcmp(name + len - 2, ".o") || !strcmp(name + len - 2, ".a")));
}

/*
 * Read the facts files, objects and archives of DIR and its directories
 * (not those reached by a symbolic link, as a build's "source" link) in
 * name order, or DIR itself if it is a file; false if one could not be
 * read.
 */
static bool read_dir(const char *dir, int *units, bool explicit)
{
	VEC(char *) names = { NULL, 0, 0 };
	struct dirent *d;
	struct stat st;
	DIR *dp;
	bool ok = true;

	if (stat(dir, &st)) {
		fprintf(stderr, "vmapcheck-merge: cannot read '%s': %s\n", dir, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode))
		return read_file(dir, units, explicit);
	dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "vmapcheck-merge: cannot read directory '%s': %s\n", dir,
			strerror(errno));
		return false;
	}
	while ((d = readdir(dp))) {
		size_t len = strlen(d->d_name);
		char *path = (char *)vc_alloc(strlen(dir) + len + 2);

		sprintf(path, "%s/%s", dir, d->d_name);
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..") &&
		    (read_by_name(d->d_name) || (!lstat(path, &st) && S_ISDIR(st.st_mode))))
			vec_push(names, path);
		else
			vc_free(path);
	}
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), compare_strings);
	for (int i = 0; i < names.n; i++) {
		ok &= read_dir(names.v[i], units, false);
		vc_free(names.v[i]);
	}
	vec_free(names);
	return ok;
}

/*
 * --expect FILE: the sources the build compiled, a line each.  Each that
 * has no facts is named: a compile that ccache answered from its cache
 * wrote none, and the findings that need it would be missing silently.
 */
static bool expected_units(const char *list)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool ok = true;
	FILE *f = fopen(list, "re");

	if (!f) {
		fprintf(stderr, "vmapcheck-merge: cannot read '%s': %s\n", list, strerror(errno));
		return false;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		int seen;

		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (!n || int_map_get(&units_read, intern(line), &seen))
			continue;
		fprintf(stderr, "vmapcheck-merge: %s: compiled, but no facts of it were read; "
			"a compile that ccache answered from its cache writes none (nor does a "
			"build that finds its object up to date): use "
			"-fplugin-arg-vmapcheck-facts-in-object, or rebuild the object without "
			"ccache\n",
			line);
		ok = false;
	}
	free(line);
	fclose(f);
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
	VEC(const char *) inputs = { NULL, 0, 0 };
	FILE *verbose = NULL;
	const char *expect = NULL;
	bool json = false, all = false, ok = true;
	int units = 0;
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
		} else if (!strcmp(argv[i], "--expect") && i + 1 < argc) {
			expect = argv[++i];
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "vmapcheck-merge: unknown option '%s'; see --help\n", argv[i]);
			return 64;
		} else {
			vec_push(inputs, argv[i]);
		}
	}
	if (!inputs.n) {
		fputs("vmapcheck-merge: no facts directory given; see --help\n", stderr);
		return 64;
	}
	if (!model_init(&model, err)) {
		fprintf(stderr, "vmapcheck-merge: %s\n", err);
		return 2;
	}
	for (int i = 0; i < inputs.n; i++)
		ok &= read_dir(inputs.v[i], &units, true);
	if (expect)
		ok &= expected_units(expect);
	vec_free(inputs);
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
