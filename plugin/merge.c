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
 * Usage: vmapcheck-merge [--json|--sarif] [--all] [--complete] [--keep-going]
 *                        [--expect LIST] [--disable ID,...] [--rules REPORT]
 *                        [--srcroot DIR] [--fixes DIR|PATCH] [--verbose] DIR|FILE...
 *        vmapcheck-merge --helpers LIST [--keep-going] DIR|FILE...
 * Exit status: 0; 2 when a facts file could not be read (with --keep-going
 * the others are still analysed); 64 on a usage error.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checks.h"
#include "facts.h"
#include "helpers.h"
#include "json.h"
#include "objfile.h"
#include "patchfile.h"
#include "sarif.h"
#include "summary.h"

static const char usage[] =
	"usage: vmapcheck-merge [--json|--sarif] [--all] [--complete] [--keep-going]\n"
	"                       [--expect LIST] [--disable ID,...] [--rules REPORT]\n"
	"                       [--srcroot DIR] [--fixes DIR|PATCH] [--verbose] DIR|FILE...\n"
	"       vmapcheck-merge --helpers LIST [--keep-going] DIR|FILE...\n"
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
	"  --sarif       print a SARIF 2.1.0 log instead\n"
	"  --rules REPORT  add the findings of the Coccinelle rules: their report\n"
	"                lines (make coccicheck MODE=report, paths relative to\n"
	"                --srcroot); in JSON \"vmapcheck-origin\" is \"rules\"\n"
	"  --srcroot DIR the source tree: SARIF locations under it are relative\n"
	"                to it (base \"SRCROOT\"); the rules' paths are joined to it\n"
	"  --fixes DIR|PATCH  with --sarif, the fix patches (*.patch, as git\n"
	"                format-patch writes them) as fixes of the findings on the\n"
	"                lines their hunks show (of all a file's if none is)\n"
	"  --all         also print what the compiles reported, once each (in\n"
	"                JSON \"vmapcheck-origin\" says compile or merge)\n"
	"  --complete    the directories hold the facts of every unit of the build\n"
	"                that maps or unmaps (as make scan writes them): a field\n"
	"                mapping that no unit unmaps stays mapped, whoever calls\n"
	"                the code that releases its pages\n"
	"  --expect LIST LIST names the source files the build compiled, a line\n"
	"                each; one without facts (a ccache hit writes none) is\n"
	"                an error, as a damaged facts file is\n"
	"  --helpers LIST  print only the functions that no unit read defines and\n"
	"                that the code of LIST's units (source paths, a line each)\n"
	"                hands pages, page arrays, mappings or objects holding\n"
	"                them to, directly or through functions it has, a name a\n"
	"                line: where make scan looks for release and unmap helpers\n"
	"  --disable ID,...  do not report the checks of these IDs (--list-checks)\n"
	"  --keep-going  a damaged facts file is skipped and the others are\n"
	"                analysed (without it, nothing is reported)\n"
	"  --verbose     print summaries and mapping instances to stderr\n"
	"  --list-checks print each check's ID and what a finding of it means\n"
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

/* What the merge has read: the build's functions, from how many units. */
struct build {
	struct program prog;
	int units;
};

/* What reading the facts sections of one object file gives. */
struct object_read {
	struct build *b;
	int sections;
	bool ok;
};

static void read_section(const char *object, const char *data, size_t size, void *arg)
{
	struct object_read *o = (struct object_read *)arg;
	char err[256], where[4096 + 64];

	o->sections++;
	if (units_done(facts_read_data(&o->b->prog, data, size, &o->b->units, make_loc,
				       unit_wanted, err, sizeof(err))))
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
static bool read_object(struct build *b, const char *path, bool explicit)
{
	struct object_read o = { b, 0, true };
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
static bool read_file(struct build *b, const char *path, bool explicit)
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
		return read_object(b, path, explicit);
	if (units_done(facts_read(&b->prog, path, &b->units, make_loc, unit_wanted, err,
				  sizeof(err))))
		return true;
	damaged_input(path, err);
	return false;
}

typedef VEC(char *) path_vec;

/*
 * The paths of DIR's entries whose names WANTED accepts, and with
 * SUBDIRS its directories (not those reached by a symbolic link), in
 * name order; false, with a line saying why, if DIR cannot be read.
 */
static bool dir_entries(const char *dir, bool (*wanted)(const char *name), bool subdirs,
			path_vec *out)
{
	struct dirent *d;
	struct stat st;
	DIR *dp = opendir(dir);

	if (!dp) {
		fprintf(stderr, "vmapcheck-merge: cannot read directory '%s': %s\n", dir,
			strerror(errno));
		return false;
	}
	while ((d = readdir(dp))) {
		char *path = path_join(dir, d->d_name);

		if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..") &&
		    (wanted(d->d_name) ||
		     (subdirs && !lstat(path, &st) && S_ISDIR(st.st_mode))))
			vec_push(*out, path);
		else
			vc_free(path);
	}
	closedir(dp);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), compare_strings);
	return true;
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
 * (not a build's "source" link) in name order, or DIR itself if it is a
 * file; false if one could not be read.
 */
static bool read_dir(struct build *b, const char *dir, bool explicit)
{
	path_vec names = { NULL, 0, 0 };
	struct stat st;
	bool ok = true;

	if (stat(dir, &st)) {
		fprintf(stderr, "vmapcheck-merge: cannot read '%s': %s\n", dir, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode))
		return read_file(b, dir, explicit);
	if (!dir_entries(dir, read_by_name, true, &names))
		return false;
	for (int i = 0; i < names.n; i++) {
		ok &= read_dir(b, names.v[i], false);
		vc_free(names.v[i]);
	}
	vec_free(names);
	return ok;
}

/* The non-empty lines of the file LIST into OUT; false, saying why, if unreadable. */
static bool read_list(const char *list, path_vec *out)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f = fopen(list, "re");

	if (!f) {
		fprintf(stderr, "vmapcheck-merge: cannot read '%s': %s\n", list, strerror(errno));
		return false;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n) {
			char *copy = (char *)vc_alloc(n + 1);

			memcpy(copy, line, n);
			vec_push(*out, copy);
		}
	}
	free(line);
	fclose(f);
	return true;
}

static void free_list(path_vec *v)
{
	for (int i = 0; i < v->n; i++)
		vc_free(v->v[i]);
	vec_free(*v);
}

/*
 * --expect FILE: the sources the build compiled, a line each.  Each that
 * has no facts is named: a compile that ccache answered from its cache
 * wrote none, and the findings that need it would be missing silently.
 */
static bool expected_units(const char *list)
{
	path_vec sources = { NULL, 0, 0 };
	bool ok = read_list(list, &sources);

	for (int i = 0; i < sources.n; i++) {
		int seen;

		if (int_map_get(&units_read, intern(sources.v[i]), &seen))
			continue;
		fprintf(stderr, "vmapcheck-merge: %s: compiled, but no facts of it were read; "
			"a compile that ccache answered from its cache writes none (nor does a "
			"build that finds its object up to date): use "
			"-fplugin-arg-vmapcheck-facts-in-object, or rebuild the object without "
			"ccache\n",
			sources.v[i]);
		ok = false;
	}
	free_list(&sources);
	return ok;
}

/*
 * --helpers LIST: print the functions that the code of LIST's units hands
 * pages to and no unit read defines, a name a line (helpers.h).
 */
static bool print_helpers(struct build *b, const char *list)
{
	path_vec sources = { NULL, 0, 0 };
	struct int_map listed = { NULL, NULL, 0, 0 };
	int_vec wanted = { NULL, 0, 0 };
	char **names;
	int seen;
	bool *root, ok = read_list(list, &sources);

	for (int i = 0; i < sources.n; i++)
		int_map_put(&listed, intern(sources.v[i]), 1);
	root = (bool *)vc_alloc(b->prog.sources.n * sizeof(*root));
	for (int u = 0; u < b->prog.sources.n; u++)
		root[u] = int_map_get(&listed, b->prog.sources.v[u], &seen);
	helpers_wanted(&b->prog, root, &wanted);
	names = (char **)vc_alloc(wanted.n * sizeof(*names));
	for (int i = 0; i < wanted.n; i++)
		names[i] = (char *)b->prog.functions.v[wanted.v[i]]->name;
	qsort(names, wanted.n, sizeof(*names), compare_strings);
	for (int i = 0; i < wanted.n; i++)
		puts(names[i]);
	vc_free(names);
	vc_free(root);
	vec_free(wanted);
	int_map_free(&listed);
	free_list(&sources);
	return ok;
}

/* ----- analysis ----- */

/* A finding as text: its warning and notes, and the key it is known by. */
struct report {
	struct message m[MAX_MESSAGES];
	int n;
	char key[MESSAGE_SIZE + 512];
	/* Who reports it: "compile" or "merge" (the plugin), "rules". */
	const char *origin;
	enum check_id check;
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
		r.check = findings->v[i].check;
		p = place_of(r.m[0].loc);
		/*
		 * Check A: one finding per release site, the compiler's if it
		 * had one.  Check B: a list is new when what fails is new.
		 */
		snprintf(r.key, sizeof(r.key), "%s:%d:%d %s", p->file, p->line, p->column,
			 r.check == CHECK_LAZY_UNMAP_NO_FLUSH ? r.m[0].text : "");
		vec_push(*out, r);
	}
}

/* --complete: the facts are of every unit that maps or unmaps. */
static bool complete;
/* --disable: the checks not to report. */
static unsigned disabled_checks;

/* Summaries and checks of AN: one unit, or the whole build. */
static void analyse(struct analysis *an, report_vec *out, FILE *verbose)
{
	finding_vec findings = { NULL, 0, 0 };
	struct check_run run = { an, NULL, an->unit < 0, an->unit < 0 && complete, verbose };
	const char *unsettled = NULL;
	int missed = summaries_compute(an, &unsettled);

	/* Only the whole build's: a unit's groups are in it too. */
	if (missed && an->unit < 0)
		fprintf(stderr, "vmapcheck-merge: note: the summaries of %d group%s of mutually "
			"recursive functions (one has '%s') did not settle in %d rounds; "
			"findings through them may be missing\n", missed, missed > 1 ? "s" : "",
			unsettled, SUMMARY_ROUNDS);
	if (verbose)
		summaries_dump(an, verbose);
	checks_run(&run, disabled_checks, &findings);
	add_reports(out, &findings);
	vec_free(findings);
	analysis_free(an);
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

/* ----- the rules' findings ----- */

/* A line or column of a report line: digits (at most 8) up to END. */
static bool report_number(const char *s, char end, int *v)
{
	int digits = 0;

	*v = 0;
	while (*s >= '0' && *s <= '9' && digits++ < 8)
		*v = *v * 10 + (*s++ - '0');
	return digits > 0 && *s == end;
}

/*
 * --rules REPORT: the Coccinelle rules' report lines, as coccicheck
 * prints them ("PATH:LINE:COL-COL: WARNING: MESSAGE [vmapcheck:ID]",
 * paths relative to SRCROOT, columns from 0), joined to the plugin's.
 * Other lines (coccicheck's own) are passed over.
 */
static bool read_rules_report(const char *path, const char *srcroot, report_vec *out)
{
	static const char warning[] = ": WARNING: ";
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;
	bool ok = true;
	FILE *f = fopen(path, "re");

	if (!f) {
		fprintf(stderr, "vmapcheck-merge: cannot read '%s': %s\n", path, strerror(errno));
		return false;
	}
	while (ok && (len = getline(&line, &cap, f)) > 0) {
		char *text = strstr(line, warning), *id, *colon;
		int at_line = 0, column = -1;
		struct report r;

		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (!text)
			continue;
		*text = '\0';
		text += sizeof(warning) - 1;
		/* The path may hold ':'; the line and columns are the last two fields. */
		colon = strrchr(line, ':');
		if (colon && report_number(colon + 1, '-', &column)) {
			*colon = '\0';
			colon = strrchr(line, ':');
		}
		if (colon && report_number(colon + 1, '\0', &at_line))
			*colon = '\0';
		id = strstr(text, " [vmapcheck:");
		memset(&r, 0, sizeof(r));
		r.check = NCHECKS;
		if (id) {
			size_t end = strcspn(id, "]");

			if (id[end] == ']' && !id[end + 1]) {
				id[end] = '\0';
				r.check = check_by_id(id + strlen(" [vmapcheck:"));
				id[end] = ']';
			}
		}
		if (at_line <= 0 || column < 0 || r.check == NCHECKS) {
			fprintf(stderr, "vmapcheck-merge: %s:%d: not a report line of the vmapcheck "
				"rules (PATH:LINE:COL-COL: WARNING: MESSAGE [vmapcheck:ID])\n",
				path, lineno);
			ok = false;
			break;
		}
		if (!strncmp(line, "./", 2))
			memmove(line, line + 2, strlen(line + 2) + 1);
		if (srcroot) {
			char *joined = path_join(srcroot, line);

			r.m[0].loc = make_loc(intern_str(joined), at_line, column + 1);
			vc_free(joined);
		} else {
			r.m[0].loc = make_loc(intern_str(line), at_line, column + 1);
		}
		snprintf(r.m[0].text, sizeof(r.m[0].text), "%s", text);
		r.n = 1;
		r.origin = "rules";
		snprintf(r.key, sizeof(r.key), "rules %s:%d %s", line, at_line, text);
		vec_push(*out, r);
	}
	free(line);
	fclose(f);
	return ok;
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

/* One diagnostic in the shape of GCC's -fdiagnostics-format=json; a
   warning names its check as GCC names a warning's option. */
static void json_message(const struct message *m, enum check_id check)
{
	const struct place *p = place_of(m->loc);

	printf("{\"kind\": \"%s\", \"message\": ", m->note ? "note" : "warning");
	json_string(stdout, m->text);
	if (!m->note)
		printf(", \"option\": \"vmapcheck:%s\"", checks[check]->id);
	printf(", \"locations\": [{\"caret\": {\"file\": ");
	json_string(stdout, p->file);
	printf(", \"line\": %d, \"column\": %d}}]", p->line, p->column);
}

static void print_json(const report_vec *v, bool origins)
{
	printf("[");
	for (int i = 0; i < v->n; i++) {
		printf("%s", i ? ",\n " : "");
		json_message(&v->v[i].m[0], v->v[i].check);
		if (origins)
			printf(", \"vmapcheck-origin\": \"%s\"", v->v[i].origin);
		printf(", \"children\": [");
		for (int k = 1; k < v->v[i].n; k++) {
			printf("%s", k > 1 ? ", " : "");
			json_message(&v->v[i].m[k], v->v[i].check);
			printf("}");
		}
		printf("]}");
	}
	printf("]\n");
}

/* An absolute path of PATH (which need not exist), relative to the
   current directory; "." and trailing slashes dropped. */
static char *absolute(const char *path)
{
	char cwd[4096], *abs;
	size_t len;

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		cwd[0] = '\0';
	while (path[0] == '.' && (path[1] == '/' || !path[1]))
		path += path[1] ? 2 : 1;
	abs = (char *)vc_alloc(strlen(cwd) + strlen(path) + 2);
	sprintf(abs, "%s%s%s", cwd, cwd[0] && path[0] ? "/" : "", path);
	for (len = strlen(abs); len > 1 && abs[len - 1] == '/'; len--)
		abs[len - 1] = '\0';
	return abs;
}

/* --srcroot DIR, absolute, as the plugin's paths are written. */
static char *srcroot_of(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "vmapcheck-merge: --srcroot %s: %s\n", dir,
			stat(dir, &st) ? strerror(errno) : "not a directory");
		return NULL;
	}
	return absolute(dir);
}

/* TEXT without the " [vmapcheck:ID]" at its end, which SARIF says with ruleId. */
static char *without_id(const char *text)
{
	const char *id = strstr(text, " [vmapcheck:");
	size_t len = id ? (size_t)(id - text) : strlen(text);
	char *s = (char *)vc_alloc(len + 1);

	memcpy(s, text, len);
	return s;
}

static bool patch_name(const char *name)
{
	size_t len = strlen(name);

	return len > 6 && !strcmp(name + len - 6, ".patch");
}

/* The patches of DIR (make scan's fixes), in name order, or the one
   patch DIR names. */
static bool read_fixes(const char *dir, fix_patch_vec *fixes)
{
	path_vec names = { NULL, 0, 0 };
	struct stat st;
	char err[256];
	bool ok = true;

	if (!stat(dir, &st) && S_ISREG(st.st_mode)) {
		char *path = (char *)vc_alloc(strlen(dir) + 1);

		vec_push(names, strcpy(path, dir));
	} else {
		ok = dir_entries(dir, patch_name, false, &names);
	}

	for (int i = 0; i < names.n; i++) {
		struct fix_patch p;

		if (ok && patch_read(names.v[i], &p, err, sizeof(err))) {
			vec_push(*fixes, p);
		} else if (ok) {
			fprintf(stderr, "vmapcheck-merge: %s: %s\n", names.v[i], err);
			ok = false;
		}
		vc_free(names.v[i]);
	}
	vec_free(names);
	return ok;
}

/* --sarif: the findings, with the fix patches of --fixes DIR. */
static bool print_sarif(const report_vec *v, const char *srcroot, const char *fixes_dir)
{
	struct sarif_result *results = (struct sarif_result *)vc_alloc(v->n * sizeof(*results) + 1);
	fix_patch_vec fixes = { NULL, 0, 0 };
	bool ok = true;

	if (fixes_dir && !read_fixes(fixes_dir, &fixes))
		ok = false;
	for (int i = 0; ok && i < v->n; i++) {
		const struct report *r = &v->v[i];
		struct sarif_result *s = &results[i];

		s->check = r->check;
		s->engine = strcmp(r->origin, "rules") ? "plugin" : "cocci";
		s->origin = r->origin;
		s->n = r->n;
		for (int k = 0; k < r->n; k++) {
			const struct place *p = place_of(r->m[k].loc);

			s->at[k].file = absolute(p->file);
			s->at[k].line = p->line;
			s->at[k].column = p->column;
			s->at[k].text = r->m[k].text;
		}
		s->at[0].text = without_id(r->m[0].text);
	}
	if (ok) {
		struct words w = message_words(&model);

		sarif_write(stdout, results, v->n, srcroot, fixes.v, fixes.n, &w);
	}
	for (int i = 0; i < v->n; i++) {
		vc_free((void *)results[i].at[0].text);
		for (int k = 0; k < results[i].n; k++)
			vc_free((void *)results[i].at[k].file);
	}
	vc_free(results);
	for (int i = 0; i < fixes.n; i++)
		patch_free(&fixes.v[i]);
	vec_free(fixes);
	return ok;
}

int main(int argc, char **argv)
{
	report_vec per_unit = { NULL, 0, 0 }, whole = { NULL, 0, 0 }, news = { NULL, 0, 0 };
	report_vec from_rules = { NULL, 0, 0 };
	VEC(const char *) inputs = { NULL, 0, 0 };
	FILE *verbose = NULL;
	const char *expect = NULL, *rules = NULL, *srcroot = NULL, *fixes = NULL;
	const char *helpers = NULL;
	char *root = NULL;	/* srcroot, absolute */
	bool json = false, sarif = false, all = false, ok = true;
	struct build b = { 0 };
	struct analysis whole_build, *units;
	char err[MODEL_ERROR_SIZE];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--list-checks")) {
			for (int c = 0; c < NCHECKS; c++)
				printf("%s\t%s\n", checks[c]->id, checks[c]->title);
			return 0;
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(argv[i], "--sarif")) {
			sarif = true;
		} else if (!strcmp(argv[i], "--rules") && i + 1 < argc) {
			rules = argv[++i];
		} else if (!strcmp(argv[i], "--srcroot") && i + 1 < argc) {
			srcroot = argv[++i];
		} else if (!strcmp(argv[i], "--fixes") && i + 1 < argc) {
			fixes = argv[++i];
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
		} else if (!strcmp(argv[i], "--helpers") && i + 1 < argc) {
			helpers = argv[++i];
		} else if (!strcmp(argv[i], "--disable") && i + 1 < argc) {
			if (!checks_parse_list(argv[++i], &disabled_checks, err, sizeof(err))) {
				fprintf(stderr, "vmapcheck-merge: --disable %s: %s\n", argv[i], err);
				return 64;
			}
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
	if (json && sarif) {
		fputs("vmapcheck-merge: --json and --sarif are two formats; give one\n", stderr);
		return 64;
	}
	if (fixes && !sarif) {
		fputs("vmapcheck-merge: --fixes is for --sarif; give both\n", stderr);
		return 64;
	}
	if (srcroot && !(root = srcroot_of(srcroot)))
		return 64;
	if (!model_init(&model, err)) {
		fprintf(stderr, "vmapcheck-merge: %s\n", err);
		return 2;
	}
	for (int i = 0; i < inputs.n; i++)
		ok &= read_dir(&b, inputs.v[i], true);
	if (expect)
		ok &= expected_units(expect);
	if (rules)
		ok &= read_rules_report(rules, root, &from_rules);
	vec_free(inputs);
	if (!ok && !keep_going)
		goto out;
	if (helpers) {
		ok &= print_helpers(&b, helpers);
		goto out;
	}

	/* What each compile reported on its own, then the whole build. */
	units = (struct analysis *)vc_alloc(b.units * sizeof(*units));
	analyses_init(&b.prog, &whole_build, units, b.units);
	for (int u = 0; u < b.units; u++)
		analyse(&units[u], &per_unit, verbose);
	analyse(&whole_build, &whole, verbose);
	vc_free(units);

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
	/* The other engine's findings, side by side with the plugin's. */
	for (int i = 0; i < from_rules.n; i++)
		vec_push(news, from_rules.v[i]);
	if (news.n)
		qsort(news.v, news.n, sizeof(*news.v), compare_reports);
	if (sarif)
		ok &= print_sarif(&news, root, fixes);
	else if (json)
		print_json(&news, all || rules);
	else
		print_text(&news);
out:
	vec_free(per_unit);
	vec_free(whole);
	vec_free(news);
	vec_free(from_rules);
	vc_free(root);
	program_free(&b.prog);
	model_free(&model);
	return ok ? 0 : 2;
}
