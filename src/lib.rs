//! rncp-explorer: browse, search and compare French professional
//! certifications (RNCP fiches) from the terminal.
//!
//! Layers, each importing only from the ones before it:
//! `model` ← `check` / `export` / `search` / `compare` / `import` / `partners` ← `app` ← `ui`.
//! The binary (`main.rs`, `cli/`) sits on top. See `docs/architecture.md`.

pub mod app;
pub mod check;
pub mod compare;
pub mod export;
pub mod import;
pub mod model;
pub mod partners;
pub mod search;
pub mod ui;
