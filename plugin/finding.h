/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A finding of one of the checks (checks.h), with its check's own data.
 * The plugin shows findings as GCC diagnostics (report.c), vmapcheck-merge
 * as text, JSON or SARIF (merge.c); the words are each check's own.
 */
#ifndef VMAPCHECK_FINDING_H
#define VMAPCHECK_FINDING_H

#include "check-lazy.h"
#include "check-release.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The index of a check in the table of checks.h. */
enum check_id {
	CHECK_RELEASE_WHILE_MAPPED,
	CHECK_LAZY_UNMAP_NO_FLUSH,
	NCHECKS
};

struct finding {
	enum check_id check;
	vc_loc loc;			/* the release; where the list is filled */
	const char *function;		/* the function of loc */
	union {
		struct release_finding release;
		struct lazy_finding lazy;
	};
};
typedef VEC(struct finding) finding_vec;

#ifdef __cplusplus
}
#endif

#endif
