// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which functions a unit's facts keep (see relevance.h).
 */

#include "relevance.h"

/* Does event E keep its function, whatever the unit's other functions do? */
static bool event_matters(const struct program *p, const struct event *e)
{
	switch (e->kind) {
	case EV_FREE:
	case EV_STORE:
		/* Read only beside a map, an unmap or a release of the same
		   function. */
		return false;
	case EV_CALL:
		/* A callee of another unit may do anything: even with no
		   argument of ours, its effects on fields and globals are its
		   callers' too (summary.h).  A callee of this unit matters if
		   it is kept: that is for the walk over callers.  An unresolved
		   call through an ops field (extract.h) does nothing known. */
		return !p->functions.v[e->callee]->extracted &&
			!p->functions.v[e->callee]->dispatch;
	default:
		return true;
	}
}

/*
 * The functions kept for themselves, then their callers, callers' callers
 * ...: a walk over the call edges backwards, each function met once.
 */
bool *functions_kept(const struct program *p)
{
	int n = p->functions.n;
	bool *kept = (bool *)vc_alloc(n * sizeof(*kept));
	int_vec *callers = (int_vec *)vc_alloc(n * sizeof(*callers));
	int_vec work = { 0 };

	for (int i = 0; i < n; i++) {
		const struct fn *f = p->functions.v[i];

		if (!f->extracted)
			continue;
		kept[i] = f->escapes.n > 0;
		for (int k = 0; k < f->events.n; k++) {
			const struct event *e = &f->events.v[k];

			kept[i] |= event_matters(p, e);
			if (e->kind == EV_CALL && p->functions.v[e->callee]->extracted)
				vec_push(callers[e->callee], i);
		}
		if (kept[i])
			vec_push(work, i);
	}
	while (work.n > 0) {
		int callee = work.v[--work.n];

		for (int k = 0; k < callers[callee].n; k++) {
			int caller = callers[callee].v[k];

			if (!kept[caller]) {
				kept[caller] = true;
				vec_push(work, caller);
			}
		}
	}
	for (int i = 0; i < n; i++)
		vec_free(callers[i]);
	vc_free(callers);
	vec_free(work);
	return kept;
}
