/* SPDX-License-Identifier: GPL-2.0-only */
/* The api key without a file is one error line. */
/* { dg-options "-fplugin-arg-vmapcheck-api" } */
/* { dg-error "'-fplugin-arg-vmapcheck-api' needs a value" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_needs_value;
