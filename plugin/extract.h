/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMAPCHECK_EXTRACT_H
#define VMAPCHECK_EXTRACT_H

#include "gcc-common.h"
#include "fnmodel.h"

/* Build the model of FUN in P (run right after the "ssa" pass). */
void extract_function(struct program *p, function *fun);
/* Functions in global initializers ({ .notifier_call = f }), at unit end. */
void extract_initializers(struct program *p);

#endif
