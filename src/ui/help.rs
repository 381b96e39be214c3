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
                // A label as wide as the column ("Entrée / Échap") still
                // gets a space before its description.
                let keys = if text::width(keys) + 1 < KEYS_COLUMN {
                    format!(" {keys:<w$}", w = KEYS_COLUMN - 1)
                } else {
                    format!(" {keys} ")
                };
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

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;

    /// Every line of the catalogue's help at 120×40, scrolled through.
    fn all_lines() -> Vec<String> {
        let count = help::lines_for(true).len();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut out = Vec::new();
        for scroll in (0..count).step_by(10) {
            terminal
                .draw(|f| render(f, f.area(), true, scroll, &Theme::MONOCHROME))
                .unwrap();
            let buffer = terminal.backend().buffer();
            for y in 0..40 {
                out.push((0..120).map(|x| buffer[(x, y)].symbol()).collect());
            }
        }
        out
    }

    #[test]
    fn a_label_as_wide_as_the_column_does_not_run_into_its_description() {
        let lines = all_lines();
        assert!(
            lines
                .iter()
                .any(|l| l.contains(" Entrée / Échap Garder le filtre")),
            "{lines:#?}"
        );
        assert!(!lines.iter().any(|l| l.contains("ÉchapGarder")));
    }
}
