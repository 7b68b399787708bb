/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Names for fields, globals and functions that mean the same thing in
 * every translation unit of a build, so that facts written by one compile
 * link with those of another (interned strings, see util.h).
 */
#ifndef VMAPCHECK_KEYS_H
#define VMAPCHECK_KEYS_H

#include "gcc-common.h"

/* "tag.field"; for an anonymous struct, "file:line.field" of its first field. */
int field_key(tree field);
/* A global's or function's key: its name if public, else name@unit#uid. */
int symbol_key(tree decl);
struct program;
/* The index of FNDECL in P's table, entered on first use. */
int function_of(struct program *p, tree fndecl);

#endif
