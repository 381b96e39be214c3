//! Bottom line: the fiche, the focused pane, and the hints of the active key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{text, theme::Theme};
use crate::app::{App, KeyMode, Pane, keys, view::strings as s};

pub fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Parcours => s::PANE_PARCOURS,
        Pane::Maquette => s::PANE_MAQUETTE,
        Pane::Detail => s::PANE_DETAIL,
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let mode = app.key_mode();
    let place = match mode {
        KeyMode::Help => s::HELP_TITLE,
        KeyMode::Search => s::SEARCH_TITLE,
        KeyMode::Browse | KeyMode::FicheBrowse => pane_name(app.focus),
        KeyMode::Fiches | KeyMode::FicheFilter => s::FICHES_TITLE,
        KeyMode::Compare | KeyMode::ComparePick => s::compare::PANE_COMPARE,
    };
    let hints: Vec<String> = keys::hints(mode, app.focus)
        .map(|h| format!(" {h} "))
        .collect();
    let hints_width: usize = hints.iter().map(|h| text::width(h)).sum();
    // The fiche's full title when it fits beside every hint, else just its number.
    let fiche = &app.fiche();
    let full = format!(" RNCP {} · {} │ {place} │", fiche.rncp_code, fiche.intitule);
    let head = if matches!(mode, KeyMode::Fiches | KeyMode::FicheFilter) {
        // The list is about no fiche in particular.
        format!(" {place} │")
    } else if text::width(&full) + hints_width <= width {
        full
    } else {
        format!(" RNCP {} │ {place} │", fiche.rncp_code)
    };
    let mut used = text::width(&head);
    let mut spans = vec![Span::raw(text::fit(&head, width))];
    // As many hints as fit, in table order (the table lists the important ones first).
    for piece in hints {
        let w = text::width(&piece);
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::raw(piece));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status()),
        area,
    );
}
