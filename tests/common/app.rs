//! A fresh explorer state on the embedded fiche, without a terminal.

use std::sync::OnceLock;

use rncp_explorer::app::{Action, App, update};
use rncp_explorer::model;

/// An app sized `width`×`height`. The fiche is parsed and checked once per
/// test binary (slow in debug builds); each call gets its own copy.
pub fn app_at(width: u16, height: u16) -> App {
    static APP: OnceLock<App> = OnceLock::new();
    let mut app = APP.get_or_init(|| App::new(model::embedded())).clone();
    update(&mut app, Action::Resize { width, height });
    app
}
