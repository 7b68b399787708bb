/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMAPCHECK_EXTRACT_H
#define VMAPCHECK_EXTRACT_H

#include "gcc-common.h"

/* Build the model of FUN (run right after the "ssa" pass). */
void extract_function(function *fun);
/* Functions in global initializers ({ .notifier_call = f }), at unit end. */
void extract_initializers(void);

#endif
