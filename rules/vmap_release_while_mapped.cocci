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
//# pointer are seen only when it is loaded from the page array.
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
(* @vmapcheck-api@: make puts the API model (rules/api.ml) here. *)

(* Functions of the file, found by the rules below, that release the pages
   of a parameter, unmap a parameter, or queue it for a deferred unmap (on
   the list named by a field or a global). *)
let release_helpers = Hashtbl.create 17
let field_release_helpers = Hashtbl.create 17   (* function -> page fields *)
let unmap_helpers = Hashtbl.create 17
let unmapped_fields = Hashtbl.create 17     (* unmap helper -> fields *)
let deferrers = Hashtbl.create 17
let params = Hashtbl.create 17      (* function -> its parameters, as text *)

(* The fields holding a mapping, with the page fields they map (page
   field -> (mapping field, map position)), their unmaps (field name ->
   positions), and the calls of functions of the file (name -> positions). *)
let field_maps = Hashtbl.create 17
let field_unmaps = Hashtbl.create 17
let mapped_fields = Hashtbl.create 17
let calls = Hashtbl.create 17
let op_fields = Hashtbl.create 7     (* ops table field -> functions *)
let fillers = Hashtbl.create 17
(* Patch mode: lines of unmaps that a path reaches with no release first. *)
let bypassed = Hashtbl.create 17

(* A function that queues what it is handed unmaps it only when it cannot
   queue it: not an unmap. *)
let is_unmap f =
  is_unmap_api f || (Hashtbl.mem unmap_helpers f && not (Hashtbl.mem deferrers f))

(* After a release, an unmap that drops page references is no fix. *)
let is_late_unmap f = not (is_dropping_unmap f) && is_unmap f

let contains s sub =
  let n = String.length sub in
  let rec at i = i + n <= String.length s && (String.sub s i n = sub || at (i + 1)) in
  at 0

let is_id_char c =
  c = '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')

let contains_word s w =
  let n = String.length w and m = String.length s in
  let rec at i =
    i + n <= m &&
    ((String.sub s i n = w && (i = 0 || not (is_id_char s.[i - 1])) &&
      (i + n = m || not (is_id_char s.[i + n]))) || at (i + 1)) in
  at 0

(* The names in a parameter list as Coccinelle prints it: the last
   identifier of each parameter ("struct page **pages, int n": pages, n). *)
let param_names ps =
  List.filter_map (fun param ->
      let words = String.split_on_char ' ' (String.map (fun c -> if is_id_char c then c else ' ') param) in
      match List.rev (List.filter (fun w -> w <> "") words) with
      | last :: _ -> Some last
      | [] -> None) (String.split_on_char ',' ps)

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

(* Patch mode, the refcounted fix.  A mapping is a local of a function
   (function, name) or a field of any object of the file ("", field).  The
   tables: calls of the queueing functions and those handed a mapping
   with a refcounted form, the queueing functions each mapping is handed
   to, the unmaps that purge each list, the map calls (line, col) of each
   mapping, and the field mappings made by such calls. *)
let queue_calls = Hashtbl.create 7
let mapped_queue_calls = Hashtbl.create 7
let queued_maps = Hashtbl.create 7
let list_purges = Hashtbl.create 7
let refcount_map_sites = Hashtbl.create 7
let field_map_sites = Hashtbl.create 7
let refcount_unmap_sites = Hashtbl.create 7

let at p = let p = List.hd p in (p.Coccilib.line, p.Coccilib.col)

(* The map calls of the file: function -> (line, what holds the mapping). *)
let map_lines = Hashtbl.create 17

(* Does the function of release PR map V (or a field of V, for an unmap
   helper handed the object) below PR and above the unmap PU?  Then the
   unmap undoes that mapping: at the release, above it, nothing of this
   function maps the pages yet (a constructor's allocation loop). *)
let mapped_between pr pu v =
  let pr = List.hd pr and pu = List.hd pu in
  List.exists (fun (line, held) ->
      line > pr.Coccilib.line && line < pu.Coccilib.line &&
      (tidy held = tidy v || object_of held = tidy v))
    (Hashtbl.find_all map_lines pr.Coccilib.current_element)

(* The fix is mechanical for a queueing function when every call hands it a
   mapping with a refcounted form and every unmap purging its list has one. *)
let mechanical dfn =
  match Hashtbl.find_opt deferrers dfn with
  | None -> false
  | Some list ->
    let purges = Hashtbl.find_all list_purges list in
    purges <> [] && List.for_all has_counted_form purges &&
    List.for_all (fun p -> Hashtbl.mem mapped_queue_calls (p.Coccilib.line, p.Coccilib.col))
      (Hashtbl.find_all queue_calls dfn)

let refcountable mapping =
  let queued = Hashtbl.find_all queued_maps mapping in
  queued <> [] && List.for_all mechanical queued

(* Is vm, unmapped in function fn, a mapping the patch makes refcounted? *)
let is_refcounted_mapping fn vm =
  refcountable (fn, vm) ||
  Hashtbl.fold (fun (scope, f) _ found ->
      found || (scope = "" && contains vm ("->" ^ f) && contains_word vm f && refcountable ("", f)))
    queued_maps false

let purges_refcounted_list e =
  Hashtbl.fold (fun d list found ->
      found || (mechanical d && (contains e ("->" ^ list) || contains e ("." ^ list) ||
                                 e = list || contains e (list ^ "["))))
    deferrers false

(* One finding per release site, completed by the rules that know more. *)
type finding = {
  release : Coccilib.pos;
  released_by : string;
  mapping : string;
  mutable map_at : Coccilib.pos option;
  mutable owner : string;        (* the flag handing the pages over, or "" *)
  mutable queued : (string * Coccilib.pos) option;
  mutable unmap_at : Coccilib.pos option;
  mutable field_of : string option;
  mutable skips : Coccilib.pos option;   (* the unmap a goto jumps over *)
}

let findings = Hashtbl.create 17

(* The field an expression names ("vaddr" of "obj->vaddr"), if it does. *)
let field_of s =
  let s = tidy s in
  match String.rindex_opt s '>' with
  | Some i when i > 0 && s.[i - 1] = '-' -> Some (String.sub s (i + 1) (String.length s - i - 1))
  | _ -> None

(* What the file maps (as text, "obj->vaddr" or a variable), and whether
   an expression is one of those or a field of the same name. *)
let mapped_exprs = Hashtbl.create 17
let is_mapped_expr v =
  let v = tidy v in
  Hashtbl.mem mapped_exprs v ||
  (match field_of v with
   | Some f -> Hashtbl.fold (fun m () found -> found || field_of m = Some f) mapped_exprs false
   | None -> false)

(* The page arrays the file's map calls map, by the field (or variable)
   holding the mapping: "vaddr" -> "dma->vaddr_pages"; a local array
   filled only from fields stands for those fields. *)
let mapped_arrays = Hashtbl.create 17
let holder_key v = match field_of v with Some f -> f | None -> tidy v

(* Local page arrays, by (function, name): the lines where an element is
   loaded from a field, with the field (headers[0] =
   *q->kernel_if->header_page), and where one is given anything else or
   the array is handed to a call (filled who knows how). *)
let local_array_fields = Hashtbl.create 17
let local_array_unknown = Hashtbl.create 17

(* The array an element or a page is loaded from: "q->hdr" of "*q->hdr"
   or of "q->hdr[i]". *)
let array_base e =
  let e = tidy (String.trim e) in
  let e = if String.length e > 0 && e.[0] = '*' then String.sub e 1 (String.length e - 1) else e in
  match String.index_opt e '[' with
  | Some i when e.[String.length e - 1] = ']' -> String.trim (String.sub e 0 i)
  | _ -> e

(* What the map call at PM maps when it is handed P: the fields a local
   array was filled from above it, if nothing else went in. *)
let arrays_mapped pm p =
  let fn = pm.Coccilib.current_element and line = pm.Coccilib.line in
  let above entries = List.filter_map (fun (l, x) -> if l < line then Some x else None) entries in
  match above (Hashtbl.find_all local_array_fields (fn, p)) with
  | _ :: _ as fields when above (Hashtbl.find_all local_array_unknown (fn, p)) = [] ->
    List.sort_uniq compare fields
  | _ -> [p]

(* Does every map call of the file that makes V map a field array other
   than the field array P (dma->vaddr maps dma->vaddr_pages, the release
   is of dma->pages)?  A variable array on either side may hold anything:
   no. *)
let maps_other_array v p =
  let arrays = Hashtbl.find_all mapped_arrays (holder_key v) in
  match field_of p with
  | Some fp -> arrays <> [] && List.for_all (fun a -> match field_of a with
                                                      | Some fa -> fa <> fp
                                                      | None -> false) arrays
  | None -> false

(* Map calls (line, col) handing the pages over, with the flag's name. *)
let owned_maps = Hashtbl.create 7

let finding pr rel mapping =
  let p = List.hd pr in
  let key = (p.Coccilib.line, p.Coccilib.col) in
  match Hashtbl.find_opt findings key with
  | Some f -> f
  | None ->
    let f = { release = p; released_by = rel; mapping = tidy mapping; map_at = None;
              owner = ""; queued = None; unmap_at = None; field_of = None;
              skips = None } in
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

(* Patch mode, unmap first: a release of pages that a local mapping
   still maps, with no unmap after it (an error path that forgets the
   mapping).  Chosen only where a function has one such mapping, so that
   the unmap added names the right one: release and map sites by
   (line, col). *)
let unmap_first_releases = Hashtbl.create 7
let unmap_first_maps = Hashtbl.create 7

(* Patch mode, gotos that skip an unmap: those that must keep their label
   (reached without the mapping, after it was handed on, or where the map
   call failed), by (line, col). *)
let kept_gotos = Hashtbl.create 7

(* Patch mode, an unmap of its own: the releases that unmap first cannot
   fix because a path reaches them before the map call (a label shared
   with earlier failures), by (line, col).  They get a label of their own
   with the unmap in front of the release, when nothing falls through into
   it without the mapping; the gotos past the map then take it (the rules
   of gotos that skip an unmap). *)
let label_releases = Hashtbl.create 7

(* Patch mode, unmap first for a field mapping whose kind a flag of its
   object tells (io_uring's buffer rings: IOBL_MMAP set for io_pages_map()
   memory, clear for a vmap() of pinned pages).  The rule kind_clear binds
   the field, its object's flags field, the flag and the map call; it
   holds when every store of a mapping made by that call clears the flag
   (kind_stores, by position), every other store of anything but NULL
   sets it, and nothing in the file unmaps the field (else kind_broken,
   by field).  The releases under "if (!(E->flags & FLAG))" that are
   findings of that mapping (kind_releases) then get the unmap in front
   of them. *)
let kind_stores = Hashtbl.create 7
let kind_broken = Hashtbl.create 7
let kind_releases = Hashtbl.create 7

let kind_release pr obj fld =
  let p = List.hd pr in
  match Hashtbl.find_opt findings (p.Coccilib.line, p.Coccilib.col) with
  | Some f when not (Hashtbl.mem kind_broken fld) && f.mapping = tidy (obj ^ "->" ^ fld) &&
                f.unmap_at = None && f.queued = None && f.owner = "" ->
    Hashtbl.replace kind_releases (p.Coccilib.line, p.Coccilib.col) ()
  | _ -> ()

let choose_unmap_first () =
  let by_function = Hashtbl.create 7 in
  Hashtbl.iter (fun _ f ->
      match f.map_at with
      | Some m when f.unmap_at = None && f.queued = None && f.owner = "" &&
                    f.field_of = None && f.mapping <> "" &&
                    String.for_all is_id_char f.mapping ->
        Hashtbl.add by_function f.release.Coccilib.current_element (f, m)
      | _ -> ()) findings;
  Hashtbl.iter (fun fn _ ->
      let here = Hashtbl.find_all by_function fn in
      let mapping = (fst (List.hd here)).mapping in
      if List.for_all (fun (f, _) -> f.mapping = mapping) here then
        List.iter (fun (f, m) ->
            Hashtbl.replace unmap_first_releases (f.release.Coccilib.line, f.release.Coccilib.col) ();
            Hashtbl.replace unmap_first_maps (m.Coccilib.line, m.Coccilib.col) ()) here)
    by_function

let first_named names = List.find (fun s -> s <> "") names

let message f =
  let line p = p.Coccilib.line in
  let how = match f.map_at, f.field_of with
    | Some m, Some fn -> Printf.sprintf " (mapped on line %d, in %s)" (line m) fn
    | Some m, None -> Printf.sprintf " (mapped on line %d)" (line m)
    | None, _ -> "" in
  match f.skips with
  | Some u ->
    Printf.sprintf "goto skips the unmap of %s on line %d%s: the mapping outlives the function while its pages go on to be released; unmap on this path too"
      f.mapping (line u) how
  | _ when f.owner <> "" ->
    Printf.sprintf "%s releases pages handed to the mapping %s%s with %s: %s() releases them"
      f.released_by f.mapping how f.owner first_free_area
  | _ ->
    let why = match f.queued, f.unmap_at with
      | Some (q, p), _ ->
        Printf.sprintf ", which %s on line %d only queues for a deferred unmap" q (line p)
      | None, Some u -> Printf.sprintf ", which is unmapped only later, on line %d" (line u)
      | None, None -> "" in
    Printf.sprintf "%s releases pages still mapped by %s%s%s; unmap first, or use %s()"
      f.released_by f.mapping how why counted_map

let by_position a b = compare (a.release.Coccilib.line, a.release.Coccilib.col)
    (b.release.Coccilib.line, b.release.Coccilib.col)

(* A release at PR of the pages of array P, followed by the unmap of V at
   PU: a finding for an unmap further down, not one of the next loop
   iteration, not the vfree() of the page array itself, a free (vfree(),
   kvfree()) only of what the file maps, not the unmap of a mapping the
   function makes between the two, nor of one the file makes of other
   pages. *)
let release_then_unmap pr pu v p rel unm =
  if (List.hd pu).Coccilib.line > (List.hd pr).Coccilib.line && tidy v <> tidy p &&
     (api_kind unm <> "free-area" || is_mapped_expr v) && not (mapped_between pr pu v) &&
     not (maps_other_array v p) then begin
    let f = finding pr rel v in
    if f.unmap_at = None then f.unmap_at <- Some (List.hd pu)
  end

(* Gotos that leave a function past the unmap of a local mapping (map
   call, goto, return reached), and the returns reached through the unmap
   (map call, return) -> unmap: a goto is a finding when the return it
   reaches is one of those, unless a release of the mapping's pages is
   reported already (the goto leads to it).  The calls handed a local
   mapping that only borrow it (the rule lent), by (line, col). *)
let skipping_gotos = Hashtbl.create 7
let lending_calls = Hashtbl.create 7
let unmapped_exits = Hashtbl.create 7

(* The skipping gotos that are findings: (map call, goto, unmap, mapping). *)
let skip_findings () =
  let released = Hashtbl.fold (fun _ f l -> match f.map_at with
      | Some m -> (m.Coccilib.line, m.Coccilib.col) :: l
      | None -> l) findings [] in
  Hashtbl.fold (fun (pm, pg, pe, v) () l ->
      match Hashtbl.find_opt unmapped_exits (at pm, at pe) with
      | Some pu when not (List.mem (at pm) released) -> (pm, pg, pu, v) :: l
      | _ -> l)
    skipping_gotos []

let is_skip_finding p = List.exists (fun (_, pg, _, _) -> at pg = at p) (skip_findings ())

let add_skipping_gotos () =
  List.iter (fun (pm, pg, pu, v) ->
      let f = finding pg "goto" v in
      f.map_at <- Some (List.hd pm);
      f.skips <- Some pu)
    (skip_findings ())

(* Prints the file's findings in line order. *)
let print_findings org =
  add_skipping_gotos ();
  let all = List.sort by_position (Hashtbl.fold (fun _ f l -> f :: l) findings []) in
  List.iter (fun f ->
      check_report org f.release (message f);
      if org && not !check_disabled then begin
        (match f.map_at with Some m -> Coccilib.print_secs "mapped" [m] | None -> ());
        (match f.queued with Some (_, q) -> Coccilib.print_secs "queued" [q] | None -> ());
        (match f.unmap_at with Some u -> Coccilib.print_secs "unmapped" [u] | None -> ())
      end) all

(* A release in FN of the pages of the field mapping X->FV (PATH: FV or,
   in an embedded struct, S.FV) made at M: quiet when the mapping does
   not outlive its function, when this function unmaps the field first
   (maybe behind a state test) or a filler gave it fresh pages above the
   release, or when it is a helper that every caller (by name or through
   an ops table) calls so, up to two callers up; and for a helper that
   releases the field, when it also unmaps (it keeps its own order).
   Pages handed over with the owner flag are never the code's to release,
   unmapped or not: reported where released, not again at calls. *)
let field_release m r x fv path fn rel helpers =
  let unmapped_before p =
    List.exists (fun u -> u.Coccilib.current_element = p.Coccilib.current_element &&
                          u.Coccilib.line < p.Coccilib.line)
      (Hashtbl.find_all field_unmaps fv) in
  let temporary =
    List.exists (fun u -> u.Coccilib.current_element = m.Coccilib.current_element &&
                          u.Coccilib.line > m.Coccilib.line)
      (Hashtbl.find_all field_unmaps fv) in
  (* A filler called above P in its function, neither being the function
     making the mapping: fresh pages, not mapped yet (the function that
     maps may release after its map call). *)
  let filled_before p =
    p.Coccilib.current_element <> m.Coccilib.current_element &&
    Hashtbl.fold (fun h c found ->
        found || (Hashtbl.mem fillers h && h <> m.Coccilib.current_element &&
                  c.Coccilib.current_element = p.Coccilib.current_element &&
                  c.Coccilib.line < p.Coccilib.line))
      calls false in
  (* Unmapped or filled above P, or above every call of its function, up
     to DEPTH callers up. *)
  let rec ready p depth =
    unmapped_before p || filled_before p ||
    (depth > 0 &&
     match Hashtbl.find_all calls p.Coccilib.current_element with
     | [] -> false
     | cs -> List.for_all (fun c -> ready c (depth - 1)) cs) in
  let callers = Hashtbl.find_all calls fn in
  let owner = match Hashtbl.find_opt owned_maps (m.Coccilib.line, m.Coccilib.col) with
    | Some o -> o
    | None -> "" in
  if m.Coccilib.current_element <> r.Coccilib.current_element && not temporary &&
     not (Hashtbl.mem fillers r.Coccilib.current_element) &&
     (if owner <> "" then List.for_all (fun h -> h = "") helpers
      else not (ready r 0) &&
           not (List.exists (fun h -> h <> "" && Hashtbl.mem unmap_helpers h) helpers) &&
           (callers = [] || not (List.for_all (fun c -> ready c 2) callers))) then begin
    let f = finding [r] rel (x ^ "->" ^ path) in
    if f.map_at = None then begin
      f.map_at <- Some m;
      f.field_of <- Some m.Coccilib.current_element
    end;
    if owner <> "" then f.owner <- owner
  end

let add_field_map fp fv path pm =
  if not (List.mem (fv, path, pm) (Hashtbl.find_all field_maps fp)) then
    Hashtbl.add field_maps fp (fv, path, pm);
  Hashtbl.replace mapped_fields fv ()

(* X->FV maps the local array L at PM: a field mapping of each page field
   of X that L was filled from. *)
let add_local_array_map x fv l pm =
  List.iter (fun a -> match field_of a with
      | Some fp when object_of a = tidy x -> add_field_map fp fv fv pm
      | _ -> ())
    (arrays_mapped pm l)

(* What is known of one file is forgotten before the next. *)
let forget_file () =
  Hashtbl.reset findings;
  Hashtbl.reset mapped_exprs;
  Hashtbl.reset map_lines;
  Hashtbl.reset mapped_arrays;
  Hashtbl.reset local_array_fields;
  Hashtbl.reset local_array_unknown;
  Hashtbl.reset owned_maps;
  Hashtbl.reset release_helpers;
  Hashtbl.reset field_release_helpers;
  Hashtbl.reset unmap_helpers;
  Hashtbl.reset unmapped_fields;
  Hashtbl.reset deferrers;
  Hashtbl.reset params;
  Hashtbl.reset field_maps;
  Hashtbl.reset field_unmaps;
  Hashtbl.reset mapped_fields;
  Hashtbl.reset calls;
  Hashtbl.reset op_fields;
  Hashtbl.reset fillers;
  Hashtbl.reset bypassed;
  Hashtbl.reset queue_calls;
  Hashtbl.reset mapped_queue_calls;
  Hashtbl.reset queued_maps;
  Hashtbl.reset list_purges;
  Hashtbl.reset refcount_map_sites;
  Hashtbl.reset field_map_sites;
  Hashtbl.reset refcount_unmap_sites;
  Hashtbl.reset unmap_first_releases;
  Hashtbl.reset unmap_first_maps;
  Hashtbl.reset kept_gotos;
  Hashtbl.reset label_releases;
  Hashtbl.reset kind_stores;
  Hashtbl.reset kind_broken;
  Hashtbl.reset kind_releases;
  Hashtbl.reset skipping_gotos;
  Hashtbl.reset lending_calls;
  Hashtbl.reset unmapped_exits

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
// Functions of the file that release, unmap or queue what they are handed

@fparams@
identifier f;
parameter list ps;
@@

f(ps) {
... when any
}

@script:ocaml@
f << fparams.f;
ps << fparams.ps;
@@
Hashtbl.replace params f ps

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

// Functions of the file that release the pages of a field of an object
// they are handed (put_pages(obj) releasing obj->pages).
@relfield@
identifier f, p, fld;
type T;
expression E;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
@@

f(..., T p, ...) {
<+...
(
 relp(p->fld[E], ...)
|
 rela(p->fld, ...)
)
...+>
}

@script:ocaml@
f << relfield.f;
fld << relfield.fld;
@@
if not (List.mem fld (Hashtbl.find_all field_release_helpers f)) then
  Hashtbl.add field_release_helpers f fld

// Mappings kept in struct fields (obj->vaddr = vmap(obj->pages, ...)),
// found before the helpers: a helper that kvfree()s a field unmaps only if
// the field holds a mapping.  They are kept in field_maps (page field ->
// mapping field and map position) for check A across functions, below.

// What the local page arrays of each function are filled with.
@larray_fill@
identifier L;
expression E, E2;
position pf;
@@

L[E]@pf = E2

@script:ocaml@
l << larray_fill.L;
e2 << larray_fill.E2;
pf << larray_fill.pf;
@@
let pf = List.hd pf in
let key = (pf.Coccilib.current_element, l) and base = array_base e2 in
if field_of base <> None then Hashtbl.add local_array_fields key (pf.Coccilib.line, base)
else Hashtbl.add local_array_unknown key (pf.Coccilib.line, ())

@larray_passed@
identifier L;
identifier f : script:ocaml () { not (is_map f || is_counted_map f) };
position pf;
@@

f@pf(..., L, ...)

@script:ocaml@
l << larray_passed.L;
pf << larray_passed.pf;
@@
let pf = List.hd pf in
Hashtbl.add local_array_unknown (pf.Coccilib.current_element, l) (pf.Coccilib.line, ())

@larray_init@
identifier L;
type T;
initializer I;
position pf;
@@

T L@pf = I;

@script:ocaml@
l << larray_init.L;
i << larray_init.I;
pf << larray_init.pf;
@@
(* A pointer set to NULL, to be allocated, holds no page yet. *)
let pf = List.hd pf in
if i <> "NULL" then
  Hashtbl.add local_array_unknown (pf.Coccilib.current_element, l) (pf.Coccilib.line, ())

@fmap@
expression X;
identifier fv, fp, fs;
identifier mapfn : script:ocaml () { is_map mapfn };
position pm;
@@

(
 X->fv = mapfn@pm(X->fp, ...)
|
 X->fs.fv = mapfn@pm(X->fp, ...)
)

// Mapped into a local first, and the local stored; also a local page
// array, or one page mapped by its address (v = vmap(&page, 1, ...)),
// kept in a page field beside the mapping.
@fmapl exists@
expression X, E;
identifier fv, fp;
local idexpression V, P;
identifier mapfn : script:ocaml () { is_map mapfn };
position pm;
@@

(
 V = mapfn@pm(X->fp, ...);
 ... when != V = E
 X->fv = V;
|
(
 V = mapfn@pm(P, ...);
|
 V = mapfn@pm(&P, 1, ...);
)
 ... when != V = E
     when != P = E
(
 X->fv = V;
 ... when != P = E
 X->fp = P;
|
 X->fp = P;
 ... when != V = E
 X->fv = V;
)
|
 X->fv = mapfn@pm(P, ...);
 ... when != P = E
 X->fp = P;
|
 X->fp = P;
 ... when != P = E
     when != X->fp = E
 X->fv = mapfn@pm(P, ...);
)

// Functions of the file returning a mapping of a page field of a
// parameter (mem = vmap(buf->page_array, ...); return mem;), and the
// callers keeping it in a field of that object: buf->start = f(buf, ...).
@maphelper exists@
identifier f, p, fp;
type T;
local idexpression V;
expression E;
identifier mapfn : script:ocaml () { is_map mapfn };
@@

f(..., T p, ...) {
... when any
V = mapfn(p->fp, ...);
... when != V = E
return V;
}

@fmaph@
expression X;
identifier maphelper.f, fv;
position pm;
@@

X->fv = f@pm(..., X, ...)

@script:ocaml@
fv << fmap.fv;
fs << fmap.fs = "";
fp << fmap.fp;
pm << fmap.pm;
@@
add_field_map fp fv (if fs = "" then fv else fs ^ "." ^ fv) (List.hd pm)

@script:ocaml@
fv << fmaph.fv;
fp << maphelper.fp;
pm << fmaph.pm;
@@
add_field_map fp fv fv (List.hd pm)

@script:ocaml@
fv << fmapl.fv;
fp << fmapl.fp;
pm << fmapl.pm;
@@
add_field_map fp fv fv (List.hd pm)

// Or a local page array filled from a page field of the object
// (pages[i] = r->pages[i]; r->buffer = vmap(pages, ...)), the mapping
// stored at once or from where it was made (vboxguest: maps[i] =
// vmap(pages, ...); ... gdev->guest_mappings = maps[i]).
@fmapa@
expression X;
identifier fv, L;
identifier mapfn : script:ocaml () { is_map mapfn };
position pm;
@@

X->fv = mapfn@pm(L, ...)

@script:ocaml@
x << fmapa.X;
fv << fmapa.fv;
l << fmapa.L;
pm << fmapa.pm;
@@
add_local_array_map x fv l (List.hd pm)

@fmapav exists@
expression X, V, E;
identifier fv, L;
identifier mapfn : script:ocaml () { is_map mapfn };
position pm;
@@

V = mapfn@pm(L, ...);
... when != V = E
X->fv = V;

@script:ocaml@
x << fmapav.X;
fv << fmapav.fv;
l << fmapav.L;
pm << fmapav.pm;
@@
add_local_array_map x fv l (List.hd pm)

// The same with the pages in a struct embedded in the object:
// obj->vaddr = vmap(obj->buf.pages, ...), obj->buf.pages released, or
// &obj->buf handed to a helper that releases its pages.
@fmapn@
expression X;
identifier fv, fs, fp, L;
type T;
identifier mapfn : script:ocaml () { is_map mapfn };
position pm;
@@

(
 X->fv = mapfn@pm(X->fs.fp, ...);
|
 T *L = &X->fs;
 ...
 X->fv = mapfn@pm(L->fp, ...);
)

@script:ocaml@
fv << fmapn.fv;
@@
Hashtbl.replace mapped_fields fv ()

@unmaphelper@
identifier f, p, fld, fs;
type T;
identifier unm : script:ocaml () { is_unmap_api unm };
@@

f(..., T p, ...) {
<+...
(
 unm(p, ...)
|
 unm(p->fld, ...)
|
 unm(p->fs.fld, ...)
)
...+>
}

@script:ocaml@
f << unmaphelper.f;
unm << unmaphelper.unm;
fld << unmaphelper.fld = "";
@@
(* kvfree() of a field unmaps only a field that holds a mapping, and of a
   parameter only one whose pages the helper does not release (a page
   array). *)
let frees_no_mapping =
  api_kind unm = "free-area" &&
  (if fld = "" then Hashtbl.mem release_helpers f
   else not (Hashtbl.mem mapped_fields fld)) in
if not frees_no_mapping then begin
  Hashtbl.replace unmap_helpers f ();
  if fld <> "" && not (List.mem fld (Hashtbl.find_all unmapped_fields f)) then
    Hashtbl.add unmapped_fields f fld
end

// Stores a parameter into an object of its own (a list entry) or a global:
// the mapping it is handed stays until something unmaps it from there.
// Matched store by store, not over function bodies: binding what is stored
// where inside a nest is far too slow in big functions.
@deferrer@
identifier p, fld;
local idexpression L;
global idexpression G;
expression I;
position ps;
@@

(
 L->fld@ps = p
|
 G@ps = p
|
 G[I]@ps = p
)

@script:ocaml@
p << deferrer.p;
ps << deferrer.ps;
fld << deferrer.fld = "";
g << deferrer.G = "";
l << deferrer.L = "";
@@
(* Only a pointer parameter is queued; an object reached from a parameter
   is the caller's: storing there keeps a mapping, it does not queue it. *)
let f = (List.hd ps).Coccilib.current_element in
let fps = Hashtbl.find_all params f in
let is_param v = List.exists (fun ps -> List.mem v (param_names ps)) fps in
if is_param p && List.exists (fun ps -> param_is_pointer ps p) fps &&
   (l = "" || not (is_param l)) then
  Hashtbl.replace deferrers f (if g <> "" then g else fld)

// --------------------------------------------------------------------------
// Check A within a function: a release where the mapping may still be live

// The page array P is the argument the API model names for mapfn.
@map@
expression E, P;
expression list[n] before;
identifier I, mapfn : script:ocaml () { is_map mapfn };
type T;
position pm;
@@

(
 E = mapfn@pm(before, P, ...);
|
 T I = mapfn@pm(before, P, ...);
)

@script:ocaml holder@
pm << map.pm;
e << map.E = "";
i << map.I = "";
mapfn << map.mapfn;
n << map.n;
p << map.P;
v;
vo;
pa;
@@
let held = if e <> "" then e else i in
if n <> api_arg mapfn then Coccilib.include_match false
else begin
  let at_map = List.hd pm in
  Hashtbl.add map_lines at_map.Coccilib.current_element (at_map.Coccilib.line, held);
  List.iter (Hashtbl.add mapped_arrays (holder_key held)) (arrays_mapped at_map p);
  v := make_expr held;
  vo := make_expr (object_of held);
  (* A single page mapped by its address (vmap(&page, 1, ...)) is released
     by name; other arrays by element, as P[E]. *)
  let p = String.concat "" (String.split_on_char ' ' p) in
  pa := make_expr (if String.length p > 1 && p.[0] = '&' && String.for_all is_id_char
                         (String.sub p 1 (String.length p - 1))
                   then String.sub p 1 (String.length p - 1) else "vmapcheck_no_page")
end

// Mappings made with the flag that hands them the pages (VM_MAP_PUT_PAGES).
@owned@
position map.pm;
identifier map.mapfn;
expression list[n] before;
expression flags;
@@

mapfn@pm(before, flags, ...)

@script:ocaml@
mapfn << map.mapfn;
pm << map.pm;
n << owned.n;
flags << owned.flags;
@@
let flag = owner_flag mapfn in
if n = flags_arg mapfn && flag <> "" && contains flags flag then
  Hashtbl.replace owned_maps (at pm) flag

@r exists@
expression holder.v, holder.vo, holder.pa, map.P;
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
 v = mapfn@pm(..., P, ...);
|
 T I = mapfn@pm(..., P, ...);
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
|
 relp@pr(pa, ...);
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
|
 relp@pr(pa, ...);
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
|
 relp@pr(pa, ...);
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
|
 relp@pr(pa, ...);
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
|
 relp@pr(pa, ...);
)
)

@script:ocaml@
pm << map.pm;
pr << r.pr;
v << holder.v;
relp << r.relp = "";
rela << r.rela = "";
relh << r.relh = "";
@@
let f = finding pr (first_named [relp; rela; relh]) v in
f.map_at <- Some (List.hd pm);
f.owner <- (match Hashtbl.find_opt owned_maps (at pm) with Some o -> o | None -> "")

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
 v = mapfn@pm(..., P, ...);
|
 T I = mapfn@pm(..., P, ...);
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

// What the file maps: a free of anything else unmaps nothing.
@mapped@
expression V;
identifier I;
type T;
identifier mapfn : script:ocaml () { is_map mapfn || is_counted_map mapfn };
@@

(
 V = mapfn(...);
|
 T I = mapfn(...);
)

@script:ocaml@
v << mapped.V = "";
i << mapped.I = "";
@@
Hashtbl.replace mapped_exprs (if v <> "" then tidy v else i) ()

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
unm << ru.unm;
@@
release_then_unmap pr pu v p (first_named [relp; rela; relh]) unm

// The same with the page given by its address (dma_free_coherent(dev, size,
// page_address(pages[i]), handle)), directly or through a local.
@rua exists@
expression V, P, E, E1;
expression list[n] before;
identifier I;
type T;
position pr, pu;
identifier relp : script:ocaml () { is_address_release relp };
identifier addr : script:ocaml () { is_alias addr };
identifier unm : script:ocaml () { is_late_unmap unm };
@@

(
 relp@pr(before, addr(P[E]), ...);
|
 I = addr(P[E]);
 ... when != I = E1
 relp@pr(before, I, ...);
|
 T I = addr(P[E]);
 ... when != I = E1
 relp@pr(before, I, ...);
)
... when != V = E1
unm@pu(V, ...);

@script:ocaml@
pr << rua.pr;
pu << rua.pu;
v << rua.V;
p << rua.P;
n << rua.n;
relp << rua.relp;
unm << rua.unm;
@@
if n = api_arg relp then release_then_unmap pr pu v p relp unm

// Calls handed a local mapping that a path goes on from to its unmap:
// they only borrow it.  A call that no such path follows may keep it.
@lent exists@
identifier V, f;
expression E;
type T;
position pm, pc;
identifier mapfn : script:ocaml () { is_map mapfn };
identifier unm : script:ocaml () { is_unmap unm };
@@

(
 V = mapfn@pm(...);
|
 T V = mapfn@pm(...);
)
... when != V = E
f@pc(..., <+... V ...+>, ...)
... when != V = E
    when any
unm(..., V, ...);

@script:ocaml@
pc << lent.pc;
@@
Hashtbl.replace lending_calls (at pc) ()

// A goto that jumps over the unmap of a local mapping to the return the
// unmap leads to (ntfs3's ni_write_frame(): "goto out2" past "out3:
// vunmap(frame_mem)"): the mapping outlives the function, and its pages
// are released by whoever owns them.  Not a path where the mapping is
// stored or handed to a call that may keep it, nor one through a
// conditional unmap, nor the one taken when the map call failed.
@skip exists@
identifier V, f;
expression E, E1, E2;
identifier l;
type T;
statement S;
position pm, pg, pe;
position pc : script:ocaml () { not (Hashtbl.mem lending_calls (at pc)) };
identifier mapfn : script:ocaml () { is_map mapfn };
identifier unm : script:ocaml () { is_unmap unm };
@@

(
 V = mapfn@pm(...);
|
 T V = mapfn@pm(...);
)
... when != V = E
(
 if (V == NULL) S
|
 if (unlikely(V == NULL)) S
)
... when != unm(..., V, ...)
    when != V = E
    when != E1 = V
    when != f@pc(..., <+... V ...+>, ...)
goto@pg l;
... when != unm(..., V, ...)
    when != if (E2) unm(..., V, ...);
    when != V = E
    when != E1 = V
    when != f@pc(..., <+... V ...+>, ...)
(
 return@pe ...;
|
 return@pe;
)

@skip_exit exists@
identifier skip.V;
expression E;
type T;
position skip.pm, pu, pe;
identifier skip.mapfn;
identifier unm : script:ocaml () { is_unmap unm };
@@

(
 V = mapfn@pm(...);
|
 T V = mapfn@pm(...);
)
...
unm@pu(..., V, ...);
... when != V = E
(
 return@pe ...;
|
 return@pe;
)

@script:ocaml@
pm << skip.pm;
pg << skip.pg;
pe << skip.pe;
v << skip.V;
@@
Hashtbl.replace skipping_gotos (pm, pg, pe, v) ()

@script:ocaml@
pm << skip.pm;
pu << skip_exit.pu;
pe << skip_exit.pe;
@@
Hashtbl.replace unmapped_exits (at pm, at pe) (List.hd pu)

// --------------------------------------------------------------------------
// Check A across the functions of the file: a field mapping found above
// (obj->vaddr = vmap(obj->pages, ...)) in one function, obj->pages released
// in another with no unmap first.

// Unmaps of the fields mapped above anywhere in the file, with offsets
// (vm_unmap_ram(bp->b_addr - bp->b_offset, n)) or by an unmap helper.
@funmap@
identifier fv : script:ocaml () { Hashtbl.mem mapped_fields fv };
expression X;
position pu;
identifier unm : script:ocaml () { is_unmap unm };
identifier unmh : script:ocaml () { is_unmap unmh && not (is_unmap_api unmh) };
@@

(
 unm@pu(..., <+... X->fv ...+>, ...)
|
 unm@pu(..., <+... X.fv ...+>, ...)
|
 unmh@pu(..., X, ...)
)

@script:ocaml@
fv << funmap.fv = "";
unmh << funmap.unmh = "";
pu << funmap.pu;
@@
(* An unmap helper handed the object unmaps the fields it is known for. *)
if fv <> "" then Hashtbl.add field_unmaps fv (List.hd pu)
else List.iter (fun fv -> Hashtbl.add field_unmaps fv (List.hd pu))
    (Hashtbl.find_all unmapped_fields unmh)

// And through a local loaded from the field, an offset masked off
// (vaddr = (unsigned long)buf->vaddr & PAGE_MASK; vm_unmap_ram((void *)vaddr, n)),
// unless the field was given a new mapping in between: then the local
// holds the old one (old = g->ptr; g->ptr = ptr; vunmap(old)).
@funmapl exists@
identifier fv : script:ocaml () { Hashtbl.mem mapped_fields fv };
expression X, E, E1;
identifier L;
type T;
position pu;
identifier unm : script:ocaml () { is_unmap_api unm };
@@

(
 T L = <+... X->fv ...+>;
|
 L = <+... X->fv ...+>;
)
... when != L = E
    when != X->fv = E1
unm@pu(..., <+... L ...+>, ...)

@script:ocaml@
fv << funmapl.fv;
pu << funmapl.pu;
@@
Hashtbl.add field_unmaps fv (List.hd pu)

// Functions that fill a mapped page field: their releases are of their
// own fresh pages (an allocation error path), not of a mapping's.
@ffill@
identifier fp : script:ocaml () { Hashtbl.mem field_maps fp };
expression X, E, E1;
identifier fill : script:ocaml () { is_fill fill };
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
e1 << ffill.E1 = "";
@@
(* Clearing the field after the release (bp->b_pages = NULL) fills nothing. *)
if e1 <> "NULL" then
  Hashtbl.replace fillers (List.hd pf).Coccilib.current_element ()

// The calls of the functions of the file: by name, and through a field of
// an ops table that holds one (.free_pages = internal_free_pages, called
// as bo->ops->free_pages(bo)).
@fcalls@
identifier g : script:ocaml () { Hashtbl.mem params g };
position pc;
@@

g@pc(...)

@script:ocaml@
g << fcalls.g;
pc << fcalls.pc;
@@
Hashtbl.add calls g (List.hd pc)

@opinit@
identifier I, fld;
identifier g : script:ocaml () { Hashtbl.mem params g };
type T;
@@

T I = { ..., .fld = g, ... };

@script:ocaml@
fld << opinit.fld;
g << opinit.g;
@@
Hashtbl.add op_fields fld g

// ... or stored into one by the code that sets an object up (b->release = g).
@opset@
expression E;
identifier fld;
identifier g : script:ocaml () { Hashtbl.mem params g };
@@

(
E->fld = g
|
E.fld = g
)

@script:ocaml@
fld << opset.fld;
g << opset.g;
@@
Hashtbl.add op_fields fld g

@opcall@
expression E;
identifier fld : script:ocaml () { Hashtbl.mem op_fields fld };
position pc;
@@

E->fld@pc(...)

@script:ocaml@
fld << opcall.fld;
pc << opcall.pc;
@@
List.iter (fun g -> Hashtbl.add calls g (List.hd pc)) (Hashtbl.find_all op_fields fld)

@frel exists@
identifier fp : script:ocaml () { Hashtbl.mem field_maps fp };
identifier fv : script:ocaml () { Hashtbl.mem mapped_fields fv };
expression X, E, E1;
identifier I;
type T;
position pr;
identifier fn;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
identifier relf : script:ocaml () { Hashtbl.mem field_release_helpers relf };
identifier relaa : script:ocaml () { is_address_release relaa };
identifier addr : script:ocaml () { is_alias addr };
@@

fn(...) {
... when != if (likely(X->fv != NULL)) return ...;
    when != if (likely(X->fv != NULL)) { ... return ...; }
(
 relp@pr(X->fp[E], ...);
|
 relaa@pr(..., addr(X->fp[E]), ...);
|
 I = addr(X->fp[E]);
 ... when != I = E1
 relaa@pr(..., I, ...);
|
 T I = addr(X->fp[E]);
 ... when != I = E1
 relaa@pr(..., I, ...);
|
 relp@pr(X->fp, ...);
|
 rela@pr(X->fp, ...);
|
 relh@pr(..., X->fp, ...);
|
 relf@pr(..., X, ...);
|
 I = X->fp[E];
 ... when != I = E1
 relp@pr(I, ...);
|
 T I = X->fp[E];
 ... when != I = E1
 relp@pr(I, ...);
)
... when any
}

@script:ocaml@
pr << frel.pr;
x << frel.X;
fp << frel.fp = "";
fn << frel.fn;
relp << frel.relp = "";
rela << frel.rela = "";
relh << frel.relh = "";
relf << frel.relf = "";
relaa << frel.relaa = "";
@@
(* A helper handed the object releases the page fields it is known for. *)
let fps = if relf = "" then [fp] else Hashtbl.find_all field_release_helpers relf in
List.iter (fun fp ->
    List.iter (fun (fv, path, m) ->
        field_release m (List.hd pr) x fv path fn (first_named [relp; rela; relh; relf; relaa])
          [relh; relf])
      (Hashtbl.find_all field_maps fp))
  fps

@freln exists@
identifier fmapn.fv, fmapn.fs, fmapn.fp;
expression X, E;
position pr;
identifier fn;
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relf : script:ocaml (fp) { List.mem fp (Hashtbl.find_all field_release_helpers relf) };
@@

fn(...) {
... when != if (likely(X->fv != NULL)) return ...;
    when != if (likely(X->fv != NULL)) { ... return ...; }
(
 relp@pr(X->fs.fp[E], ...);
|
 rela@pr(X->fs.fp, ...);
|
 relf@pr(..., &X->fs, ...);
)
... when any
}

@script:ocaml@
pm << fmapn.pm;
pr << freln.pr;
x << freln.X;
fv << fmapn.fv;
fn << freln.fn;
relp << freln.relp = "";
rela << freln.rela = "";
relf << freln.relf = "";
@@
field_release (List.hd pm) (List.hd pr) x fv fv fn (first_named [relp; rela; relf]) [relf]

// The field's address was handed to a function of the file that queues it.
@fq exists@
identifier fv : script:ocaml () { Hashtbl.mem mapped_fields fv };
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
// Context mode: the releases and the skipping gotos found above.

@depends on context@
identifier f;
position p : script:ocaml () { is_finding p };
@@

* f@p(...);

@depends on context@
identifier l;
position p : script:ocaml () { is_skip_finding p };
@@

* goto@p l;

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
identifier unm : script:ocaml () { is_plain_unmap unm };
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
identifier relaa : script:ocaml () { is_address_release relaa };
@@

fn(...) {
... when != relp(...)
    when != rela(...)
    when != relh(...)
    when != relaa(...)
    when != for (E1; E2; E3) relp(E4, ...);
    when != for (E1; E2; E3) { <+... relaa(...) ...+> }
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
identifier unm : script:ocaml () { is_plain_unmap unm };
identifier relp : script:ocaml () { is_page_release relp };
identifier rela : script:ocaml () { is_array_release rela };
identifier relh : script:ocaml () { Hashtbl.mem release_helpers relh };
identifier relaa : script:ocaml () { is_address_release relaa };
position pr : script:ocaml () { is_finding pr };
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
 for (E1; E2; E3) { <+... relaa@pr(...) ...+> }
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

// Or, where no unmap follows the release: unmap first.
@script:ocaml depends on patch@
@@
choose_unmap_first ()

// Not where the mapping is still used after the release (handed out or
// stored): the fix there is not mechanical.
@uf_used depends on patch exists@
identifier v, f, mapfn;
type T;
expression E1, E2, E3;
position pm : script:ocaml () { Hashtbl.mem unmap_first_maps (at pm) };
position pr : script:ocaml () { Hashtbl.mem unmap_first_releases (at pr) };
@@

(
 T v = mapfn@pm(...);
|
 v = mapfn@pm(...);
)
...
(
 for (E1; E2; E3) { <+... f@pr(...) ...+> }
|
 f@pr(...);
)
...
v

@script:ocaml@
pr << uf_used.pr;
@@
Hashtbl.remove unmap_first_releases (at pr)

// Nor where a path reaches the release before the mapping is made (a
// label shared with earlier failures): the unmap added would see an
// uninitialised address there.
@uf_unmapped_path depends on patch exists@
identifier fn, f;
identifier mapfn : script:ocaml () { is_map mapfn };
position pr : script:ocaml () { Hashtbl.mem unmap_first_releases (at pr) };
@@

fn(...) {
... when != mapfn(...)
f@pr(...);
... when any
}

@script:ocaml@
pr << uf_unmapped_path.pr;
@@
Hashtbl.remove unmap_first_releases (at pr);
Hashtbl.replace label_releases (at pr) ()

// Nor where a path reaches the release after an unmap of the mapping
// (the label of a goto that skips it, right after it): the unmap added
// would take it down twice there.
@uf_unmapped_before depends on patch exists@
identifier v, f;
identifier mapfn : script:ocaml () { is_map mapfn };
identifier unm : script:ocaml () { is_unmap unm };
type T;
position pr : script:ocaml () {
  Hashtbl.mem unmap_first_releases (at pr) || Hashtbl.mem label_releases (at pr) };
@@

(
 T v = mapfn(...);
|
 v = mapfn(...);
)
...
unm(..., v, ...);
...
f@pr(...);

@script:ocaml@
pr << uf_unmapped_before.pr;
@@
Hashtbl.remove unmap_first_releases (at pr);
Hashtbl.remove label_releases (at pr)

@unmap_first depends on patch exists@
identifier v, f;
identifier mapfn : script:ocaml () { has_paired_unmap mapfn };
fresh identifier _unm = script:ocaml (mapfn) { paired_unmap mapfn };
type T;
expression E1, E2, E3;
position pm : script:ocaml () { Hashtbl.mem unmap_first_maps (at pm) };
position pr : script:ocaml () { Hashtbl.mem unmap_first_releases (at pr) };
@@

(
 T v = mapfn@pm(...);
|
 v = mapfn@pm(...);
)
...
(
+ _unm(v);
 for (E1; E2; E3) { <+... f@pr(...) ...+> }
|
+ _unm(v);
 f@pr(...);
)

// Or, where a path reaches the release before the map call (a label
// shared with earlier failures, as in powerpc kvm e500_mmu.c): the unmap
// gets a label of its own in front of the release's, and the gotos past
// the map call take it (skip_unmap below).  Not when a path without the
// mapping falls into the release's label from the statement above it
// (a path there that takes no goto to the label).
@nl_fall depends on patch exists@
identifier fn, l, f;
identifier mapfn : script:ocaml () { is_map mapfn };
expression E1, E2, E3;
position pr : script:ocaml () { Hashtbl.mem label_releases (at pr) };
@@

fn(...) {
... when != mapfn(...)
    when != goto l;
l:
(
for (E1; E2; E3) { <+... f@pr(...) ...+> }
|
f@pr(...);
)
... when any
}

@script:ocaml@
pr << nl_fall.pr;
@@
Hashtbl.remove label_releases (at pr)

@new_label depends on patch exists@
identifier fn, v, l, f;
identifier mapfn : script:ocaml () { has_paired_unmap mapfn };
fresh identifier _unm = script:ocaml (mapfn) { paired_unmap mapfn };
fresh identifier _label = "unmap_" ## v;
expression E1, E2, E3;
position pm : script:ocaml () { Hashtbl.mem unmap_first_maps (at pm) };
position pr : script:ocaml () { Hashtbl.mem label_releases (at pr) };
@@

fn(...) {
...
v = mapfn@pm(...);
...
+ _label:
+ _unm(v);
l:
(
for (E1; E2; E3) { <+... f@pr(...) ...+> }
|
f@pr(...);
)
... when any
}

// Or, for a field mapping whose kind a flag tells (see kind_stores): the
// unmap in front of a release under the flag's test for the mapped kind.
@kind_clear depends on patch exists@
identifier V, fld, flg;
identifier mapfn : script:ocaml () { has_paired_unmap mapfn };
expression E, X;
position ps;
@@

V = mapfn(...);
...
E->fld = V@ps;
...
E->flg &= ~X;

@script:ocaml@
ps << kind_clear.ps;
@@
Hashtbl.replace kind_stores (at ps) ()

// A store of anything but NULL that a path leaves with the flag untold.
@kind_untagged depends on patch exists@
identifier fn, kind_clear.fld, kind_clear.flg;
expression kind_clear.X;
expression E, e;
position pe;
@@

fn(...) {
... when any
(
E->fld = NULL;
|
E->fld = e@pe;
)
... when != E->flg |= <+... X ...+>
    when != E->flg &= ~X
    when != E->fld = NULL
}

@script:ocaml@
fld << kind_clear.fld;
_pe << kind_untagged.pe;
@@
Hashtbl.replace kind_broken fld ()

// A store that clears the flag but is not of a mapping.
@kind_cleared depends on patch exists@
identifier kind_clear.fld, kind_clear.flg;
expression kind_clear.X;
expression E, e;
position pe;
@@

E->fld = e@pe;
...
E->flg &= ~X;

@script:ocaml@
fld << kind_clear.fld;
pe << kind_cleared.pe;
@@
if not (Hashtbl.mem kind_stores (at pe)) then Hashtbl.replace kind_broken fld ()

// Anything that unmaps the field: the unmap added could be a second one.
@kind_unmapped depends on patch@
identifier kind_clear.fld;
expression E;
identifier unm : script:ocaml () { is_unmap unm };
position pu;
@@

unm@pu(..., E->fld, ...)

@script:ocaml@
fld << kind_clear.fld;
_pu << kind_unmapped.pu;
@@
Hashtbl.replace kind_broken fld ()

@kind_release depends on patch exists@
identifier kind_clear.flg;
expression kind_clear.X;
expression E;
identifier rel;
position pr : script:ocaml () { is_finding pr };
@@

if (!(E->flg & X)) {
<+... rel@pr(...) ...+>
}

@script:ocaml@
obj << kind_release.E;
fld << kind_clear.fld;
pr << kind_release.pr;
@@
kind_release pr obj fld

@kind_unmap_first depends on patch exists@
identifier kind_clear.fld, kind_clear.flg, kind_clear.mapfn;
expression kind_clear.X;
fresh identifier _unm = script:ocaml (mapfn) { paired_unmap mapfn };
expression E;
identifier rel;
position pr : script:ocaml () { Hashtbl.mem kind_releases (at pr) };
@@

if (!(E->flg & X)) {
+ _unm(E->fld);
<+... rel@pr(...) ...+>
}

// Or, where every mapping queued on a list of the file is made by a call
// with a refcounted form (vmap) and every unmap purging the list has one
// (vunmap): the refcounted API for all of them, so that queued mappings
// hold their pages: vmap() -> vmap_pages(..., GFP_KERNEL), and vunmap() ->
// vunmap_pages() for those mappings, in the queueing function's fallback
// and in the purges (the names are the API model's counted= and extra-arg=).
@pa_call depends on patch@
identifier dfn : script:ocaml () { Hashtbl.mem deferrers dfn };
position pc;
@@

dfn@pc(...)

@script:ocaml@
dfn << pa_call.dfn;
pc << pa_call.pc;
@@
Hashtbl.add queue_calls dfn (List.hd pc)

// A local mapping handed to a queueing function.
@pa_mapped depends on patch exists@
identifier dfn : script:ocaml () { Hashtbl.mem deferrers dfn };
identifier mapfn : script:ocaml () { has_counted_form mapfn };
expression V;
identifier I;
type T;
position pc, pm;
@@

(
 V = mapfn@pm(...);
|
 T I = mapfn@pm(...);
)
...
dfn@pc(..., \(V\|I\), ...);

@script:ocaml@
dfn << pa_mapped.dfn;
pc << pa_mapped.pc;
v << pa_mapped.V = "";
i << pa_mapped.I = "";
pm << pa_mapped.pm;
@@
let pc = List.hd pc in
let mapping = (pc.Coccilib.current_element, if v <> "" then tidy v else i) in
Hashtbl.replace refcount_map_sites (at pm) mapping;
Hashtbl.replace mapped_queue_calls (pc.Coccilib.line, pc.Coccilib.col) ();
Hashtbl.add queued_maps mapping dfn

// A field mapping (E->fld = vmap(...) anywhere in the file) handed to a
// queueing function, as XFS did with bp->b_addr.
@pa_field_map depends on patch@
identifier mapfn : script:ocaml () { has_counted_form mapfn };
expression E;
identifier fld;
position pm;
@@

E->fld = mapfn@pm(...)

@script:ocaml@
fld << pa_field_map.fld;
pm << pa_field_map.pm;
@@
Hashtbl.add field_map_sites fld (at pm)

@pa_field_queued depends on patch@
identifier dfn : script:ocaml () { Hashtbl.mem deferrers dfn };
identifier fld : script:ocaml () { Hashtbl.mem field_map_sites fld };
expression E;
position pc;
@@

dfn@pc(..., <+... E->fld ...+>, ...)

@script:ocaml@
dfn << pa_field_queued.dfn;
fld << pa_field_queued.fld;
pc << pa_field_queued.pc;
@@
Hashtbl.replace mapped_queue_calls (at pc) ();
Hashtbl.add queued_maps ("", fld) dfn;
List.iter (fun site -> Hashtbl.replace refcount_map_sites site ("", fld))
  (Hashtbl.find_all field_map_sites fld)

@pa_purge depends on patch@
expression A, I;
global idexpression G;
identifier unm : script:ocaml () { is_unmap_api unm };
@@

(
 unm(G, ...)
|
 unm(G[I], ...)
|
 unm(A, ...)
)

@script:ocaml@
unm << pa_purge.unm;
a << pa_purge.A = "";
g << pa_purge.G = "";
@@
Hashtbl.add list_purges (if g <> "" then g else held_field a) unm

// The unmaps to convert: of a refcounted mapping, of a queueing function's
// own argument (its fallback when it cannot queue), and the purges.
@pa_unmap_site depends on patch@
identifier unm : script:ocaml () { has_plain_counted_form unm };
expression vm;
position p;
@@

unm@p(vm)

@script:ocaml@
vm << pa_unmap_site.vm;
p << pa_unmap_site.p;
@@
let fn = (List.hd p).Coccilib.current_element and vm = tidy vm in
if is_refcounted_mapping fn vm || purges_refcounted_list vm ||
   (mechanical fn && List.exists (fun ps -> List.mem vm (param_names ps)) (Hashtbl.find_all params fn))
then Hashtbl.replace refcount_unmap_sites (at p) ()

@pa_map depends on patch@
identifier mapfn : script:ocaml () { has_extra_arg mapfn };
fresh identifier _cmap = script:ocaml (mapfn) { counted_form mapfn };
fresh identifier _extra = script:ocaml (mapfn) { counted_extra_arg mapfn };
expression list es;
position p : script:ocaml () {
  match Hashtbl.find_opt refcount_map_sites (at p) with
  | Some mapping -> refcountable mapping
  | None -> false };
@@

- mapfn@p(es)
+ _cmap(es, _extra)

@pa_map_same_args depends on patch@
identifier mapfn : script:ocaml () { counted_with_same_args mapfn };
fresh identifier _cmap = script:ocaml (mapfn) { counted_form mapfn };
expression list es;
position p : script:ocaml () {
  match Hashtbl.find_opt refcount_map_sites (at p) with
  | Some mapping -> refcountable mapping
  | None -> false };
@@

- mapfn@p(es)
+ _cmap(es)

@pa_unmap depends on patch@
identifier unm;
fresh identifier _cunm = script:ocaml (unm) { counted_form unm };
expression vm;
position p : script:ocaml () { Hashtbl.mem refcount_unmap_sites (at p) };
@@

- unm@p(vm)
+ _cunm(vm)

// A goto that skips the unmap of a mapping made before it: the unmap has
// a label of its own right before the label the goto names ("out_src:
// vunmap(src); out_dst:", ntfs3's ni_write_frame()), and the mapping
// outlives the function while its pages go on to be released.  The goto
// names the unmap's label instead.  Not a goto that a path reaches
// without making the mapping, nor one after the mapping was stored or
// handed to a call that may keep it (the unmap would be wrong there) or
// unmapped, nor the one taken when the map call failed (the unmap would
// do nothing there, so fix nothing).
@unmap_label depends on patch@
identifier l1, l2;
expression m;
identifier unm : script:ocaml () { is_plain_unmap unm };
statement S;
position pl;
@@

l1:
unm@pl(m);
l2:
S

// The function the label is in: a goto takes a label of its own function.
@script:ocaml unmap_label_fn@
pl << unmap_label.pl;
fn;
@@
fn := make_ident (List.hd pl).Coccilib.current_element

@skip_before_map depends on patch exists@
identifier fn, unmap_label.l2;
expression unmap_label.m;
identifier mapfn : script:ocaml () { is_map mapfn };
position pg;
@@

fn(...) {
... when != m = mapfn(...)
goto@pg l2;
... when any
}

@script:ocaml@
pg << skip_before_map.pg;
@@
Hashtbl.replace kept_gotos (at pg) ()

@skip_after_store depends on patch exists@
identifier unmap_label.l2;
expression unmap_label.m, E;
identifier mapfn : script:ocaml () { is_map mapfn };
position pg;
@@

m = mapfn(...);
...
E = m;
...
goto@pg l2;

@script:ocaml@
pg << skip_after_store.pg;
@@
Hashtbl.replace kept_gotos (at pg) ()

@skip_after_keep depends on patch exists@
identifier unmap_label.l2, f;
expression unmap_label.m;
identifier mapfn : script:ocaml () { is_map mapfn };
position pg;
position pc : script:ocaml () { not (Hashtbl.mem lending_calls (at pc)) };
@@

m = mapfn(...);
...
f@pc(..., <+... m ...+>, ...)
...
goto@pg l2;

@script:ocaml@
pg << skip_after_keep.pg;
@@
Hashtbl.replace kept_gotos (at pg) ()

@skip_map_failed depends on patch@
expression unmap_label.m;
identifier mapfn : script:ocaml () { is_map mapfn };
identifier unmap_label.l2;
position pg;
@@

m = mapfn(...);
(
if (!m) goto@pg l2;
|
if (!m) { ... goto@pg l2; }
)

@script:ocaml@
pg << skip_map_failed.pg;
@@
Hashtbl.replace kept_gotos (at pg) ()

@skip_unmap depends on patch exists@
identifier unmap_label.l1, unmap_label.l2, unmap_label.unm;
expression unmap_label.m;
identifier unmap_label_fn.fn;
identifier mapfn : script:ocaml () { is_map mapfn };
position pg : script:ocaml () { not (Hashtbl.mem kept_gotos (at pg)) };
@@

fn(...) {
<...
m = mapfn(...);
... when != unm(m)
- goto@pg l2;
+ goto l1;
...>
}

@script:ocaml depends on report@
@@
print_findings false

@script:ocaml depends on org@
@@
print_findings true

@script:ocaml@
@@
forget_file ()
