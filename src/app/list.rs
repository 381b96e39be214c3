//! One cursor for every list on screen — the parcours pane, the tree, both
//! pickers, the search results: the selected row, the first row shown, and
//! how keys, pages and the wheel move them, clamped to the list.

use super::action::Action;

/// Rows the mouse wheel scrolls at a time.
pub const WHEEL_STEP: usize = 3;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// The row under the cursor.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

/// The row a vertical move lands on in a list of `len` rows that shows
/// `page` of them; `None` when `action` is not a vertical move.
pub fn moved(cursor: usize, len: usize, page: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    Some(match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => cursor.saturating_add(1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => cursor.saturating_add(page).min(last),
        _ => return None,
    })
}

/// Where a view scrolled by `action` starts, from `scroll` (one line, a
/// `page`, the ends, the wheel); `None` when `action` scrolls nothing. The
/// view clamps it to its length.
pub fn scrolled(scroll: usize, page: usize, action: Action) -> Option<usize> {
    Some(match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        Action::Wheel { down: true, .. } => scroll.saturating_add(WHEEL_STEP),
        Action::Wheel { down: false, .. } => scroll.saturating_sub(WHEEL_STEP),
        _ => return None,
    })
}

/// First row to show so that `cursor` is visible in a window of `height`
/// rows over `len` rows, moving the window as little as possible.
pub fn follow(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
    if height == 0 || len == 0 {
        return 0;
    }
    let max_offset = len.saturating_sub(height);
    let offset = if cursor < offset {
        cursor
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    };
    offset.min(max_offset)
}

impl ListCursor {
    /// Applies a vertical move (keys or pages) and keeps the selection in
    /// view; false when `action` is not one.
    pub fn step(&mut self, action: Action, len: usize, page: usize) -> bool {
        let Some(selected) = moved(self.selected, len, page, action) else {
            return false;
        };
        self.selected = selected;
        self.follow(page, len);
        true
    }

    /// The wheel moves the selection one row, like the arrows.
    pub fn wheel(&mut self, down: bool, len: usize, page: usize) {
        let action = if down { Action::Down } else { Action::Up };
        self.step(action, len, page);
    }

    /// The wheel scrolls the window without moving the selection.
    pub fn scroll(&mut self, down: bool, len: usize, page: usize) {
        let max = len.saturating_sub(page);
        self.offset = if down {
            self.offset.saturating_add(WHEEL_STEP).min(max)
        } else {
            self.offset.saturating_sub(WHEEL_STEP)
        };
    }

    /// Keeps the selection inside a list of `len` rows.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// Moves the window so the selection is in view.
    pub fn follow(&mut self, page: usize, len: usize) {
        self.clamp(len);
        self.offset = follow(self.offset, self.selected, page, len);
    }

    /// Selects `row` (clamped) and brings it into view.
    pub fn select(&mut self, row: usize, len: usize, page: usize) {
        self.selected = row;
        self.follow(page, len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_the_list_and_pages_jump() {
        let mut c = ListCursor::default();
        assert!(c.step(Action::Up, 10, 4));
        assert_eq!(c.selected, 0);
        c.step(Action::PageDown, 10, 4);
        assert_eq!((c.selected, c.offset), (4, 1));
        c.step(Action::Bottom, 10, 4);
        assert_eq!((c.selected, c.offset), (9, 6));
        c.step(Action::Down, 10, 4);
        assert_eq!(c.selected, 9);
        assert!(!c.step(Action::Activate, 10, 4));
    }

    #[test]
    fn follow_scrolls_minimally() {
        assert_eq!(follow(0, 5, 10, 30), 0);
        assert_eq!(follow(0, 12, 10, 30), 3);
        assert_eq!(follow(5, 2, 10, 30), 2);
        assert_eq!(follow(25, 29, 10, 30), 20);
        assert_eq!(follow(3, 0, 0, 30), 0);
    }

    #[test]
    fn an_empty_list_keeps_the_cursor_at_zero() {
        let mut c = ListCursor {
            selected: 5,
            offset: 3,
        };
        c.step(Action::Down, 0, 4);
        assert_eq!((c.selected, c.offset), (0, 0));
    }

    #[test]
    fn huge_moves_saturate() {
        let mut c = ListCursor {
            selected: usize::MAX,
            offset: 0,
        };
        c.step(Action::PageDown, usize::MAX, usize::MAX);
        assert_eq!(c.selected, usize::MAX - 1);
    }

    #[test]
    fn the_wheel_scrolls_the_window_within_the_list() {
        let mut c = ListCursor::default();
        c.scroll(true, 5, 4);
        assert_eq!((c.selected, c.offset), (0, 1));
        c.scroll(false, 5, 4);
        assert_eq!(c.offset, 0);
        c.wheel(true, 5, 4);
        assert_eq!(c.selected, 1);
    }
}
