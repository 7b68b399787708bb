(* SPDX-License-Identifier: GPL-2.0-only *)
(* The kernel API model for the rules: make puts this file, after the text
   of model/kernel.api as builtin_model, into the initialize block of each
   rule (build/rules/).  A user's api file, in the same format, is added
   with spatch -D api=FILE (SPFLAGS="-D api=FILE" under coccicheck).  The
   format is that of docs/vmapcheck.1 (API FILE FORMAT); the rules use the
   kind, the function, the argument indexes and the options.  At the end,
   what both rules take for a lazy-unmap list. *)

type api_entry = {
  kind : string;
  args : int list;
  options : (string * string) list;
}

let api_kinds = ["map"; "map-counted"; "unmap"; "unmap-counted"; "free-area";
  "release"; "release-array"; "release-address"; "defer"; "alias"; "errtest"; "hook";
  "runner"; "fill"; "free-object"]

(* Function -> entry (the last one given); names in the order given. *)
let api = Hashtbl.create 97
let api_order = ref []

let api_error origin line msg =
  if line > 0 then Printf.eprintf "vmapcheck: %s:%d: %s\n" origin line msg
  else Printf.eprintf "vmapcheck: %s: %s\n" origin msg;
  Stdlib.exit 2

let api_parse origin text =
  List.iteri (fun i line ->
      let line = match String.index_opt line (Char.chr 35) with
        | Some k -> String.sub line 0 k | None -> line in
      let words = List.filter (fun w -> w <> "")
          (String.split_on_char ' ' (String.map (fun c ->
               if c = '\t' || c = '\r' then ' ' else c) line)) in
      let fail msg = api_error origin (i + 1) msg in
      match words with
      | [] -> ()
      | kind :: name :: args :: options ->
        if not (List.mem kind api_kinds) then
          fail ("unknown kind '" ^ kind ^ "'; use " ^ String.concat ", " api_kinds);
        let args = List.map (fun a ->
            match int_of_string_opt a with
            | Some n when n >= 0 && n < 64 -> n
            | _ -> fail ("argument index '" ^ a ^ "' is not a number from 0 to 63"))
            (String.split_on_char ',' args) in
        let options = List.map (fun o ->
            match String.index_opt o '=' with
            | Some k -> (String.sub o 0 k, String.sub o (k + 1) (String.length o - k - 1))
            | None -> (o, "")) options in
        if not (Hashtbl.mem api name) then api_order := name :: !api_order;
        Hashtbl.replace api name { kind = kind; args = args; options = options }
      | _ -> fail "expected 'KIND FUNCTION ARG', for example 'unmap my_vunmap 0'")
    (String.split_on_char '\n' text)

let () = api_parse "model/kernel.api" builtin_model

(* The user's api file, read once (from the first file's script rule). *)
let api_user_loaded = ref false
let api_load_user file =
  if not !api_user_loaded then begin
    api_user_loaded := true;
    let text = try
        let ic = open_in_bin file in
        let n = in_channel_length ic in
        if n > 1048576 then api_error file 0 "larger than 1 MiB; an api file lists functions";
        let s = really_input_string ic n in
        close_in ic; s
      with Sys_error e -> api_error file 0 ("cannot read the api file: " ^ e) in
    if String.contains text '\000' then api_error file 0 "a NUL byte; an api file is text";
    api_parse file text
  end

let api_kind f = match Hashtbl.find_opt api f with Some e -> e.kind | None -> ""
let api_option f o =
  match Hashtbl.find_opt api f with
  | Some e -> List.assoc_opt o e.options
  | None -> None
let api_args f = match Hashtbl.find_opt api f with Some e -> e.args | None -> []
(* The first function of a kind, as the model lists them. *)
let api_first kind =
  match List.find_opt (fun f -> api_kind f = kind) (List.rev !api_order) with
  | Some f -> f | None -> kind

let is_map f = api_kind f = "map"
let is_counted_map f = api_kind f = "map-counted"
let is_page_release f = api_kind f = "release"
let is_array_release f = api_kind f = "release-array"
let is_address_release f = api_kind f = "release-address"
let is_fill f = api_kind f = "fill"
let is_alias f = api_kind f = "alias"
let is_hook f = api_kind f = "hook"
let is_runner f = api_kind f = "runner"
(* Unmaps that drop no page references, so that moving them is safe. *)
let is_plain_unmap f = api_kind f = "unmap"
let is_unmap_api f = List.mem (api_kind f) ["unmap"; "unmap-counted"; "free-area"]
(* An API that only unmaps: vfree() and kvfree() free whatever they are handed. *)
let is_certain_unmap f = List.mem (api_kind f) ["unmap"; "unmap-counted"]
(* An unmap that drops page references fixes nothing after a release. *)
let is_dropping_unmap f = api_kind f = "unmap-counted"
(* The refcounted form of a map or unmap call, and what it takes more. *)
let counted_form f = match api_option f "counted" with Some c -> c | None -> f
let counted_extra_arg f =
  match api_option (counted_form f) "extra-arg" with Some a -> a | None -> ""
let has_counted_form f = api_option f "counted" <> None
(* The flags argument of a map call and the flag handing it the pages. *)
let flags_arg f =
  match api_option f "flags" with Some n -> int_of_string n | None -> -1
let owner_flag f = match api_option f "owns-flag" with Some s -> s | None -> ""
let counted_map = api_first "map-counted"
let counted_unmap = api_first "unmap-counted"
let first_hook = api_first "hook"
let first_free_area = api_first "free-area"
(* The call that undoes a map call, given the address alone (unmap=). *)
let paired_unmap f = match api_option f "unmap" with Some u -> u | None -> ""
(* Predicates for SmPL constraints, where spatch reads "<>" as SmPL. *)
let has_paired_unmap f = paired_unmap f <> ""
let has_extra_arg f = counted_extra_arg f <> ""
let has_plain_counted_form f = is_plain_unmap f && has_counted_form f
let counted_with_same_args f = has_counted_form f && not (has_extra_arg f)
(* The argument an entry is about (the first, for a list). *)
let api_arg f = match api_args f with a :: _ -> a | [] -> 0
let has_owner_flag f = owner_flag f <> ""
let is_release_api f = is_page_release f || is_array_release f

(* Lazy-unmap lists, as both rules recognise them.  A queueing store stores
   a pointer parameter (a mapping address), not a physical address or a
   size: is P declared a pointer in the parameter list PS? *)
let param_is_pointer ps p =
  List.exists (fun d ->
      let d = String.trim d in
      let n = String.length d and k = String.length p in
      n > k && String.sub d (n - k) k = p && String.contains d '*' &&
      (let c = d.[n - k - 1] in c = ' ' || c = '*'))
    (String.split_on_char ',' ps)

(* The field an unmapped address is loaded from, which names the list a
   purge drains: "b_addr" for "bp->b_addr - bp->b_offset" or
   "(void *)e->vm_addr"; "data", not "fw", for "priv->fw->data"; "" when
   it is no field. *)
let held_field a =
  let a = String.concat "" (String.split_on_char ' ' a) in
  let n = String.length a in
  let rec close i depth =
    if i >= n then n
    else match a.[i] with
      | '(' -> close (i + 1) (depth + 1)
      | ')' -> if depth = 1 then i else close (i + 1) (depth - 1)
      | _ -> close (i + 1) depth in
  (* A leading cast or parentheses. *)
  let a = if n > 0 && a.[0] = '(' then
      let c = close 0 0 in
      if c + 1 >= n then String.sub a 1 (max 0 (c - 1)) else String.sub a (c + 1) (n - c - 1)
    else a in
  let n = String.length a in
  (* The first operand of a top-level + or - (not the '-' of "->"). *)
  let rec operand_end i =
    if i >= n then n
    else if a.[i] = '+' || (a.[i] = '-' && not (i + 1 < n && a.[i + 1] = '>')) then i
    else operand_end (i + 1) in
  let op = String.sub a 0 (operand_end 0) in
  let last_sep =
    max (try String.rindex op '>' with Not_found -> -1)
        (try String.rindex op '.' with Not_found -> -1) in
  if last_sep < 0 then "" else String.sub op (last_sep + 1) (String.length op - last_sep - 1)
