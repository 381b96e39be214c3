//! Right pane: the wrapped, scrollable detail document.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, theme::Theme};
use crate::app::{
    App, Pane,
    view::{Tone, layout, strings as s},
};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Detail;
    let inner = layout::inner(area);
    let height = usize::from(inner.height);
    // Kept since the subject last changed: a frame only slices it.
    let kept = app.detail_lines(usize::from(inner.width));
    let wrapped = &kept.lines;
    let scroll = app
        .view()
        .detail_scroll
        .min(wrapped.len().saturating_sub(height));
    let note = block::scroll_note(scroll, height, wrapped.len(), s::PANE_DETAIL, area.width);
    // The link chosen with `n`: its text stands out on every line it takes.
    let chosen = app
        .view()
        .link
        .and_then(|i| kept.links.get(i))
        .map(|spot| spot.first..=spot.last);
    let lines: Vec<Line> = wrapped
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .map(|(at, spans)| {
            let marked = chosen.as_ref().is_some_and(|r| r.contains(&at));
            Line::from(
                spans
                    .iter()
                    .map(|(tone, t)| {
                        let style = match tone {
                            Tone::Link if marked => theme.chosen_link(),
                            _ => theme.tone(*tone),
                        };
                        Span::styled(t.as_str(), style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block::pane(
            s::PANE_DETAIL,
            note,
            focused,
            theme,
            area.width,
        )),
        area,
    );
}
