//! The picker for the parcours to compare with, centred over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::compare::{self, Picker};
use crate::app::view::Tone;
use crate::app::view::strings::compare as cs;
use crate::app::{App, view::layout};

pub fn render(frame: &mut Frame, screen: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let catalogue = &app.catalogue;
    let title = match picker.first.and_then(|r| catalogue.parcours(r)) {
        Some(first) => cs::pick_second(&first.short_label()),
        None => cs::PICK_FIRST.to_string(),
    };
    let rect = layout::compare_picker(screen, picker.len());
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
        .filter_map(|(row, r)| {
            let p = catalogue.parcours(*r)?;
            let style = if row == picker.list.selected {
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
    // "Another certification…" ends the list, when it is in view.
    let other = picker.options.len();
    if picker.other_fiche && (offset..offset + rows).contains(&other) {
        let style = if picker.on_other_fiche() {
            theme.selected(true)
        } else {
            theme.tone(Tone::Label)
        };
        let label = text::fit(
            &format!(" {}", crate::app::view::strings::certs::OTHER_CERT),
            room,
        );
        let pad = room.saturating_sub(text::width(&label));
        body.push(Line::from(Span::styled(
            format!("{label}{}", " ".repeat(pad)),
            style,
        )));
    }
    if picker.is_empty() {
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
