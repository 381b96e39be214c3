//! Left pane: the fiche entry, then the parcours.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, text, theme::Theme};
use crate::app::view::Tone;
use crate::app::{
    App, Pane,
    view::{layout, strings as s},
};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Parcours;
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let per_parcours = app.parcours_lines(inner);
    let offset = if per_parcours > 1 {
        0
    } else {
        app.view()
            .list
            .offset
            .min(app.list_len().saturating_sub(height))
    };
    let mut lines: Vec<Line> = Vec::new();
    for row in offset..app.list_len() {
        let base = if row == app.selected() {
            theme.selected(focused)
        } else {
            Style::new()
        };
        let (left, right) = item(app, row, width, theme);
        if per_parcours > 1 && row > 0 {
            let mut name = wrapped_name(app, row - 1, width, per_parcours).into_iter();
            let first = name.next().unwrap_or_default();
            lines.push(text::row(vec![Span::raw(first)], right, width, base));
            for next in name {
                lines.push(text::row(vec![Span::raw(next)], Vec::new(), width, base));
            }
        } else {
            lines.push(text::row(left, right, width, base));
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

/// Parcours `p`'s name on exactly `lines` lines: the next ones indented,
/// the last cut with "…" if the name needs more, blank ones if it needs
/// fewer (every parcours takes as many lines, so clicks map back).
fn wrapped_name(app: &App, p: usize, width: usize, lines: usize) -> Vec<String> {
    let room = layout::parcours_name_room(width);
    let wrapped = app.parcours_name_lines(p, width);
    let mut out: Vec<String> = wrapped.iter().take(lines - 1).cloned().collect();
    let rest = wrapped.get(lines - 1..).unwrap_or_default().join(" ");
    out.push(text::fit(rest.trim(), room));
    out.resize(lines, String::new());
    for line in out.iter_mut().skip(1) {
        *line = format!("  {line}");
    }
    out
}

fn item(
    app: &App,
    row: usize,
    width: usize,
    theme: &Theme,
) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let fiche = &app.fiche();
    if row == 0 {
        return (
            vec![Span::styled(
                format!("{} {}", s::FICHE_ENTRY, fiche.numero().spaced()),
                theme.tone(Tone::Label),
            )],
            Vec::new(),
        );
    }
    let Some(p) = fiche.parcours.get(row - 1) else {
        return (Vec::new(), Vec::new());
    };
    let warned = app
        .findings()
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
