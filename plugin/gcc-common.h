/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The GCC headers every vmapcheck file needs, and the few differences
 * between the supported GCC releases (11 and 12), so that the rest of the
 * plugin reads the same for both.
 */
#ifndef VMAPCHECK_GCC_COMMON_H
#define VMAPCHECK_GCC_COMMON_H

#include "bversion.h"
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "context.h"
#include "gimple-iterator.h"
#include "ssa.h"
#include "cgraph.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "stringpool.h"
#include "hash-map.h"
#include "tree-dfa.h"
#include "tree-cfg.h"
#include "output.h"
#include "attribs.h"

#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
#error "vmapcheck supports GCC 11 and GCC 12"
#endif

#define __visible __attribute__((visibility("default")))

/* Fields and globals are keyed by DECL_UID: tree pointers may be collected. */
typedef hash_map<int_hash<int, -1, -2>, int> uid_map;

#endif
