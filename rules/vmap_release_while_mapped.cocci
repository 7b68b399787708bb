// SPDX-License-Identifier: GPL-2.0-only
/// Pages released while a vmap() or vm_map_ram() mapping of them is still
/// live leave the kernel a read-write alias of a free page: Xen cannot pin
/// the page as a pagetable, and PAT/DRM remapping it uncached creates an
/// illegal cache-attribute alias.  Unmap before releasing the pages, or map
/// with vmap_pages() and unmap with vunmap_pages(), so that the mapping
/// holds its own page references.
///
//# The rule sees one file.  A release on a path that a state it cannot see
//# rules out (a flag, a reference count) is reported.  A mapping kept in a
//# struct field is matched by field names, so two structs of the file with
//# the same field names are one.  Releases through a local copy of a page
//# pointer are not seen.
//
// Confidence: Moderate
// Copyright: (C) 2026 The vmapcheck authors.
// Comments: The GCC plugin of vmapcheck makes the same check on the
//  compiled code, across files.
// Options: --no-includes --include-headers
// Requires: 1.1.1
// Keywords: vmap, vm_map_ram, vunmap, put_page, release_pages

virtual patch
virtual context
virtual org
virtual report

@initialize:ocaml@
@@
(* The kernel API, as the plugin's built-in model has it, plus the macros
   the plugin sees expanded (__free_page). *)
let maps = ["vmap"; "vm_map_ram"]
let unmaps = ["vunmap"; "vfree"; "vm_unmap_ram"; "vunmap_pages"]
(* Unmaps that a reorder may move: they drop no page references. *)
let plain_unmaps = ["vunmap"; "vm_unmap_ram"]
let page_releases = ["put_page"; "__free_page"; "__free_pages"; "folio_put";
  "unpin_user_page"; "put_user_page"; "page_cache_release"]
let array_releases = ["release_pages"; "unpin_user_pages";
  "unpin_user_pages_dirty_lock"; "put_user_pages"; "put_user_pages_dirty_lock"]
(* Calls that store fresh pages into an array. *)
let fills = ["pin_user_pages_fast"; "get_user_pages_fast"; "pin_user_pages";
  "get_user_pages"; "pin_user_pages_unlocked"; "get_user_pages_unlocked";
  "pin_user_pages_remote"; "get_user_pages_remote"; "alloc_pages_bulk_array";
  "__alloc_pages_bulk"]

(* Functions of the file, found by the rules below, that release the pages
   of a parameter, unmap a parameter, or queue it for a deferred unmap. *)
let release_helpers = Hashtbl.create 17
let unmap_helpers = Hashtbl.create 17
let deferrers = Hashtbl.create 17

(* Unmaps of a mapping field (field name -> positions), and the calls of
   functions of the file (name -> positions). *)
let field_unmaps = Hashtbl.create 17
let calls = Hashtbl.create 17
let fillers = Hashtbl.create 17
(* Patch mode: lines of unmaps that a path reaches with no release first. *)
let bypassed = Hashtbl.create 17

let is_page_release f = List.mem f page_releases
let is_array_release f = List.mem f array_releases
(* A function that queues what it is handed unmaps it only when it cannot
   queue it: not an unmap. *)
let is_unmap f =
  List.mem f unmaps || (Hashtbl.mem unmap_helpers f && not (Hashtbl.mem deferrers f))

(* After a release, an unmap that drops page references is no fix. *)
let is_late_unmap f = f <> "vunmap_pages" && is_unmap f

let contains s sub =
  let n = String.length sub in
  let rec at i = i + n <= String.length s && (String.sub s i n = sub || at (i + 1)) in
  at 0

(* Coccinelle prints a->b as "a -> b". *)
let tidy s =
  let b = Buffer.create (String.length s) and n = String.length s and i = ref 0 in
  while !i < n do
    if !i + 4 <= n && String.sub s !i 4 = " -> " then (Buffer.add_string b "->"; i := !i + 4)
    else (Buffer.add_char b s.[!i]; incr i)
  done;
  Buffer.contents b

(* The object a mapping is a field of ("obj" for "obj->vaddr"), or the
   mapping itself. *)
let object_of held =
  let s = tidy held in
  match String.rindex_opt s '>' with
  | Some i when i > 0 && s.[i - 1] = '-' -> String.sub s 0 (i - 1)
  | _ -> s

(* One finding per release site, completed by the rules that know more. *)
type finding = {
  release : Coccilib.pos;
  released_by : string;
  mapping : string;
  mutable map_at : Coccilib.pos option;
  mutable owned : bool;
  mutable queued : (string * Coccilib.pos) option;
  mutable unmap_at : Coccilib.pos option;
  mutable field_of : string option;
}

let findings = Hashtbl.create 17

let finding pr rel mapping =
  let p = List.hd pr in
  let key = (p.Coccilib.line, p.Coccilib.col) in
  match Hashtbl.find_opt findings key with
  | Some f -> f
  | None ->
    let f = { release = p; released_by = rel; mapping = tidy mapping; map_at = None;
              owned = false; queued = None; unmap_at = None; field_of = None } in
    Hashtbl.add findings key f;
    f

let is_finding p =
  let p = List.hd p in
  Hashtbl.mem findings (p.Coccilib.line, p.Coccilib.col)

let update pr change =
  let p = List.hd pr in
  match Hashtbl.find_opt findings (p.Coccilib.line, p.Coccilib.col) with
  | Some f -> change f
  | None -> ()

let first_named names = List.find (fun s -> s <> "") names

let message f =
  let line p = p.Coccilib.line in
  let how = match f.map_at, f.field_of with
    | Some m, Some fn -> Printf.sprintf " (mapped on line %d, in %s)" (line m) fn
    | Some m, None -> Printf.sprintf " (mapped on line %d)" (line m)
    | None, _ -> "" in
  if f.owned then
    Printf.sprintf "%s releases pages handed to the mapping %s%s with VM_MAP_PUT_PAGES: vfree() releases them"
      f.released_by f.mapping how
  else
    let why = match f.queued, f.unmap_at with
      | Some (q, p), _ ->
        Printf.sprintf ", which %s on line %d only queues for a deferred unmap" q (line p)
      | None, Some u -> Printf.sprintf ", which is unmapped only later, on line %d" (line u)
      | None, None -> "" in
    Printf.sprintf "%s releases pages still mapped by %s%s%s; unmap first, or use vmap_pages()"
      f.released_by f.mapping how why

let by_position a b = compare (a.release.Coccilib.line, a.release.Coccilib.col)
    (b.release.Coccilib.line, b.release.Coccilib.col)

(* Prints the file's findings in line order. *)
let print_findings org =
  let all = List.sort by_position (Hashtbl.fold (fun _ f l -> f :: l) findings []) in
  List.iter (fun f ->
      let p = f.release in
      if org then begin
        Coccilib.print_main (message f) [p];
        (match f.map_at with Some m -> Coccilib.print_secs "mapped" [m] | None -> ());
        (match f.queued with Some (_, q) -> Coccilib.print_secs "queued" [q] | None -> ());
        (match f.unmap_at with Some u -> Coccilib.print_secs "unmapped" [u] | None -> ())
      end else
        Printf.printf "%s:%d:%d-%d: WARNING: %s\n" p.Coccilib.file p.Coccilib.line
          p.Coccilib.col p.Coccilib.col_end (message f)) all

(* What is known of one file is forgotten before the next. *)
let forget_file () =
  Hashtbl.reset findings;
  Hashtbl.reset release_helpers;
  Hashtbl.reset unmap_helpers;
  Hashtbl.reset deferrers;
  Hashtbl.reset field_unmaps;
  Hashtbl.reset calls;
  Hashtbl.reset fillers;
  Hashtbl.reset bypassed

// --------------------------------------------------------------------------
// Functions of the file that release, unmap or queue what they are handed

@relhelper@
identifier f, p;
type T;
expression E;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
@@

f(..., T p, ...) {
<+...
(
 relp(p[E], ...)
|
 rela(p, ...)
)
...+>
}

@script:ocaml@
f << relhelper.f;
@@
Hashtbl.replace release_helpers f ()

@unmaphelper@
identifier f, p, fld;
type T;
identifier unm : script:ocaml () { List.mem unm unmaps };
@@

f(..., T p, ...) {
<+...
(
 unm(p, ...)
|
 unm(p->fld, ...)
)
...+>
}

@script:ocaml@
f << unmaphelper.f;
@@
Hashtbl.replace unmap_helpers f ()

// Stores the address into an object of its own (a list entry) or a global:
// the mapping stays until something unmaps it from there.
@deferrer@
identifier f, p, fld;
type T;
local idexpression L;
global idexpression G;
expression I;
@@

f(..., T p, ...) {
<+...
(
 L->fld = p
|
 G = p
|
 G[I] = p
)
...+>
}

@script:ocaml@
f << deferrer.f;
@@
Hashtbl.replace deferrers f ()

// --------------------------------------------------------------------------
// Check A within a function: a release where the mapping may still be live

@map@
expression E, P;
identifier I, mapfn : script:ocaml () { List.mem mapfn maps };
type T;
position pm;
@@

(
 E = mapfn@pm(P, ...);
|
 T I = mapfn@pm(P, ...);
)

@script:ocaml holder@
pm << map.pm;
e << map.E = "";
i << map.I = "";
v;
vo;
@@
let held = if e <> "" then e else i in
ignore pm;
v := make_expr held;
vo := make_expr (object_of held)

@owned@
position map.pm;
expression P, N, PROT;
expression flags : script:ocaml () { contains flags "VM_MAP_PUT_PAGES" };
@@

vmap@pm(P, N, flags, PROT)

@r exists@
expression holder.v, holder.vo, map.P;
position map.pm;
identifier map.mapfn;
expression E, E1, E2, E3;
identifier I;
type T;
position pr;
statement S1, S2;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
identifier unm : script:ocaml () { is_unmap unm };
@@

(
 v = mapfn@pm(P, ...);
|
 T I = mapfn@pm(P, ...);
)
... when != unm(..., <+... v ...+>, ...)
    when != unm(..., vo, ...)
    when != if (E3) unm(..., <+... v ...+>, ...);
    when != v = E1
    when != P = E1
    when != E2 = v
    when != if (unlikely(v == NULL)) S1 else S2
    when != if (unlikely(v == NULL)) S1
    when != if (likely(v != NULL)) S1 else S2
    when != if (likely(v != NULL)) S1
(
 if (unlikely(v == NULL)) S1
 ... when != unm(..., <+... v ...+>, ...)
    when != unm(..., vo, ...)
    when != if (E3) unm(..., <+... v ...+>, ...);
     when != v = E1
     when != P = E1
     when != E2 = v
(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
|
 relh@pr(..., P, ...);
)
|
 if (unlikely(v == NULL)) S1 else {
 ... when != unm(..., <+... v ...+>, ...)
    when != unm(..., vo, ...)
    when != if (E3) unm(..., <+... v ...+>, ...);
     when != v = E1
     when != P = E1
     when != E2 = v
(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
|
 relh@pr(..., P, ...);
)
 ...
 }
|
 if (likely(v != NULL)) {
 ... when != unm(..., <+... v ...+>, ...)
    when != unm(..., vo, ...)
    when != if (E3) unm(..., <+... v ...+>, ...);
     when != v = E1
     when != P = E1
     when != E2 = v
(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
|
 relh@pr(..., P, ...);
)
 ...
 } else S2
|
 if (likely(v != NULL)) {
 ... when != unm(..., <+... v ...+>, ...)
    when != unm(..., vo, ...)
    when != if (E3) unm(..., <+... v ...+>, ...);
     when != v = E1
     when != P = E1
     when != E2 = v
(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
|
 relh@pr(..., P, ...);
)
 ...
 }
|
(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
|
 relh@pr(..., P, ...);
)
)

@script:ocaml@
pm << map.pm;
pr << r.pr;
v << holder.v;
relp << r.relp = "";
rela << r.rela = "";
relh << r.relh = "";
own << owned.flags = "";
@@
let f = finding pr (first_named [relp; rela; relh]) v in
f.map_at <- Some (List.hd pm);
f.owned <- own <> ""

// The address was handed to a function of the file that queues it.
@q exists@
expression holder.v, map.P;
position map.pm, r.pr;
identifier map.mapfn;
identifier I, rel;
type T;
position pq;
identifier dfn : script:ocaml () { Hashtbl.mem deferrers dfn };
@@

(
 v = mapfn@pm(P, ...);
|
 T I = mapfn@pm(P, ...);
)
...
dfn@pq(..., v, ...);
...
rel@pr(...);

@script:ocaml@
pr << r.pr;
pq << q.pq;
dfn << q.dfn;
@@
update pr (fun f -> f.queued <- Some (dfn, List.hd pq))

// A release followed by an unmap: the unmap comes too late, whether the
// mapping was made here or handed in (a teardown function).
@ru exists@
expression V, P, E, E1;
position pr, pu;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
identifier unm : script:ocaml () { is_late_unmap unm };
@@

(
 relp@pr(P[E], ...);
|
 rela@pr(P, ...);
|
 relh@pr(..., P, ...);
)
... when != V = E1
unm@pu(V, ...);

@script:ocaml@
pr << ru.pr;
pu << ru.pu;
v << ru.V;
p << ru.P;
relp << ru.relp = "";
rela << ru.rela = "";
relh << ru.relh = "";
@@
(* Only an unmap further down, not one of the next loop iteration, and
   not the vfree() of the page array itself. *)
if (List.hd pu).Coccilib.line > (List.hd pr).Coccilib.line && tidy v <> tidy p then begin
  let f = finding pr (first_named [relp; rela; relh]) v in
  if f.unmap_at = None then f.unmap_at <- Some (List.hd pu)
end

// --------------------------------------------------------------------------
// Check A across the functions of the file: obj->vaddr = vmap(obj->pages, ...)
// in one function, obj->pages released in another with no unmap first.

@fmap@
expression X;
identifier fv, fp;
identifier mapfn : script:ocaml () { List.mem mapfn maps };
position pm;
@@

X->fv = mapfn@pm(X->fp, ...)

// Unmaps of the field anywhere in the file, with offsets
// (vm_unmap_ram(bp->b_addr - bp->b_offset, n)) or by an unmap helper.
@funmap@
identifier fmap.fv;
expression X;
position pu;
identifier unm : script:ocaml () { is_unmap unm };
@@

(
 unm@pu(..., <+... X->fv ...+>, ...)
|
 unm@pu(..., X, ...)
)

@script:ocaml@
fv << fmap.fv;
pu << funmap.pu;
@@
Hashtbl.add field_unmaps fv (List.hd pu)

// Functions that fill the page field: their releases are of their own
// fresh pages (an allocation error path), not of a mapping's.
@ffill@
identifier fmap.fp;
expression X, E, E1;
identifier fill : script:ocaml () { List.mem fill fills };
position pf;
@@

(
 X->fp[E]@pf = E1
|
 X->fp@pf = E1
|
 fill@pf(..., X->fp, ...)
)

@script:ocaml@
pf << ffill.pf;
@@
Hashtbl.replace fillers (List.hd pf).Coccilib.current_element ()

@frel exists@
identifier fmap.fv, fmap.fp;
expression X, E;
position pr;
identifier fn;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
@@

fn(...) {
... when != if (likely(X->fv != NULL)) return ...;
    when != if (likely(X->fv != NULL)) { ... return ...; }
(
 relp@pr(X->fp[E], ...);
|
 rela@pr(X->fp, ...);
|
 relh@pr(..., X->fp, ...);
)
... when any
}

@fcall@
identifier frel.fn;
position pc;
@@

fn@pc(...)

@script:ocaml@
fn << frel.fn;
pc << fcall.pc;
@@
Hashtbl.add calls fn (List.hd pc)

@script:ocaml@
pm << fmap.pm;
pr << frel.pr;
x << frel.X;
fv << fmap.fv;
fn << frel.fn;
relp << frel.relp = "";
rela << frel.rela = "";
relh << frel.relh = "";
@@
(* Quiet when the mapping does not outlive its function, when this function
   unmaps the field first (maybe behind a state test), or when it is a
   helper that every caller calls after unmapping. *)
let m = List.hd pm and r = List.hd pr in
let unmapped_before p =
  List.exists (fun u -> u.Coccilib.current_element = p.Coccilib.current_element &&
                        u.Coccilib.line < p.Coccilib.line)
    (Hashtbl.find_all field_unmaps fv) in
let temporary =
  List.exists (fun u -> u.Coccilib.current_element = m.Coccilib.current_element &&
                        u.Coccilib.line > m.Coccilib.line)
    (Hashtbl.find_all field_unmaps fv) in
let callers = Hashtbl.find_all calls fn in
if m.Coccilib.current_element <> r.Coccilib.current_element && not temporary &&
   not (Hashtbl.mem fillers r.Coccilib.current_element) &&
   not (unmapped_before r) &&
   (callers = [] || not (List.for_all unmapped_before callers)) then begin
  let f = finding pr (first_named [relp; rela; relh]) (x ^ "->" ^ fv) in
  if f.map_at = None then begin
    f.map_at <- Some m;
    f.field_of <- Some m.Coccilib.current_element
  end
end

// The field's address was handed to a function of the file that queues it.
@fq exists@
identifier fmap.fv;
expression frel.X;
position frel.pr;
identifier rel;
position pq;
identifier dfn : script:ocaml () { Hashtbl.mem deferrers dfn };
@@

dfn@pq(..., <+... X->fv ...+>, ...);
...
rel@pr(...);

@script:ocaml@
pr << frel.pr;
pq << fq.pq;
dfn << fq.dfn;
@@
update pr (fun f -> f.queued <- Some (dfn, List.hd pq))

// --------------------------------------------------------------------------
// Context mode: the releases found above.

@depends on context@
identifier f;
position p : script:ocaml () { is_finding p };
@@

* f@p(...);

// --------------------------------------------------------------------------
// --------------------------------------------------------------------------
// Patch mode: where the fix is a reorder inside one function, the unmap
// moves before the release.

// Unmaps that some path reaches without a release before them: moving
// such an unmap before a release would drop it from that path.
@bypass depends on patch exists@
identifier fn;
expression V, E1, E2, E3, E4;
expression list el;
position pu;
identifier unm : script:ocaml () { List.mem unm plain_unmaps };
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
@@

fn(...) {
... when != relp(...)
    when != rela(...)
    when != relh(...)
    when != for (E1; E2; E3) relp(E4, ...);
unm@pu(V, el);
... when any
}

@script:ocaml@
pu << bypass.pu;
@@
Hashtbl.replace bypassed (List.hd pu).Coccilib.line ()

// Either the release loop ends the block that sets the flag guarding the
// unmap (bool do_vunmap = false; ... if (...) { ... do_vunmap = true; ...
// for (...) put_page(...); } if (do_vunmap) vunmap(ptr): io_uring/memmap.c),
// so the guarded unmap can go right before the loop; or every path to the
// unmap comes through the release, with no use of the mapping between.
@reorder depends on patch@
expression V, P, E, E0, E1, E2, E3;
expression list el;
identifier C;
symbol false;
position pu : script:ocaml () { not (Hashtbl.mem bypassed (List.hd pu).Coccilib.line) };
identifier unm : script:ocaml () { List.mem unm plain_unmaps };
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
@@

(
 bool C = false;
 ... when != C
 if (E0) {
 ...
+ if (C)
+	unm(V, el);
 for (E1; E2; E3)
	relp(P[E], ...);
 }
 ... when != V
     when != C
- if (C)
-	unm(V, el);
|
(
+ unm(V, el);
 for (E1; E2; E3)
	relp(P[E], ...);
|
+ unm(V, el);
 rela(P, ...);
|
+ unm(V, el);
 relh(..., P, ...);
)
 ... when != V
- unm@pu(V, el);
)

@script:ocaml depends on report@
@@
print_findings false

@script:ocaml depends on org@
@@
print_findings true

@script:ocaml@
@@
forget_file ()
