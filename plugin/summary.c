// SPDX-License-Identifier: GPL-2.0-only
/*
 * Function summaries and unit-wide field facts (see summary.h).
 */

#include "flow.h"
#include "summary.h"

vec<mapping_effect> unit_facts;

const summary *callee_summary(const event &e)
{
	const fn *g;

	if (e.kind != EV_CALL)
		return NULL;
	g = unit_functions[e.callee];
	return g->extracted && !g->is_api ? &g->sum : NULL;
}

int bind_name(fn *f, const event &e, vc_name name)
{
	return class_of_name(&f->classes, name,
			     e.nargs ? &f->args[e.first_arg] : NULL, e.nargs, e.cls);
}

static bool add_effect(vec<effect> &v, const effect &eff)
{
	for (unsigned i = 0; i < v.length(); i++) {
		if (name_equal(v[i].name, eff.name)) {
			if (eff.certain && !v[i].certain) {
				v[i].certain = true;
				return true;
			}
			return false;
		}
	}
	v.safe_push(eff);
	return true;
}

/* Add EFF once for every name of class C: how callers can see C. */
static bool export_class(fn *f, vec<effect> &v, int c, effect eff)
{
	const vec<vc_name> &names = class_names(&f->classes, c);
	bool changed = false;

	for (unsigned i = 0; i < names.length(); i++) {
		eff.name = names[i];
		changed |= add_effect(v, eff);
	}
	return changed;
}

static bool add_mapping(vec<mapping_effect> &v, const mapping_effect &m)
{
	for (unsigned i = 0; i < v.length(); i++)
		if (name_equal(v[i].holder, m.holder) && name_equal(v[i].pages, m.pages))
			return false;
	v.safe_push(m);
	return true;
}

static bool export_mapping(fn *f, int holder, int pages, mapping_effect m)
{
	const vec<vc_name> &hn = class_names(&f->classes, holder);
	bool changed = false;

	for (unsigned i = 0; i < hn.length(); i++) {
		const vec<vc_name> &pn = class_names(&f->classes, pages);

		for (unsigned k = 0; k < pn.length(); k++) {
			m.holder = hn[i];
			m.pages = pn[k];
			changed |= add_mapping(f->sum.maps, m);
		}
	}
	return changed;
}

/* Bring the effects of the callee of E into F's summary. */
static bool import_call(fn *f, const event &e)
{
	const summary *s = callee_summary(e);
	bool changed = false;
	int c;

	if (!s)
		return false;
	/* Copy: binding may grow F's tables, and a recursive S is F's own. */
	auto_vec<effect> rel, unm, def;
	rel.safe_splice(s->releases);
	unm.safe_splice(s->unmaps);
	def.safe_splice(s->defers);

	for (unsigned i = 0; i < rel.length(); i++)
		if ((c = bind_name(f, e, rel[i].name)) >= 0)
			changed |= export_class(f, f->sum.releases, c, rel[i]);
	for (unsigned i = 0; i < unm.length(); i++)
		if ((c = bind_name(f, e, unm[i].name)) >= 0)
			changed |= export_class(f, f->sum.unmaps, c, unm[i]);
	for (unsigned i = 0; i < def.length(); i++)
		if ((c = bind_name(f, e, def[i].name)) >= 0)
			changed |= export_class(f, f->sum.defers, c, def[i]);
	return changed;
}

/* Releases, unmaps and defers: a fixpoint over the unit. */
static bool compute_effects(fn *f)
{
	bool changed = false;

	for (unsigned i = 0; i < f->events.length(); i++) {
		const event e = f->events[i];
		effect eff = { {}, e.loc, f->name, e.certain };

		switch (e.kind) {
		case EV_RELEASE:
			changed |= export_class(f, f->sum.releases, e.cls, eff);
			break;
		case EV_UNMAP:
			changed |= export_class(f, f->sum.unmaps, e.cls, eff);
			break;
		case EV_DEFER:
			changed |= export_class(f, f->sum.defers, e.cls, eff);
			break;
		case EV_CALL:
			if (unit_functions[e.callee] != f)
				unit_functions[e.callee]->called = true;
			changed |= import_call(f, e);
			break;
		case EV_MAP:
		case EV_STORE:
			break;
		}
	}
	for (unsigned i = 0; i < f->escapes.length(); i++)
		changed |= add_effect(f->sum.defers, f->escapes[i]);
	return changed;
}

/*
 * Mappings a function leaves behind: those still live when it returns, in
 * its result, an out-parameter, a field or a global.  Needs the effects
 * (an unmap in a callee ends a mapping) and the callees' mappings.
 */
static void compute_maps(fn *f)
{
	flow_context cx;

	flow_init(&cx, f);
	flow_site_instances(&cx);
	for (unsigned i = 0; i < cx.instances.length(); i++) {
		const instance *in = &cx.instances[i];
		flow fl;

		flow_run(&cx, in, &fl, false);
		if (flow_live_at_exit(&cx, &fl)) {
			mapping_effect m = { {}, {}, in->owns_pages,
					      flow_fails_negative(&cx, in, &fl),
					      in->origin_loc, in->origin_fn, in->what };

			for (int h = 0; h < in->mapping.n; h++)
				for (int p = 0; p < in->pages.n; p++)
					export_mapping(f, in->mapping.c[h], in->pages.c[p], m);
		}
		flow_free(&fl);
	}
	flow_release(&cx);
}

static void collect_facts(void)
{
	for (unsigned i = 0; i < unit_functions.length(); i++) {
		const vec<mapping_effect> &maps = unit_functions[i]->sum.maps;

		for (unsigned k = 0; k < maps.length(); k++) {
			const mapping_effect &m = maps[k];

			if (m.holder.depth == 0 &&
			    (m.holder.kind == NAME_FIELD || m.holder.kind == NAME_GLOBAL) &&
			    (m.pages.kind == NAME_FIELD || m.pages.kind == NAME_GLOBAL))
				add_mapping(unit_facts, m);
		}
	}
}

void summaries_compute(void)
{
	/* Callees come first in extraction order: usually two rounds. */
	for (int round = 0; round < 16; round++) {
		bool changed = false;

		for (unsigned i = 0; i < unit_functions.length(); i++) {
			fn *f = unit_functions[i];

			if (f->extracted && !f->is_api)
				changed |= compute_effects(f);
		}
		if (!changed)
			break;
	}
	/* Maps go callees first too; a second round catches the rest. */
	for (int round = 0; round < 2; round++)
		for (unsigned i = 0; i < unit_functions.length(); i++)
			if (unit_functions[i]->extracted && !unit_functions[i]->is_api)
				compute_maps(unit_functions[i]);
	collect_facts();
}

void summaries_free(void)
{
	unit_facts.release();
}

static void dump_name(FILE *out, const vc_name &n)
{
	static const char *const kinds[] = { "param", "field", "global", "return" };

	fprintf(out, " %s%d@%d", kinds[n.kind], n.kind == NAME_RET ? 0 : n.id, n.depth);
}

static void dump_effects(FILE *out, const char *what, const vec<effect> &v)
{
	if (v.is_empty())
		return;
	fprintf(out, "  %s:", what);
	for (unsigned i = 0; i < v.length(); i++)
		dump_name(out, v[i].name);
	fputc('\n', out);
}

void summaries_dump(FILE *out)
{
	for (unsigned i = 0; i < unit_functions.length(); i++) {
		const fn *f = unit_functions[i];

		if (!f->extracted || f->is_api)
			continue;
		fprintf(out, "vmapcheck: summary of %s (%u events)\n", f->name,
			f->events.length());
		dump_effects(out, "releases", f->sum.releases);
		dump_effects(out, "unmaps", f->sum.unmaps);
		dump_effects(out, "defers", f->sum.defers);
		for (unsigned k = 0; k < f->sum.maps.length(); k++) {
			fprintf(out, "  maps:");
			dump_name(out, f->sum.maps[k].holder);
			fprintf(out, " ->");
			dump_name(out, f->sum.maps[k].pages);
			fputc('\n', out);
		}
	}
	for (unsigned i = 0; i < unit_facts.length(); i++) {
		fprintf(out, "vmapcheck: fact");
		dump_name(out, unit_facts[i].holder);
		fprintf(out, " maps");
		dump_name(out, unit_facts[i].pages);
		fputc('\n', out);
	}
}
