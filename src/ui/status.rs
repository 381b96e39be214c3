//! Bottom line: the fiche, the focused pane, and the hints of the active key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{text, theme::Theme};
use crate::app::{App, KeyMode, Pane, history, keys, view::strings as s};

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
        KeyMode::Search | KeyMode::CatalogueSearch | KeyMode::SearchPick => s::SEARCH_TITLE,
        KeyMode::Browse | KeyMode::FicheBrowse => pane_name(app.focus),
        KeyMode::Fiches | KeyMode::FicheFilter => s::FICHES_TITLE,
        KeyMode::Compare | KeyMode::ComparePick => s::compare::PANE_COMPARE,
        KeyMode::Findings => s::FINDINGS_TITLE,
        KeyMode::Warnings => s::WARNINGS_TITLE,
        KeyMode::Partners => s::PARTNERS_TITLE,
        KeyMode::CertCompare | KeyMode::CertPick => s::certs::PANE_CERTS,
        KeyMode::FacetMenu => s::FACETS_TITLE,
    };
    let hints: Vec<String> = keys::hints(mode, app.focus)
        .map(|h| format!(" {h} "))
        .collect();
    let hints_width: usize = hints.iter().map(|h| text::width(h)).sum();
    // The fiche's full title when it fits beside every hint, else its number,
    // else (very narrow) just the place, so that the best hints keep room.
    // The fiche list is about no fiche in particular: the place alone.
    let fiche = app.fiche();
    let full = format!(
        " {} · {} │ {place} │",
        fiche.numero().spaced(),
        fiche.intitule
    );
    let short = format!(" {} │ {place} │", fiche.numero().spaced());
    let bare = format!(" {place} │");
    let best: usize = ranked(&hints)
        .iter()
        .take(3)
        .map(|&i| text::width(&hints[i]))
        .sum();
    // Where the user came from, when they followed something: the trail
    // takes the fiche's place, in half the bar at most.
    let trail = history::trail(app);
    let over_list = matches!(app.mode, crate::app::Mode::Fiches);
    let head = if !trail.is_empty() {
        let room = (width / 2).saturating_sub(text::width(&bare) + 3);
        format!(" {} │{bare}", trail_text(&trail, room))
    } else if over_list
        || matches!(
            mode,
            // Nor is a comparison of two certifications.
            KeyMode::Fiches
                | KeyMode::FicheFilter
                | KeyMode::FacetMenu
                | KeyMode::CertCompare
                | KeyMode::CertPick
        )
    {
        bare
    } else if text::width(&full) + hints_width <= width {
        full
    } else if text::width(&short) + best <= width {
        short
    } else {
        bare
    };
    let mut used = text::width(&head);
    let mut spans = vec![Span::raw(text::fit(&head, width))];
    // What the load skipped stays counted, with the key that lists it.
    if !app.load_warnings.is_empty() {
        let mark = s::load_warnings_mark(app.load_warnings.len());
        if used + text::width(&mark) < width {
            used += text::width(&mark);
            spans.push(Span::styled(
                mark,
                theme.tone(crate::app::view::Tone::Warning),
            ));
        }
    }
    // A notice ("copié : …") answers the last key: it takes the hints' room
    // until the next key.
    if let Some(notice) = &app.notice {
        let room = width.saturating_sub(used);
        spans.push(Span::styled(
            text::fit(&format!(" {notice}"), room),
            theme.tone(crate::app::view::Tone::Heading),
        ));
        frame.render_widget(
            Paragraph::new(Line::from(spans)).style(theme.status()),
            area,
        );
        return;
    }
    // The most useful hints that fit, shown in table order.
    let mut room = width.saturating_sub(used);
    let mut shown = vec![false; hints.len()];
    for i in ranked(&hints) {
        let w = text::width(&hints[i]);
        if w <= room {
            room -= w;
            shown[i] = true;
        }
    }
    for (piece, shown) in hints.into_iter().zip(shown) {
        if shown {
            spans.push(Span::raw(piece));
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status()),
        area,
    );
}

/// The trail joined, in at most `width` columns: the oldest places give way
/// to "…" first, then the last place itself is cut.
pub fn trail_text(labels: &[String], width: usize) -> String {
    let sep = s::TRAIL_SEP;
    for skip in 0..labels.len() {
        let mut joined = labels[skip..].join(sep);
        if skip > 0 {
            joined = format!("{}{sep}{joined}", s::TRAIL_CUT);
        }
        if text::width(&joined) <= width {
            return joined;
        }
    }
    text::fit(labels.last().map_or("", String::as_str), width)
}

/// Hint indices, most useful first: help (always), closing a popup, search,
/// compare, moving, choosing; quitting last (`q` is in the help, and Ctrl-C
/// works everywhere). Ranked by the hint's key, so the table stays the one
/// source of hints; a key not listed here ranks between choosing and quitting.
fn ranked(hints: &[String]) -> Vec<usize> {
    const ORDER: [&str; 9] = ["?", "Échap", "/", "c", "↑↓", "Entrée", "s", "Tab", "←→"];
    let rank = |hint: &str| {
        let key = hint.split_whitespace().next().unwrap_or("");
        match key {
            "q" => ORDER.len() + 1,
            k => ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len()),
        }
    };
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| rank(&hints[i]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(list: &[&str]) -> Vec<String> {
        list.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_trail_drops_its_oldest_places_first() {
        let trail = labels(&["RNCP34762", "RS6232", "RS7485"]);
        assert_eq!(trail_text(&trail, 80), "RNCP34762 › RS6232 › RS7485");
        assert_eq!(trail_text(&trail, 20), "… › RS6232 › RS7485");
        assert_eq!(trail_text(&trail, 12), "… › RS7485");
        assert!(text::width(&trail_text(&trail, 4)) <= 4);
        assert_eq!(trail_text(&[], 10), "");
    }
}
