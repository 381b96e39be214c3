//! Right pane: the wrapped, scrollable detail document.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, theme::Theme};
use crate::app::{App, Pane, detail, layout, strings as s};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Detail;
    let inner = layout::inner(area);
    let height = usize::from(inner.height);
    let wrapped = detail::wrap(&detail::document(app), usize::from(inner.width));
    let scroll = app.detail_scroll.min(wrapped.len().saturating_sub(height));
    let note = block::scroll_note(scroll, height, wrapped.len(), s::PANE_DETAIL, area.width);
    let lines: Vec<Line> = wrapped
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|spans| {
            Line::from(
                spans
                    .into_iter()
                    .map(|(tone, t)| Span::styled(t, theme.tone(tone)))
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
