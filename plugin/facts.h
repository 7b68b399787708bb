/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Facts: the function models of one translation unit as a text file, so
 * that vmapcheck-merge can analyse a whole build.  One file per compile,
 * written to a temporary name and renamed (safe under make -j); a
 * versioned header; one record per line; an end marker so that a
 * truncated file is told from a short one.
 */
#ifndef VMAPCHECK_FACTS_H
#define VMAPCHECK_FACTS_H

#include <stddef.h>

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 2: events say whether a map is counted; edge values name their block. */
#define FACTS_VERSION 3

/* How much of the source file name a facts file name keeps. */
#define FACTS_NAME_BASE 64
/* The largest facts file read (a unit writes about 120 KB). */
#define FACTS_MAX_SIZE (256L << 20)

/* Where a location is, for the writer. */
typedef void (*loc_resolver)(vc_loc loc, const char **file, int *line, int *column);
/* A location for FILE:LINE:COLUMN, for the reader. */
typedef vc_loc (*loc_maker)(const char *file, int line, int column);

/*
 * Write the extracted functions of UNIT (a source path) into DIR.  On
 * failure false, with the reason in ERR.
 */
bool facts_write(const char *dir, const char *unit, loc_resolver resolve,
		 char *err, size_t errlen);

/*
 * Read PATH as translation unit UNIT into the function table.  On failure
 * false, with "line N: what" in ERR; the unit's functions are then left
 * out of the analysis.  *SOURCE gets the unit's source path.
 */
bool facts_read(const char *path, int unit, loc_maker make_loc, const char **source,
		char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
