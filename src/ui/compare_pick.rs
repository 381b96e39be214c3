//! The picker for the parcours to compare with, centred over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::compare::{self, Picker};
use crate::app::detail::Tone;
use crate::app::strings::compare as cs;
use crate::app::{App, layout};

pub fn render(frame: &mut Frame, screen: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let fiche = &app.fiche;
    let title = match picker.first.and_then(|i| fiche.parcours.get(i)) {
        Some(first) => cs::pick_second(&first.short_label()),
        None => cs::PICK_FIRST.to_string(),
    };
    let rect = compare::picker_area(screen, picker.options.len());
    let inner = layout::inner(rect);
    let room = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let offset = compare::picker_offset(picker, rows);
    let mut body: Vec<Line> = picker
        .options
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .filter_map(|(row, i)| {
            let p = fiche.parcours.get(*i)?;
            let style = if row == picker.cursor {
                theme.selected(true)
            } else {
                ratatui::style::Style::new()
            };
            let label = text::fit(&format!(" {}", p.name), room);
            let pad = room.saturating_sub(text::width(&label));
            Some(Line::from(Span::styled(
                format!("{label}{}", " ".repeat(pad)),
                style,
            )))
        })
        .collect();
    if picker.options.is_empty() {
        body.push(Line::from(Span::styled(
            text::fit(cs::PICK_NONE, room),
            theme.tone(Tone::Muted),
        )));
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(body).block(
            Block::bordered()
                .border_style(theme.border(true))
                .title(Line::from(text::fit(&format!(" {title} "), room))),
        ),
        rect,
    );
}
