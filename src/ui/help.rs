//! The help popup: every binding from the key table, centred over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::view::Tone;
use crate::app::view::help::{self, HelpLine};
use crate::app::view::{layout, strings as s};

const KEYS_COLUMN: usize = 12;

pub fn render(frame: &mut Frame, screen: Rect, catalogue: bool, scroll: usize, theme: &Theme) {
    let lines = help::lines_for(catalogue);
    let rect = layout::help_popup(screen, lines.len());
    let inner = layout::inner(rect);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let body: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|l| match l {
            HelpLine::Heading(h) => {
                Line::from(Span::styled(text::fit(h, width), theme.tone(Tone::Heading)))
            }
            HelpLine::Binding { keys, description } => {
                let keys = format!(" {keys:<w$}", w = KEYS_COLUMN - 1);
                let keys_width = text::width(&keys).min(width);
                Line::from(vec![
                    Span::styled(text::fit(&keys, width), theme.tone(Tone::Label)),
                    Span::raw(text::fit(description, width - keys_width)),
                ])
            }
        })
        .collect();
    let mut block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(
            &format!(" {} ", s::HELP_TITLE),
            width,
        )));
    if lines.len() > height && width > 40 {
        let last = (scroll + height).min(lines.len());
        block = block.title(Line::from(format!(" ↑↓ {last}/{} ", lines.len())).right_aligned());
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(body).block(block), rect);
}
