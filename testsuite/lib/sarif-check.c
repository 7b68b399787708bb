// SPDX-License-Identifier: GPL-2.0-only
/*
 * sarif-check: does a file hold a valid SARIF 2.1.0 log, as far as what
 * vmapcheck writes goes?  Debian has no JSON schema validator outside
 * Python, Perl and JavaScript, so this is our own check, in C, of what the
 * OASIS SARIF 2.1.0 schema requires of the objects we write:
 *  - strict JSON (RFC 8259): the grammar, valid UTF-8 and escapes, no
 *    duplicate member names;
 *  - sarifLog: version "2.1.0", runs; run: tool.driver.name; rules: an
 *    id each, messages with text; results: a message, a level of the
 *    enumeration, locations whose physical location has an artifact
 *    location, regions with lines and columns from 1, related locations
 *    with ids from 0, fixes with artifact changes and replacements;
 *  - what the schema cannot say and the standard does (3.27.6, 3.4.4,
 *    3.14.14): ruleIndex points at the rule of ruleId, a uriBaseId is
 *    one of originalUriBaseIds, whose URIs are absolute and end in '/';
 *  - every member name is one the standard defines for its object (the
 *    schema's additionalProperties: false), so a misspelt one is caught.
 *
 * Usage: sarif-check FILE; prints one line per problem.  Exit status: 0
 * valid, 1 not valid, 2 on a usage error or an unreadable file.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----- JSON ----- */

enum jtype { J_NULL, J_BOOL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jval {
	enum jtype type;
	bool integer;		/* a number without fraction or exponent */
	double number;
	char *string;
	int n;			/* items of an array, members of an object */
	struct jval *items;
	char **keys;
};

struct parser {
	const char *s, *end;
	const char *error;
	int depth;
};

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p) {
		fputs("sarif-check: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static void skip_space(struct parser *p)
{
	while (p->s < p->end && strchr(" \t\r\n", *p->s))
		p->s++;
}

static bool fail(struct parser *p, const char *why)
{
	if (!p->error)
		p->error = why;
	return false;
}

static bool literal(struct parser *p, const char *word)
{
	size_t len = strlen(word);

	if ((size_t)(p->end - p->s) < len || memcmp(p->s, word, len))
		return fail(p, "not a JSON value");
	p->s += len;
	return true;
}

static int hex4(const char *s)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		char c = s[i];

		v = v * 16 + (c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			      c >= 'A' && c <= 'F' ? c - 'A' + 10 : -100000);
	}
	return v < 0 ? -1 : v;
}

/* The length of the UTF-8 sequence at S (before END), 0 if invalid. */
static int utf8_length(const unsigned char *s, const unsigned char *end)
{
	int n = s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2 :
		s[0] >= 0xe0 && s[0] <= 0xef ? 3 : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : 0;

	if (end - s < n)
		return 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((n == 3 && s[0] == 0xe0 && s[1] < 0xa0) || (n == 3 && s[0] == 0xed && s[1] >= 0xa0) ||
	    (n == 4 && s[0] == 0xf0 && s[1] < 0x90) || (n == 4 && s[0] == 0xf4 && s[1] >= 0x90))
		return 0;
	return n;
}

/* A string; escapes are checked, and kept as they are but for \" and \\. */
static bool string(struct parser *p, char **out)
{
	size_t len = 0;
	char *s = NULL;

	p->s++;
	for (;;) {
		const unsigned char *c = (const unsigned char *)p->s;
		int n;

		if (p->s >= p->end)
			return free(s), fail(p, "a string is not closed");
		if (*c == '"')
			break;
		if (*c < 0x20)
			return free(s), fail(p, "a control character in a string");
		if (*c == '\\') {
			if (p->end - p->s < 2 || !strchr("\"\\/bfnrtu", p->s[1]))
				return free(s), fail(p, "a bad escape in a string");
			if (p->s[1] == 'u') {
				int v = p->end - p->s >= 6 ? hex4(p->s + 2) : -1;

				if (v < 0)
					return free(s), fail(p, "a bad \\u escape in a string");
				/* A surrogate must come in a pair. */
				if (v >= 0xd800 && v <= 0xdbff) {
					int w = p->end - p->s >= 12 && p->s[6] == '\\' && p->s[7] == 'u' ?
						hex4(p->s + 8) : -1;

					if (w < 0xdc00 || w > 0xdfff)
						return free(s), fail(p, "a lone surrogate in a string");
					n = 12;
				} else if (v >= 0xdc00 && v <= 0xdfff) {
					return free(s), fail(p, "a lone surrogate in a string");
				} else {
					n = 6;
				}
			} else {
				n = 2;
			}
			s = (char *)xrealloc(s, len + n + 1);
			if (n == 2 && (p->s[1] == '"' || p->s[1] == '\\')) {
				s[len++] = p->s[1];
			} else {
				memcpy(s + len, p->s, n);
				len += n;
			}
			p->s += n;
			continue;
		}
		n = utf8_length(c, (const unsigned char *)p->end);
		if (!n)
			return free(s), fail(p, "a string is not UTF-8");
		s = (char *)xrealloc(s, len + n + 1);
		memcpy(s + len, p->s, n);
		len += n;
		p->s += n;
	}
	p->s++;
	s = (char *)xrealloc(s, len + 1);
	s[len] = '\0';
	*out = s;
	return true;
}

static bool number(struct parser *p, struct jval *v)
{
	const char *start = p->s;
	char *copy;

	v->type = J_NUMBER;
	v->integer = true;
	if (p->s < p->end && *p->s == '-')
		p->s++;
	if (p->s < p->end && *p->s == '0')
		p->s++;
	else if (p->s < p->end && *p->s >= '1' && *p->s <= '9')
		while (p->s < p->end && *p->s >= '0' && *p->s <= '9')
			p->s++;
	else
		return fail(p, "a bad number");
	if (p->s < p->end && *p->s == '.') {
		v->integer = false;
		if (++p->s >= p->end || *p->s < '0' || *p->s > '9')
			return fail(p, "a bad number");
		while (p->s < p->end && *p->s >= '0' && *p->s <= '9')
			p->s++;
	}
	if (p->s < p->end && (*p->s == 'e' || *p->s == 'E')) {
		v->integer = false;
		if (++p->s < p->end && (*p->s == '+' || *p->s == '-'))
			p->s++;
		if (p->s >= p->end || *p->s < '0' || *p->s > '9')
			return fail(p, "a bad number");
		while (p->s < p->end && *p->s >= '0' && *p->s <= '9')
			p->s++;
	}
	copy = (char *)xrealloc(NULL, p->s - start + 1);
	memcpy(copy, start, p->s - start);
	copy[p->s - start] = '\0';
	v->number = strtod(copy, NULL);
	free(copy);
	return true;
}

static bool value(struct parser *p, struct jval *v);

static bool container(struct parser *p, struct jval *v, bool object)
{
	char close = object ? '}' : ']';

	if (++p->depth > 64)
		return fail(p, "nested more than 64 deep");
	v->type = object ? J_OBJECT : J_ARRAY;
	p->s++;
	skip_space(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		p->depth--;
		return true;
	}
	for (;;) {
		char *key = NULL;

		skip_space(p);
		if (object) {
			if (p->s >= p->end || *p->s != '"' || !string(p, &key))
				return fail(p, "an object member without a name");
			for (int i = 0; i < v->n; i++)
				if (!strcmp(v->keys[i], key))
					return free(key), fail(p, "a member name given twice");
			skip_space(p);
			if (p->s >= p->end || *p->s != ':')
				return free(key), fail(p, "no ':' after a member name");
			p->s++;
		}
		v->items = (struct jval *)xrealloc(v->items, (v->n + 1) * sizeof(*v->items));
		v->keys = (char **)xrealloc(v->keys, (v->n + 1) * sizeof(*v->keys));
		memset(&v->items[v->n], 0, sizeof(*v->items));
		v->keys[v->n] = key;
		v->n++;
		if (!value(p, &v->items[v->n - 1]))
			return false;
		skip_space(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			p->depth--;
			return true;
		}
		return fail(p, object ? "no ',' or '}' after a member" : "no ',' or ']' after an item");
	}
}

static bool value(struct parser *p, struct jval *v)
{
	skip_space(p);
	if (p->s >= p->end)
		return fail(p, "the text ends where a value should be");
	switch (*p->s) {
	case '{':
		return container(p, v, true);
	case '[':
		return container(p, v, false);
	case '"':
		v->type = J_STRING;
		return string(p, &v->string);
	case 't':
		v->type = J_BOOL;
		return literal(p, "true");
	case 'f':
		v->type = J_BOOL;
		return literal(p, "false");
	case 'n':
		v->type = J_NULL;
		return literal(p, "null");
	default:
		return number(p, v);
	}
}

/* ----- SARIF ----- */

static int problems;

static void problem(const char *path, const char *fmt, ...)
{
	va_list ap;

	if (++problems > 20)
		return;
	printf("%s: ", path);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static const struct jval *member(const struct jval *o, const char *key)
{
	for (int i = 0; o && o->type == J_OBJECT && i < o->n; i++)
		if (!strcmp(o->keys[i], key))
			return &o->items[i];
	return NULL;
}

/* PATH.KEY, or PATH[I] when KEY is NULL. */
static char *sub(const char *path, const char *key, int i)
{
	char *s = (char *)xrealloc(NULL, strlen(path) + (key ? strlen(key) : 12) + 4);

	if (key)
		sprintf(s, "%s.%s", path, key);
	else
		sprintf(s, "%s[%d]", path, i);
	return s;
}

/* Is V an object whose members are among KEYS (space-separated) and has
   the members of REQUIRED? */
static bool object(const struct jval *v, const char *path, const char *keys, const char *required)
{
	char word[64];

	if (!v || v->type != J_OBJECT) {
		problem(path, "not an object");
		return false;
	}
	for (int i = 0; i < v->n; i++) {
		const char *k = keys;
		bool found = false;

		while (!found && sscanf(k, "%63s", word) == 1) {
			found = !strcmp(word, v->keys[i]);
			k = strstr(k, word) + strlen(word);
		}
		if (!found)
			problem(path, "'%s' is not a property of this object in SARIF 2.1.0",
				v->keys[i]);
	}
	for (const char *k = required; sscanf(k, "%63s", word) == 1;
	     k = strstr(k, word) + strlen(word))
		if (!member(v, word))
			problem(path, "'%s' is required", word);
	return true;
}

static void string_member(const struct jval *o, const char *path, const char *key)
{
	const struct jval *v = member(o, key);

	if (v && v->type != J_STRING) {
		char *p = sub(path, key, 0);

		problem(p, "not a string");
		free(p);
	}
}

/* An integer member of O at least MIN, if present. */
static void integer_member(const struct jval *o, const char *path, const char *key, int min)
{
	const struct jval *v = member(o, key);

	if (v && (v->type != J_NUMBER || !v->integer || v->number < min)) {
		char *p = sub(path, key, 0);

		problem(p, "not an integer of at least %d", min);
		free(p);
	}
}

static void level(const struct jval *o, const char *path)
{
	const struct jval *v = member(o, "level");

	if (v && (v->type != J_STRING || (strcmp(v->string, "none") && strcmp(v->string, "note") &&
					  strcmp(v->string, "warning") &&
					  strcmp(v->string, "error"))))
		problem(path, "level is not one of none, note, warning, error");
}

/* A message (3.11) or a multiformatMessageString (3.12): text required
   (a message may have an id instead). */
static void message(const struct jval *v, const char *path, bool multiformat)
{
	if (!object(v, path, "text markdown id arguments properties", multiformat ? "text" : ""))
		return;
	string_member(v, path, "text");
	if (!multiformat && !member(v, "text") && !member(v, "id"))
		problem(path, "a message needs text or an id");
}

static void message_member(const struct jval *o, const char *path, const char *key,
			   bool multiformat)
{
	char *p = sub(path, key, 0);

	if (member(o, key))
		message(member(o, key), p, multiformat);
	free(p);
}

static void property_bag(const struct jval *o, const char *path)
{
	const struct jval *v = member(o, "properties");

	if (v && v->type != J_OBJECT)
		problem(path, "properties is not an object");
}

/* The array member KEY of O; each item checked by CHECK. */
static void array_member(const struct jval *o, const char *path, const char *key, int min_items,
			 void (*check)(const struct jval *, const char *, void *), void *arg)
{
	const struct jval *v = member(o, key);
	char *p = sub(path, key, 0);

	if (v && v->type != J_ARRAY)
		problem(p, "not an array");
	else if (v && v->n < min_items)
		problem(p, "fewer than %d items", min_items);
	for (int i = 0; v && v->type == J_ARRAY && i < v->n; i++) {
		char *q = sub(p, NULL, i);

		check(&v->items[i], q, arg);
		free(q);
	}
	free(p);
}

static const struct jval *base_ids;	/* the run's originalUriBaseIds */

static void artifact_location(const struct jval *v, const char *path)
{
	const struct jval *base;

	if (!object(v, path, "uri uriBaseId index description properties", ""))
		return;
	string_member(v, path, "uri");
	string_member(v, path, "uriBaseId");
	integer_member(v, path, "index", -1);
	base = member(v, "uriBaseId");
	if (base && base->type == J_STRING && !member(base_ids, base->string))
		problem(path, "uriBaseId '%s' is not in the run's originalUriBaseIds",
			base->string);
}

static void region(const struct jval *v, const char *path)
{
	const struct jval *sl, *el, *sc, *ec;

	if (!object(v, path, "startLine startColumn endLine endColumn charOffset charLength "
		    "byteOffset byteLength snippet message sourceLanguage properties", ""))
		return;
	integer_member(v, path, "startLine", 1);
	integer_member(v, path, "startColumn", 1);
	integer_member(v, path, "endLine", 1);
	integer_member(v, path, "endColumn", 1);
	integer_member(v, path, "charOffset", -1);
	integer_member(v, path, "charLength", 0);
	sl = member(v, "startLine");
	el = member(v, "endLine");
	sc = member(v, "startColumn");
	ec = member(v, "endColumn");
	if (!sl && !member(v, "charOffset") && !member(v, "byteOffset"))
		problem(path, "a text region needs startLine, charOffset or byteOffset");
	if (sl && el && el->number < sl->number)
		problem(path, "endLine is before startLine");
	if (sl && sc && ec && (!el || el->number == sl->number) && ec->number < sc->number)
		problem(path, "endColumn is before startColumn on one line");
}

static void physical_location(const struct jval *v, const char *path)
{
	char *p;

	if (!object(v, path, "address artifactLocation region contextRegion properties", ""))
		return;
	if (!member(v, "artifactLocation") && !member(v, "address"))
		problem(path, "a physical location needs an artifactLocation or an address");
	p = sub(path, "artifactLocation", 0);
	if (member(v, "artifactLocation"))
		artifact_location(member(v, "artifactLocation"), p);
	free(p);
	p = sub(path, "region", 0);
	if (member(v, "region"))
		region(member(v, "region"), p);
	free(p);
}

static void location(const struct jval *v, const char *path, void *arg)
{
	char *p;

	if (!object(v, path, "id physicalLocation logicalLocations message annotations "
		    "relationships properties", ""))
		return;
	integer_member(v, path, "id", -1);
	message_member(v, path, "message", false);
	p = sub(path, "physicalLocation", 0);
	if (member(v, "physicalLocation"))
		physical_location(member(v, "physicalLocation"), p);
	free(p);
}

static void replacement(const struct jval *v, const char *path, void *arg)
{
	const struct jval *content;
	char *p;

	if (!object(v, path, "deletedRegion insertedContent properties", "deletedRegion"))
		return;
	p = sub(path, "deletedRegion", 0);
	if (member(v, "deletedRegion"))
		region(member(v, "deletedRegion"), p);
	free(p);
	content = member(v, "insertedContent");
	p = sub(path, "insertedContent", 0);
	if (content && object(content, p, "text binary rendered properties", ""))
		string_member(content, p, "text");
	free(p);
}

static void artifact_change(const struct jval *v, const char *path, void *arg)
{
	char *p;

	if (!object(v, path, "artifactLocation replacements properties",
		    "artifactLocation replacements"))
		return;
	p = sub(path, "artifactLocation", 0);
	if (member(v, "artifactLocation"))
		artifact_location(member(v, "artifactLocation"), p);
	free(p);
	array_member(v, path, "replacements", 1, replacement, NULL);
}

static void fix(const struct jval *v, const char *path, void *arg)
{
	if (!object(v, path, "description artifactChanges properties", "artifactChanges"))
		return;
	message_member(v, path, "description", false);
	array_member(v, path, "artifactChanges", 1, artifact_change, NULL);
}

/* Location ids are unique within a result (3.28.2). */
static void related_ids(const struct jval *r, const char *path)
{
	const struct jval *v = member(r, "relatedLocations");

	for (int i = 0; v && v->type == J_ARRAY && i < v->n; i++)
		for (int k = i + 1; k < v->n; k++) {
			const struct jval *a = member(&v->items[i], "id");
			const struct jval *b = member(&v->items[k], "id");

			if (a && b && a->type == J_NUMBER && b->type == J_NUMBER &&
			    a->number == b->number && a->number >= 0)
				problem(path, "relatedLocations %d and %d have the same id", i, k);
		}
}

static void result(const struct jval *v, const char *path, void *arg)
{
	const struct jval *rules = (const struct jval *)arg;
	const struct jval *id, *index;

	if (!object(v, path, "guid correlationGuid ruleId ruleIndex rule kind level message "
		    "analysisTarget locations webRequest webResponse fingerprints "
		    "partialFingerprints codeFlows graphs graphTraversals stacks "
		    "relatedLocations suppressions baselineState rank attachments hostedViewerUri "
		    "workItemUris provenance fixes taxa properties", "message"))
		return;
	string_member(v, path, "ruleId");
	integer_member(v, path, "ruleIndex", -1);
	level(v, path);
	message_member(v, path, "message", false);
	array_member(v, path, "locations", 0, location, NULL);
	array_member(v, path, "relatedLocations", 0, location, NULL);
	related_ids(v, path);
	array_member(v, path, "fixes", 0, fix, NULL);
	property_bag(v, path);
	id = member(v, "ruleId");
	index = member(v, "ruleIndex");
	if (index && index->type == J_NUMBER && index->number >= 0) {
		const struct jval *rule = rules && rules->type == J_ARRAY &&
			index->number < rules->n ? &rules->items[(int)index->number] : NULL;
		const struct jval *rule_id = member(rule, "id");

		if (!rule)
			problem(path, "ruleIndex %d names no rule of the driver", (int)index->number);
		else if (id && id->type == J_STRING && rule_id && rule_id->type == J_STRING &&
			 strcmp(id->string, rule_id->string))
			problem(path, "ruleId '%s' is not the id of rule %d ('%s')", id->string,
				(int)index->number, rule_id->string);
	}
}

static void rule(const struct jval *v, const char *path, void *arg)
{
	const struct jval *config = member(v, "defaultConfiguration");
	char *p;

	if (!object(v, path, "id deprecatedIds guid deprecatedGuids name deprecatedNames "
		    "shortDescription fullDescription messageStrings defaultConfiguration helpUri "
		    "help relationships properties", "id"))
		return;
	string_member(v, path, "id");
	string_member(v, path, "name");
	message_member(v, path, "shortDescription", true);
	message_member(v, path, "fullDescription", true);
	message_member(v, path, "help", true);
	p = sub(path, "defaultConfiguration", 0);
	if (config && object(config, p, "enabled level rank parameters properties", ""))
		level(config, p);
	free(p);
}

static void run(const struct jval *v, const char *path, void *arg)
{
	const struct jval *tool = member(v, "tool"), *driver = member(tool, "driver");
	char *tp = sub(path, "tool", 0), *dp = sub(tp, "driver", 0);

	if (!object(v, path, "tool invocations conversion language versionControlProvenance "
		    "originalUriBaseIds artifacts logicalLocations graphs results automationDetails "
		    "runAggregates baselineGuid redactionTokens defaultEncoding "
		    "defaultSourceLanguage newlineSequences columnKind externalPropertyFileReferences "
		    "threadFlowLocations taxonomies addresses translations policies webRequests "
		    "webResponses specialLocations properties", "tool"))
		goto out;
	base_ids = member(v, "originalUriBaseIds");
	if (base_ids && base_ids->type != J_OBJECT) {
		problem(path, "originalUriBaseIds is not an object");
	} else {
		for (int i = 0; base_ids && i < base_ids->n; i++) {
			const struct jval *uri = member(&base_ids->items[i], "uri");
			char *p = sub(path, "originalUriBaseIds", 0), *q = sub(p, base_ids->keys[i], 0);

			if (object(&base_ids->items[i], q, "uri uriBaseId index description properties",
				   "") && uri && (uri->type != J_STRING || !strstr(uri->string, ":/") ||
						 uri->string[strlen(uri->string) - 1] != '/'))
				problem(q, "a base URI must be absolute and end with '/'");
			free(q);
			free(p);
		}
	}
	if (object(tool, tp, "driver extensions properties", "driver") &&
	    object(driver, dp, "guid name organization product productSuffix version "
		   "semanticVersion dottedQuadFileVersion releaseDateUtc downloadUri "
		   "informationUri fullName fullDescription shortDescription rules notifications "
		   "taxa locations language contents isComprehensive localizedDataSemanticVersion "
		   "minimumRequiredLocalizedDataSemanticVersion associatedComponent "
		   "translationMetadata supportedTaxonomies properties", "name")) {
		string_member(driver, dp, "name");
		string_member(driver, dp, "version");
		array_member(driver, dp, "rules", 0, rule, NULL);
	}
	array_member(v, path, "results", 0, result, (void *)member(driver, "rules"));
out:
	free(dp);
	free(tp);
}

static void sarif_log(const struct jval *v)
{
	const struct jval *version = member(v, "version");

	if (!object(v, "log", "$schema version runs inlineExternalProperties properties",
		    "version runs"))
		return;
	if (version && (version->type != J_STRING || strcmp(version->string, "2.1.0")))
		problem("log.version", "not \"2.1.0\"");
	string_member(v, "log", "$schema");
	array_member(v, "log", "runs", 0, run, NULL);
}

int main(int argc, char **argv)
{
	struct parser p = { 0 };
	struct jval root = { 0 };
	char *text = NULL;
	size_t len = 0, n;
	char buf[65536];
	FILE *f;

	if (argc != 2) {
		fputs("usage: sarif-check FILE\n", stderr);
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		fprintf(stderr, "sarif-check: cannot read '%s'\n", argv[1]);
		return 2;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		text = (char *)xrealloc(text, len + n);
		memcpy(text + len, buf, n);
		len += n;
	}
	fclose(f);
	p.s = text;
	p.end = text + len;
	if (value(&p, &root)) {
		skip_space(&p);
		if (p.s != p.end)
			fail(&p, "text after the value");
	}
	if (p.error) {
		printf("%s: offset %ld: %s\n", argv[1], (long)(p.s - text), p.error);
		return 1;
	}
	sarif_log(&root);
	if (problems > 20)
		printf("... %d problems in all\n", problems);
	return problems ? 1 : 0;
}
