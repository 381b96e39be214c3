//! Comparing two certifications of the catalogue (`c` on a registry fiche,
//! on the fiche list, or "another certification…" in the parcours picker):
//! a picker of the other fiches, filtered as one types, then a full-screen
//! view of `crate::compare::certs` in two jointly scrolling columns. The
//! picker shows only its visible rows: the catalogue can hold 30 000 fiches.

use std::sync::Arc;

use super::action::{Action, Pane};
use super::list::{ListCursor, scrolled};
use super::view::compare_lines::ViewLine;
use super::view::{cert_lines, layout};
use super::{App, Mode, Popup};
use crate::compare::certs::{self, CertComparison};
use crate::model::normalize::fold_str;
use crate::model::{Catalogue, FicheId};

/// Where `Esc` goes back from the comparison (or from its picker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Back {
    /// The fiche's panes, with this pane focused.
    Browse(Pane),
    /// The fiche list.
    Fiches,
}

/// The certification comparison on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertView {
    pub left: FicheId,
    pub right: FicheId,
    pub comparison: CertComparison,
    /// First body line shown; both columns scroll together.
    pub scroll: usize,
    pub back: Back,
    /// The screen lines as last laid out (see [`CertLines`]).
    pub lines: Option<Arc<CertLines>>,
}

/// The comparison's lines at one size: made when the size or the sides
/// change, so a frame only slices them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertLines {
    pub width: usize,
    pub height: usize,
    pub header: Vec<ViewLine>,
    pub body: Vec<ViewLine>,
}

/// The picker of the fiche to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertPicker {
    /// The fiche on the left.
    pub left: FicheId,
    /// What the user typed (words of the number or the title, any order).
    pub filter: String,
    /// The fiches offered, in order: those the left replaces or is replaced
    /// by first, then the catalogue's order; the left itself left out.
    pub rows: Vec<FicheId>,
    pub list: ListCursor,
    /// Where the comparison, once open, goes back to.
    pub back: Back,
    /// The fiches linked to `left` by a replacement, listed first.
    pub related: Vec<FicheId>,
}

/// Each fiche's number and title folded, for the picker's filter (index =
/// `FicheId`), kept in the app: built once, on the first picker opened.
fn keys(app: &App) -> Arc<Vec<String>> {
    Arc::clone(
        app.fiche_keys
            .get_or_init(|| Arc::new(fiche_keys(&app.catalogue))),
    )
}

/// "rncp35340 35340 services informatiques aux organisations …".
pub fn fiche_keys(catalogue: &Catalogue) -> Vec<String> {
    catalogue
        .iter()
        .map(|(_, f)| {
            format!(
                "{} {} {}",
                fold_str(&f.numero().to_string()),
                f.rncp_code,
                fold_str(&f.intitule)
            )
        })
        .collect()
}

/// The fiches of `catalogue` that `left` replaces or is replaced by.
fn related(catalogue: &Catalogue, left: FicheId) -> Vec<FicheId> {
    let Some(record) = catalogue.get(left).registry.as_deref() else {
        return Vec::new();
    };
    let mut out: Vec<FicheId> = Vec::new();
    for n in record.replaced_by.iter().chain(&record.replaces) {
        if let Some(id) = catalogue.lookup(&n.to_string())
            && id != left
            && !out.contains(&id)
        {
            out.push(id);
        }
    }
    out
}

impl CertPicker {
    pub fn new(app: &App, left: FicheId, back: Back, preselect: Option<FicheId>) -> CertPicker {
        let mut picker = CertPicker {
            left,
            filter: String::new(),
            rows: Vec::new(),
            list: ListCursor::default(),
            back,
            related: related(&app.catalogue, left),
        };
        picker.rebuild(&app.catalogue, &keys(app));
        if let Some(i) = preselect.and_then(|p| picker.rows.iter().position(|r| *r == p)) {
            picker.list.selected = i;
        }
        picker
    }

    /// The rows for the current filter; the cursor goes back to the top.
    fn rebuild(&mut self, catalogue: &Catalogue, keys: &[String]) {
        let words: Vec<String> = fold_str(&self.filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let matches = |id: FicheId| {
            let key = &keys[id.index()];
            words.iter().all(|w| key.contains(w.as_str()))
        };
        let left = self.left;
        let related = self.related.iter().copied().filter(|&id| matches(id));
        let rest = catalogue
            .ids()
            .filter(|&id| id != left && !self.related.contains(&id) && matches(id));
        self.rows = related.chain(rest).collect();
        self.list = ListCursor::default();
    }

    /// The fiche under the cursor.
    pub fn current(&self) -> Option<FicheId> {
        self.rows.get(self.list.selected).copied()
    }
}

/// `c` where a fiche has no other parcours to compare (or on the list):
/// the picker of another certification, `left` on the left.
pub fn open_picker(app: &mut App, left: FicheId, back: Back) {
    let picker = CertPicker::new(app, left, back, None);
    app.popup = Some(Popup::CertPick(Box::new(picker)));
}

/// `c` on the fiche list: compare the fiche under the cursor.
pub fn open_from_list(app: &mut App) {
    if let Some(left) = app.fiche_list.as_ref().and_then(|l| l.current()) {
        open_picker(app, left, Back::Fiches);
    }
}

/// Rows of the picker's list on screen.
fn picker_page(app: &App) -> usize {
    layout::cert_picker(app.layout.area).map_or(1, |a| usize::from(a.list.height).max(1))
}

/// Keys, typing and clicks while the picker is open.
pub fn pick(app: &mut App, action: Action) {
    let page = picker_page(app);
    let area = layout::cert_picker(app.layout.area);
    let keys = keys(app);
    let catalogue = Arc::clone(&app.catalogue);
    let Some(Popup::CertPick(picker)) = &mut app.popup else {
        return;
    };
    let rows = picker.rows.len();
    match action {
        Action::SearchInput(c) => {
            picker.filter.push(c);
            picker.rebuild(&catalogue, &keys);
        }
        Action::SearchBackspace => {
            picker.filter.pop();
            picker.rebuild(&catalogue, &keys);
        }
        Action::SearchClear => {
            picker.filter.clear();
            picker.rebuild(&catalogue, &keys);
        }
        Action::SearchDeleteWord => {
            let kept = picker.filter.trim_end().rfind(' ').map_or(0, |i| i + 1);
            picker.filter.truncate(kept);
            picker.rebuild(&catalogue, &keys);
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            picker.list.step(action, rows, page);
        }
        Action::Wheel { down, .. } => picker.list.wheel(down, rows, page),
        Action::Click { column, row } => {
            let Some(area) = area else {
                return;
            };
            if !layout::contains(area.popup, column, row) {
                app.popup = None;
            } else if layout::contains(area.list, column, row) {
                let offset = picker_offset(picker, usize::from(area.list.height));
                let index = offset + usize::from(row - area.list.y);
                if index < rows {
                    picker.list.selected = index;
                    pick(app, Action::Activate);
                }
            }
        }
        Action::Close => app.popup = None,
        Action::Activate => {
            let (left, back) = (picker.left, picker.back);
            let Some(right) = picker.current() else {
                return;
            };
            app.popup = None;
            let view = CertView::new(&app.catalogue, left, right, back, app.today);
            app.mode = Mode::CertCompare(Box::new(view));
        }
        _ => {}
    }
}

/// Longest filter a paste makes (a number or a few words are what it is for).
pub const MAX_PASTED_FILTER: usize = 200;

/// A paste into the picker's filter: one line, spaces collapsed, characters
/// refused from data dropped, cut at [`MAX_PASTED_FILTER`].
pub fn paste(app: &mut App, text: &str) {
    let keys = keys(app);
    let catalogue = Arc::clone(&app.catalogue);
    let Some(Popup::CertPick(picker)) = &mut app.popup else {
        return;
    };
    for c in text.chars() {
        if picker.filter.chars().count() >= MAX_PASTED_FILTER {
            break;
        }
        let c = if c.is_whitespace() { ' ' } else { c };
        if crate::model::is_forbidden(c) || (c == ' ' && picker.filter.ends_with(' ')) {
            continue;
        }
        picker.filter.push(c);
    }
    picker.rebuild(&catalogue, &keys);
}

/// First row shown when the picker shows `rows` of them.
pub fn picker_offset(picker: &CertPicker, rows: usize) -> usize {
    super::list::follow(
        picker.list.offset,
        picker.list.selected,
        rows,
        picker.rows.len(),
    )
}

impl CertView {
    fn new(
        catalogue: &Catalogue,
        left: FicheId,
        right: FicheId,
        back: Back,
        today: crate::model::registry::Date,
    ) -> CertView {
        let comparison =
            certs::compare(catalogue, catalogue.get(left), catalogue.get(right), today);
        CertView {
            left,
            right,
            comparison,
            scroll: 0,
            back,
            lines: None,
        }
    }
}

/// The comparison's lines for the view's frame at the current size: the kept
/// ones, or made now (a test drawing a state `update` did not refresh).
pub fn lines(app: &App, view: &CertView) -> Arc<CertLines> {
    let inner = layout::inner(layout::cert_screen(app.layout.area));
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    match &view.lines {
        Some(kept) if kept.width == width && kept.height == height => Arc::clone(kept),
        _ => {
            let (header, body) = cert_lines::screen_lines(&view.comparison, width, height);
            Arc::new(CertLines {
                width,
                height,
                header,
                body,
            })
        }
    }
}

/// Keeps the view's lines laid out for the current size (after every message).
pub fn refresh(app: &mut App) {
    let Mode::CertCompare(view) = &app.mode else {
        return;
    };
    let kept = lines(app, view);
    if let Mode::CertCompare(view) = &mut app.mode {
        view.lines = Some(kept);
    }
}

/// Body lines visible under the fixed header.
pub fn body_rows(app: &App) -> usize {
    let Mode::CertCompare(view) = &app.mode else {
        return 0;
    };
    let lines = lines(app, view);
    lines.height.saturating_sub(lines.header.len())
}

/// Keeps the scroll within the body (after a move or a resize).
pub fn clamp(app: &mut App) {
    let Mode::CertCompare(view) = &app.mode else {
        return;
    };
    let total = lines(app, view).body.len();
    let rows = body_rows(app);
    if let Mode::CertCompare(view) = &mut app.mode {
        view.scroll = view.scroll.min(total.saturating_sub(rows));
    }
}

/// Keys in the comparison view.
pub fn view(app: &mut App, action: Action) {
    let page = body_rows(app).max(1);
    match action {
        Action::OpenHelp => {
            app.popup = Some(Popup::Help { scroll: 0 });
            return;
        }
        Action::Close => return close(app),
        Action::OpenCompare => {
            if let Mode::CertCompare(view) = &app.mode {
                let picker = CertPicker::new(app, view.left, view.back, Some(view.right));
                app.popup = Some(Popup::CertPick(Box::new(picker)));
            }
            return;
        }
        _ => {}
    }
    let today = app.today;
    let Mode::CertCompare(view) = &mut app.mode else {
        return;
    };
    if let Some(scroll) = scrolled(view.scroll, page, action) {
        view.scroll = scroll;
        return clamp(app);
    }
    if action == Action::Swap {
        let scroll = view.scroll;
        **view = CertView::new(&app.catalogue, view.right, view.left, view.back, today);
        view.scroll = scroll;
    }
    clamp(app);
}

/// `Esc`: back where the comparison was opened from.
fn close(app: &mut App) {
    let Mode::CertCompare(view) = &app.mode else {
        return;
    };
    match view.back {
        Back::Fiches => app.mode = Mode::Fiches,
        Back::Browse(focus) => {
            app.mode = Mode::Browse;
            app.focus = focus;
            app.layout = layout::compute(app.layout.area, focus);
        }
    }
}
