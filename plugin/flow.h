/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The "may still be mapped" dataflow over one function's model, shared by
 * the summaries (is a mapping still live when the function returns?) and
 * by check A (is it live where its pages are released?).
 *
 * An instance is one mapping the function can see: created here by a map
 * call or by a call to a function that maps (site), held in a field or
 * global mapped elsewhere (fact), or handed in and unmapped here
 * (inferred).  The forward analysis runs per instance with per-edge
 * states, so that a flag set by a PHI ("if (do_vunmap)") keeps its paths
 * apart and a failure test on a map helper's result kills on its edge.
 */
#ifndef VMAPCHECK_FLOW_H
#define VMAPCHECK_FLOW_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MAX_SET 8

struct class_set {
	int n;
	int c[MAX_SET];
};

enum origin { ORIGIN_SITE, ORIGIN_FACT, ORIGIN_INFERRED };

struct instance {
	enum origin origin;
	int site;			/* event creating it; -1: live at entry */
	struct class_set mapping;	/* classes holding the mapping */
	struct class_set pages;		/* page classes; empty: any from outside */
	struct class_set arrays;	/* arrays holding those pages */
	bool owns_pages;		/* VM_MAP_PUT_PAGES */
	bool aware;			/* the function unmaps it somewhere */
	int result_cls;			/* site by a call: the call's result */
	bool fail_negative;		/* ... which is negative when mapping failed */
	vc_loc map_loc;			/* shown as "mapping created here" */
	vc_loc origin_loc;		/* the map call itself */
	const char *origin_fn;		/* ... and its function */
	const char *map_fn;		/* function of map_loc, if not this one */
	const char *what;		/* the mapping as source text */
};

/* What one event does to one instance. */
enum {
	FX_GEN = 1,
	FX_UNMAP = 2,
	FX_RELEASE = 4,
	FX_DEFER = 8,
	FX_FRESH = 16,		/* new pages or a new array stored: not mapped */
};

/*
 * The forward state of an instance.  ENDED: on some path into this point
 * it was unmapped or is known not to be a mapping; LIVE without ENDED is
 * live on every path (for a mapping live at entry).  TESTED: on some path
 * into this point it is live and a test found it non-NULL since it was
 * last made or ended.  UNMAPPED: on some path into this point it was
 * unmapped (or its pages replaced), not just found NULL.
 */
enum { LIVE = 1, DEFERRED = 2, ENDED = 4, TESTED = 8, UNMAPPED = 16 };

struct flow_context {
	const struct analysis *an;
	struct fn *f;
	VEC(struct instance) instances;
	struct class_set site_pages;	/* pages mapped by site instances */
	/*
	 * What the function leaves behind: an unmap of an address loaded
	 * before its field was overwritten ends only what the field held
	 * before.  For releases inside the function it ends any mapping kept
	 * there: in a loop it may be the unmap of an earlier iteration's.
	 */
	bool leaving;
};

struct flow {
	VEC(unsigned char) fx;		/* per event */
	VEC(vc_loc) release_loc;	/* per event: a callee's release site */
	VEC(const char *) release_fn;	/* ... and its function */
	VEC(struct vc_name) defer_where; /* per event: the list it queues on */
	VEC(unsigned char) edge;	/* forward state per edge slot */
	VEC(unsigned char) in;		/* forward state at block entry */
	VEC(unsigned char) unmap_after;	/* an unmap is reachable from block end */
};

bool set_has(struct fn *f, const struct class_set *s, int c);

void flow_init(struct flow_context *cx, const struct analysis *an, struct fn *f);
void flow_release(struct flow_context *cx);
/* Site instances: map calls and calls to functions that map. */
void flow_site_instances(struct flow_context *cx);
/* Fact and inferred instances: mappings that are live at entry. */
void flow_entry_instances(struct flow_context *cx);
/* Give every instance a name for messages. */
void flow_name_instances(struct flow_context *cx);

/* Effects and the forward analysis; false if IN releases nothing here. */
bool flow_run(struct flow_context *cx, const struct instance *in, struct flow *fl,
	      bool need_release);
void flow_backward(struct flow_context *cx, struct flow *fl);
void flow_free(struct flow *fl);
unsigned char flow_transfer(const struct instance *in, unsigned fx, unsigned char st);

bool flow_live_at_exit(const struct flow *fl);
/* Does every return with IN live say 0, so a nonzero result means it failed? */
bool flow_fails_negative(struct flow_context *cx, const struct instance *in,
			 const struct flow *fl);

#ifdef __cplusplus
}
#endif

#endif
