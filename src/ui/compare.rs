//! The comparison view: a summary header over two aligned, jointly
//! scrolling columns (or one stacked column on narrow screens), in place of
//! the tree and detail panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, parcours, text, theme::Theme};
use crate::app::compare::CompareView;
use crate::app::view::Tone;
use crate::app::view::compare_lines::{self as lines, Cells, SEPARATOR, ViewLine};
use crate::app::view::detail::Wrapped;
use crate::app::view::strings::compare as cs;
use crate::app::{App, view::layout};
use crate::compare::Facing;

pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &CompareView, theme: &Theme) {
    let screen = layout::compare_screen(area);
    if let Some(list) = screen.list {
        parcours::render(frame, list, app, theme);
    }
    let inner = layout::inner(screen.view);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let c = &view.comparison;
    let (header, body) = lines::screen_lines(app.catalogue.get(view.left.fiche), c, width, height);
    let header_rows = header.len().min(height);
    let rows = height - header_rows;
    let scroll = view.scroll.min(body.len().saturating_sub(rows));
    let title = format!(
        "{} : {} ↔ {}",
        cs::PANE_COMPARE,
        c.left.short,
        c.right.short
    );
    let note = block::scroll_note(scroll, rows, body.len(), &title, screen.view.width);
    let columns = lines::columns(width);
    let shown: Vec<Line> = header
        .iter()
        .take(header_rows)
        .chain(body.iter().skip(scroll).take(rows))
        .map(|l| line(l, columns, width, theme))
        .collect();
    frame.render_widget(
        Paragraph::new(shown).block(block::pane(&title, note, true, theme, screen.view.width)),
        screen.view,
    );
}

pub(super) fn line(
    l: &ViewLine,
    columns: Option<(usize, usize)>,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let (mark, tone) = match l.mark {
        Some(Facing::Shared) => (cs::MARK_SHARED, Tone::Common),
        Some(Facing::Left) => (cs::MARK_LEFT, Tone::Label),
        Some(Facing::Right) => (cs::MARK_RIGHT, Tone::Label),
        Some(Facing::Each) => (cs::MARK_EACH, Tone::Label),
        Some(Facing::Renamed) => (cs::MARK_RENAMED, Tone::Common),
        None => (" ", Tone::Text),
    };
    let mut spans = vec![Span::styled(format!("{mark} "), theme.tone(tone))];
    match (&l.cells, columns) {
        (Cells::Split(left, right), Some((lw, rw))) => {
            let used = push(&mut spans, left, lw, theme);
            spans.push(Span::raw(" ".repeat(lw - used)));
            spans.push(Span::styled(SEPARATOR, theme.tone(Tone::Muted)));
            push(&mut spans, right, rw, theme);
        }
        (Cells::Split(left, _), None) | (Cells::Full(left), _) => {
            push(
                &mut spans,
                left,
                width.saturating_sub(lines::MARK_WIDTH),
                theme,
            );
        }
    }
    Line::from(spans)
}

/// Appends a wrapped cell cut to `max` columns (it already fits; this is a
/// guard so a cell can never spill into its neighbour). Returns the width used.
fn push(spans: &mut Vec<Span<'static>>, cell: &Wrapped, max: usize, theme: &Theme) -> usize {
    let styled: Vec<Span<'static>> = cell
        .iter()
        .map(|(tone, t)| Span::styled(t.clone(), theme.tone(*tone)))
        .collect();
    let (cut, used) = text::fit_spans(styled, max);
    spans.extend(cut);
    used
}
