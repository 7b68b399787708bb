/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Facts: the function models of one translation unit as text, so that
 * vmapcheck-merge can analyse a whole build.  Either one file per compile
 * in a directory, written to a temporary name and renamed (safe under
 * make -j), or a non-loaded section of the unit's object (which travels
 * with the object through ccache, archives and remote builds).  A
 * versioned header; one record per line; an end marker so that a
 * truncated file is told from a short one.  Written gzip-compressed
 * (zcat reads them); plain text is read too.
 */
#ifndef VMAPCHECK_FACTS_H
#define VMAPCHECK_FACTS_H

#include <stddef.h>

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * 2: events say whether a map is counted; edge values name their block.
 * 3: unmaps say whether the address was loaded from overwritten memory.
 * 4: calls say whether an argument carries pages.
 * 5: only the functions that matter (relevance.h), the others public
 *    named inert; locations name a file record; keys of the unit's
 *    static symbols shortened.
 * 6: no numbers or names the reader can derive; blocks without a test
 *    or value in short.
 * 7: objects freed (EV_FREE); an unmap names the object whose field held
 *    the address; a call through an ops field the plugin did not resolve
 *    names the field as its callee.
 */
#define FACTS_VERSION 7

/* How much of the source file name a facts file name keeps. */
#define FACTS_NAME_BASE 64
/* The largest facts file read, and the most text read from one (a unit
   writes about 15 KB, 70 KB inflated). */
#define FACTS_MAX_SIZE (256L << 20)

/* The section of an object file that holds its unit's facts (facts-in-object). */
#define FACTS_SECTION ".vmapcheck.facts"

/* Where a location is, for the writer. */
typedef void (*loc_resolver)(vc_loc loc, const char **file, int *line, int *column);
/* A location for FILE:LINE:COLUMN, for the reader. */
typedef vc_loc (*loc_maker)(const char *file, int line, int column);
/*
 * Whether to read the unit of SOURCE: a unit's facts can be seen twice,
 * in its object and again in an archive or a module linked from it.
 */
typedef bool (*unit_filter)(const char *source);

/*
 * Write the extracted functions of P, the unit UNIT (a source path), into
 * DIR.  On failure false, with the reason in ERR.
 */
bool facts_write(const struct program *p, const char *dir, const char *unit,
		 loc_resolver resolve, char *err, size_t errlen);

/* The same in a buffer *DATA of *SIZE bytes (the caller frees it). */
bool facts_write_data(const struct program *p, const char *unit, loc_resolver resolve,
		      char **data, size_t *size);

/*
 * Read the units in PATH (a facts file holds one; an object section
 * linked from several objects holds one each) into P, numbering them from
 * *UNITS on and advancing it.  On failure false, with "line N: what" in
 * ERR; none of the file's units is then analysed.
 */
bool facts_read(struct program *p, const char *path, int *units, loc_maker make_loc,
		unit_filter wanted, char *err, size_t errlen);

/* The same for the SIZE bytes of DATA (an object's facts section). */
bool facts_read_data(struct program *p, const char *data, size_t size, int *units,
		     loc_maker make_loc, unit_filter wanted, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
