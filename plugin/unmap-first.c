// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmapcheck-unmap-first: the "unmap first" fix of a finding whose unmap
 * runs later in the same function, as an edit of the source.
 *
 *   vmapcheck-unmap-first FILE.c RELEASE-LINE:UNMAP-LINE...
 *
 * For each pair, the statement holding the unmap moves to just before the
 * statement holding the release, where both are statements of one block
 * (the innermost that holds both lines).  The new file goes to stdout;
 * a pair that cannot be moved safely is named on stderr with the reason,
 * and the exit status is 1 if none could.
 *
 * "Safely" is decided on the text: the two statements begin their lines
 * and the moved one ends its line; nothing from the release to the unmap
 * is a label or a preprocessor line; the moved statement is a call or an
 * if statement without jumps; and no access path (p, p->f, p.f) that one
 * side assigns, increments or takes the address of is named by the other.
 * What a called function changes through a pointer is not seen: the patch
 * says so.
 */

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PATH_TOKENS 8

enum tok_kind { T_IDENT, T_NUMBER, T_STRING, T_PUNCT, T_PP };

struct token {
	enum tok_kind kind;
	const char *s;		/* into the source text */
	int len;
	int line;
	bool first_on_line, last_on_line;
};

/* A statement: its tokens, and the statement lists nested in it. */
struct stmt {
	int first, last;	/* token indexes */
	bool label;		/* "name:", "case X:" or "default:" */
	struct list *kids;
	int nkids;
};

struct list {
	struct stmt *v;
	int n, cap;
};

static const char *prog = "vmapcheck-unmap-first";
static const char *path;
static struct token *toks;
static int ntoks;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fprintf(stderr, "%s: out of memory\n", prog);
		exit(2);
	}
	return p;
}

/* ----- tokens ----- */

static void add_token(enum tok_kind kind, const char *s, int len, int line)
{
	static int cap;

	if (ntoks == cap) {
		cap = cap ? 2 * cap : 4096;
		toks = xrealloc(toks, cap * sizeof(*toks));
	}
	toks[ntoks++] = (struct token){ kind, s, len, line, false, false };
}

/* Split TEXT into tokens; comments go, a preprocessor line is one token. */
static void tokenize(const char *text)
{
	static const char *const puncts[] = { "->", "++", "--", "<<=", ">>=", "<<", ">>", "<=",
		">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "..." };
	const char *p = text;
	int line = 1;
	bool line_start = true;

	while (*p) {
		const char *s = p;
		int l = line;

		if (*p == '\n') {
			line++;
			p++;
			line_start = true;
			continue;
		}
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				line += *p == '\n';
			p += *p ? 2 : 0;
			continue;
		}
		if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (*p == '#' && line_start) {
			while (*p && *p != '\n') {
				if (p[0] == '\\' && p[1] == '\n')
					line++, p++;
				p++;
			}
			add_token(T_PP, s, p - s, l);
			continue;
		}
		line_start = false;
		if (isalpha((unsigned char)*p) || *p == '_') {
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			add_token(T_IDENT, s, p - s, l);
		} else if (isdigit((unsigned char)*p)) {
			while (isalnum((unsigned char)*p) || *p == '.' || *p == '_')
				p++;
			add_token(T_NUMBER, s, p - s, l);
		} else if (*p == '"' || *p == '\'') {
			for (p++; *p && *p != *s && *p != '\n'; p++)
				p += p[0] == '\\' && p[1];
			p += *p == *s;
			add_token(T_STRING, s, p - s, l);
		} else {
			int len = 1;

			for (size_t i = 0; i < sizeof(puncts) / sizeof(puncts[0]); i++) {
				int n = strlen(puncts[i]);

				if (n > len && !strncmp(p, puncts[i], n))
					len = n;
			}
			p += len;
			add_token(T_PUNCT, s, len, l);
		}
	}
	for (int i = 0; i < ntoks; i++) {
		toks[i].first_on_line = i == 0 || toks[i - 1].line < toks[i].line;
		toks[i].last_on_line = i == ntoks - 1 || toks[i + 1].line > toks[i].line;
	}
}

static bool is(int i, const char *s)
{
	return i < ntoks && toks[i].len == (int)strlen(s) && !strncmp(toks[i].s, s, toks[i].len);
}

/* The index of the bracket closing the one at I, or the last token. */
static int closing(int i)
{
	int depth = 0;

	for (; i < ntoks; i++) {
		if (is(i, "(") || is(i, "[") || is(i, "{"))
			depth++;
		else if ((is(i, ")") || is(i, "]") || is(i, "}")) && --depth <= 0)
			return i;
	}
	return ntoks - 1;
}

/* ----- statements ----- */

static void list_add(struct list *l, struct stmt s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = s;
}

static int parse_statement(int i, int end, struct stmt *s);

/* The statements from I up to END (exclusive) into L. */
static void parse_list(int i, int end, struct list *l)
{
	while (i < end) {
		struct stmt s = { 0 };

		if (toks[i].kind == T_PP) {
			i++;
			continue;
		}
		i = parse_statement(i, end, &s) + 1;
		list_add(l, s);
	}
}

static struct list *new_kid(struct stmt *s)
{
	s->kids = xrealloc(s->kids, (s->nkids + 1) * sizeof(*s->kids));
	s->kids[s->nkids] = (struct list){ 0 };
	return &s->kids[s->nkids++];
}

/* A statement nested in S (a branch or a loop body), from I; its last token. */
static int parse_kid(int i, int end, struct stmt *s)
{
	struct list *l = new_kid(s);
	struct stmt k = { 0 };

	if (i >= end)
		return end - 1;
	if (is(i, "{")) {
		int close = closing(i);

		parse_list(i + 1, close, l);
		return close;
	}
	i = parse_statement(i, end, &k);
	list_add(l, k);
	return i;
}

/*
 * The statement that starts at token I into S; returns its last token.
 * Kernel loop macros (list_for_each_entry(...) { ... }) are loops: a call
 * followed by a brace or a word instead of a semicolon.
 */
static int parse_statement(int i, int end, struct stmt *s)
{
	int j;

	s->first = i;
	if (is(i, "{")) {
		s->last = closing(i);
		parse_list(i + 1, s->last, new_kid(s));
		return s->last;
	}
	if (is(i, "if") || is(i, "for") || is(i, "while") || is(i, "switch")) {
		j = parse_kid(closing(i + 1) + 1, end, s);
		if (is(i, "if") && is(j + 1, "else"))
			j = parse_kid(j + 2, end, s);
		return s->last = j;
	}
	if (is(i, "do")) {
		j = parse_kid(i + 1, end, s);
		j = closing(j + 2);
		return s->last = j + 1 < end ? j + 1 : end - 1;
	}
	if (is(i, "case") || is(i, "default") ||
	    (toks[i].kind == T_IDENT && is(i + 1, ":"))) {
		for (j = i; j < end && !is(j, ":"); j++)
			;
		s->label = true;
		return s->last = j;
	}
	if (toks[i].kind == T_IDENT && is(i + 1, "(")) {
		j = closing(i + 1);
		if (j + 1 < end && (is(j + 1, "{") || toks[j + 1].kind == T_IDENT))
			return s->last = parse_kid(j + 1, end, s);
	}
	for (j = i; j < end && !is(j, ";"); j++)
		if (is(j, "(") || is(j, "[") || is(j, "{"))
			j = closing(j);
	return s->last = j < end ? j : end - 1;
}

/* ----- access paths ----- */

/* The access path that starts at token I: a name and its -> or . fields. */
struct access {
	int tok[MAX_PATH_TOKENS];
	int n;
};

static struct access path_at(int i, int *next)
{
	struct access a = { { i }, 1 };

	while (a.n + 2 <= MAX_PATH_TOKENS && (is(i + 1, "->") || is(i + 1, ".")) &&
	       i + 2 < ntoks && toks[i + 2].kind == T_IDENT) {
		a.tok[a.n++] = i + 2;
		i += 2;
	}
	*next = i + 1;
	return a;
}

static bool same_token(int a, int b)
{
	return toks[a].len == toks[b].len && !strncmp(toks[a].s, toks[b].s, toks[a].len);
}

/* Is one path a prefix of the other (p and p->f overlap; p->f and p->g do not)? */
static bool overlap(const struct access *a, const struct access *b)
{
	int n = a->n < b->n ? a->n : b->n;

	for (int k = 0; k < n; k++)
		if (!same_token(a->tok[k], b->tok[k]))
			return false;
	return true;
}

struct accesses {
	struct access *v;
	int n, cap;
};

static void accesses_add(struct accesses *as, struct access a)
{
	if (as->n == as->cap) {
		as->cap = as->cap ? 2 * as->cap : 16;
		as->v = xrealloc(as->v, as->cap * sizeof(*as->v));
	}
	as->v[as->n++] = a;
}

static bool is_assignment(int i)
{
	static const char *const ops[] = { "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
		"<<=", ">>=", "++", "--" };

	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (is(i, ops[k]))
			return true;
	return false;
}

/* Does the '&' at I take an address (after an operator or an opening bracket)? */
static bool address_of(int i)
{
	return is(i, "&") && i > 0 && toks[i - 1].kind == T_PUNCT &&
	       !is(i - 1, ")") && !is(i - 1, "]");
}

/* The paths tokens FIRST..LAST name, and those they write (assign, step, take the address of). */
static void collect(int first, int last, struct accesses *named, struct accesses *written)
{
	for (int i = first; i <= last;) {
		struct access a;
		int next;

		if (toks[i].kind != T_IDENT || (i > first && (is(i - 1, "->") || is(i - 1, ".")))) {
			i++;
			continue;
		}
		a = path_at(i, &next);
		accesses_add(named, a);
		if (is_assignment(next) || (i > 0 && (is(i - 1, "++") || is(i - 1, "--") ||
						     address_of(i - 1))))
			accesses_add(written, a);
		i = next;
	}
}

static bool any_overlap(const struct accesses *a, const struct accesses *b, struct access *which)
{
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
			if (overlap(&a->v[i], &b->v[j])) {
				*which = a->v[i];
				return true;
			}
	return false;
}

/* ----- moves ----- */

struct move {
	int from, to;		/* the moved statement's lines */
	int before;		/* the line it goes in front of */
};

static void refuse(int release, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s:%d: not moved: ", prog, path, release);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The one statement of L whose lines hold LINE: its index, -1 if none, -2 if several. */
static int holding(const struct list *l, int line)
{
	int found = -1;

	for (int i = 0; i < l->n; i++) {
		if (toks[l->v[i].first].line <= line && line <= toks[l->v[i].last].line) {
			if (found >= 0)
				return -2;
			found = i;
		}
	}
	return found;
}

/* The innermost list of L (nested or itself) with RELEASE and UNMAP in two statements. */
static const struct list *common_list(const struct list *l, int release, int unmap, int *r, int *u)
{
	const struct stmt *both;

	*r = holding(l, release);
	*u = holding(l, unmap);
	if (*r < 0 || *u < 0)
		return NULL;
	if (*r != *u)
		return l;
	both = &l->v[*r];
	for (int k = 0; k < both->nkids; k++) {
		const struct list *in = common_list(&both->kids[k], release, unmap, r, u);

		if (in)
			return in;
	}
	return NULL;
}

/* The move of the statement with UNMAP in front of the one with RELEASE, or false. */
static bool plan(const struct list *body, int release, int unmap, struct move *m)
{
	const struct list *l;
	const struct stmt *sr, *su;
	struct accesses moved_named = { 0 }, moved_written = { 0 };
	struct accesses over_named = { 0 }, over_written = { 0 };
	struct access tok;
	int r, u;
	bool ok = false;

	l = common_list(body, release, unmap, &r, &u);
	if (!l) {
		refuse(release, "line %d is not in a statement of the same block", unmap);
		return false;
	}
	sr = &l->v[r];
	su = &l->v[u];
	if (r > u) {
		refuse(release, "the unmap on line %d comes first already", unmap);
		return false;
	}
	if (!toks[sr->first].first_on_line || !toks[su->first].first_on_line ||
	    !toks[su->last].last_on_line) {
		refuse(release, "the statements share their lines with others");
		return false;
	}
	if (!(toks[su->first].kind == T_IDENT && is(su->first + 1, "(")) && !is(su->first, "if")) {
		refuse(release, "the unmap on line %d is not a call or an if statement", unmap);
		return false;
	}
	for (int i = r; i <= u; i++) {
		if (l->v[i].label) {
			refuse(release, "the label on line %d is between them", toks[l->v[i].first].line);
			return false;
		}
	}
	for (int i = sr->first; i <= su->last; i++) {
		if (toks[i].kind == T_PP) {
			refuse(release, "a preprocessor line (%d) is between them", toks[i].line);
			return false;
		}
		if (i >= su->first && (is(i, "return") || is(i, "goto") || is(i, "break") ||
				       is(i, "continue"))) {
			refuse(release, "the unmap's statement jumps (line %d)", toks[i].line);
			return false;
		}
	}
	collect(su->first, su->last, &moved_named, &moved_written);
	collect(sr->first, l->v[u - 1].last, &over_named, &over_written);
	if (any_overlap(&moved_written, &over_named, &tok) ||
	    any_overlap(&over_written, &moved_named, &tok)) {
		refuse(release, "'%.*s' is written on one side and read on the other",
		       (int)(toks[tok.tok[tok.n - 1]].s + toks[tok.tok[tok.n - 1]].len - toks[tok.tok[0]].s),
		       toks[tok.tok[0]].s);
	} else {
		*m = (struct move){ toks[su->first].line, toks[su->last].line, toks[sr->first].line };
		ok = true;
	}
	free(moved_named.v);
	free(moved_written.v);
	free(over_named.v);
	free(over_written.v);
	return ok;
}

/* The body of the function whose braces hold LINE, as a statement list. */
static bool function_body(int line, struct list *body)
{
	for (int i = 0; i < ntoks; i++) {
		int close;

		if (toks[i].kind == T_PP || !is(i, "{")) {
			if (is(i, "(") || is(i, "["))
				i = closing(i);
			continue;
		}
		close = closing(i);
		if (toks[i].line <= line && line <= toks[close].line) {
			parse_list(i + 1, close, body);
			return true;
		}
		i = close;
	}
	return false;
}

static void free_list(struct list *l)
{
	for (int i = 0; i < l->n; i++) {
		for (int k = 0; k < l->v[i].nkids; k++)
			free_list(&l->v[i].kids[k]);
		free(l->v[i].kids);
	}
	free(l->v);
}

/* ----- the file ----- */

static char *read_file(const char *name, size_t *size)
{
	FILE *f = fopen(name, "r");
	char *text = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap ? 2 * cap : 65536;
			text = xrealloc(text, cap + 1);
		}
		got = fread(text + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	text[n] = '\0';
	*size = n;
	return text;
}

/* The file with the moves made: each moved range goes in front of its target line. */
static void write_moved(const char *text, size_t size, const struct move *moves, int n)
{
	const char **start = NULL;	/* start[k - 1]: line k; start[nlines]: the end */
	int nlines = 0;

	for (const char *p = text; p < text + size; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : text + size) {
		start = xrealloc(start, (nlines + 2) * sizeof(*start));
		start[nlines++] = p;
	}
	start = xrealloc(start, (nlines + 1) * sizeof(*start));
	start[nlines] = text + size;
	for (int line = 1; line <= nlines; line++) {
		bool skip = false;

		for (int k = 0; k < n; k++) {
			if (moves[k].before == line)
				fwrite(start[moves[k].from - 1], 1,
				       start[moves[k].to] - start[moves[k].from - 1], stdout);
			skip |= moves[k].from <= line && line <= moves[k].to;
		}
		if (!skip)
			fwrite(start[line - 1], 1, start[line] - start[line - 1], stdout);
	}
	free(start);
}

/*
 * How M goes with the moves planned: 0 it is new, 1 the same statement
 * moves already at least as far up, -1 it would collide with one.
 */
static int against_planned(const struct move *m, const struct move *moves, int n)
{
	for (int k = 0; k < n; k++) {
		if (m->from == moves[k].from && m->to == moves[k].to && moves[k].before <= m->before)
			return 1;
		if ((m->from <= moves[k].to && moves[k].from <= m->to) ||
		    (m->from <= moves[k].before && moves[k].before <= m->to) ||
		    (moves[k].from <= m->before && m->before <= moves[k].to))
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct move *moves;
	int (*pairs)[2], nmoved = 0;
	char *text, end;
	size_t size;

	if (argc < 3) {
		fprintf(stderr, "usage: %s FILE.c RELEASE-LINE:UNMAP-LINE...\n", prog);
		return 2;
	}
	pairs = xrealloc(NULL, argc * sizeof(*pairs));
	for (int a = 2; a < argc; a++) {
		int *p = pairs[a - 2];

		if (sscanf(argv[a], "%d:%d%c", &p[0], &p[1], &end) != 2 || p[0] < 1 || p[1] < 1) {
			fprintf(stderr, "%s: '%s' is not RELEASE-LINE:UNMAP-LINE\n", prog, argv[a]);
			free(pairs);
			return 2;
		}
	}
	path = argv[1];
	text = read_file(path, &size);
	if (!text) {
		fprintf(stderr, "%s: cannot read '%s': %s\n", prog, path, strerror(errno));
		free(pairs);
		return 2;
	}
	tokenize(text);
	moves = xrealloc(NULL, argc * sizeof(*moves));
	for (int k = 0; k < argc - 2; k++) {
		struct list body = { 0 };
		int release = pairs[k][0];
		struct move m;

		if (!function_body(release, &body))
			refuse(release, "not in a function body");
		else if (plan(&body, release, pairs[k][1], &m)) {
			int planned = against_planned(&m, moves, nmoved);

			if (planned < 0)
				refuse(release, "its move overlaps another one");
			else if (planned == 0)
				moves[nmoved++] = m;
		}
		free_list(&body);
	}
	if (nmoved)
		write_moved(text, size, moves, nmoved);
	free(moves);
	free(pairs);
	free(toks);
	free(text);
	return nmoved ? 0 : 1;
}
