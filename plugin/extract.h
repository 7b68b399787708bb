/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMAPCHECK_EXTRACT_H
#define VMAPCHECK_EXTRACT_H

#include "gcc-common.h"
#include "fnmodel.h"

/* Build the model of FUN in P (run right after the "ssa" pass). */
void extract_function(struct program *p, function *fun);
/* Functions in global initializers ({ .notifier_call = f }), at unit end. */
void extract_initializers(struct program *p);
/*
 * Calls through an ops field go to the one function the unit stores under
 * that field ({ .put = f }, ops->put = f); with several or none a call
 * stays unresolved and does nothing known.  At unit end, after
 * extract_initializers().
 */
void extract_dispatch(struct program *p);

#endif
