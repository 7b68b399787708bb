// SPDX-License-Identifier: GPL-2.0-only
/*
 * gzip data in memory (see gzip.h).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "gzip.h"
#include "util.h"

/* zlib's window bits for a gzip header and trailer instead of zlib's. */
#define GZIP_WINDOW (MAX_WBITS + 16)

bool gzip_data(const char *data, size_t size)
{
	return size >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
}

bool gzip_compress(const char *text, size_t size, char **out, size_t *outsize)
{
	z_stream z;
	uLong cap;
	bool ok;

	/* With these parameters zlib fails only for want of memory. */
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, GZIP_WINDOW, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK) {
		errno = ENOMEM;
		return false;
	}
	cap = deflateBound(&z, size);
	*out = (char *)vc_alloc(cap);
	z.next_in = (Bytef *)text;
	z.avail_in = size;
	z.next_out = (Bytef *)*out;
	z.avail_out = cap;
	/* deflateBound() is room enough for one call. */
	ok = deflate(&z, Z_FINISH) == Z_STREAM_END;
	*outsize = z.total_out;
	deflateEnd(&z);
	if (!ok) {
		vc_free(*out);
		*out = NULL;
		errno = ENOMEM;
	}
	return ok;
}

char *gzip_inflate(const char *data, size_t size, size_t limit, size_t *textsize, char *err,
		   size_t errlen)
{
	z_stream z;
	size_t cap = size * 6 + 4096, n = 0;
	char *text = NULL;
	int rc;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, GZIP_WINDOW) != Z_OK) {
		snprintf(err, errlen, "cannot inflate it: %s", z.msg ? z.msg : "zlib failed");
		return NULL;
	}
	cap = cap < limit ? cap : limit;
	text = (char *)vc_alloc(cap);
	z.next_in = (Bytef *)data;
	z.avail_in = size;
	for (;;) {
		if (n == cap) {
			if (cap == limit) {
				snprintf(err, errlen, "larger than %zu MiB inflated; not facts the "
					 "plugin wrote", limit >> 20);
				break;
			}
			cap = cap * 2 < limit ? cap * 2 : limit;
			text = (char *)vc_realloc(text, cap);
		}
		z.next_out = (Bytef *)text + n;
		z.avail_out = cap - n;
		rc = inflate(&z, Z_NO_FLUSH);
		n = cap - z.avail_out;
		if (rc == Z_STREAM_END) {
			/* The next member, after any padding the linker put in. */
			while (z.avail_in && !*z.next_in) {
				z.next_in++;
				z.avail_in--;
			}
			if (!z.avail_in) {
				inflateEnd(&z);
				*textsize = n;
				return text;
			}
			inflateReset(&z);
		} else if (rc == Z_BUF_ERROR && z.avail_out) {
			snprintf(err, errlen, "truncated: the compressed facts end early");
			break;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			snprintf(err, errlen, "corrupt compressed facts: %s",
				 z.msg ? z.msg : "zlib failed");
			break;
		}
	}
	inflateEnd(&z);
	vc_free(text);
	return NULL;
}
