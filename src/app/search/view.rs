//! What the search popup shows where, for the renderer and for mouse
//! clicks alike, so a click lands on what is drawn under it.

use super::{Picker, SearchPopup};
use crate::app::layout;
use crate::app::strings as s;
use crate::app::wrap::width_of;
use crate::search::Filter;

/// The kind filters in the order the filter line shows them, each with its
/// chip text.
pub fn filter_chips() -> Vec<(Filter, String)> {
    let mut chips = Vec::new();
    let mut filter = Filter::All;
    loop {
        chips.push((filter, format!(" {} ", filter.label())));
        filter = filter.cycle();
        if filter == Filter::All {
            return chips;
        }
    }
}

/// The filter whose chip covers column `x` of the filter line.
pub fn filter_at(x: usize) -> Option<Filter> {
    let mut end = 0;
    filter_chips().into_iter().find_map(|(filter, chip)| {
        end += width_of(&chip);
        (x < end).then_some(filter)
    })
}

/// The query line on `width` columns: the terminal cursor's column, and
/// how many columns of the query scroll out on the left so it stays
/// visible (the prompt never scrolls).
pub fn query_view(popup: &SearchPopup, width: usize) -> (usize, usize) {
    let before: String = popup.input.chars().take(popup.cursor).collect();
    let cursor_x = width_of(s::SEARCH_PROMPT) + width_of(&before);
    let skip = (cursor_x + 1).saturating_sub(width);
    (cursor_x - skip, skip)
}

/// The cursor position (in chars) for a click at column `x` of the query
/// line: before the char under the pointer, at the end past the text.
pub fn query_cursor_at(popup: &SearchPopup, width: usize, x: usize) -> usize {
    let (_, skip) = query_view(popup, width);
    let Some(column) = (x + skip).checked_sub(width_of(s::SEARCH_PROMPT)) else {
        return 0;
    };
    let mut end = 0;
    popup
        .input
        .chars()
        .position(|c| {
            end += width_of(c.encode_utf8(&mut [0; 4]));
            column < end
        })
        .unwrap_or_else(|| popup.input.chars().count())
}

/// The first result shown when the list has `rows` rows (the stored offset,
/// moved if a resize left the cursor outside).
pub fn results_offset(popup: &SearchPopup, rows: usize) -> usize {
    layout::follow(popup.offset, popup.selected, rows, popup.results.hits.len())
}

/// The first parcours the picker shows when its list has `rows` rows.
pub fn picker_offset(picker: &Picker, rows: usize) -> usize {
    layout::follow(0, picker.selected, rows, picker.parcours.len())
}
