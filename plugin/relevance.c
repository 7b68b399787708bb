// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which functions a unit's facts keep (see relevance.h).
 */

#include "relevance.h"

static bool event_matters(const struct program *p, const struct event *e, const bool *kept)
{
	int g = e->callee;

	switch (e->kind) {
	case EV_STORE:
		/* Read only beside a map or a release of the same function. */
		return false;
	case EV_CALL:
		/* A callee of another unit may do anything: even with no
		   argument of ours, its effects on fields and globals are its
		   callers' too (summary.h). */
		return p->functions.v[g]->extracted ? kept[g] : true;
	default:
		return true;
	}
}

bool *functions_kept(const struct program *p)
{
	bool *kept = (bool *)vc_alloc(p->functions.n * sizeof(*kept));
	bool changed = true;

	/* To a fixpoint: callers may come before callees, and recursion. */
	while (changed) {
		changed = false;
		for (int i = 0; i < p->functions.n; i++) {
			const struct fn *f = p->functions.v[i];

			if (kept[i] || !f->extracted)
				continue;
			kept[i] = f->escapes.n > 0;
			for (int k = 0; !kept[i] && k < f->events.n; k++)
				kept[i] = event_matters(p, &f->events.v[k], kept);
			changed |= kept[i];
		}
	}
	return kept;
}
