/* SPDX-License-Identifier: GPL-2.0-only */
/* An unknown plugin key is one error line naming the key and the known ones. */
/* { dg-options "-fplugin-arg-vmapcheck-colour" } */
/* { dg-error "unknown option '-fplugin-arg-vmapcheck-colour'; the keys are 'disable', 'disable=ID', 'verbose', 'werror', 'api=FILE', 'facts=DIR' and 'facts-in-object'" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_unknown_key;
