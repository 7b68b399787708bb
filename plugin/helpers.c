// SPDX-License-Identifier: GPL-2.0-only
/*
 * The helper closure (see helpers.h).
 */

#include "helpers.h"

void helpers_wanted(const struct program *p, const bool *root, int_vec *out)
{
	bool *seen = (bool *)vc_alloc(p->functions.n * sizeof(*seen));
	int_vec queue = { NULL, 0, 0 };

	for (int i = 0; i < p->functions.n; i++) {
		const struct fn *f = p->functions.v[i];

		if (f->extracted && !f->is_api && root[f->unit]) {
			seen[i] = true;
			vec_push(queue, i);
		}
	}
	while (queue.n) {
		const struct fn *f = p->functions.v[queue.v[--queue.n]];

		for (int k = 0; k < f->events.n; k++) {
			const struct event *e = &f->events.v[k];
			const struct fn *g;

			if (e->kind != EV_CALL || seen[e->callee])
				continue;
			g = p->functions.v[e->callee];
			if (g->is_api || g->dispatch || !e->page_args)
				continue;
			seen[e->callee] = true;
			if (g->extracted)
				vec_push(queue, e->callee);
			else if (key_public(interned(g->key)) && !g->inert)
				vec_push(*out, e->callee);
		}
	}
	vec_free(queue);
	vc_free(seen);
}
