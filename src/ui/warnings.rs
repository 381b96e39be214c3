//! The load warnings popup (`w`), centred: one located warning a row.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::App;
use crate::app::list::{ListCursor, follow};
use crate::app::view::{Tone, layout, strings as s};

pub fn render(frame: &mut Frame, screen: Rect, app: &App, cursor: &ListCursor, theme: &Theme) {
    let rows = &app.load_warnings;
    let rect = layout::findings_popup(screen, rows.len());
    let inner = layout::inner(rect);
    let room = usize::from(inner.width);
    let height = usize::from(inner.height);
    let offset = follow(cursor.offset, cursor.selected, height, rows.len());
    let mut body: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let style = if i == cursor.selected {
                theme.selected(true)
            } else {
                Style::new()
            };
            let label = text::fit(&format!(" {row}"), room);
            let pad = room.saturating_sub(text::width(&label));
            Line::from(Span::styled(label + &" ".repeat(pad), style))
        })
        .collect();
    if rows.is_empty() {
        body.push(Line::from(Span::styled(
            text::fit(&format!(" {}", s::NO_LOAD_WARNING), room),
            theme.tone(Tone::Muted),
        )));
    }
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(
            &format!(" {} ", s::load_warnings_title(rows.len())),
            room,
        )));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(body).block(block), rect);
}
