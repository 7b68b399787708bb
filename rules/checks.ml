(* SPDX-License-Identifier: GPL-2.0-only *)
(* The check a rule makes, by the ID users know it by: the plugin's
   "[vmapcheck:ID]".  make puts check_id (from the rule's file name,
   vmap_ID.cocci) and check_ids (every rule's) before this file.  A user
   turns checks off with spatch -D disable=ID,... (SPFLAGS under
   coccicheck): the report and org modes then print nothing of them. *)

let check_disabled = ref false

let checks_disable list =
  List.iter (fun id ->
      if not (List.mem id check_ids) then begin
        Printf.eprintf "vmapcheck: -D disable=%s: unknown check '%s'; the checks are %s\n"
          list id (String.concat ", " (List.map (fun c -> "'" ^ c ^ "'") check_ids));
        Stdlib.exit 2
      end;
      if id = check_id then check_disabled := true)
    (String.split_on_char ',' list)

(* A finding at P: coccicheck's report line, or org's entry. *)
let check_report org p msg =
  if not !check_disabled then begin
    let msg = Printf.sprintf "%s [vmapcheck:%s]" msg check_id in
    if org then Coccilib.print_main msg [p]
    else Printf.printf "%s:%d:%d-%d: WARNING: %s\n" p.Coccilib.file p.Coccilib.line
        p.Coccilib.col p.Coccilib.col_end msg
  end
