/* SPDX-License-Identifier: GPL-2.0-only */
/* An unknown key with a value is unknown, not a known key taking no value. */
/* { dg-options "-fplugin-arg-vmapcheck-colour=red" } */
/* { dg-error "unknown option '-fplugin-arg-vmapcheck-colour'; the keys are" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_unknown_key_value;
