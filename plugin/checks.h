/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The checks, listed in one table (checks.c): each has a stable ID that
 * users name to filter or disable it, its words, and how it runs.  Each
 * lives in a file of its own (check-release.c, check-lazy.c); one driver
 * runs them, in the plugin and in vmapcheck-merge alike.
 */
#ifndef VMAPCHECK_CHECKS_H
#define VMAPCHECK_CHECKS_H

#include <stdio.h>

#include "finding.h"
#include "messages.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How the checks run over the analysed functions (summaries computed). */
struct check_run {
	const struct analysis *an;
	/* The API model to plan fix-its from, or NULL (the merge, which has
	   no source at hand to rewrite). */
	const struct api_model *fixits;
	/* The whole build (vmapcheck-merge): code outside the analysed
	   functions can be ruled out. */
	bool whole_build;
	/* ... and every unit that maps or unmaps is in it (--complete). */
	bool complete;
	FILE *verbose;
};

struct check {
	const char *id;		/* release-while-mapped: stable, for users */
	const char *title;	/* what a finding means, one line */
	/* Why it matters and how to fix it, the advice named from W. */
	void (*help)(const struct words *w, char *buf, size_t size);
	/* Add the findings to OUT, which holds those of the checks before it
	   in the table. */
	void (*run)(const struct check_run *run, finding_vec *out);
	/* The warning and notes of F into OUT; returns how many. */
	int (*messages)(const struct finding *f, const struct words *w, struct message *out);
};

/* Indexed by enum check_id; defined in each check's file. */
extern const struct check check_release_while_mapped, check_lazy_unmap_no_flush;
extern const struct check *const checks[NCHECKS];

/* The check of ID, or NCHECKS. */
enum check_id check_by_id(const char *id);

/* Parse LIST, IDs separated by commas, into the mask of checks DISABLED
   (bit 1 << id); false with the reason in ERR on an unknown ID. */
bool checks_parse_list(const char *list, unsigned *disabled, char *err, size_t size);

/* Fill OUT with the warning and notes of F, the advice named from MODEL,
   the warning ending with its check's ID ("[vmapcheck:ID]"); returns how
   many. */
int finding_messages(const struct finding *f, const struct api_model *model,
		     struct message *out);

/* Run every check; the findings of those in DISABLED are dropped (a later
   check may still use them). */
void checks_run(const struct check_run *run, unsigned disabled, finding_vec *out);

#ifdef __cplusplus
}
#endif

#endif
