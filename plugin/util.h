/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Plain C helpers for the analysis core, which the GCC plugin and
 * vmapcheck-merge share: allocation, growable arrays, an int map and
 * interned strings.  Nothing here knows about GCC.
 */
#ifndef VMAPCHECK_UTIL_H
#define VMAPCHECK_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Zeroed memory; out of memory is fatal. */
void *vc_alloc(size_t size);
/* P resized to SIZE bytes (what is beyond the old size is not zeroed). */
void *vc_realloc(void *p, size_t size);
void vc_free(void *p);
void *vc_grow(void *data, int *cap, int need, size_t elem);

/* A growable array: VEC(int) a = { 0 }; vec_push(a, 3); a.v[0], a.n. */
#define VEC(T) struct { T *v; int n, cap; }
#define vec_reserve(a, more) \
	((a).v = (__typeof__((a).v))vc_grow((a).v, &(a).cap, (a).n + (more), sizeof(*(a).v)))
#define vec_push(a, x) (vec_reserve(a, 1), (a).v[(a).n++] = (x))
#define vec_last(a) ((a).v[(a).n - 1])
#define vec_free(a) (vc_free((a).v), (a).v = NULL, (a).n = (a).cap = 0)

/* Non-negative int keys to int values (open addressing). */
struct int_map {
	int *keys, *vals;
	int cap, n;
};
bool int_map_get(const struct int_map *m, int key, int *val);
void int_map_put(struct int_map *m, int key, int val);
void int_map_free(struct int_map *m);

/* DIR/NAME, newly allocated: one '/' between them. */
char *path_join(const char *dir, const char *name);

/* Interned strings: equal strings, equal ids and pointers; never freed. */
int intern(const char *s);
const char *interned(int id);
static inline const char *intern_str(const char *s)
{
	return interned(intern(s));
}

#ifdef __cplusplus
}
#endif

#endif
