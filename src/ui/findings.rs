//! The findings popup (`!`): one row per `check` finding, centred.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::list::{ListCursor, follow};
use crate::app::view::{Tone, layout, strings as s};
use crate::app::{App, findings};

pub fn render(frame: &mut Frame, screen: Rect, app: &App, cursor: &ListCursor, theme: &Theme) {
    let rows = findings::rows(app);
    let rect = layout::findings_popup(screen, rows.len());
    let inner = layout::inner(rect);
    let room = usize::from(inner.width);
    let height = usize::from(inner.height);
    let offset = follow(cursor.offset, cursor.selected, height, rows.len());
    let mark = format!(" {} ", s::WARNING_MARK);
    let mark_width = text::width(&mark).min(room);
    let mut body: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let selected = i == cursor.selected;
            let style = if selected {
                theme.selected(true)
            } else {
                Style::new()
            };
            let label = text::fit(row, room - mark_width);
            let pad = room.saturating_sub(mark_width + text::width(&label));
            let mark_style = if selected {
                style
            } else {
                theme.tone(Tone::Warning)
            };
            Line::from(vec![
                Span::styled(text::fit(&mark, room), mark_style),
                Span::styled(label + &" ".repeat(pad), style),
            ])
        })
        .collect();
    if rows.is_empty() {
        body.push(Line::from(Span::styled(
            text::fit(&format!(" {}", s::NO_FINDING), room),
            theme.tone(Tone::Muted),
        )));
    }
    let mut block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(
            &format!(" {} ", s::findings_title(rows.len())),
            room,
        )));
    if rows.len() > height && room > 40 {
        let last = (offset + height).min(rows.len());
        block = block.title(Line::from(format!(" ↑↓ {last}/{} ", rows.len())).right_aligned());
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(body).block(block), rect);
}
