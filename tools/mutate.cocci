// SPDX-License-Identifier: GPL-2.0-only
/// The mutation operators of make mutants (tools/mutants): for each file,
/// every place where an operator turns correct mapping code into a page
/// release while the mapping is still live, printed as one line per
/// mutant:
///
///   MUTANT FILE OPERATOR RELATION FUNCTION UNSAFE-LINES EDIT
///
/// UNSAFE-LINES are the releases that become unsafe (in the original file,
/// comma-separated): a release, or the call of a function that releases;
/// 0 stands for the line an ins edit inserts.
/// EDIT is a line edit of the original (tools/mutants applies it):
///   mov:A:B:L        move lines A..B after line L
///   del:A:B          delete lines A..B
///   ins:L:TEXT       insert the line TEXT after line L
///   sub:L:C1:C2:TEXT replace columns C1..C2-1 (from 0) of line L by TEXT
/// RELATION says how the release is known to concern the mapping: "map"
/// (its page array is the one the map call of the file mapped) or
/// "teardown" (a function that maps nothing unmaps, then releases pages
/// it was handed or holds in a field).
///
/// Operators: swap (the unmap moved after the release that follows it),
/// drop (the unmap deleted, guarded or not), helper (the unmap moved after
/// a call to a function of the file that releases the pages), mirror (the
/// release moved before a call to a function of the file that unmaps),
/// errpath (a goto to the release label right after the mapping is made),
/// skip (a goto past the unmap of a local mapping to a label no release
/// follows, right after the mapping is made: it outlives the function),
/// own (the flag handing the pages to the mapping added to a map call
/// whose mapping is freed with vfree() while the code still releases the
/// pages: a double release).
//
// Options: --no-includes --include-headers
// Requires: 1.1.1

virtual list

@initialize:ocaml@
@@
(* @vmapcheck-api@: make puts the API model (rules/api.ml) here. *)

let is_id_char c =
  c = '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')

(* Coccinelle prints a->b as "a -> b" and &x as "& x". *)
let tidy s =
  let b = Buffer.create (String.length s) in
  String.iter (fun c -> if c <> ' ' then Buffer.add_char b c) s;
  Buffer.contents b

let contains s sub =
  let n = String.length sub and m = String.length s in
  let rec at i = i + n <= m && (String.sub s i n = sub || at (i + 1)) in
  n > 0 && at 0

let contains_word s w =
  let n = String.length w and m = String.length s in
  let rec at i =
    i + n <= m &&
    ((String.sub s i n = w && (i = 0 || not (is_id_char s.[i - 1])) &&
      (i + n = m || not (is_id_char s.[i + n]))) || at (i + 1)) in
  n > 0 && at 0

(* What names a page array in the text of a release: the field (->pages)
   of a field, else the variable ("pages" of "&pages", "*pages"). *)
let page_key p =
  let p = tidy p in
  let p = match String.index_opt p '[' with Some i -> String.sub p 0 i | None -> p in
  let n = String.length p in
  let rec last_sep i = if i < 0 then -1
    else if p.[i] = '>' && i > 0 && p.[i - 1] = '-' then i
    else if p.[i] = '.' then i else last_sep (i - 1) in
  match last_sep (n - 1) with
  | i when i >= 0 -> "->" ^ String.sub p (i + 1) (n - i - 1)
  | _ ->
    let b = Buffer.create n in
    String.iter (fun c -> if is_id_char c then Buffer.add_char b c) p;
    Buffer.contents b

let fields_in s =
  let t = tidy s and acc = ref [] in
  let n = String.length t in
  let rec scan i =
    if i < n then begin
      let start = if i + 1 < n && t.[i] = '-' && t.[i + 1] = '>' then i + 2
        else if t.[i] = '.' then i + 1 else -1 in
      if start >= 0 then begin
        let j = ref start in
        while !j < n && is_id_char t.[!j] do incr j done;
        if !j > start then acc := ("->" ^ String.sub t start (!j - start)) :: !acc;
        scan !j
      end else scan (i + 1)
    end in
  scan 0; !acc

(* A page key of a field ("->pages"), not of a variable. *)
let is_field_key k = String.length k > 2 && String.sub k 0 2 = "->"

(* Does the text E of a release's arguments name the page array KEY? *)
let names_pages e key =
  let e = tidy e in
  if is_field_key key then
    let f = String.sub key 2 (String.length key - 2) in
    contains_word e f && (contains e ("->" ^ f) || contains e ("." ^ f))
  else contains_word e key

type site = { fn : string; line : int; col : int; line_end : int; col_end : int;
              text : string; args : string }

let site_of p text args =
  let p = List.hd p in
  { fn = p.Coccilib.current_element; line = p.Coccilib.line; col = p.Coccilib.col;
    line_end = p.Coccilib.line_end; col_end = p.Coccilib.col_end;
    text = tidy text; args = args }

(* The file's statements, map calls, unmaps, releases, calls of its own
   functions, labels, and functions with their parameters. *)
let stmts = ref []
let maps = ref []          (* text: the mapping; args: the page array *)
let flags = Hashtbl.create 7   (* map call (line, col) -> flags argument site *)
let unmaps = ref []        (* text: the address unmapped *)
let releases = ref []      (* args: the arguments *)
let calls = ref []         (* text: the callee; args: the arguments *)
let labels = ref []        (* text: the label *)
let assigns = ref []       (* text: a local page array; args: its value *)
let is_mapped_local l = List.exists (fun (m : site) -> tidy m.args = l) !maps
let returns = ref []       (* args: the value returned *)
let params = Hashtbl.create 17
let file = ref ""
let seen_edits = Hashtbl.create 17  (* mutants already printed, by edit *)

let forget () =
  List.iter (fun r -> r := []) [stmts; maps; unmaps; releases; calls; labels; assigns; returns];
  Hashtbl.reset flags;
  Hashtbl.reset seen_edits;
  Hashtbl.reset params

let lines = ref [||]
let line_text n = if n >= 1 && n <= Array.length !lines then !lines.(n - 1) else ""
let read_lines f =
  let ic = open_in_bin f in
  let acc = ref [] in
  (try while true do acc := input_line ic :: !acc done with End_of_file -> ());
  close_in ic;
  lines := Array.of_list (List.rev !acc)

let within (s : site) (o : site) =
  (s.line, s.col) <= (o.line, o.col) && (o.line_end, o.col_end) <= (s.line_end, s.col_end)

(* A statement alone on its lines: nothing else before or after it. *)
let alone (s : site) =
  let before = line_text s.line and after = line_text s.line_end in
  String.trim (String.sub before 0 (min s.col (String.length before))) = "" &&
  (let rest = if s.col_end <= String.length after
     then String.sub after s.col_end (String.length after - s.col_end) else "" in
   let rest = String.trim rest in
   rest = "" || (String.length rest >= 2 && (String.sub rest 0 2 = "/*" || String.sub rest 0 2 = "//"))) &&
  not (String.length (String.trim after) > 0 &&
       (let t = String.trim after in t.[String.length t - 1] = '\\'))

(* The statement to move or delete for a call: the call's statement, or
   the if without else it is the only body of (a guarded unmap). *)
let statement_of (call : site) =
  let holding = List.filter (fun s -> s.fn = call.fn && within s call) !stmts in
  let by_size a b = compare (a.line_end - a.line, a.col_end - a.col) (b.line_end - b.line, b.col_end - b.col) in
  match List.sort by_size holding with
  | [] -> None
  | s :: parents ->
    let rec up s = function
      | p :: rest when (p.line_end, p.col_end) = (s.line_end, s.col_end) ->
        let t = String.trim (line_text p.line) in
        let no_else = not (List.exists (fun n -> contains_word (line_text n) "else")
                             (List.init (p.line_end - p.line + 1) (fun i -> p.line + i))) in
        if String.length t >= 2 && String.sub t 0 2 = "if" && no_else then up p rest else None
      | _ -> Some s in
    up s parents

(* The statement holding CALL that is a sibling of statement U: the
   largest one that does not hold U. *)
let sibling_holding (u : site) (call : site) =
  let holding = List.filter (fun s -> s.fn = call.fn && within s call && not (within s u)
                                      && not (within u s)) !stmts in
  let bigger a b = compare ((a.line, a.col), (b.line_end, b.col_end)) ((b.line, b.col), (a.line_end, a.col_end)) in
  match List.sort bigger holding with s :: _ -> Some s | [] -> None

let indent_of t =
  let n = String.length t in
  let rec go i = if i < n && (t.[i] = ' ' || t.[i] = '\t') then go (i + 1) else i in
  String.sub t 0 (go 0)

(* Does function F of the file release (or unmap) pages named KEY, or its
   parameters? *)
let releases_in f = List.filter (fun (r : site) -> r.fn = f) !releases
let unmaps_in f = List.filter (fun (u : site) -> u.fn = f) !unmaps
let maps_in f = List.filter (fun (m : site) -> m.fn = f) !maps

let param_names f =
  match Hashtbl.find_opt params f with
  | None -> []
  | Some ps -> List.filter_map (fun param ->
      let words = String.split_on_char ' ' (String.map (fun c -> if is_id_char c then c else ' ') param) in
      match List.rev (List.filter (fun w -> w <> "") words) with
      | last :: _ -> Some last | [] -> None) (String.split_on_char ',' ps)

(* Releases after line N of function F that concern the pages of KEY. *)
let releases_after f n key =
  List.filter (fun (r : site) -> r.fn = f && r.line > n && names_pages r.args key) (releases_in f)

let by_line (a : site) (b : site) = compare (a.line, a.col) (b.line, b.col)

(* Arguments of a call as spatch prints them, split at top-level commas. *)
let split_args s =
  let parts = ref [] and b = Buffer.create 16 and depth = ref 0 in
  String.iter (fun c ->
      if c = ',' && !depth = 0 then (parts := Buffer.contents b :: !parts; Buffer.clear b)
      else begin
        if c = '(' || c = '[' || c = '{' then incr depth;
        if c = ')' || c = ']' || c = '}' then decr depth;
        Buffer.add_char b c
      end) s;
  if Buffer.length b > 0 then parts := Buffer.contents b :: !parts;
  List.rev_map tidy !parts

(* A mapping's key: its field ("->vaddr"), or its function and variable. *)
let mapping_key fn v =
  let k = page_key v in
  if is_field_key k then k else fn ^ ":" ^ tidy v

(* A page array held in a local: the field it was loaded from, directly
   (pages = obj->pages) or through a function of the file returning it
   (pages = get_pages(obj), which returns obj->pages). *)
let rec field_of_value depth fn e =
  let e = tidy e in
  match fields_in e with
  | k :: _ -> Some k
  | [] when depth > 0 ->
    (match String.index_opt e '(' with
     | Some i ->
       let callee = String.sub e 0 i in
       List.find_map (fun (r : site) ->
           if r.fn = callee then field_of_value (depth - 1) r.fn r.args else None) !returns
     | None -> None)
  | [] -> None

let field_of_local fn v =
  List.find_map (fun (a : site) ->
      if a.fn = fn && a.text = v then field_of_value 3 fn a.args else None) !assigns

(* The page array a map call maps: its field, or its variable. *)
let map_pages (m : site) =
  let k = page_key m.args in
  if is_field_key k then k
  else match field_of_local m.fn k with Some f -> f | None -> k

(* The page array a mapping key maps, from the file's map calls. *)
let pages_of_mapping km =
  match List.find_opt (fun (m : site) -> mapping_key m.fn m.text = km) !maps with
  | Some m -> Some (map_pages m)
  | None -> None

(* Unmaps of mappings: unmap calls, and frees of what the file mapped. *)
let real_unmaps () =
  List.filter (fun (u : site) ->
      api_kind u.args <> "free-area" || pages_of_mapping (mapping_key u.fn u.text) <> None)
    !unmaps

(* What each function of the file releases and unmaps, itself or through
   the functions it calls: parameter indexes and field keys. *)
type effects = { mutable rel_params : int list; mutable rel_fields : string list;
                 mutable unm_params : int list; mutable unm_fields : string list }
let effects = Hashtbl.create 17
let effects_of f =
  match Hashtbl.find_opt effects f with
  | Some e -> e
  | None -> let e = { rel_params = []; rel_fields = []; unm_params = []; unm_fields = [] } in
    Hashtbl.replace effects f e; e

let add l x = if List.mem x l then l else x :: l


let compute_effects () =
  Hashtbl.reset effects;
  let changed = ref true and rounds = ref 0 in
  let note_release f args =
    let e = effects_of f and ps = param_names f in
    List.iteri (fun i p -> if contains_word args p then e.rel_params <- add e.rel_params i) ps;
    List.iter (fun k -> e.rel_fields <- add e.rel_fields k) (fields_in args) in
  List.iter (fun (r : site) -> note_release r.fn r.args) !releases;
  List.iter (fun (u : site) ->
      let e = effects_of u.fn and ps = param_names u.fn in
      List.iteri (fun i p -> if tidy u.text = p then e.unm_params <- add e.unm_params i) ps;
      let k = page_key u.text in
      if is_field_key k then e.unm_fields <- add e.unm_fields k) (real_unmaps ());
  while !changed && !rounds < 8 do
    changed := false;
    incr rounds;
    List.iter (fun (c : site) ->
        let callee = effects_of c.text and e = effects_of c.fn and ps = param_names c.fn in
        let args = split_args c.args in
        let before = (e.rel_params, e.rel_fields, e.unm_params, e.unm_fields) in
        List.iter (fun k -> e.rel_fields <- add e.rel_fields k) callee.rel_fields;
        List.iter (fun k -> e.unm_fields <- add e.unm_fields k) callee.unm_fields;
        List.iteri (fun i a ->
            List.iteri (fun j p ->
                if contains_word a p then begin
                  if List.mem i callee.rel_params then e.rel_params <- add e.rel_params j;
                  if List.mem i callee.unm_params then e.unm_params <- add e.unm_params j
                end) ps;
            if List.mem i callee.rel_params then
              List.iter (fun k -> e.rel_fields <- add e.rel_fields k) (fields_in a))
          args;
        if before <> (e.rel_params, e.rel_fields, e.unm_params, e.unm_fields) then
          changed := true) !calls
  done

(* The events of a function that matter, in line order: direct unmaps and
   releases, and calls of the file's functions. *)
type event = Unmap of site | Release of site | Call of site
let site_of_event = function Unmap s | Release s | Call s -> s
let events_of f =
  let l = List.concat [
      List.map (fun s -> Unmap s) (List.filter (fun (u : site) -> u.fn = f) (real_unmaps ()));
      List.map (fun s -> Release s) (releases_in f);
      List.map (fun s -> Call s) (List.filter (fun (c : site) -> c.fn = f) !calls)] in
  List.sort (fun a b -> by_line (site_of_event a) (site_of_event b)) l

(* Does event E release the pages KP?  An argument naming them handed to a
   parameter the callee releases, or a field the callee releases. *)
let rec releases_pages e kp =
  match e with
  | Release r -> names_pages r.args kp
  | Call c ->
    let ef = effects_of c.text in
    (is_field_key kp && List.mem kp ef.rel_fields) ||
    List.exists (fun i -> match List.nth_opt (split_args c.args) i with
        | Some a -> names_pages a kp | None -> false) ef.rel_params
  | Unmap _ -> false

(* Does event E unmap the mapping KM (a key of mapping_key)? *)
and unmaps_mapping e km =
  match e with
  | Unmap u -> mapping_key u.fn u.text = km
  | Call c ->
    let ef = effects_of c.text in
    (is_field_key km && List.mem km ef.unm_fields) ||
    List.exists (fun i -> match List.nth_opt (split_args c.args) i with
        | Some a -> mapping_key c.fn a = km || (is_field_key km && contains a (String.sub km 2 (String.length km - 2)))
        | None -> false) ef.unm_params
  | Release _ -> false

(* One mutant per edit, with every release it makes unsafe. *)
let emit op relation fn unsafe edit =
  match Hashtbl.find_opt seen_edits edit with
  | Some (o, r, f, lines) ->
    Hashtbl.replace seen_edits edit
      (o, r, f, List.sort_uniq compare (List.rev_append unsafe lines))
  | None -> Hashtbl.replace seen_edits edit (op, relation, fn, List.sort_uniq compare unsafe)

let print_mutants () =
  let all = Hashtbl.fold (fun edit (op, relation, fn, lines) acc ->
      (List.fold_left min max_int lines, op, relation, fn, List.sort compare lines, edit) :: acc)
      seen_edits [] in
  List.iter (fun (_, op, relation, fn, lines, edit) ->
      Printf.printf "MUTANT %s %s %s %s %s %s\n" !file op relation fn
        (String.concat "," (List.map string_of_int lines)) edit) (List.sort compare all)

(* Move statement A after statement B, or B before A. *)
let move_after (a : site) (b : site) = Printf.sprintf "mov:%d:%d:%d" a.line a.line_end b.line_end
let move_before (b : site) (a : site) = Printf.sprintf "mov:%d:%d:%d" b.line b.line_end (a.line - 1)

(* Does the callee of call E make the mapping KM itself?  Then what it
   unmaps is its own temporary mapping, not one live before the call. *)
let maps_itself e km =
  match e with
  | Call c -> List.exists (fun (m : site) -> mapping_key m.fn m.text = km) (maps_in c.text)
  | _ -> false

(* A call releasing KP that does not also unmap KM, and one unmapping KM
   that does not also release KP (nor map KM first): a function doing both
   keeps its own order, and moving its call says nothing. *)
let only_releases e kp km = releases_pages e kp && not (unmaps_mapping e km)
let only_unmaps e km kp =
  unmaps_mapping e km && not (releases_pages e kp) && not (maps_itself e km)

(* The lines where a call releasing KP does it: the call, and the direct
   releases of KP or of a parameter in the functions it calls (depth 3). *)
let rec release_lines e kp depth =
  let s = site_of_event e in
  match e with
  | Call c when depth > 0 ->
    let ps = param_names c.text in
    s.line :: List.concat_map (fun e' ->
        match e' with
        | Release r when names_pages r.args kp || List.exists (contains_word r.args) ps -> [r.line]
        | Call c' when releases_pages e' kp ||
                       ((effects_of c'.text).rel_params <> [] &&
                        List.exists (fun a -> List.exists (contains_word a) ps)
                          (split_args c'.args)) -> release_lines e' kp (depth - 1)
        | _ -> []) (events_of c.text)
  | _ -> [s.line]

(* Within F, after statement U (an unmap, or a call that unmaps KM), the
   first event releasing KP (and not unmapping KM), with the statement
   holding it next to U. *)
let first_release_after f (u : site) kp km =
  List.find_map (fun e ->
      let s = site_of_event e in
      if s.line > u.line_end && only_releases e kp km then
        match sibling_holding u s with
        | Some sib when alone sib -> Some (e, s, sib)
        | _ -> None
      else None) (events_of f)

(* The pages a direct unmap concerns: those its map call mapped, or in a
   teardown (a function that maps nothing), what it releases of its
   parameters or fields. *)
let pages_for (u : site) =
  match pages_of_mapping (mapping_key u.fn u.text) with
  | Some kp -> [ (kp, "map") ]
  | None when maps_in u.fn = [] ->
    let ps = param_names u.fn in
    List.sort_uniq compare (List.concat_map (fun (r : site) ->
        if r.line <= u.line_end then [] else
        List.filter_map (fun a ->
            let k = page_key a in
            if is_field_key k || List.mem k ps then Some (k, "teardown") else None)
          (split_args r.args)) (releases_in u.fn))
  | None -> []

let emit_for_unmap (call : site) =
  let km = mapping_key call.fn call.text in
  match statement_of call with
  | Some u when alone u ->
    let drop = Printf.sprintf "del:%d:%d" u.line u.line_end in
    List.iter (fun (kp, relation) ->
        match first_release_after call.fn u kp km with
        | Some (Release r, _, sib) ->
          emit "swap" relation call.fn [r.line] (move_after u sib);
          emit "drop" relation call.fn [r.line] drop
        | Some (e, _, sib) ->
          emit "helper" relation call.fn (release_lines e kp 3) (move_after u sib);
          emit "drop" relation call.fn (release_lines e kp 3) drop
        | None ->
          (* The pages go in a caller: after the call of this function. *)
          List.iter (fun (c : site) ->
              if c.text = call.fn && is_field_key kp then
                match statement_of c with
                | Some cs ->
                  (match first_release_after c.fn cs kp km with
                   | Some (e, _, _) -> emit "drop" relation call.fn (release_lines e kp 3) drop
                   | None -> ())
                | None -> ()) !calls) (pages_for call)
  | _ -> ()

(* In every function, a call that unmaps a field mapping followed by an
   event releasing its pages: the release moved before the call (mirror),
   and the call moved after the release (helper). *)
let emit_callers () =
  List.iter (fun (m : site) ->
      let km = mapping_key m.fn m.text and kp = map_pages m in
      if is_field_key km then
        List.iter (fun (c : site) ->
            if only_unmaps (Call c) km kp then
              match statement_of c with
              | Some cs when alone cs ->
                (match first_release_after c.fn cs kp km with
                 | Some (e, r, sib) ->
                   let lines = release_lines e kp 3 in
                   (match e, statement_of r with
                    | Release _, Some rs when rs = sib ->
                      emit "mirror" "map" c.fn lines (move_before rs cs)
                    | Call _, _ when sib.line = r.line ->
                      emit "mirror" "map" c.fn lines (move_before sib cs)
                    | _ -> ());
                   emit "helper" "map" c.fn lines (move_after cs sib)
                 | None -> ())
              | _ -> ()) !calls) !maps

(* A goto to label L inserted right after the map call M (statement MS) is
   made, and after its failure test if that comes next: the edit.  GUARD
   puts it behind a test no engine can decide (the rest of the function
   stays reachable). *)
let goto_after_map ?(guard = false) (m : site) (ms : site) (l : site) =
  let next = List.filter (fun (s : site) -> s.fn = m.fn && s.line > ms.line_end) !stmts in
  let at = match List.sort by_line next with
    | s :: _ when contains_word (line_text s.line) "if" &&
                  contains_word (tidy (line_text s.line)) (tidy m.text) ||
                  (String.length (page_key m.text) > 2 &&
                   contains (tidy (line_text s.line)) (page_key m.text)) ->
      if alone s then s.line_end else ms.line_end
    | _ -> ms.line_end in
  Printf.sprintf "ins:%d:%s%sgoto %s;" at (indent_of (line_text ms.line))
    (if guard then "if (READ_ONCE(jiffies) & 1) " else "") l.text

(* The first label after the first unmap of map call M's mapping in its
   function that TARGET accepts, with the map call's statement. *)
let label_past_unmap (m : site) target =
  let unmapped = List.filter (fun (u : site) -> u.fn = m.fn && u.text = m.text && u.line > m.line)
      (unmaps_in m.fn) in
  match List.sort by_line unmapped with
  | u :: _ ->
    let targets = List.filter (fun (l : site) ->
        l.fn = m.fn && l.line > u.line_end && target l unmapped) !labels in
    (match List.sort by_line targets, statement_of m with
     | l :: _, Some ms when alone ms -> Some (l, ms)
     | _ -> None)
  | [] -> None

(* errpath: a goto to a label after the unmap that leads to a release of
   the pages, inserted right after the mapping is made (and checked). *)
let emit_errpath () =
  List.iter (fun (m : site) ->
      let key = map_pages m in
      match label_past_unmap m (fun l _ -> releases_after m.fn l.line key <> []) with
      | Some (l, ms) ->
        let r = List.hd (List.sort by_line (releases_after m.fn l.line key)) in
        emit "errpath" "map" m.fn [r.line] (goto_after_map m ms l)
      | None -> ()) !maps

(* skip: the same goto, for a local mapping of pages the function was
   handed (a parameter's or a field's: their owner releases them), to a
   label after the unmap that neither a release of the pages nor another
   unmap of it follows: the mapping outlives the function, and the pages
   go on to be released.  The goto is behind a test (or the unmap would
   be dead code).  The unsafe lines are the goto (0: the line inserted),
   the map call, where the plugin reports it, and any release after the
   label (of pages loaded into a local, which the test above misses). *)
let emit_skip () =
  List.iter (fun (m : site) ->
      let key = map_pages m in
      if String.for_all is_id_char m.text &&
         (is_field_key key || List.mem key (param_names m.fn)) then
        match label_past_unmap m (fun l unmapped ->
            releases_after m.fn l.line key = [] &&
            List.for_all (fun (u : site) -> u.line < l.line) unmapped) with
        | Some (l, ms) ->
          let later = List.filter (fun (r : site) -> r.fn = m.fn && r.line > l.line) !releases in
          emit "skip" "map" m.fn (0 :: m.line :: List.map (fun (r : site) -> r.line) later)
            (goto_after_map ~guard:true m ms l)
        | None -> ()) !maps

(* own: the flag handing the pages over added to a map call whose pages
   its function (or, for a field, the file) still releases. *)
let emit_own () =
  (* Only a free of the mapping (vfree) drops the references it was handed:
     an unmap leaves them to the code, which is then right to release them. *)
  let freed (m : site) =
    List.exists (fun (u : site) ->
        api_kind u.args = "free-area" && mapping_key u.fn u.text = mapping_key m.fn m.text)
      !unmaps in
  List.iter (fun (m : site) ->
      match Hashtbl.find_opt flags (m.line, m.col) with
      | Some (fl, flag) when fl.line = fl.line_end && not (contains fl.text flag) && freed m ->
        let key = map_pages m in
        let field = is_field_key key in
        let rs = List.filter (fun (r : site) ->
            (r.fn = m.fn && r.line > m.line || field && r.fn <> m.fn) && names_pages r.args key)
            !releases in
        (match List.sort by_line rs with
         | r :: _ ->
           let t = line_text fl.line in
           emit "own" "map" m.fn [r.line]
             (Printf.sprintf "sub:%d:%d:%d:(%s) | %s" fl.line fl.col fl.col_end
                (String.sub t fl.col (fl.col_end - fl.col)) flag)
         | [] -> ())
      | _ -> ()) !maps

let emit_all () =
  if !file <> "" then begin
    read_lines !file;
    compute_effects ();
    List.iter emit_for_unmap (List.sort by_line (real_unmaps ()));
    emit_callers ();
    emit_errpath ();
    emit_skip ();
    emit_own ();
    print_mutants ()
  end

@fparams depends on list@
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

@stmt depends on list@
statement S;
position p;
@@

S@p

@script:ocaml@
p << stmt.p;
@@
file := (List.hd p).Coccilib.file;
stmts := site_of p "" "" :: !stmts

@map depends on list@
expression V, P;
expression list[n] before;
identifier I, mapfn : script:ocaml () { is_map mapfn };
type T;
position pm;
@@

(
 V = mapfn@pm(before, P, ...);
|
 T I = mapfn@pm(before, P, ...);
)

@script:ocaml@
pm << map.pm;
v << map.V = "";
i << map.I = "";
p << map.P;
n << map.n;
mapfn << map.mapfn;
@@
if n = api_arg mapfn then
  maps := site_of pm (if v <> "" then v else i) p :: !maps

@mapflags depends on list@
identifier mapfn : script:ocaml () { has_owner_flag mapfn };
expression list[n] before;
expression FL;
position pm, pf;
@@

mapfn@pm(before, FL@pf, ...)

@script:ocaml@
pm << mapflags.pm;
pf << mapflags.pf;
fl << mapflags.FL;
n << mapflags.n;
mapfn << mapflags.mapfn;
@@
if n = flags_arg mapfn then
  let m = List.hd pm in
  Hashtbl.replace flags (m.Coccilib.line, m.Coccilib.col) (site_of pf fl "", owner_flag mapfn)

@unmap depends on list@
identifier unm : script:ocaml () { is_unmap_api unm };
expression V;
position pu;
@@

unm@pu(V, ...)

@script:ocaml@
pu << unmap.pu;
v << unmap.V;
unm << unmap.unm;
@@
unmaps := site_of pu v unm :: !unmaps

@release depends on list@
identifier rel : script:ocaml () { is_release_api rel };
expression list es;
position pr;
@@

rel@pr(es)

@script:ocaml@
pr << release.pr;
es << release.es;
@@
releases := site_of pr "" es :: !releases

@call depends on list@
identifier f : script:ocaml () { Hashtbl.mem params f };
expression list es;
position pc;
@@

f@pc(es)

@script:ocaml@
f << call.f;
pc << call.pc;
es << call.es;
@@
calls := site_of pc f es :: !calls

// Page arrays of map calls held in locals, and what functions return.
@assign depends on list@
identifier loc : script:ocaml () { is_mapped_local loc };
expression E;
type T;
position pa;
@@

(
 loc@pa = E;
|
 T loc@pa = E;
)

@script:ocaml@
pa << assign.pa;
l << assign.loc;
e << assign.E;
@@
assigns := site_of pa l e :: !assigns

@ret depends on list@
expression E;
position pr;
@@

return@pr E;

@script:ocaml@
pr << ret.pr;
e << ret.E;
@@
returns := site_of pr "" e :: !returns

@label depends on list@
identifier L;
position pl;
@@

L@pl:

@script:ocaml@
pl << label.pl;
lab << label.L;
@@
labels := site_of pl lab "" :: !labels

@script:ocaml depends on list@
@@
emit_all ();
forget ();
file := ""
