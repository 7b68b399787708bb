/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The words of a finding: its warning and notes, written once for both
 * the plugin (GCC diagnostics) and vmapcheck-merge (text, JSON, SARIF).
 * Each check writes its own with these; finding_messages() (checks.h)
 * ends the warning with the check's ID.
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

/* The API names the advice uses, from the API model. */
struct words {
	const char *owner_flag;		/* hands the pages to a mapping */
	const char *free_area;		/* frees a mapping (and owned pages) */
	const char *counted_map;	/* the refcounted map and unmap */
	const char *counted_unmap;
	const char *hook;		/* a flush hook to suggest */
};

struct words message_words(const struct api_model *model);

/* Write one message at M (a note if NOTE); returns the next slot. */
struct message *say(struct message *m, bool note, vc_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#ifdef __cplusplus
}
#endif

#endif
