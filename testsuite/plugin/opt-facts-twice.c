/* SPDX-License-Identifier: GPL-2.0-only */
/* facts= given twice is an error: one of the directories would get nothing. */
/* { dg-options "-fplugin-arg-vmapcheck-facts=/tmp/a -fplugin-arg-vmapcheck-facts=/tmp/b" } */
/* { dg-error "'-fplugin-arg-vmapcheck-facts' is given twice; give it once" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_facts_twice;
