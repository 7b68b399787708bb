// SPDX-License-Identifier: GPL-2.0-only
/// A private lazy-unmap list keeps vmap() mappings after their owner is done
/// with them, to unmap them later in a purge.  vm_unmap_aliases(), which
/// Xen pagetable pinning and set_memory_*() call, cannot see it: the list
/// is safe only if its purge is reachable from a flush hook the rest of the
/// kernel can trigger (register_vmap_purge_notifier(), a shrinker, an OOM
/// notifier, a CPU-hotplug callback), and only if the pages of a queued
/// mapping cannot be released before the purge (vmap_pages()).
///
//# The rule sees one file.  A list whose purge, or a function on the way to
//# it, is not static or has its address taken may be drained from another
//# file and is not reported.  A purge run only by a kernel thread, a timer
//# or a work item is no flush hook.  Lists are matched by field name.
//
// Confidence: Moderate
// Copyright: (C) 2026 The vmapcheck authors.
// Comments: The GCC plugin of vmapcheck makes the same check across files
//  (vmapcheck-merge).
// Options: --no-includes --include-headers
// Requires: 1.1.1
// Keywords: vmap, vunmap, lazy unmap, register_vmap_purge_notifier, shrinker

virtual patch
virtual context
virtual org
virtual report

@initialize:ocaml@
@@
(* @vmapcheck-api@: make puts the API model (rules/api.ml) here. *)

let contains_word s w =
  let n = String.length w and m = String.length s in
  let is_id c = c = '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') in
  let rec at i =
    i + n <= m &&
    ((String.sub s i n = w && (i = 0 || not (is_id s.[i - 1])) &&
      (i + n = m || not (is_id s.[i + n]))) || at (i + 1)) in
  at 0

(* Coccinelle prints a->b as "a -> b" and &x as "& x". *)
let tidy s =
  let b = Buffer.create (String.length s) in
  String.iter (fun c -> if c <> ' ' then Buffer.add_char b c) s;
  let s = Buffer.contents b in
  if String.length s > 0 && s.[0] = '&' then String.sub s 1 (String.length s - 1) else s

(* The variable an access path starts from: "o" for "o->lru.next". *)
let root s =
  let is_id c = c = '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') in
  let n = String.length s in
  let rec stop i = if i < n && is_id s.[i] then stop (i + 1) else i in
  String.sub s 0 (stop 0)

(* The file, as the rules below find it. *)
type lazy_list = {
  name : string;                            (* the field or global *)
  store : Coccilib.pos;                     (* where the deferrer stores *)
  deferrer : string;
  mutable queues : (string * Coccilib.pos) list;   (* calls with a mapping *)
  mutable purges : (string * Coccilib.pos) list;   (* unmaps from the list *)
  mutable released : Coccilib.pos option;   (* pages released while queued *)
}
let lists = Hashtbl.create 7                (* deferrer -> list *)
let functions = Hashtbl.create 17           (* defined here -> static *)
let edges = Hashtbl.create 17               (* caller -> callees *)
let hooks = Hashtbl.create 7
let taken = Hashtbl.create 7                (* address escapes, not a hook *)
let registered = Hashtbl.create 7           (* objects handed to registrations *)
let params = Hashtbl.create 17              (* function -> its parameters *)

let rec reaches seen f goal =
  f = goal ||
  (not (Hashtbl.mem seen f) &&
   (Hashtbl.replace seen f ();
    List.exists (fun g -> reaches seen g goal) (Hashtbl.find_all edges f)))

let reached_from starts goal =
  List.exists (fun s -> reaches (Hashtbl.create 17) s goal) starts

let keys t = Hashtbl.fold (fun k _ l -> k :: l) t []

(* May another file drain the list: is a purge not static, or does a
   function whose address escapes lead to one?  (A public function that
   purges as a side effect of its work, such as mapping the next buffer,
   is no flush hook.) *)
let open_to_outside l =
  List.exists (fun (p, _) ->
      not (Hashtbl.find functions p) || reached_from (keys taken) p) l.purges

let is_purge f =
  Hashtbl.fold (fun _ l found -> found || List.mem_assoc f l.purges) lists false

let hooked l = List.exists (fun (p, _) -> reached_from (keys hooks) p) l.purges

let message l no_hook =
  let purged = match List.rev l.purges with
    | (f, p) :: _ -> Printf.sprintf "purged in %s on line %d" f p.Coccilib.line
    | [] -> "never purged here" in
  let why = match l.released, no_hook with
    | Some r, true -> Printf.sprintf
        "the pages of a queued mapping are released on line %d, and no flush hook reaches its purge (%s)"
        r.Coccilib.line purged
    | Some r, false -> Printf.sprintf
        "the pages of a queued mapping are released on line %d while it waits (%s)"
        r.Coccilib.line purged
    | None, _ -> Printf.sprintf "no flush hook reaches its purge (%s)" purged in
  Printf.sprintf "%s queues vmap addresses on the lazy-unmap list %s instead of unmapping them: %s; %s"
    l.deferrer l.name why
    (let counted = Printf.sprintf "map with %s() and unmap with %s()" counted_map counted_unmap
     and drain = Printf.sprintf "drain it from %s() or a shrinker" first_hook in
     match l.released <> None, no_hook with
     | true, true -> counted ^ ", and " ^ drain
     | true, false -> counted
     | false, _ -> drain)

(* The lists to report, with whether no hook drains them, in line order.
   A list counts when mappings go there or are purged from there. *)
let reported () =
  let found = Hashtbl.fold (fun _ l acc ->
      let no_hook = not (hooked l) && not (open_to_outside l) in
      if (l.queues <> [] || l.purges <> []) && (no_hook || l.released <> None)
      then (l, no_hook) :: acc else acc) lists [] in
  let by_line (a, _) (b, _) = compare a.store.Coccilib.line b.store.Coccilib.line in
  List.sort by_line found

let is_reported_store p =
  let p = List.hd p in
  List.exists (fun (l, _) -> l.store.Coccilib.line = p.Coccilib.line &&
                             l.store.Coccilib.col = p.Coccilib.col) (reported ())

let report org =
  List.iter (fun (l, no_hook) ->
      check_report org l.store (message l no_hook);
      if org && not !check_disabled then begin
        Coccilib.print_secs "queued" (List.map snd l.queues);
        Coccilib.print_secs "purged" (List.map snd l.purges)
      end)
    (reported ())

let forget_file () =
  Hashtbl.reset functions;
  Hashtbl.reset params;
  List.iter Hashtbl.reset [hooks; taken; registered];
  Hashtbl.reset lists;
  Hashtbl.reset edges

// The user's API model entries: spatch -D api=FILE.
@script:ocaml@
file << virtual.api;
@@
api_load_user file

// The checks the user turned off: spatch -D disable=ID,...
@script:ocaml@
ids << virtual.disable;
@@
checks_disable ids

// --------------------------------------------------------------------------
// The functions of the file and the calls between them

@fn@
identifier f;
parameter list ps;
@@

f(ps) { ... }

@script:ocaml@
f << fn.f;
ps << fn.ps;
@@
Hashtbl.replace functions f false;
Hashtbl.replace params f ps

// Also with the storage macro of XFS and others (#define STATIC static).
@fn_static@
identifier f;
type T;
attribute name STATIC;
@@

(
static T f(...) { ... }
|
STATIC T f(...) { ... }
)

@script:ocaml@
f << fn_static.f;
@@
Hashtbl.replace functions f true

@call@
identifier g : script:ocaml () { Hashtbl.mem functions g };
position p;
@@

g@p(...)

@script:ocaml@
g << call.g;
p << call.p;
@@
let f = (List.hd p).Coccilib.current_element in
if not (List.mem g (Hashtbl.find_all edges f)) then
  Hashtbl.add edges f g

// --------------------------------------------------------------------------
// Flush hooks: the arguments of a hook registration (the API model's hook
// entries): a function of the file is a hook; an object (a notifier block,
// a shrinker) makes the functions stored in it hooks.

@reg@
identifier r : script:ocaml () { is_hook r };
expression list[n] before;
expression E;
@@

r(before, E, ...)

@script:ocaml@
r << reg.r;
n << reg.n;
e << reg.E;
@@
if List.mem n (api_args r) then begin
  let e = tidy e in
  if Hashtbl.mem functions e then Hashtbl.replace hooks e ()
  else Hashtbl.replace registered e ()
end

@hook_init@
identifier nb, fld, cb;
type T;
@@

T nb = { ..., .fld = cb, ... };

@script:ocaml@
nb << hook_init.nb;
fld << hook_init.fld;
cb << hook_init.cb;
@@
ignore fld;
if Hashtbl.mem registered nb then
  Hashtbl.replace hooks cb ()

@hook_field@
expression E;
identifier fld, cb;
@@

(
 E.fld = cb
|
 E->fld = cb
)

@script:ocaml@
e << hook_field.E;
fld << hook_field.fld;
cb << hook_field.cb;
@@
ignore fld;
if Hashtbl.mem registered (tidy e) then
  Hashtbl.replace hooks cb ()

// Functions whose address escapes (other than to a registration above):
// code elsewhere may call them.
@escape@
identifier f : script:ocaml () { Hashtbl.mem functions f };
identifier g;
expression E;
@@

(
 g(..., f, ...)
|
 E = f
)

@script:ocaml@
f << escape.f;
g << escape.g = "";
@@
if not (Hashtbl.mem hooks f) && not (is_runner g) then
  Hashtbl.replace taken f ()

@escape_init@
identifier f : script:ocaml () { Hashtbl.mem functions f };
identifier x, fld;
type T;
position p;
@@

T x@p = { ..., .fld = f, ... };

@script:ocaml@
f << escape_init.f;
p << escape_init.p;
@@
(* A local object initialized with the function and never registered does
   not make it callable. *)
if not (Hashtbl.mem hooks f) && not (Hashtbl.mem functions (List.hd p).Coccilib.current_element) then
  Hashtbl.replace taken f ()

// --------------------------------------------------------------------------
// Lazy-unmap lists: a function stores an address it is handed into an
// object that is not its caller's (a list entry, a per-cpu slot) or a global

@deferrer@
identifier p, fld;
expression E, I;
global idexpression G;
position pst;
@@

(
 E->fld@pst = p
|
 E.fld@pst = p
|
 G@pst = p
|
 G[I]@pst = p
)

@script:ocaml@
p << deferrer.p;
e << deferrer.E = "";
fld << deferrer.fld = "";
g << deferrer.G = "";
pos << deferrer.pst;
@@
(* A pointer parameter stored into an object that is not the caller's (not
   reached from a parameter): a store into the caller's own object keeps a
   mapping, it does not queue one. *)
let pos = List.hd pos in
let f = pos.Coccilib.current_element in
let name = if g <> "" then g else fld in
match Hashtbl.find_opt params f with
| Some ps when param_is_pointer ps p &&
               (e = "" || not (contains_word ps (root (tidy e)))) &&
               not (Hashtbl.mem lists f) ->
  Hashtbl.replace lists f { name = name; store = pos; deferrer = f;
                            queues = []; purges = []; released = None }
| _ -> ()

// Purges: unmaps of addresses loaded from the list.  vfree() and kvfree()
// free what a field holds whatever it is (a page array, a buffer): no purge.
@purge@
expression A, I;
global idexpression G;
position pu;
identifier unm : script:ocaml () { is_certain_unmap unm };
@@

(
 unm@pu(G, ...)
|
 unm@pu(G[I], ...)
|
 unm@pu(A, ...)
)

@script:ocaml@
a << purge.A = "";
g << purge.G = "";
pu << purge.pu;
@@
let pu = List.hd pu in
let f = pu.Coccilib.current_element in
let name = if g <> "" then g else held_field a in
Hashtbl.iter (fun _ l ->
    if l.name = name && not (List.mem_assoc f l.purges) then
      l.purges <- (f, pu) :: l.purges) lists

// Mappings handed to a deferrer, and their pages released while queued.
@queued exists@
expression V, P;
identifier I, dfn : script:ocaml () { Hashtbl.mem lists dfn };
identifier mapfn : script:ocaml () { is_map mapfn || is_counted_map mapfn };
type T;
position pq;
@@

(
 V = mapfn(P, ...);
|
 T I = mapfn(P, ...);
)
...
dfn@pq(..., \(V\|I\), ...);

@script:ocaml@
dfn << queued.dfn;
pq << queued.pq;
@@
let l = Hashtbl.find lists dfn in
l.queues <- List.append l.queues [(dfn, List.hd pq)]

@unprotected exists@
expression V, P, E;
identifier I, dfn : script:ocaml () { Hashtbl.mem lists dfn };
identifier mapfn : script:ocaml () { is_map mapfn };
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier pf : script:ocaml () { is_purge pf };
type T;
position pr;
@@

(
 V = mapfn(P, ...);
|
 T I = mapfn(P, ...);
)
...
dfn(..., \(V\|I\), ...);
... when != pf(...)
(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
)

@script:ocaml@
dfn << unprotected.dfn;
pr << unprotected.pr;
@@
let l = Hashtbl.find lists dfn in
if l.released = None then l.released <- Some (List.hd pr)

// The same with a mapping kept in a field: obj->vaddr = vmap(obj->pages, ...)
// in one function, obj->vaddr queued and obj->pages released in another.
@fmap@
expression X;
identifier fv, fp;
identifier mapfn : script:ocaml () { is_map mapfn };
@@

X->fv = mapfn(X->fp, ...)

@unprotected_field exists@
identifier fmap.fv, fmap.fp;
expression X, E, E1;
identifier I;
type T;
identifier dfn : script:ocaml () { Hashtbl.mem lists dfn };
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier pf : script:ocaml () { is_purge pf };
position pr;
@@

dfn(..., <+... X->fv ...+>, ...);
... when != pf(...)
(
 relp@pr(X->fp[E], ...);
|
 rela@pr(X->fp, ...);
|
 I = X->fp[E];
 ... when != I = E1
 relp@pr(I, ...);
|
 T I = X->fp[E];
 ... when != I = E1
 relp@pr(I, ...);
)

@script:ocaml@
dfn << unprotected_field.dfn;
pr << unprotected_field.pr;
@@
let l = Hashtbl.find lists dfn in
if l.released = None then l.released <- Some (List.hd pr)

// Context mode: where the lists are filled.
@depends on context@
expression E, E1, I;
identifier fld;
position p : script:ocaml () { is_reported_store p };
@@

(
* E->fld@p = E1
|
* E.fld@p = E1
|
* E@p = E1
|
* E[I]@p = E1
)

@script:ocaml depends on report@
@@
report false

@script:ocaml depends on org@
@@
report true

@script:ocaml@
@@
forget_file ()
