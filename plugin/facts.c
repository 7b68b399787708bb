// SPDX-License-Identifier: GPL-2.0-only
/*
 * Facts files (see facts.h).  The records, in order:
 *
 *   vmapcheck-facts VERSION
 *   unit SOURCE
 *   file PATH                          (file ids count from 1)
 *   loc FILE LINE COLUMN               (FILE a file id; location ids count
 *                                       from 1, 0 is none)
 *   fn KEY API EXTERNAL                (a function the facts keep, see
 *                                       relevance.h; API: 1 if modelled,
 *                                       EXTERNAL: 1 if not static)
 *   c PARENT POINTEE NAME...           (alias classes, from 0; NAME is
 *                                       K:DEPTH:ID, K one of P F G R;
 *                                       the plugin writes representatives
 *                                       only, those records refer to)
 *   field KEY CLASS / global KEY CLASS / ret CLASS
 *   e KIND LOC CLS PAGES BASE OWNS COUNTED CERTAIN STALE PAGEARGS CALLEE
 *                                     NARGS API WHAT  (a call's API: "-", its
 *                                                      callee's name)
 *   a CLASS                            (argument classes of calls, in order)
 *   b FIRST N FIRSTSUCC NSUCC FAILSUCC FAILCLS FAILINT FIRSTVAL NVAL FLAGSUCC RETURNS
 *                                     (the last seven left out when they are
 *                                      -1 -1 0 0 0 -1 0: no test, no value)
 *   s DEST                             (edge slots, in order; the source is
 *                                       the block whose slots hold it)
 *   v PRED BLOCK SIGN
 *   x PARAM LOC WHERE                  (parameters queued on WHERE)
 *   end                                (the function)
 *   inert KEY                          (a public function it leaves out)
 *   taken KEY                          (functions whose address is taken)
 *   init GLOBAL KEY                    (a function in a global's initializer)
 *   end-of-facts
 *
 * Strings are escaped: '%' followed by two hex digits for '%', space,
 * tab and newline; "-" is no string.  A function's name is its key up to
 * any '@'; a key of a static symbol ("name@SOURCE#uid", keys.h) of this
 * unit is written "name@#uid".
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "gzip.h"
#include "relevance.h"

/* ----- writing ----- */

struct writer {
	const struct program *prog;
	FILE *out;
	loc_resolver resolve;
	const char *unit;
	bool *kept;		/* per function: written (relevance.h) */
	struct int_map file_ids;	/* interned path -> file id */
	int next_file;
	/* Ids of locations: int_map keys are non-negative, so a location with
	   the high bit set (an ad-hoc one, or one of a huge unit) is kept in
	   high_loc_ids under its low 31 bits. */
	struct int_map loc_ids, high_loc_ids;
	int next_loc;
	int *class_ids;		/* of the function written: class -> id, or -1 */
};

static void put_escaped(FILE *out, const char *s, size_t n)
{
	for (; n-- && *s; s++) {
		if (*s == '%' || *s == ' ' || *s == '\t' || *s == '\n')
			fprintf(out, "%%%02x", (unsigned char)*s);
		else
			fputc(*s, out);
	}
}

static void put_string(FILE *out, const char *s)
{
	if (!s || !*s) {
		fputs(" -", out);
		return;
	}
	/* A string that is just "-" is escaped: "-" alone means none. */
	if (!strcmp(s, "-")) {
		fputs(" %2d", out);
		return;
	}
	fputc(' ', out);
	put_escaped(out, s, strlen(s));
}

/* The file's id of LOC, declared with a loc record on first use. */
static int loc_id(struct writer *w, vc_loc loc)
{
	struct int_map *ids = loc & 0x80000000u ? &w->high_loc_ids : &w->loc_ids;
	int key = (int)(loc & 0x7fffffffu);
	const char *file;
	int id, line, column;

	if (loc == NO_LOC)
		return 0;
	if (int_map_get(ids, key, &id))
		return id;
	w->resolve(loc, &file, &line, &column);
	int path = intern(file), file_id;
	if (!int_map_get(&w->file_ids, path, &file_id)) {
		file_id = ++w->next_file;
		int_map_put(&w->file_ids, path, file_id);
		fputs("file", w->out);
		put_string(w->out, file);
		fputc('\n', w->out);
	}
	id = ++w->next_loc;
	int_map_put(ids, key, id);
	fprintf(w->out, "loc %d %d %d\n", file_id, line, column);
	return id;
}

/* A symbol's key (keys.h), that of a static one of this unit shortened. */
static void put_key(struct writer *w, int key)
{
	const char *s = interned(key), *at = strchr(s, '@');
	size_t n = strlen(w->unit);

	if (at && !strncmp(at + 1, w->unit, n) && at[n + 1] == '#') {
		fputc(' ', w->out);
		put_escaped(w->out, s, at + 1 - s);
		put_escaped(w->out, at + n + 1, strlen(at + n + 1));
		return;
	}
	put_string(w->out, s);
}

static void put_name(struct writer *w, struct vc_name n)
{
	static const char kinds[] = "PFGR";

	fprintf(w->out, " %c:%d:", kinds[n.kind], n.depth);
	if (n.kind == NAME_FIELD || n.kind == NAME_GLOBAL) {
		put_key(w, n.id);
	} else {
		fprintf(w->out, " %d", n.id);
	}
}

/*
 * The classes a function's facts keep, numbered from 0 in W->class_ids:
 * the representatives that its names, events, arguments, tests, return
 * value, fields and globals refer to, and what they point to.  The rest
 * (a class merged into another, a temporary no record mentions) the
 * merge would never look at.
 */
static void number_classes(struct writer *w, struct fn *f)
{
	struct class_table *t = &f->classes;
	int n = t->classes.n, kept = 0;
	int_vec work = { NULL, 0, 0 };
	bool *live = (bool *)vc_alloc(n * sizeof(*live));

#define KEEP(c) do { if ((c) >= 0) vec_push(work, class_find(t, (c))); } while (0)
	for (int c = 0; c < n; c++)
		if (t->classes.v[c].names.n)
			KEEP(c);
	for (int k = 0; k < f->events.n; k++) {
		KEEP(f->events.v[k].cls);
		KEEP(f->events.v[k].pages);
		KEEP(f->events.v[k].base);
	}
	for (int i = 0; i < f->args.n; i++)
		KEEP(f->args.v[i]);
	for (int b = 0; b < f->blocks.n; b++)
		KEEP(f->blocks.v[b].fail_cls);
	KEEP(t->ret);
	for (int i = 0; i < t->fields.cap; i++)
		if (t->fields.keys[i] >= 0)
			KEEP(t->fields.vals[i]);
	for (int i = 0; i < t->globals.cap; i++)
		if (t->globals.keys[i] >= 0)
			KEEP(t->globals.vals[i]);
	while (work.n) {
		int c = work.v[--work.n];

		if (live[c])
			continue;
		live[c] = true;
		KEEP(t->classes.v[c].pointee);
	}
#undef KEEP
	w->class_ids = (int *)vc_realloc(w->class_ids, (n ? n : 1) * sizeof(int));
	for (int c = 0; c < n; c++)
		w->class_ids[c] = live[c] ? kept++ : -1;
	vc_free(live);
	vec_free(work);
}

/* The id of class C (or -1) in the facts of F. */
static int class_id(const struct writer *w, struct fn *f, int c)
{
	return c < 0 ? -1 : w->class_ids[class_find(&f->classes, c)];
}

static void write_map(struct writer *w, struct fn *f, const char *what,
		      const struct int_map *m)
{
	for (int i = 0; i < m->cap; i++) {
		if (m->keys[i] < 0)
			continue;
		fputs(what, w->out);
		put_key(w, m->keys[i]);
		fprintf(w->out, " %d\n", class_id(w, f, m->vals[i]));
	}
}

static void write_function(struct writer *w, struct fn *f)
{
	FILE *out = w->out;
	struct class_table *t = &f->classes;

	/* Locations first: records refer to them by id. */
	for (int k = 0; k < f->events.n; k++)
		loc_id(w, f->events.v[k].loc);
	for (int k = 0; k < f->escapes.n; k++)
		loc_id(w, f->escapes.v[k].loc);

	fputs("fn", out);
	put_key(w, f->key);
	fprintf(out, " %d %d\n", f->is_api, f->external);
	number_classes(w, f);
	for (int c = 0; c < t->classes.n; c++) {
		const struct class_info *ci = &t->classes.v[c];

		if (w->class_ids[c] < 0)
			continue;
		fprintf(out, "c %d %d", w->class_ids[c], class_id(w, f, ci->pointee));
		for (int i = 0; i < ci->names.n; i++)
			put_name(w, ci->names.v[i]);
		fputc('\n', out);
	}
	write_map(w, f, "field", &t->fields);
	write_map(w, f, "global", &t->globals);
	if (t->ret >= 0)
		fprintf(out, "ret %d\n", class_id(w, f, t->ret));
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		fprintf(out, "e %d %d %d %d %d %d %d %d %d %d", e->kind, loc_id(w, e->loc),
			class_id(w, f, e->cls), class_id(w, f, e->pages), class_id(w, f, e->base),
			e->owns_pages, e->counted, e->certain, e->stale, e->page_args);
		if (e->callee >= 0)
			put_key(w, w->prog->functions.v[e->callee]->key);
		else
			put_string(out, NULL);
		fprintf(out, " %d", e->kind == EV_CALL ? e->nargs : 0);
		put_string(out, e->kind == EV_CALL ? NULL : e->api);
		put_string(out, e->what);
		fputc('\n', out);
		for (int i = 0; e->kind == EV_CALL && i < e->nargs; i++)
			fprintf(out, "a %d\n", class_id(w, f, f->args.v[e->first_arg + i]));
	}
	for (int b = 0; b < f->blocks.n; b++) {
		const struct block *bl = &f->blocks.v[b];

		fprintf(out, "b %d %d %d %d", bl->first_event, bl->nevents, bl->first_succ,
			bl->nsuccs);
		if (bl->fail_succ != -1 || bl->fail_cls != -1 || bl->fail_int ||
		    bl->first_value || bl->nvalues || bl->flag_succ != -1 || bl->returns)
			fprintf(out, " %d %d %d %d %d %d %d", bl->fail_succ,
				class_id(w, f, bl->fail_cls),
				bl->fail_int, bl->first_value, bl->nvalues, bl->flag_succ,
				bl->returns);
		fputc('\n', out);
	}
	for (int s = 0; s < f->succs.n; s++)
		fprintf(out, "s %d\n", f->succs.v[s]);
	for (int i = 0; i < f->values.n; i++)
		fprintf(out, "v %d %d %d\n", f->values.v[i].pred, f->values.v[i].block,
			f->values.v[i].sign);
	for (int i = 0; i < f->escapes.n; i++) {
		fprintf(out, "x %d %d", f->escapes.v[i].name.id, loc_id(w, f->escapes.v[i].loc));
		put_name(w, f->escapes.v[i].where);
		fputc('\n', out);
	}
	fputs("end\n", out);
}

/*
 * "dir/NAME-HASH.facts": NAME is the source's file name (for people, cut
 * short), HASH a 64-bit FNV-1a hash of its whole path (for uniqueness:
 * a/b.c and a_b.c are different units).  The path itself is in the file.
 */
static char *facts_path(const char *dir, const char *unit, const char *suffix)
{
	const char *base = strrchr(unit, '/') ? strrchr(unit, '/') + 1 : unit;
	unsigned long long hash = 0xcbf29ce484222325ULL;
	size_t len = strlen(dir) + strlen(suffix) + FACTS_NAME_BASE + 32;
	char *path = (char *)vc_alloc(len);
	char *p = path + snprintf(path, len, "%s/", dir);

	for (const char *s = unit; *s; s++)
		hash = (hash ^ (unsigned char)*s) * 0x100000001b3ULL;
	for (int i = 0; base[i] && i < FACTS_NAME_BASE; i++)
		*p++ = base[i] == ' ' ? '_' : base[i];
	snprintf(p, len - (p - path), "-%016llx%s", hash, suffix);
	return path;
}

/* Is function I one the facts speak of: kept, or of another unit? */
static bool written(const struct writer *w, int i)
{
	return w->kept[i] || !w->prog->functions.v[i]->extracted;
}

static void put_function_record(struct writer *w, const char *what, const struct fn *f)
{
	fputs(what, w->out);
	put_key(w, f->key);
	fputc('\n', w->out);
}

/* The unit's facts as text on W's stream. */
static void write_unit(struct writer *w, const char *unit)
{
	const fn_vec *fns = &w->prog->functions;
	const initializer_vec *inits = &w->prog->initializers;

	w->unit = unit;
	w->kept = functions_kept(w->prog);
	fprintf(w->out, "vmapcheck-facts %d\nunit", FACTS_VERSION);
	put_string(w->out, unit);
	fputc('\n', w->out);
	for (int i = 0; i < fns->n; i++) {
		if (w->kept[i])
			write_function(w, fns->v[i]);
		else if (fns->v[i]->extracted && fns->v[i]->external)
			put_function_record(w, "inert", fns->v[i]);
	}
	for (int i = 0; i < fns->n; i++)
		if (fns->v[i]->address_taken && written(w, i))
			put_function_record(w, "taken", fns->v[i]);
	for (int i = 0; i < inits->n; i++) {
		if (!written(w, inits->v[i].fn))
			continue;
		fputs("init", w->out);
		put_key(w, inits->v[i].global);
		put_function_record(w, "", fns->v[inits->v[i].fn]);
	}
	fputs("end-of-facts\n", w->out);
	int_map_free(&w->loc_ids);
	int_map_free(&w->high_loc_ids);
	int_map_free(&w->file_ids);
	vc_free(w->kept);
	vc_free(w->class_ids);
}

bool facts_write_data(const struct program *p, const char *unit, loc_resolver resolve,
		      char **data, size_t *size)
{
	struct writer w = { .prog = p, .resolve = resolve };
	char *text = NULL;
	size_t len = 0;
	bool ok;

	w.out = open_memstream(&text, &len);
	if (!w.out)
		return false;
	write_unit(&w, unit);
	ok = fclose(w.out) == 0 && gzip_compress(text, len, data, size);
	free(text);
	return ok;
}

bool facts_write(const struct program *p, const char *dir, const char *unit,
		 loc_resolver resolve, char *err, size_t errlen)
{
	char suffix[64];
	char *data, *tmp, *path;
	size_t size;
	FILE *out;
	bool ok;

	if (!facts_write_data(p, unit, resolve, &data, &size)) {
		snprintf(err, errlen, "cannot compress the facts: %s", strerror(errno));
		return false;
	}
	snprintf(suffix, sizeof(suffix), ".facts.%ld.tmp", (long)getpid());
	tmp = facts_path(dir, unit, suffix);
	path = facts_path(dir, unit, ".facts");
	out = fopen(tmp, "w");
	ok = out && fwrite(data, 1, size, out) == size;
	if (out)
		ok &= fclose(out) == 0;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		snprintf(err, errlen, "cannot write '%s': %s", out ? path : tmp, strerror(errno));
		unlink(tmp);
	}
	vc_free(data);
	vc_free(tmp);
	vc_free(path);
	return ok;
}

/* ----- reading ----- */

struct reader {
	struct program *prog;
	FILE *in;
	int lineno;
	char *line;
	size_t cap;
	char *pos;		/* next word of line */
	int unit;
	const char *source;	/* the unit's */
	loc_maker make_loc;
	VEC(vc_loc) locs;	/* loc id -> location */
	VEC(const char *) files;	/* file id -> path */
	char *err;
	size_t errlen;
};

static bool fail(struct reader *r, const char *what)
{
	snprintf(r->err, r->errlen, "line %d: %s", r->lineno, what);
	return false;
}

static bool next_line(struct reader *r)
{
	ssize_t n = getline(&r->line, &r->cap, r->in);

	if (n <= 0)
		return false;
	if (r->line[n - 1] == '\n')
		r->line[n - 1] = '\0';
	r->lineno++;
	r->pos = r->line;
	return true;
}

/* The next word of the line, or NULL. */
static char *word(struct reader *r)
{
	char *w;

	while (*r->pos == ' ')
		r->pos++;
	if (!*r->pos)
		return NULL;
	w = r->pos;
	while (*r->pos && *r->pos != ' ')
		r->pos++;
	if (*r->pos)
		*r->pos++ = '\0';
	return w;
}

static bool number(struct reader *r, int lo, int hi, int *out)
{
	char *w = word(r), *end;
	long v;

	if (!w)
		return false;
	errno = 0;
	v = strtol(w, &end, 10);
	if (*end || errno || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The next word unescaped and interned; NULL for "-"; false if malformed. */
static bool string(struct reader *r, const char **out)
{
	char *w = word(r), *d;

	if (!w)
		return false;
	if (!strcmp(w, "-")) {
		*out = NULL;
		return true;
	}
	d = w;
	for (char *s = w; *s; s++) {
		if (*s == '%') {
			if (hex(s[1]) < 0 || hex(s[2]) < 0)
				return false;
			*d++ = (char)(hex(s[1]) * 16 + hex(s[2]));
			s += 2;
		} else {
			*d++ = *s;
		}
	}
	*d = '\0';
	*out = intern_str(w);
	return true;
}

/* A symbol's key: a string, "name@#uid" standing for "name@SOURCE#uid". */
static bool key(struct reader *r, const char **out)
{
	const char *at;

	if (!string(r, out))
		return false;
	at = *out ? strstr(*out, "@#") : NULL;
	if (at) {
		size_t len = strlen(*out) + strlen(r->source) + 1;
		char *full = (char *)vc_alloc(len);

		snprintf(full, len, "%.*s%s%s", (int)(at + 1 - *out), *out, r->source, at + 1);
		*out = intern_str(full);
		vc_free(full);
	}
	return true;
}

static bool location(struct reader *r, vc_loc *out)
{
	int id;

	if (!number(r, 0, r->locs.n, &id))
		return false;
	*out = id ? r->locs.v[id - 1] : NO_LOC;
	return true;
}

static bool read_name(struct reader *r, const char *w, struct vc_name *n)
{
	const char *kinds = "PFGR", *k = w[0] ? strchr(kinds, w[0]) : NULL;
	char *end;
	long depth;

	if (!k || w[1] != ':')
		return false;
	n->kind = (unsigned char)(k - kinds);
	depth = strtol(w + 2, &end, 10);
	if (*end != ':' || depth < -1 || depth > NAME_MAX_DEPTH)
		return false;
	n->depth = (signed char)depth;
	if (n->kind == NAME_FIELD || n->kind == NAME_GLOBAL) {
		const char *k;

		if (!key(r, &k) || !k)
			return false;
		n->id = intern(k);
		return true;
	}
	return number(r, 0, 1 << 20, &n->id);
}

static bool read_class(struct reader *r, struct fn *f)
{
	struct class_table *t = &f->classes;
	int id = t->classes.n, parent, pointee;
	char *w;

	if (!number(r, 0, 1 << 24, &parent) || !number(r, -1, 1 << 24, &pointee))
		return fail(r, "bad class record");
	class_new(t);
	t->classes.v[id].parent = parent;
	t->classes.v[id].pointee = pointee;
	while ((w = word(r))) {
		struct vc_name n;

		if (!read_name(r, w, &n))
			return fail(r, "bad class name");
		vec_push(t->classes.v[id].names, n);
	}
	return true;
}

static bool read_map(struct reader *r, struct int_map *m, int nclasses)
{
	const char *k;
	int c;

	if (!key(r, &k) || !k || !number(r, 0, nclasses - 1, &c))
		return fail(r, "bad field or global record");
	int_map_put(m, intern(k), c);
	return true;
}

static bool read_event(struct reader *r, struct fn *f)
{
	struct event e;
	int kind, owns, counted, certain, stale, page_args, nargs;
	const char *callee;

	memset(&e, 0, sizeof(e));
	if (!number(r, EV_MAP, EV_FREE, &kind) || !location(r, &e.loc) ||
	    !number(r, -1, 1 << 24, &e.cls) || !number(r, -1, 1 << 24, &e.pages) ||
	    !number(r, -1, 1 << 24, &e.base) ||
	    !number(r, 0, 1, &owns) || !number(r, 0, 1, &counted) ||
	    !number(r, 0, 1, &certain) || !number(r, 0, 1, &stale) ||
	    !number(r, 0, 1, &page_args) || !key(r, &callee) || !number(r, 0, 1 << 16, &nargs) ||
	    !string(r, &e.api) || !string(r, &e.what))
		return fail(r, "bad event record");
	e.kind = (enum event_kind)kind;
	e.owns_pages = owns;
	e.counted = counted;
	e.certain = certain;
	e.stale = stale;
	e.page_args = page_args;
	if (callee)
		e.callee = function_index(r->prog, intern(callee), key_function_name(callee),
					  r->unit);
	else
		e.callee = -1;
	if (e.kind == EV_CALL) {
		if (!callee)
			return fail(r, "call without a callee");
		e.api = r->prog->functions.v[e.callee]->name;
		e.first_arg = f->args.n;
		e.nargs = nargs;
	}
	vec_push(f->events, e);
	return true;
}

static bool read_block(struct reader *r, struct fn *f)
{
	struct block b;
	int fail_int, returns;

	memset(&b, 0, sizeof(b));
	if (!number(r, 0, 1 << 24, &b.first_event) || !number(r, 0, 1 << 24, &b.nevents) ||
	    !number(r, 0, 1 << 24, &b.first_succ) || !number(r, 0, 1 << 16, &b.nsuccs))
		return fail(r, "bad block record");
	b.fail_succ = b.fail_cls = b.flag_succ = -1;
	fail_int = returns = 0;
	while (*r->pos == ' ')
		r->pos++;
	/* No more: no test, no value. */
	if (*r->pos &&
	    (!number(r, -1, 1 << 24, &b.fail_succ) || !number(r, -1, 1 << 24, &b.fail_cls) ||
	     !number(r, 0, 1, &fail_int) || !number(r, 0, 1 << 24, &b.first_value) ||
	     !number(r, 0, 1 << 16, &b.nvalues) || !number(r, -1, 1 << 24, &b.flag_succ) ||
	     !number(r, 0, 1, &returns)))
		return fail(r, "bad block record");
	b.fail_int = fail_int;
	b.returns = returns;
	vec_push(f->blocks, b);
	return true;
}

/* Union-find links end at a root: class_find() would loop on a cycle. */
static bool parents_acyclic(const struct class_table *t)
{
	int n = t->classes.n;
	char *state = (char *)vc_alloc(n ? n : 1);	/* 0 new, 1 on the walk, 2 ends at a root */
	bool ok = true;

	for (int c = 0; c < n && ok; c++) {
		int x = c;

		while (!state[x] && t->classes.v[x].parent != x) {
			state[x] = 1;
			x = t->classes.v[x].parent;
		}
		ok = state[x] != 1;
		for (x = c; state[x] == 1; x = t->classes.v[x].parent)
			state[x] = 2;
		state[x] = 2;
	}
	vc_free(state);
	return ok;
}

/* Every index in F within bounds: the analysis trusts them. */
static bool consistent(struct reader *r, struct fn *f)
{
	int ncls = f->classes.classes.n, nblocks = f->blocks.n, nargs = 0;

	for (int c = 0; c < ncls; c++)
		if (f->classes.classes.v[c].parent >= ncls ||
		    f->classes.classes.v[c].pointee >= ncls)
			return fail(r, "class index out of range");
	if (!parents_acyclic(&f->classes))
		return fail(r, "class parents form a cycle");
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		if (e->cls >= ncls || e->pages >= ncls || e->base >= ncls)
			return fail(r, "event class out of range");
		if (e->kind == EV_CALL && e->first_arg != nargs)
			return fail(r, "call arguments out of order");
		nargs += e->kind == EV_CALL ? e->nargs : 0;
	}
	if (nargs != f->args.n)
		return fail(r, "wrong number of call arguments");
	for (int i = 0; i < f->args.n; i++)
		if (f->args.v[i] >= ncls)
			return fail(r, "argument class out of range");
	if (nblocks < 2 || f->classes.ret >= ncls)
		return fail(r, "function without entry and exit blocks");
	for (int b = 0; b < nblocks; b++) {
		const struct block *bl = &f->blocks.v[b];

		if (bl->first_event + bl->nevents > f->events.n ||
		    bl->first_succ + bl->nsuccs > f->succs.n ||
		    bl->first_value + bl->nvalues > f->values.n ||
		    bl->fail_succ >= nblocks || bl->flag_succ >= nblocks || bl->fail_cls >= ncls)
			return fail(r, "block out of range");
	}
	/* Each edge slot is one block's. */
	vec_reserve(f->edge_src, f->succs.n);
	f->edge_src.n = f->succs.n;
	for (int s = 0; s < f->succs.n; s++)
		f->edge_src.v[s] = -1;
	for (int b = 0; b < nblocks; b++) {
		const struct block *bl = &f->blocks.v[b];

		for (int s = bl->first_succ; s < bl->first_succ + bl->nsuccs; s++) {
			if (f->edge_src.v[s] >= 0)
				return fail(r, "edge of two blocks");
			f->edge_src.v[s] = b;
		}
	}
	for (int s = 0; s < f->succs.n; s++)
		if (f->succs.v[s] < 0 || f->succs.v[s] >= nblocks || f->edge_src.v[s] < 0)
			return fail(r, "edge out of range");
	for (int i = 0; i < f->values.n; i++)
		if (f->values.v[i].pred >= nblocks || f->values.v[i].block >= nblocks)
			return fail(r, "value out of range");
	return true;
}

/* "KEY": a function, by its index in the program. */
static bool function_ref(struct reader *r, int *index)
{
	const char *k;

	if (!key(r, &k) || !k)
		return false;
	*index = function_index(r->prog, intern(k), key_function_name(k), r->unit);
	return true;
}

/* Read a function body; a second definition of a public function is skipped. */
static bool read_function(struct reader *r)
{
	int is_api, external, index, v1, v2;
	struct fn scratch, *f;

	if (!function_ref(r, &index) ||
	    !number(r, 0, 1, &is_api) || !number(r, 0, 1, &external))
		return fail(r, "bad function record");
	f = r->prog->functions.v[index];
	memset(&scratch, 0, sizeof(scratch));
	classes_init(&scratch.classes);
	if (f->extracted)
		f = &scratch;
	else
		function_clear(f);
	f->unit = r->unit;
	f->is_api = is_api;
	f->external = external;
	while (next_line(r)) {
		char *rec = word(r);
		bool ok = true;

		if (!rec)
			return fail(r, "empty line");
		if (!strcmp(rec, "end")) {
			if (!consistent(r, f))
				return false;
			function_link_preds(f);
			f->extracted = f != &scratch;
			function_clear(&scratch);
			return true;
		}
		if (!strcmp(rec, "c")) {
			ok = read_class(r, f);
		} else if (!strcmp(rec, "field")) {
			ok = read_map(r, &f->classes.fields, f->classes.classes.n);
		} else if (!strcmp(rec, "global")) {
			ok = read_map(r, &f->classes.globals, f->classes.classes.n);
		} else if (!strcmp(rec, "ret")) {
			ok = number(r, 0, f->classes.classes.n - 1, &f->classes.ret) ||
				fail(r, "bad ret record");
		} else if (!strcmp(rec, "e")) {
			ok = read_event(r, f);
		} else if (!strcmp(rec, "a")) {
			ok = number(r, -1, 1 << 24, &v1) || fail(r, "bad argument record");
			if (ok)
				vec_push(f->args, v1);
		} else if (!strcmp(rec, "b")) {
			ok = read_block(r, f);
		} else if (!strcmp(rec, "s")) {
			ok = number(r, 0, 1 << 24, &v1) || fail(r, "bad edge record");
			if (ok)
				vec_push(f->succs, v1);
		} else if (!strcmp(rec, "v")) {
			int v3;

			ok = (number(r, -1, 1 << 24, &v1) && number(r, 0, 1 << 24, &v2) &&
			      number(r, SIGN_ZERO, SIGN_UNKNOWN, &v3)) || fail(r, "bad value record");
			if (ok) {
				struct edge_value ev = { v1, v2, (enum value_sign)v3 };

				vec_push(f->values, ev);
			}
		} else if (!strcmp(rec, "x")) {
			struct effect esc = { { NAME_PARAM, 0, 0 }, { NAME_RET, -1, 0 }, NO_LOC,
					      f->name, false };
			char *w;

			ok = (number(r, 0, 1 << 16, &esc.name.id) && location(r, &esc.loc) &&
			      (w = word(r)) && read_name(r, w, &esc.where)) ||
				fail(r, "bad escape record");
			if (ok)
				vec_push(f->escapes, esc);
		} else {
			return fail(r, "unknown record");
		}
		if (!ok)
			return false;
	}
	return fail(r, "truncated: the function has no end");
}

static bool read_file(struct reader *r)
{
	const char *path;

	if (!string(r, &path) || !path)
		return fail(r, "bad file record");
	vec_push(r->files, path);
	return true;
}

static bool read_loc(struct reader *r)
{
	int file, line, column;

	if (!number(r, 1, r->files.n, &file) ||
	    !number(r, 0, 1 << 30, &line) || !number(r, 0, 1 << 20, &column))
		return fail(r, "bad loc record");
	vec_push(r->locs, r->make_loc(r->files.v[file - 1], line, column));
	return true;
}

/* A public function the unit defines, whose body it left out as doing nothing. */
static bool read_inert(struct reader *r)
{
	int index;

	if (!function_ref(r, &index))
		return fail(r, "bad inert record");
	r->prog->functions.v[index]->inert = true;
	return true;
}

/* A function whose address some function of the unit takes. */
static bool read_taken(struct reader *r)
{
	int index;

	if (!function_ref(r, &index))
		return fail(r, "bad taken record");
	r->prog->functions.v[index]->address_taken = true;
	return true;
}

static bool read_initializer(struct reader *r)
{
	const char *global;
	struct initializer init;

	if (!key(r, &global) || !global || !function_ref(r, &init.fn))
		return fail(r, "bad init record");
	init.global = intern(global);
	vec_push(r->prog->initializers, init);
	return true;
}

/*
 * One unit's facts, from its header (the current line) to its end marker.
 * A unit WANTED refuses (one read before) is passed over unread; *READ
 * says whether it was read.
 */
static bool read_unit(struct reader *r, unit_filter wanted, bool *read)
{
	const char *source;
	int version;
	char *w;

	if (!(w = word(r)) || strcmp(w, "vmapcheck-facts"))
		return fail(r, "not a vmapcheck facts file");
	w = r->pos;
	if (!number(r, 0, 1 << 20, &version) || version != FACTS_VERSION) {
		snprintf(r->err, r->errlen, "facts version %s, this vmapcheck-merge reads "
			 "version %d; rebuild the facts with the matching plugin",
			 *w ? w : "missing", FACTS_VERSION);
		return false;
	}
	if (!next_line(r) || !(w = word(r)) || strcmp(w, "unit") || !string(r, &source) || !source)
		return fail(r, "no unit record");
	*read = wanted(source);
	if (*read)
		vec_push(r->prog->sources, intern(source));
	r->source = source;
	r->locs.n = 0;
	r->files.n = 0;
	while (next_line(r)) {
		char *rec = word(r);
		bool ok;

		if (!rec)
			return fail(r, "empty line");
		if (!strcmp(rec, "end-of-facts"))
			return true;
		if (!*read)
			continue;
		if (!strcmp(rec, "file"))
			ok = read_file(r);
		else if (!strcmp(rec, "loc"))
			ok = read_loc(r);
		else if (!strcmp(rec, "fn"))
			ok = read_function(r);
		else if (!strcmp(rec, "inert"))
			ok = read_inert(r);
		else if (!strcmp(rec, "taken"))
			ok = read_taken(r);
		else if (!strcmp(rec, "init"))
			ok = read_initializer(r);
		else
			ok = fail(r, "unknown record");
		if (!ok)
			return false;
	}
	return fail(r, "truncated: no end-of-facts");
}

/*
 * The units of IN, one after the other.  On failure none of them is
 * analysed: their functions are left out, their initializers dropped.
 */
static bool read_stream(struct program *p, FILE *in, int *units, loc_maker make_loc,
			unit_filter wanted, char *err, size_t errlen)
{
	struct reader r;
	int first = *units, ninit = p->initializers.n, nsources = p->sources.n;
	bool ok, read;

	memset(&r, 0, sizeof(r));
	r.prog = p;
	r.in = in;
	r.make_loc = make_loc;
	r.err = err;
	r.errlen = errlen;
	ok = next_line(&r) || fail(&r, "not a vmapcheck facts file");
	while (ok) {
		r.unit = *units;
		ok = read_unit(&r, wanted, &read);
		*units += ok && read;
		if (!next_line(&r))
			break;
	}
	free(r.line);
	vec_free(r.locs);
	vec_free(r.files);
	if (!ok) {
		for (int i = 0; i < p->functions.n; i++)
			if (p->functions.v[i]->unit >= first)
				p->functions.v[i]->extracted = false;
		p->initializers.n = ninit;
		p->sources.n = nsources;
		*units = first;
	}
	return ok;
}

bool facts_read(struct program *p, const char *path, int *units, loc_maker make_loc,
		unit_filter wanted, char *err, size_t errlen)
{
	struct stat st;
	char *data;
	size_t size = 0;
	ssize_t n;
	int fd;
	bool ok;

	/* Not blocking: a FIFO is refused, not waited on. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	if (fd < 0 || fstat(fd, &st)) {
		snprintf(err, errlen, "cannot read it: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > FACTS_MAX_SIZE) {
		snprintf(err, errlen, S_ISREG(st.st_mode) ?
			 "larger than %ld MiB; not a facts file the plugin wrote" :
			 "not a regular file; a facts directory holds the plugin's files only",
			 FACTS_MAX_SIZE >> 20);
		close(fd);
		return false;
	}
	data = (char *)vc_alloc(st.st_size);
	while (size < (size_t)st.st_size &&
	       (n = read(fd, data + size, st.st_size - size)) > 0)
		size += n;
	ok = size == (size_t)st.st_size;
	if (!ok)
		snprintf(err, errlen, "cannot read it: %s", size ? "it shrank" : strerror(errno));
	close(fd);
	ok = ok && facts_read_data(p, data, size, units, make_loc, wanted, err, errlen);
	vc_free(data);
	return ok;
}

/* The facts text TEXT of SIZE bytes. */
static bool read_text(struct program *p, const char *text, size_t size, int *units,
		      loc_maker make_loc, unit_filter wanted, char *err, size_t errlen)
{
	FILE *in;
	bool ok;

	if (!size) {
		snprintf(err, errlen, "line 0: not a vmapcheck facts file");
		return false;
	}
	in = fmemopen((void *)text, size, "r");
	if (!in) {
		snprintf(err, errlen, "cannot read it: %s", strerror(errno));
		return false;
	}
	ok = read_stream(p, in, units, make_loc, wanted, err, errlen);
	fclose(in);
	return ok;
}

bool facts_read_data(struct program *p, const char *data, size_t size, int *units,
		     loc_maker make_loc, unit_filter wanted, char *err, size_t errlen)
{
	char *text;
	size_t len;
	bool ok;

	if (!gzip_data(data, size))
		return read_text(p, data, size, units, make_loc, wanted, err, errlen);
	text = gzip_inflate(data, size, FACTS_MAX_SIZE, &len, err, errlen);
	if (!text)
		return false;
	ok = read_text(p, text, len, units, make_loc, wanted, err, errlen);
	vc_free(text);
	return ok;
}
