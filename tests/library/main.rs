//! The library below the front ends: importers, loader and comparison, on fixtures and arbitrary input.

#[path = "../support/mod.rs"]
mod support;

mod compare_json;
mod compare_render;
mod embedded_catalog;
mod import_fuzz;
mod import_paths;
mod loader_props;
mod rendered_seed;
