//! The facet bar (one chip per facet, those narrowing the fiches marked)
//! and the menu of one facet's values dropping from it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::facet_bar::FacetBar;
use crate::app::view::facet_bar as view;
use crate::app::view::{Tone, layout, strings as s};

/// The chips of `bar` in `area` (one or two lines).
pub fn render(frame: &mut Frame, area: Rect, bar: &FacetBar, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let chips = view::chips(bar, width, area.height);
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new(); usize::from(area.height)];
    let mut ends = vec![0usize; lines.len()];
    let open = bar.menu.as_ref().map(|m| m.dimension);
    for chip in chips {
        let Some(line) = lines.get_mut(usize::from(chip.line)) else {
            continue;
        };
        let end = &mut ends[usize::from(chip.line)];
        let x = usize::from(chip.x);
        if x > *end {
            line.push(Span::raw(" ".repeat(x - *end)));
        }
        let value_style = if open == Some(chip.dimension) {
            theme.selected(true)
        } else if chip.set {
            theme.tone(Tone::Heading)
        } else {
            Style::new()
        };
        line.push(Span::styled(chip.name.clone(), theme.tone(Tone::Label)));
        line.push(Span::styled(chip.value.clone(), value_style));
        line.push(Span::styled(chip.counts.clone(), theme.tone(Tone::Muted)));
        *end = x + chip.width();
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|spans| {
            let (spans, _) = text::fit_spans(spans, width);
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The open menu of `bar`, in `rect` (from `layout::facet_menu`).
pub fn render_menu(frame: &mut Frame, rect: Rect, bar: &FacetBar, theme: &Theme) {
    let Some(menu) = &bar.menu else {
        return;
    };
    frame.render_widget(Clear, rect);
    let title = s::facet_menu_title(menu.dimension);
    let room = usize::from(rect.width).saturating_sub(4);
    frame.render_widget(
        Block::bordered()
            .border_style(theme.border(true))
            .title(Line::from(text::fit(&format!(" {title} "), room))),
        rect,
    );
    let (typed, values) = layout::facet_menu_parts(rect);
    let width = usize::from(typed.width);
    let prompt = format!("{}{}", s::FACET_PROMPT, menu.input);
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::styled(
            text::fit(&prompt, width),
            theme.tone(Tone::Label),
        )])),
        typed,
    );
    let x = typed.x + u16::try_from(text::width(&prompt)).unwrap_or(u16::MAX);
    if x < typed.right() {
        frame.set_cursor_position(Position::new(x, typed.y));
    }
    let rows = view::menu_rows(bar);
    let height = usize::from(values.height);
    let offset = view::menu_offset(bar, height);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let base = if i == menu.list.selected {
                theme.selected(true)
            } else {
                Style::new()
            };
            let mark = if row.current { s::FACET_CURRENT } else { "  " };
            text::row(
                vec![Span::raw(format!("{mark}{}", row.label))],
                vec![Span::styled(row.count.clone(), theme.tone(Tone::Muted))],
                usize::from(values.width),
                base,
            )
        })
        .collect();
    if rows.len() <= 1 && !menu.input.trim().is_empty() {
        lines.push(Line::styled(
            text::fit(s::FACET_NO_VALUE, usize::from(values.width)),
            theme.tone(Tone::Muted),
        ));
    }
    frame.render_widget(Paragraph::new(lines), values);
}
