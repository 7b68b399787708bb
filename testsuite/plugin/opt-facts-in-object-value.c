/* SPDX-License-Identifier: GPL-2.0-only */
/* facts-in-object is a switch: a value (a directory, say) is one error line. */
/* { dg-options "-fplugin-arg-vmapcheck-facts-in-object=obj" } */
/* { dg-error "'-fplugin-arg-vmapcheck-facts-in-object' takes no value" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_facts_in_object_value;
