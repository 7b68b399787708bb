/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gzip data in memory (zlib), for the facts: text that compresses about
 * five times, written once per compile and read once per merge.  Members
 * one after another read as one text, as the linker joins the facts
 * sections of the objects it links.
 */
#ifndef VMAPCHECK_GZIP_H
#define VMAPCHECK_GZIP_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Does DATA start as gzip data does? */
bool gzip_data(const char *data, size_t size);
/* SIZE bytes of TEXT as one gzip member in *OUT of *OUTSIZE bytes (the
   caller frees it); false, errno ENOMEM, if zlib fails. */
bool gzip_compress(const char *text, size_t size, char **out, size_t *outsize);
/*
 * The text of the gzip members in DATA, in a new buffer of *TEXTSIZE
 * bytes, at most LIMIT; NULL with the reason in ERR if DATA is corrupt,
 * cut short or inflates to more than LIMIT.
 */
char *gzip_inflate(const char *data, size_t size, size_t limit, size_t *textsize, char *err,
		   size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
