//! Left pane: the fiche entry, then the parcours.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, text, theme::Theme};
use crate::app::detail::Tone;
use crate::app::{App, Pane, layout, strings as s};

/// Below this inner width the short labels ("Europe") read better than cut names.
const SHORT_LABEL_BELOW: usize = 24;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Parcours;
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let offset = app.list_offset.min(app.list_len().saturating_sub(height));
    let lines: Vec<Line> = (offset..app.list_len())
        .take(height)
        .map(|row| {
            let base = if row == app.selected {
                theme.selected(focused)
            } else {
                ratatui::style::Style::new()
            };
            let (left, right) = item(app, row, width, theme);
            text::row(left, right, width, base)
        })
        .collect();
    let title = s::PANE_PARCOURS;
    frame.render_widget(
        Paragraph::new(lines).block(block::pane(title, None, focused, theme, area.width)),
        area,
    );
}

fn item(
    app: &App,
    row: usize,
    width: usize,
    theme: &Theme,
) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let fiche = &app.fiche;
    if row == 0 {
        return (
            vec![Span::styled(
                format!("{} RNCP {}", s::FICHE_ENTRY, fiche.rncp_code),
                theme.tone(Tone::Label),
            )],
            Vec::new(),
        );
    }
    let Some(p) = fiche.parcours.get(row - 1) else {
        return (Vec::new(), Vec::new());
    };
    let warned = app
        .findings
        .iter()
        .any(|f| f.location.parcours.as_deref() == Some(p.id.as_str()));
    let right = if warned {
        vec![Span::styled(
            s::WARNING_MARK.to_string(),
            theme.tone(Tone::Warning),
        )]
    } else {
        Vec::new()
    };
    let name = if width < SHORT_LABEL_BELOW && text::width(&p.name) > width.saturating_sub(2) {
        p.short_label()
    } else {
        p.name.clone()
    };
    (vec![Span::raw(name)], right)
}
