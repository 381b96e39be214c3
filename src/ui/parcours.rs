//! Left pane: the fiche entry, then the parcours.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, text, theme::Theme};
use crate::app::detail::{self, DocLine, Tone};
use crate::app::{App, Pane, layout, strings as s};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Parcours;
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let two_lines = app.parcours_lines(inner) == 2;
    let offset = if two_lines {
        0
    } else {
        app.list_offset.min(app.list_len().saturating_sub(height))
    };
    let mut lines: Vec<Line> = Vec::new();
    for row in offset..app.list_len() {
        let base = if row == app.selected {
            theme.selected(focused)
        } else {
            Style::new()
        };
        let (left, right) = item(app, row, width, theme);
        match (two_lines && row > 0, wrapped_name(app, row, width)) {
            (true, Some((first, second))) => {
                lines.push(text::row(vec![Span::raw(first)], right, width, base));
                lines.push(text::row(vec![Span::raw(second)], Vec::new(), width, base));
            }
            _ => lines.push(text::row(left, right, width, base)),
        }
        if lines.len() >= height {
            break;
        }
    }
    lines.truncate(height);
    let title = s::PANE_PARCOURS;
    frame.render_widget(
        Paragraph::new(lines).block(block::pane(title, None, focused, theme, area.width)),
        area,
    );
}

/// A parcours name over two lines (the second indented, cut if still too long).
fn wrapped_name(app: &App, row: usize, width: usize) -> Option<(String, String)> {
    let p = app.fiche.parcours.get(row.checked_sub(1)?)?;
    let room = width.saturating_sub(2);
    let doc = [DocLine {
        spans: vec![(Tone::Text, p.name.clone())],
        bullet: false,
    }];
    let lines: Vec<String> = detail::wrap(&doc, room)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, t)| t).collect::<String>())
        .collect();
    let first = lines.first().cloned().unwrap_or_default();
    let rest = lines.get(1..).unwrap_or_default().join(" ");
    Some((first, format!("  {}", text::fit(rest.trim(), room))))
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
    let name =
        if width < layout::SHORT_LABELS_BELOW && text::width(&p.name) > width.saturating_sub(2) {
            p.short_label()
        } else {
            p.name.clone()
        };
    (vec![Span::raw(name)], right)
}
