//! The bordered frame around a pane, highlighted when focused.

use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::text;
use super::theme::Theme;

/// A pane frame titled `title`, with an optional right-aligned note (scroll position…).
pub fn pane(
    title: &str,
    note: Option<String>,
    focused: bool,
    theme: &Theme,
    width: u16,
) -> Block<'static> {
    let room = usize::from(width).saturating_sub(4);
    let mut block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(
            text::fit(&format!(" {title} "), room),
            theme.border(focused),
        )));
    if let Some(note) = note
        && text::width(&note) + text::width(title) + 6 < room
    {
        block = block.title(Line::from(format!(" {note} ")).right_aligned());
    }
    block
}

/// The scroll position for a pane's title note, when `total` lines do not
/// fit in `height`: the longest of "lignes 15–37 sur 76", "15–37 sur 76",
/// "37/76" that [`pane`] has room for beside `title`.
pub fn scroll_note(
    scroll: usize,
    height: usize,
    total: usize,
    title: &str,
    width: u16,
) -> Option<String> {
    if total <= height || height == 0 {
        return None;
    }
    let first = scroll + 1;
    let last = (scroll + height).min(total);
    let room = usize::from(width).saturating_sub(4);
    let fits = |note: &String| text::width(note) + text::width(title) + 6 < room;
    crate::app::view::strings::scroll_positions(first, last, total)
        .into_iter()
        .find(fits)
}
