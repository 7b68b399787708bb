// SPDX-License-Identifier: GPL-2.0-only
/*
 * Plain C helpers (see util.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void out_of_memory(void)
{
	fputs("vmapcheck: out of memory\n", stderr);
	abort();
}

void *vc_alloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *vc_realloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void vc_free(void *p)
{
	free(p);
}

char *path_join(const char *dir, const char *name)
{
	size_t len = strlen(dir);
	char *path = (char *)vc_alloc(len + strlen(name) + 2);

	sprintf(path, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
	return path;
}

void *vc_grow(void *data, int *cap, int need, size_t elem)
{
	if (need <= *cap)
		return data;
	int n = *cap ? *cap : 8;

	while (n < need)
		n *= 2;
	data = realloc(data, (size_t)n * elem);
	if (!data)
		out_of_memory();
	*cap = n;
	return data;
}

static unsigned int hash_int(int key)
{
	unsigned int h = (unsigned int)key * 2654435761u;

	return h ^ (h >> 16);
}

bool int_map_get(const struct int_map *m, int key, int *val)
{
	if (!m->cap)
		return false;
	for (unsigned int i = hash_int(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key) {
			*val = m->vals[i];
			return true;
		}
		if (m->keys[i] < 0)
			return false;
	}
}

void int_map_put(struct int_map *m, int key, int val)
{
	if (2 * (m->n + 1) > m->cap) {
		struct int_map bigger = { NULL, NULL, m->cap ? 2 * m->cap : 16, 0 };

		bigger.keys = (int *)vc_alloc(bigger.cap * sizeof(int));
		bigger.vals = (int *)vc_alloc(bigger.cap * sizeof(int));
		memset(bigger.keys, -1, bigger.cap * sizeof(int));
		for (int i = 0; i < m->cap; i++)
			if (m->keys[i] >= 0)
				int_map_put(&bigger, m->keys[i], m->vals[i]);
		int_map_free(m);
		*m = bigger;
	}
	for (unsigned int i = hash_int(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return;
		}
		if (m->keys[i] < 0) {
			m->keys[i] = key;
			m->vals[i] = val;
			m->n++;
			return;
		}
	}
}

void int_map_free(struct int_map *m)
{
	vc_free(m->keys);
	vc_free(m->vals);
	m->keys = m->vals = NULL;
	m->cap = m->n = 0;
}

/* The interned strings and a hash index over them (ids + 1, 0 = empty). */
static VEC(char *) strings;
static int *index_slots;
static int index_cap;

static unsigned int hash_string(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void index_insert(int id)
{
	unsigned int i = hash_string(strings.v[id]) & (index_cap - 1);

	while (index_slots[i])
		i = (i + 1) & (index_cap - 1);
	index_slots[i] = id + 1;
}

int intern(const char *s)
{
	if (index_cap) {
		for (unsigned int i = hash_string(s) & (index_cap - 1); index_slots[i];
		     i = (i + 1) & (index_cap - 1))
			if (!strcmp(strings.v[index_slots[i] - 1], s))
				return index_slots[i] - 1;
	}
	if (2 * (strings.n + 1) > index_cap) {
		vc_free(index_slots);
		index_cap = index_cap ? 2 * index_cap : 256;
		index_slots = (int *)vc_alloc(index_cap * sizeof(int));
		for (int id = 0; id < strings.n; id++)
			index_insert(id);
	}

	size_t len = strlen(s) + 1;
	char *copy = (char *)vc_alloc(len);

	memcpy(copy, s, len);
	vec_push(strings, copy);
	index_insert(strings.n - 1);
	return strings.n - 1;
}

const char *interned(int id)
{
	return strings.v[id];
}
