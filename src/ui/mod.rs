//! Rendering: pure functions from `&App` to a frame, one file per pane or
//! popup. Geometry comes from `app::view::layout`, the same one mouse clicks use.

mod block;
mod cert_compare;
mod cert_pick;
mod compare;
mod compare_pick;
mod detail;
mod facet_bar;
mod fiches;
mod findings;
mod help;
pub mod loading;
mod parcours;
mod partners;
mod search;
mod status;
mod tabs;
pub mod text;
pub mod theme;
mod tree;
mod warnings;

use ratatui::Frame;

use crate::app::view::layout::{self, Shape};
use crate::app::{App, Mode, Pane, Popup};
pub use theme::Theme;

/// Draws the whole screen. Never panics, whatever the frame size.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let screen = layout::compute(area, app.focus);
    if screen.shape == Shape::TooSmall {
        tabs::render_too_small(frame, area, theme);
        return;
    }
    if let (Mode::Fiches, Some(state)) = (&app.mode, &app.fiche_list) {
        fiches::render(frame, area, app, state, theme);
        if let Some(rect) = screen.status {
            status::render(frame, rect, app, theme);
        }
        match &app.popup {
            Some(Popup::Help { scroll }) => help::render(frame, area, true, *scroll, theme),
            Some(Popup::Warnings(cursor)) => warnings::render(frame, area, app, cursor, theme),
            Some(Popup::CertPick(picker)) => cert_pick::render(frame, area, app, picker, theme),
            Some(Popup::Search(popup)) => search::render(frame, area, app, popup, theme),
            _ => {}
        }
        return;
    }
    // A comparison replaces the panes (and the tab strip) while it is open.
    let comparing = matches!(app.mode, Mode::Compare(_) | Mode::CertCompare(_));
    match &app.mode {
        Mode::Compare(view) => compare::render(frame, area, app, view, theme),
        Mode::CertCompare(view) => cert_compare::render(frame, area, app, view, theme),
        _ => {}
    }
    if let Some(rect) = screen.tabs.filter(|_| !comparing) {
        tabs::render(frame, rect, app, theme);
    }
    for pane in Pane::ALL.into_iter().filter(|_| !comparing) {
        let Some(rect) = screen.pane(pane) else {
            continue;
        };
        match pane {
            Pane::Parcours => parcours::render(frame, rect, app, theme),
            Pane::Maquette => tree::render(frame, rect, app, theme),
            Pane::Detail => detail::render(frame, rect, app, theme),
        }
    }
    if let Some(rect) = screen.status {
        status::render(frame, rect, app, theme);
    }
    match &app.popup {
        Some(Popup::Help { scroll }) => {
            help::render(frame, area, app.fiche_list.is_some(), *scroll, theme)
        }
        Some(Popup::ComparePick(picker)) => compare_pick::render(frame, area, app, picker, theme),
        Some(Popup::CertPick(picker)) => cert_pick::render(frame, area, app, picker, theme),
        Some(Popup::Search(popup)) => search::render(frame, area, app, popup, theme),
        Some(Popup::Findings(cursor)) => findings::render(frame, area, app, cursor, theme),
        Some(Popup::Warnings(cursor)) => warnings::render(frame, area, app, cursor, theme),
        Some(Popup::Partners(popup)) => partners::render(frame, area, app, popup, theme),
        None => {}
    }
}
