//! Narrow screens: the tab strip naming the three panes; tiny screens: the
//! "terminal trop petit" message.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::status::pane_name;
use super::{text, theme::Theme};
use crate::app::view::Tone;
use crate::app::view::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Pane, view::strings as s};

/// Three equal cells, one per pane (mouse clicks use the same thirds).
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let third = usize::from(area.width / 3);
    let spans: Vec<Span> = Pane::ALL
        .into_iter()
        .map(|pane| {
            let label = text::fit(&format!("{}. {}", pane.index() + 1, pane_name(pane)), third);
            let pad = third.saturating_sub(text::width(&label));
            let centred = format!(
                "{}{label}{}",
                " ".repeat(pad / 2),
                " ".repeat(pad - pad / 2)
            );
            Span::styled(centred, theme.tab(pane == app.focus))
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn render_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::from(Span::styled(s::TOO_SMALL, theme.tone(Tone::Warning))),
        Line::from(s::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT)),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
