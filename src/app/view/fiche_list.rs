//! What the fiche list shows where: the columns of a row, the title of the
//! fiche under the cursor wrapped whole (up to a few lines), the window of
//! rows on screen and the row under a click. Read by the renderer and by
//! mouse handling alike. Only summaries are read, and only of rows on screen.

use super::Tone;
use super::detail::DocLine;
use super::strings as s;
use super::wrap::{width_of, wrap};
use crate::app::fiche_list::FicheList;
use crate::model::{Catalogue, FicheSummary};

/// Columns of the number column ("RNCP24759 ", "RS5000").
pub const NUMBER_WIDTH: usize = 10;
/// Columns of the level column ("niv. 7  ").
pub const LEVEL_WIDTH: usize = 8;
/// The selected row's title wraps to at most this many lines.
pub const MAX_TITLE_LINES: usize = 3;

/// Columns left for the title of `fiche` on a row `width` wide.
pub fn title_room(fiche: &FicheSummary, width: usize) -> usize {
    let mark = if fiche.active == Some(false) {
        width_of(s::INACTIVE_MARK) + 1
    } else {
        0
    };
    width.saturating_sub(NUMBER_WIDTH + LEVEL_WIDTH + mark)
}

/// The title of the fiche under the cursor on `room` columns: whole, on as
/// many lines as it needs up to [`MAX_TITLE_LINES`], the last one ending
/// in "…" when even they are not enough.
pub fn wrapped_title(title: &str, room: usize) -> Vec<String> {
    if room == 0 {
        return vec![String::new()];
    }
    let doc = [DocLine {
        spans: vec![(Tone::Text, title.to_string())],
        bullet: false,
        sub: false,
    }];
    let mut lines: Vec<String> = wrap(&doc, room)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, t)| t).collect::<String>())
        .map(|l| l.trim_end().to_string())
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    if lines.len() > MAX_TITLE_LINES {
        lines.truncate(MAX_TITLE_LINES);
        let last = lines.last_mut().expect("three lines");
        while width_of(last) + 1 > room {
            last.pop();
        }
        last.push('…');
    }
    lines
}

/// The rows on screen: the first one, and how many lines the selected one takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub offset: usize,
    pub selected_lines: usize,
}

/// The window over `state`'s rows in a list `height` lines high and
/// `width` wide, moved as little as possible from the stored offset so
/// that the selected row shows whole.
pub fn window(state: &FicheList, catalogue: &Catalogue, width: usize, height: usize) -> Window {
    let selected_lines = state.current().map_or(1, |id| {
        let fiche = catalogue.summary(id);
        wrapped_title(&fiche.intitule, title_room(fiche, width)).len()
    });
    // Not taller than the list: a two-line list shows the title's first lines.
    let selected_lines = selected_lines.min(height.max(1));
    let rows = height.saturating_sub(selected_lines - 1).max(1);
    let offset = crate::app::list::follow(
        state.list.offset,
        state.list.selected,
        rows,
        state.rows.len(),
    );
    Window {
        offset,
        selected_lines,
    }
}

/// Rows a page key moves in a list `height` lines high.
pub fn page(window: Window, height: usize) -> usize {
    height.saturating_sub(window.selected_lines - 1).max(1)
}

/// The row drawn on line `line` of the list (0 = its first line inside).
pub fn row_at(state: &FicheList, window: Window, line: usize) -> Option<usize> {
    let mut at = 0;
    for index in window.offset..state.rows.len() {
        let lines = if index == state.list.selected {
            window.selected_lines
        } else {
            1
        };
        if line < at + lines {
            return Some(index);
        }
        at += lines;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_wraps_whole_then_is_cut() {
        let title = "Programme Grande Ecole – Diplôme d’études supérieures en management";
        assert_eq!(wrapped_title(title, 100), [title]);
        let lines = wrapped_title(title, 30);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| width_of(l) <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), title, "whole on three lines");
        let cut = wrapped_title(title, 12);
        assert_eq!(cut.len(), MAX_TITLE_LINES);
        assert!(cut[2].ends_with('…'), "{cut:?}");
        assert!(cut.iter().all(|l| width_of(l) <= 12), "{cut:?}");
        assert_eq!(wrapped_title(title, 0), [""]);
    }
}
