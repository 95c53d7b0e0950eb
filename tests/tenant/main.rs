//! Tenant exports: reading every export form, joining them with the attestations, the findings,
//! and the `tenant` command and filter terms through the real binary.

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod exports;
