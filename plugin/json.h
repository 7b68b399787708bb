/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writing JSON strings, for vmapcheck-merge's JSON and SARIF output.
 */
#ifndef VMAPCHECK_JSON_H
#define VMAPCHECK_JSON_H

#include <stdio.h>

/* S as a JSON string, quoted; bytes that are not UTF-8 become U+FFFD (a
   message quotes source text, which may be in any encoding). */
void json_string(FILE *out, const char *s);

#endif
