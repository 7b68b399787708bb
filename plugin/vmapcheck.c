// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmapcheck: a GCC plugin that finds pages released while a kernel mapping
 * of them (vmap(), vm_map_ram()) may still exist.  Analysis only: it reads
 * GIMPLE and never changes it.
 *
 * Usage:
 *   gcc -fplugin=/path/vmapcheck.so [-fplugin-arg-vmapcheck-KEY[=VALUE] ...]
 *   make KCFLAGS=-fplugin=/path/vmapcheck.so      (a kernel build)
 *
 * Keys:
 *   disable      do nothing (per-file opt-out: CFLAGS_foo.o += ...-disable)
 *   disable=ID[,ID]  do not report the checks of these IDs (checks.h)
 *   verbose      print the API model, summaries and instances to stderr
 *   werror       report findings as errors instead of warnings
 *   api=FILE     add or override API model entries (docs/vmapcheck.1)
 *   facts=DIR    also write this unit's facts into DIR, for vmapcheck-merge
 *   facts-in-object  also write them into the object (section FACTS_SECTION)
 *
 * Structure: extract.c turns each function into a model right after the
 * "ssa" pass (before inlining), summary.c computes interprocedural
 * summaries once the whole unit is seen, checks.c runs the checks
 * (check-*.c) and report.c prints the findings.
 */

#include "api.h"
#include "checks.h"
#include "extract.h"
#include "facts.h"
#include "report.h"
#include "summary.h"

__visible int plugin_is_GPL_compatible;

static struct plugin_info vmapcheck_info = {
	.version = VMAPCHECK_VERSION,
	.help = "disable\tdo nothing\n"
		"disable=ID[,ID]\tdo not report these checks (vmapcheck-merge --list-checks)\n"
		"verbose\tprint the API model, summaries and instances\n"
		"werror\treport findings as errors\n"
		"api=FILE\tadd API model entries (KIND FUNCTION ARG per line)\n"
		"facts=DIR\twrite this unit's facts into DIR for vmapcheck-merge\n"
		"facts-in-object\twrite them into the object, for vmapcheck-merge\n",
};

static bool verbose, as_errors;
/* disable=ID: the checks not to report (bit 1 << enum check_id). */
static unsigned disabled_checks;
static const char *facts_dir;
/* facts-in-object: the unit's facts, kept from the analysis to the end of
   the unit, when the assembler output is complete but for its end. */
static bool facts_in_object;
static char *object_facts;
static size_t object_facts_size;

/* Whether the unit can map or unmap at all: decided once, on the first
   function or at the end of a unit without any. */
static enum { UNIT_PENDING, UNIT_CHECKED, UNIT_SKIPPED } unit_state;

static bool unit_checked(void)
{
	if (unit_state == UNIT_PENDING) {
		/* Facts cover every unit: the merge links them all. */
		unit_state = api_bind_identifiers() || facts_dir || facts_in_object ?
			UNIT_CHECKED : UNIT_SKIPPED;
		if (verbose && unit_state == UNIT_SKIPPED)
			fprintf(stderr, "vmapcheck: nothing maps or unmaps here\n");
	}
	return unit_state == UNIT_CHECKED;
}

static const pass_data extract_pass_data = {
	.type = GIMPLE_PASS,
	.name = "vmapcheck",
	.optinfo_flags = OPTGROUP_NONE,
	.tv_id = TV_PLUGIN_RUN,
	.properties_required = PROP_ssa | PROP_cfg,
	.properties_provided = 0,
	.properties_destroyed = 0,
	.todo_flags_start = 0,
	.todo_flags_finish = 0,
};

/* Each function's model into the unit's program, P. */
class extract_pass : public gimple_opt_pass {
	struct program *p;

public:
	extract_pass(struct program *prog) : gimple_opt_pass(extract_pass_data, g), p(prog) {}

	bool gate(function *) final override
	{
		return unit_checked();
	}

	unsigned int execute(function *fun) final override
	{
		extract_function(p, fun);
		return 0;
	}
};

static void resolve_location(vc_loc loc, const char **file, int *line, int *column)
{
	expanded_location at = expand_location(loc);

	*file = at.file ? at.file : "<unknown>";
	*line = at.line;
	*column = at.column;
}

static void write_facts(const struct program *p)
{
	char err[512];

	if (mkdir(facts_dir, 0777) && errno != EEXIST)
		error_at(UNKNOWN_LOCATION, "vmapcheck: cannot create the facts directory "
			 "%qs: %s; check %<-fplugin-arg-vmapcheck-facts%>", facts_dir,
			 xstrerror(errno));
	else if (!facts_write(p, facts_dir, main_input_filename, resolve_location, err,
			      sizeof(err)))
		error_at(UNKNOWN_LOCATION, "vmapcheck: %s; check %<-fplugin-arg-vmapcheck-facts%>",
			 err);
}

/*
 * The facts as a section the linker leaves out of what it loads (as LTO's
 * are); after the code, so that no code section changes.
 */
static void emit_object_facts(void *gcc_data, void *user_data)
{
	if (!object_facts || !asm_out_file)
		return;
	switch_to_section(get_section(FACTS_SECTION, SECTION_DEBUG | SECTION_EXCLUDE, NULL));
	assemble_string(object_facts, object_facts_size);
	free(object_facts);
	object_facts = NULL;
}

/* The unit's program, USER_DATA, once every function of it is extracted. */
static void analyse_unit(void *gcc_data, void *user_data)
{
	struct program *p = (struct program *)user_data;
	struct analysis an;
	finding_vec findings = { NULL, 0, 0 };
	struct check_run run = { &an, api_model(), false, false, verbose ? stderr : NULL };
	const char *unsettled = NULL;
	int missed;

	if (!unit_checked())
		return;

	extract_initializers(p);
	extract_dispatch(p);
	analyses_init(p, &an, NULL, 0);
	if (facts_dir)
		write_facts(p);
	if (facts_in_object &&
	    !facts_write_data(p, main_input_filename, resolve_location, &object_facts,
			      &object_facts_size))
		error_at(UNKNOWN_LOCATION, "vmapcheck: cannot keep the facts of this unit for the "
			 "object: %s", xstrerror(errno));
	missed = summaries_compute(&an, &unsettled);
	if (missed)
		inform(UNKNOWN_LOCATION, "vmapcheck: the summaries of %d group%s of mutually "
		       "recursive functions (one has %qs) did not settle in %d rounds; "
		       "findings through them may be missing", missed, missed > 1 ? "s" : "",
		       unsettled, SUMMARY_ROUNDS);
	if (verbose)
		summaries_dump(&an, stderr);
	checks_run(&run, disabled_checks, &findings);
	report_findings(&findings, as_errors);
	vec_free(findings);
	analysis_free(&an);
	program_free(p);
}

static bool parse_arguments(const char *name, int argc, const plugin_argument *argv,
			    const char **api_file, bool *disable)
{
	static const char *const keys[] = { "disable", "verbose", "werror", "api", "facts",
					     "facts-in-object" };
	bool seen[ARRAY_SIZE(keys)] = { false };

	for (int i = 0; i < argc; i++) {
		const char *key = argv[i].key, *value = argv[i].value;
		unsigned k = 0;

		while (k < ARRAY_SIZE(keys) && strcmp(key, keys[k]))
			k++;
		if (k == ARRAY_SIZE(keys)) {
			error("vmapcheck: unknown option %<-fplugin-arg-%s-%s%>; the keys "
			      "are %<disable%>, %<disable=ID%>, %<verbose%>, %<werror%>, %<api=FILE%>, "
			      "%<facts=DIR%> and %<facts-in-object%>",
			      name, key);
			return false;
		}
		/* A second api= or facts= would silently replace the first. */
		if (seen[k]) {
			error("vmapcheck: %<-fplugin-arg-%s-%s%> is given twice; give it once",
			      name, key);
			return false;
		}
		seen[k] = true;

		bool wants_value = !strcmp(key, "api") || !strcmp(key, "facts");
		bool may_have_value = wants_value || !strcmp(key, "disable");

		if (wants_value ? !value : value && !may_have_value) {
			error(wants_value ?
			      "vmapcheck: %<-fplugin-arg-%s-%s%> needs a value, for "
			      "example %<-fplugin-arg-%s-%s=%s%>" :
			      "vmapcheck: %<-fplugin-arg-%s-%s%> takes no value",
			      name, key, name, key, strcmp(key, "facts") ? "FILE" : "DIR");
			return false;
		}
		if (!strcmp(key, "disable") && value) {
			char err[256];

			if (!checks_parse_list(value, &disabled_checks, err, sizeof(err))) {
				error("vmapcheck: %<-fplugin-arg-%s-%s=%s%>: %s", name, key,
				      value, err);
				return false;
			}
		} else if (!strcmp(key, "disable"))
			*disable = true;
		else if (!strcmp(key, "verbose"))
			verbose = true;
		else if (!strcmp(key, "werror"))
			as_errors = true;
		else if (!strcmp(key, "api"))
			*api_file = value;
		else if (!strcmp(key, "facts"))
			facts_dir = value;
		else
			facts_in_object = true;
	}
	return true;
}

__visible int plugin_init(struct plugin_name_args *info,
			  struct plugin_gcc_version *version)
{
	const char *api_file = NULL;
	bool disable = false;

	/* Errors return 0: GCC's own "failed to initialize" would be a second line. */
	if (!plugin_default_version_check(version, &gcc_version)) {
		error("vmapcheck: this plugin was built for GCC %s but is loaded "
		      "into GCC %s; rebuild it with %<make GCC=gcc-%d%>",
		      gcc_version.basever, version->basever, atoi(version->basever));
		return 0;
	}
	register_callback(info->base_name, PLUGIN_INFO, NULL, &vmapcheck_info);
	if (!parse_arguments(info->base_name, info->argc, info->argv, &api_file,
			     &disable) || disable)
		return 0;
	if (!api_init(api_file))
		return 0;
	if (verbose)
		model_dump(api_model(), stderr);

	/* One unit per compiler run: its program lives as long as the plugin. */
	static struct program unit;
	struct register_pass_info pass = {
		.pass = new extract_pass(&unit),
		.reference_pass_name = "ssa",
		.ref_pass_instance_number = 1,
		.pos_op = PASS_POS_INSERT_AFTER,
	};
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
	register_callback(info->base_name, PLUGIN_ALL_IPA_PASSES_END, analyse_unit, &unit);
	if (facts_in_object)
		register_callback(info->base_name, PLUGIN_FINISH_UNIT, emit_object_facts, NULL);
	return 0;
}
