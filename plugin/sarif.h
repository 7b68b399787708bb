/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Findings as a SARIF 2.1.0 log (OASIS Static Analysis Results
 * Interchange Format), which the code scanning tools of the big forges
 * read: one run of the tool "vmapcheck", a reporting descriptor (rule)
 * per check of checks.h, a result per finding with its notes as related
 * locations, and the fix patches as fixes of the results in their files.
 */
#ifndef VMAPCHECK_SARIF_H
#define VMAPCHECK_SARIF_H

#include <stdio.h>

#include "checks.h"
#include "patchfile.h"

struct sarif_location {
	const char *file;
	int line, column;	/* 0: not known */
	const char *text;
};

struct sarif_result {
	enum check_id check;
	const char *engine;	/* "plugin" or "cocci" */
	const char *origin;	/* "compile", "merge" or "rules" */
	/* The warning (its text without the "[vmapcheck:ID]"), then the notes. */
	struct sarif_location at[MAX_MESSAGES];
	int n;
};

/* Write the log to OUT: paths under SRCROOT (absolute, or NULL) relative
   to the base "SRCROOT"; the help of the checks named from W. */
void sarif_write(FILE *out, const struct sarif_result *results, int n, const char *srcroot,
		 const struct fix_patch *fixes, int nfixes, const struct words *w);

#endif
