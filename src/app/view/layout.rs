//! Screen geometry, shared by rendering and by mouse hit-testing so a click
//! lands on what is drawn there. Pure arithmetic on `Rect`, saturating
//! everywhere: any size, 0×0 included, is valid input.

use ratatui::layout::{Margin, Rect};

use crate::app::action::Pane;

/// Below this the app shows a "terminal trop petit" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width the three panes sit side by side…
pub const THREE_PANES_WIDTH: u16 = 80;
/// …and from this one with roomier proportions.
pub const WIDE_WIDTH: u16 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    TooSmall,
    /// One pane at a time, with a tab strip.
    Single,
    Three,
}

/// Where everything goes. Pane rects include their borders; `None` when the
/// pane is not on screen in this shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    pub area: Rect,
    pub shape: Shape,
    pub tabs: Option<Rect>,
    pub panes: [Option<Rect>; 3],
    pub status: Option<Rect>,
}

impl ScreenLayout {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane.index()]
    }

    /// The drawable inside of a pane (within its border).
    pub fn inner(&self, pane: Pane) -> Option<Rect> {
        self.pane(pane).map(inner)
    }

    /// Visible text rows of a pane; 0 when off screen.
    pub fn rows(&self, pane: Pane) -> usize {
        self.inner(pane).map_or(0, |r| usize::from(r.height))
    }

    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|p| self.pane(*p).is_some_and(|r| contains(r, column, row)))
    }
}

pub fn inner(rect: Rect) -> Rect {
    rect.inner(Margin::new(1, 1))
}

pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && row >= rect.y && column - rect.x < rect.width && row - rect.y < rect.height
}

/// Lays out `area` with `focus` as the pane shown in single-pane mode.
pub fn compute(area: Rect, focus: Pane) -> ScreenLayout {
    let mut layout = ScreenLayout {
        area,
        shape: Shape::TooSmall,
        tabs: None,
        panes: [None; 3],
        status: None,
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return layout;
    }
    let body_height = area.height.saturating_sub(1);
    layout.status = Some(Rect::new(area.x, area.y + body_height, area.width, 1));
    if area.width < THREE_PANES_WIDTH {
        layout.shape = Shape::Single;
        layout.tabs = Some(Rect::new(area.x, area.y, area.width, 1));
        let body = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            body_height.saturating_sub(1),
        );
        layout.panes[focus.index()] = Some(body);
        return layout;
    }
    layout.shape = Shape::Three;
    let w = area.width;
    let (left, middle) = if w >= WIDE_WIDTH {
        let left = w * 22 / 100;
        (left, (w - left) / 2)
    } else {
        // Room for the short parcours labels ("Communication ⚠").
        let left = (w / 5).max(18);
        (left, (w - left) / 2)
    };
    let right = w - left - middle;
    let y = area.y;
    layout.panes = [
        Some(Rect::new(area.x, y, left, body_height)),
        Some(Rect::new(area.x + left, y, middle, body_height)),
        Some(Rect::new(area.x + left + middle, y, right, body_height)),
    ];
    layout
}

/// Below this inner width the parcours pane shows short labels ("Europe"),
/// one line each: a full name cut to a few columns says less.
pub const SHORT_LABELS_BELOW: usize = 24;

/// Columns a parcours name may take on a parcours-pane line `width` wide
/// inside: two stay free for the warning mark, or for the indent of a
/// wrapped name's next lines.
pub fn parcours_name_room(width: usize) -> usize {
    width.saturating_sub(2)
}

/// Screen lines per parcours in the parcours pane, given how many lines the
/// longest-wrapping name `needs`: that many when every entry then fits in
/// `height`, else as many as fit (the last line of a name cut with "…"),
/// and one when even two do not fit or the pane is too narrow for names.
pub fn parcours_lines(width: usize, height: usize, parcours: usize, needs: usize) -> usize {
    if width < SHORT_LABELS_BELOW || needs <= 1 {
        return 1;
    }
    (2..=needs)
        .rev()
        // Strictly less: the fiche's line comes first.
        .find(|lines| lines * parcours < height)
        .unwrap_or(1)
}

/// The parcours-pane row (0 = fiche) drawn on screen line `line` of the
/// pane's inside, given the list's scroll `offset` (in rows).
pub fn parcours_row_at(
    line: usize,
    offset: usize,
    lines_per_parcours: usize,
    parcours: usize,
) -> Option<usize> {
    let row = if lines_per_parcours > 1 {
        if line == 0 {
            0
        } else {
            1 + (line - 1) / lines_per_parcours
        }
    } else {
        offset + line
    };
    (row <= parcours).then_some(row)
}

/// The help popup is at most this wide.
const HELP_MAX_WIDTH: u16 = 76;

/// A popup centred over `area`, at most `max_width` wide and as tall as
/// `rows` of content plus its borders, always within a margin (two cells
/// left and right, one above and below) so the panes still frame it.
pub fn centred_popup(area: Rect, max_width: u16, rows: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(max_width);
    let wanted = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX);
    let height = area.height.saturating_sub(2).min(wanted);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Where the help popup goes over `area`, for `lines` lines of help.
pub fn help_popup(area: Rect, lines: usize) -> Rect {
    centred_popup(area, HELP_MAX_WIDTH, lines)
}

/// The findings popup: wide enough for a place and its message.
const FINDINGS_MAX_WIDTH: u16 = 110;

/// Where the findings popup goes over `area` for `findings` rows (one at
/// least: the "no finding" line).
pub fn findings_popup(area: Rect, findings: usize) -> Rect {
    centred_popup(area, FINDINGS_MAX_WIDTH, findings.max(1))
}

/// The search popup takes the whole width the margin leaves: results are
/// long (a competence, its parcours), so a wide terminal shows them whole.
const SEARCH_MAX_WIDTH: u16 = u16::MAX;

/// Where the search popup goes over `area`: centred, the full height the
/// margin leaves.
pub fn search_popup(area: Rect) -> Rect {
    centred_popup(area, SEARCH_MAX_WIDTH, usize::MAX)
}

/// The search popup's parts: the query line, the kind-filter line, the
/// facet bar (on a catalogue) and the list below them (results, or the
/// parcours picker's options under its heading).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchArea {
    pub popup: Rect,
    pub query: Rect,
    pub filters: Rect,
    /// `facet_lines` high (none on one fiche).
    pub facets: Rect,
    pub list: Rect,
}

/// Where the search popup's parts go over `area`, its facet bar
/// `facet_lines` high (fewer when the popup is short: the list keeps a
/// line); `None` when there is no room to draw them.
pub fn search_area(area: Rect, facet_lines: u16) -> Option<SearchArea> {
    let popup = search_popup(area);
    let inner = inner(popup);
    if inner.width < 4 || inner.height < 3 {
        return None;
    }
    let line = |n| Rect::new(inner.x, inner.y + n, inner.width, 1);
    let facets = facet_lines.min(inner.height - 3);
    Some(SearchArea {
        popup,
        query: line(0),
        filters: line(1),
        facets: Rect::new(inner.x, inner.y + 2, inner.width, facets),
        list: Rect::new(
            inner.x,
            inner.y + 2 + facets,
            inner.width,
            inner.height - 2 - facets,
        ),
    })
}

/// The partners popup's parts, top to bottom: the filter line, the
/// habilitation answer (two lines), the column headings, the list, and a
/// line describing the partner under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnersArea {
    pub popup: Rect,
    pub query: Rect,
    pub answer: Rect,
    pub header: Rect,
    pub list: Rect,
    pub footer: Rect,
}

/// Lines of the partners popup that are not list rows.
const PARTNERS_FIXED_ROWS: u16 = 5;

/// Where the partners popup's parts go over `area` (centred, as large as
/// the search popup); `None` when there is no room for one row of the list.
pub fn partners_area(area: Rect) -> Option<PartnersArea> {
    let popup = centred_popup(area, SEARCH_MAX_WIDTH, usize::MAX);
    let inner = inner(popup);
    if inner.width < 10 || inner.height <= PARTNERS_FIXED_ROWS {
        return None;
    }
    let line = |n: u16, h: u16| Rect::new(inner.x, inner.y + n, inner.width, h);
    let list_height = inner.height - PARTNERS_FIXED_ROWS;
    Some(PartnersArea {
        popup,
        query: line(0, 1),
        answer: line(1, 2),
        header: line(3, 1),
        list: line(4, list_height),
        footer: line(4 + list_height, 1),
    })
}

/// Where the comparison screen puts things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareLayout {
    /// The parcours list, kept on wide screens only.
    pub list: Option<Rect>,
    /// The comparison frame (borders included). The status bar stays where
    /// the browser has it.
    pub view: Rect,
}

/// From this width the parcours list stays beside the comparison; below, the
/// comparison takes the whole width (its two columns need the room).
pub const KEEP_LIST_WIDTH: u16 = 100;

/// Lays out the comparison screen in `area` (the whole terminal).
pub fn compare_screen(area: Rect) -> CompareLayout {
    let browse = compute(area, Pane::Parcours);
    let body_height = area.height.saturating_sub(1);
    let list = (area.width >= KEEP_LIST_WIDTH)
        .then(|| browse.pane(Pane::Parcours))
        .flatten();
    let view = match list {
        Some(l) => Rect::new(l.x + l.width, area.y, area.width - l.width, body_height),
        None => Rect::new(area.x, area.y, area.width, body_height),
    };
    CompareLayout { list, view }
}

/// Where the fiche list screen puts things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FicheListLayout {
    /// The facet bar, across the whole width above the list.
    pub facets: Rect,
    /// The list's frame (borders included).
    pub list: Rect,
    /// A preview of the fiche under the cursor, on wide screens.
    pub preview: Option<Rect>,
}

/// From this width the fiche list has a preview beside it.
pub const FICHE_PREVIEW_WIDTH: u16 = 100;

/// From this height a facet bar may take two lines.
pub const TALL_FACETS_HEIGHT: u16 = 30;

/// Lines a facet bar may take over `area`: two on tall screens, else one.
pub fn facet_lines_max(area: Rect) -> u16 {
    if area.height >= TALL_FACETS_HEIGHT {
        2
    } else {
        1
    }
}

/// Lays out the fiche list screen in `area` (the whole terminal; the last
/// row is the status bar's), its facet bar `facet_lines` high.
pub fn fiche_list(area: Rect, facet_lines: u16) -> FicheListLayout {
    let body_height = area.height.saturating_sub(1);
    let bar = facet_lines.min(body_height);
    let facets = Rect::new(area.x, area.y, area.width, bar);
    let body = Rect::new(area.x, area.y + bar, area.width, body_height - bar);
    if area.width < FICHE_PREVIEW_WIDTH {
        return FicheListLayout {
            facets,
            list: body,
            preview: None,
        };
    }
    let list_width = body.width * 3 / 5;
    FicheListLayout {
        facets,
        list: Rect::new(body.x, body.y, list_width, body.height),
        preview: Some(Rect::new(
            body.x + list_width,
            body.y,
            body.width - list_width,
            body.height,
        )),
    }
}

/// The certification comparison's frame: the whole screen but the status bar.
pub fn cert_screen(area: Rect) -> Rect {
    Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1))
}

/// The certification picker's parts: its frame, the filter line, the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertPickerArea {
    pub popup: Rect,
    pub filter: Rect,
    pub list: Rect,
}

/// Widest the certification picker gets: room for a number and a long title.
const CERT_PICKER_MAX_WIDTH: u16 = 110;

/// Where the certification picker goes over `area` (centred, the full height
/// the margin leaves); `None` when there is no room for a filter and a row.
pub fn cert_picker(area: Rect) -> Option<CertPickerArea> {
    let popup = centred_popup(area, CERT_PICKER_MAX_WIDTH, usize::MAX);
    let inner = inner(popup);
    if inner.width < 4 || inner.height < 2 {
        return None;
    }
    Some(CertPickerArea {
        popup,
        filter: Rect::new(inner.x, inner.y, inner.width, 1),
        list: Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1),
    })
}

/// A facet menu is at most this wide: room for a code and its label ("M1805 Études et développement informatique").
const FACET_MENU_MAX_WIDTH: u16 = 64;

/// Where a facet menu of `rows` values drops, over `screen`, from column
/// `x` of the line above `top`: as wide as it may be, moved left to stay on
/// screen, as tall as its rows (plus the typed line and borders) or the
/// screen allows. `None` when not even one row fits.
pub fn facet_menu(screen: Rect, x: u16, top: u16, rows: usize) -> Option<Rect> {
    let width = screen.width.min(FACET_MENU_MAX_WIDTH);
    let bottom = screen.y + screen.height.saturating_sub(1);
    let wanted = u16::try_from(rows.max(1).saturating_add(3)).unwrap_or(u16::MAX);
    let height = bottom.saturating_sub(top).min(wanted);
    if height < 4 || width < 12 {
        return None;
    }
    let x = x.max(screen.x).min(screen.x + screen.width - width);
    Some(Rect::new(x, top, width, height))
}

/// Inside a facet menu: the typed line, then the values.
pub fn facet_menu_parts(menu: Rect) -> (Rect, Rect) {
    let inner = inner(menu);
    (
        Rect::new(inner.x, inner.y, inner.width, inner.height.min(1)),
        Rect::new(
            inner.x,
            inner.y + inner.height.min(1),
            inner.width,
            inner.height.saturating_sub(1),
        ),
    )
}

/// Widest the comparison's parcours picker gets.
const PICKER_MAX_WIDTH: u16 = 64;

/// Where the comparison's picker goes on `screen`, for `options` entries.
pub fn compare_picker(screen: Rect, options: usize) -> Rect {
    centred_popup(screen, PICKER_MAX_WIDTH, options.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_the_width() {
        assert_eq!(
            compute(Rect::new(0, 0, 0, 0), Pane::Parcours).shape,
            Shape::TooSmall
        );
        assert_eq!(
            compute(Rect::new(0, 0, 39, 30), Pane::Parcours).shape,
            Shape::TooSmall
        );
        assert_eq!(
            compute(Rect::new(0, 0, 60, 20), Pane::Parcours).shape,
            Shape::Single
        );
        assert_eq!(
            compute(Rect::new(0, 0, 80, 24), Pane::Parcours).shape,
            Shape::Three
        );
        let wide = compute(Rect::new(0, 0, 120, 40), Pane::Parcours);
        let widths: u16 = wide.panes.iter().flatten().map(|r| r.width).sum();
        assert_eq!(widths, 120);
    }

    #[test]
    fn single_pane_shows_only_the_focused_pane() {
        let l = compute(Rect::new(0, 0, 60, 20), Pane::Detail);
        assert!(l.pane(Pane::Parcours).is_none());
        assert!(l.pane(Pane::Detail).is_some());
    }

    #[test]
    fn parcours_names_wrap_only_when_needed_and_room_allows() {
        assert_eq!(parcours_lines(30, 20, 6, 2), 2);
        assert_eq!(parcours_lines(24, 39, 6, 3), 3, "whole names");
        assert_eq!(parcours_lines(24, 18, 6, 3), 2, "two lines fit, three not");
        assert_eq!(parcours_lines(58, 20, 6, 1), 1, "names fit on one line");
        assert_eq!(parcours_lines(30, 10, 6, 2), 1, "not enough rows");
        assert_eq!(parcours_lines(16, 20, 6, 3), 1, "short labels instead");
    }

    #[test]
    fn parcours_rows_map_back_from_screen_lines() {
        // Tall: fiche on line 0, then two lines per parcours.
        assert_eq!(parcours_row_at(0, 0, 2, 6), Some(0));
        assert_eq!(parcours_row_at(1, 0, 2, 6), Some(1));
        assert_eq!(parcours_row_at(2, 0, 2, 6), Some(1));
        assert_eq!(parcours_row_at(12, 0, 2, 6), Some(6));
        assert_eq!(parcours_row_at(13, 0, 2, 6), None);
        // Short: one line per row, scrolled.
        assert_eq!(parcours_row_at(0, 2, 1, 6), Some(2));
        assert_eq!(parcours_row_at(4, 3, 1, 6), None);
        // Narrow: one line per row even when tall.
        assert_eq!(parcours_row_at(2, 0, 1, 6), Some(2));
        // Three lines per parcours.
        assert_eq!(parcours_row_at(3, 0, 3, 6), Some(1));
        assert_eq!(parcours_row_at(4, 0, 3, 6), Some(2));
        assert_eq!(parcours_row_at(18, 0, 3, 6), Some(6));
        assert_eq!(parcours_row_at(19, 0, 3, 6), None);
    }
}
