/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The words of a finding: its warning and notes, written once for both
 * the plugin (GCC diagnostics) and vmapcheck-merge (text and JSON).
 */
#ifndef VMAPCHECK_MESSAGES_H
#define VMAPCHECK_MESSAGES_H

#include "finding.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MAX_MESSAGES 10
#define MESSAGE_SIZE 400

struct message {
	bool note;		/* a note; the first message is the warning */
	bool fixits;		/* the note to carry the finding's fix-its */
	vc_loc loc;
	char text[MESSAGE_SIZE];
};

/* Fill OUT with the warning and notes of F, the advice named from MODEL;
   returns how many. */
int finding_messages(const struct finding *f, const struct api_model *model,
		     struct message *out);

#ifdef __cplusplus
}
#endif

#endif
