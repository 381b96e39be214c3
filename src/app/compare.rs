//! The comparison view (`c`): a picker for the second parcours, then two
//! aligned columns replacing the tree and detail panes. The rows come from
//! the pure `crate::compare`; this module holds the view's state, its
//! transitions, and (in `lines`) how rows become screen lines.

use super::action::{Action, Pane};
use super::cert_compare::{self, Back};
use super::list::{ListCursor, scrolled};
use super::tree::Selection;
use super::view::{compare_lines as lines, layout};
use super::{App, Mode, Popup};
use crate::compare::{self, Comparison, Options, Side};
use crate::model::{Catalogue, ParcoursRef};

/// The comparison on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    /// The parcours on each side.
    pub left: ParcoursRef,
    pub right: ParcoursRef,
    pub comparison: Comparison,
    /// First body line shown; both columns scroll together.
    pub scroll: usize,
    /// The pane that had focus before, restored by `Esc`.
    pub return_focus: Pane,
    /// The common core listed UE by UE (`Entrée`) instead of one row.
    pub expanded: bool,
}

/// The picker listing the parcours that can be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The parcours already chosen (left side); `None` while choosing it.
    pub first: Option<ParcoursRef>,
    /// The parcours offered, in fiche order (`first` left out).
    pub options: Vec<ParcoursRef>,
    /// A last row, "another certification…", when the catalogue has other fiches.
    pub other_fiche: bool,
    pub list: ListCursor,
}

/// One side of a comparison as the engine takes it.
fn side(catalogue: &Catalogue, r: ParcoursRef) -> Side<'_> {
    let fiche = catalogue.get(r.fiche);
    Side::new(fiche, &fiche.parcours[r.parcours])
}

impl CompareView {
    fn new(
        catalogue: &Catalogue,
        left: ParcoursRef,
        right: ParcoursRef,
        return_focus: Pane,
        expanded: bool,
    ) -> Self {
        let options = Options {
            expand_common_core: expanded,
        };
        let comparison = compare::compare(side(catalogue, left), side(catalogue, right), options);
        Self {
            left,
            right,
            comparison,
            scroll: 0,
            return_focus,
            expanded,
        }
    }
}

impl Picker {
    /// The parcours of the fiche on screen, but `first`.
    fn new(app: &App, first: Option<ParcoursRef>, preselect: Option<ParcoursRef>) -> Self {
        let options: Vec<ParcoursRef> = (0..app.fiche().parcours.len())
            .map(|p| app.parcours_ref(p))
            .filter(|r| Some(*r) != first)
            .collect();
        let selected = preselect
            .and_then(|p| options.iter().position(|o| *o == p))
            .unwrap_or(0);
        Self {
            first,
            options,
            other_fiche: app.catalogue.len() > 1,
            list: ListCursor {
                selected,
                offset: 0,
            },
        }
    }

    /// The parcours under the cursor.
    pub fn current(&self) -> Option<ParcoursRef> {
        self.options.get(self.list.selected).copied()
    }

    /// Rows of the picker: the parcours, and "another certification…".
    pub fn len(&self) -> usize {
        self.options.len() + usize::from(self.other_fiche)
    }

    /// Whether the picker has no row at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cursor is on "another certification…".
    pub fn on_other_fiche(&self) -> bool {
        self.other_fiche && self.list.selected == self.options.len()
    }
}

/// `c`: opens the picker. From the browser, the selected parcours is the
/// left side (with the fiche row selected, the picker asks for it first);
/// from the comparison, the left side stays and a new right side is picked.
/// A fiche without two parcours (a registry fiche) has none of its own to
/// compare: in a catalogue of several fiches, `c` picks another certification.
pub fn open_picker(app: &mut App) {
    let browsing = matches!(app.mode, Mode::Browse | Mode::Fiches);
    if browsing && app.fiche().parcours.len() < 2 && app.catalogue.len() > 1 {
        return cert_compare::open_picker(app, app.current, Back::Browse(app.focus));
    }
    let picker = match &app.mode {
        Mode::Compare(view) => Picker::new(app, Some(view.left), Some(view.right)),
        _ => match app.selection() {
            Selection::Parcours(i) => Picker::new(app, Some(app.parcours_ref(i)), None),
            Selection::Fiche => Picker::new(app, None, None),
        },
    };
    app.popup = Some(Popup::ComparePick(picker));
}

/// First option shown when the picker shows `rows` of them.
pub fn picker_offset(picker: &Picker, rows: usize) -> usize {
    super::list::follow(0, picker.list.selected, rows, picker.len())
}

/// Keys and clicks while the picker is open. A click on an option picks
/// it; a click outside the picker closes it.
pub fn pick(app: &mut App, action: Action) {
    let area = app.layout.area;
    let Some(Popup::ComparePick(picker)) = &mut app.popup else {
        return;
    };
    let len = picker.len();
    if let Action::Click { column, row } = action {
        let rect = layout::compare_picker(area, len);
        let inner = layout::inner(rect);
        if !layout::contains(rect, column, row) {
            app.popup = None;
        } else if layout::contains(inner, column, row) {
            let index =
                picker_offset(picker, usize::from(inner.height)) + usize::from(row - inner.y);
            if index < len {
                picker.list.selected = index;
                pick(app, Action::Activate);
            }
        }
        return;
    }
    let page = usize::from(layout::inner(layout::compare_picker(area, len)).height);
    match action {
        Action::Up | Action::Down | Action::Top | Action::Bottom => {
            picker.list.step(action, len, page);
        }
        Action::Wheel { down, .. } => picker.list.wheel(down, len, page),
        Action::Close => app.popup = None,
        Action::Activate if picker.on_other_fiche() => {
            let back = match &app.mode {
                Mode::Compare(view) => Back::Browse(view.return_focus),
                _ => Back::Browse(app.focus),
            };
            cert_compare::open_picker(app, app.current, back);
        }
        Action::Activate => {
            let (first, chosen) = (picker.first, picker.current());
            match (first, chosen) {
                (_, None) => app.popup = None,
                // The first side is chosen: now ask for the second.
                (None, Some(left)) => {
                    app.popup = Some(Popup::ComparePick(Picker::new(app, Some(left), None)));
                }
                (Some(left), Some(right)) => {
                    app.popup = None;
                    let (return_focus, expanded) = match &app.mode {
                        Mode::Compare(view) => (view.return_focus, view.expanded),
                        _ => (app.focus, false),
                    };
                    let view =
                        CompareView::new(&app.catalogue, left, right, return_focus, expanded);
                    app.mode = Mode::Compare(Box::new(view));
                }
            }
        }
        _ => {}
    }
}

/// Keys in the comparison view.
pub fn view(app: &mut App, action: Action) {
    let width = usize::from(layout::inner(layout::compare_screen(app.layout.area).view).width);
    let page = body_rows(app).max(1);
    match action {
        Action::OpenCompare => return open_picker(app),
        Action::OpenHelp => {
            app.popup = Some(Popup::Help { scroll: 0 });
            return;
        }
        Action::Close => return close(app),
        _ => {}
    }
    let Mode::Compare(view) = &mut app.mode else {
        return;
    };
    if let Some(scroll) = scrolled(view.scroll, page, action) {
        view.scroll = scroll;
        return clamp(app);
    }
    match action {
        Action::Swap => {
            // Same rows mirrored: the scroll position still makes sense.
            let scroll = view.scroll;
            **view = CompareView::new(
                &app.catalogue,
                view.right,
                view.left,
                view.return_focus,
                view.expanded,
            );
            view.scroll = scroll;
        }
        Action::Activate => {
            // The common core is near the top: what the user is reading
            // moves down (or up) by the lines it gains (or loses), so the
            // scroll follows and the same lines stay on screen.
            let (scroll, before) = (view.scroll, body_len(&app.catalogue, view, width));
            let expanded = !view.expanded;
            **view = CompareView::new(
                &app.catalogue,
                view.left,
                view.right,
                view.return_focus,
                expanded,
            );
            if scroll > 0 {
                let after = body_len(&app.catalogue, view, width);
                view.scroll = (scroll + after).saturating_sub(before);
            }
        }
        Action::Click { column, row } => {
            // A parcours clicked in the list beside the view takes the right side.
            if let Some(p) = listed_parcours_at(app, column, row) {
                let p = app.parcours_ref(p);
                let Mode::Compare(view) = &mut app.mode else {
                    return;
                };
                if p != view.left && p != view.right {
                    **view = CompareView::new(
                        &app.catalogue,
                        view.left,
                        p,
                        view.return_focus,
                        view.expanded,
                    );
                }
            }
        }
        _ => {}
    }
    clamp(app);
}

/// The parcours (index into `fiche.parcours`) drawn at a screen cell of the
/// parcours list the view keeps on wide screens.
fn listed_parcours_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let list = layout::compare_screen(app.layout.area).list?;
    let inner = layout::inner(list);
    if !layout::contains(inner, column, row) {
        return None;
    }
    app.parcours_row_on_line(inner, usize::from(row - inner.y))?
        .checked_sub(1)
}

/// `Esc`: back to the browser, focus where it was.
fn close(app: &mut App) {
    let Mode::Compare(view) = &app.mode else {
        return;
    };
    let focus = view.return_focus;
    app.mode = Mode::Browse;
    app.focus = focus;
    app.layout = layout::compute(app.layout.area, focus);
}

/// Lines of a comparison's body `width` columns wide.
fn body_len(catalogue: &Catalogue, view: &CompareView, width: usize) -> usize {
    lines::body(catalogue.get(view.left.fiche), &view.comparison, width).len()
}

/// Body lines visible under the summary header.
pub fn body_rows(app: &App) -> usize {
    let Mode::Compare(view) = &app.mode else {
        return 0;
    };
    let (header, _) = screen_lines(app, view);
    let height = usize::from(layout::inner(layout::compare_screen(app.layout.area).view).height);
    height.saturating_sub(header.len())
}

/// The comparison's fixed and scrolling lines at the current size.
fn screen_lines(app: &App, view: &CompareView) -> (Vec<lines::ViewLine>, Vec<lines::ViewLine>) {
    let inner = layout::inner(layout::compare_screen(app.layout.area).view);
    let fiche = app.catalogue.get(view.left.fiche);
    lines::screen_lines(
        fiche,
        &view.comparison,
        usize::from(inner.width),
        usize::from(inner.height),
    )
}

/// Keeps the scroll within the body (after a move or a resize).
pub fn clamp(app: &mut App) {
    let rows = body_rows(app);
    let total = match &app.mode {
        Mode::Compare(view) => screen_lines(app, view).1.len(),
        _ => return,
    };
    if let Mode::Compare(view) = &mut app.mode {
        view.scroll = view.scroll.min(total.saturating_sub(rows));
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::keys::{self, KeyMode};
    use crate::app::list::WHEEL_STEP;
    use crate::app::update;
    use crate::model::embedded;

    /// The app at 120×40 with Communication selected and the maquette focused.
    fn browsing() -> App {
        let mut app = App::new(embedded());
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        update(&mut app, Action::Down);
        update(&mut app, Action::Right);
        assert_eq!(app.focus, Pane::Maquette);
        app
    }

    fn picker(app: &App) -> &Picker {
        match &app.popup {
            Some(Popup::ComparePick(p)) => p,
            other => panic!("no picker: {other:?}"),
        }
    }

    fn view(app: &App) -> &CompareView {
        match &app.mode {
            Mode::Compare(v) => v,
            other => panic!("not comparing: {other:?}"),
        }
    }

    fn ids(app: &App) -> (&str, &str) {
        let v = view(app);
        let p = &app.fiche().parcours;
        (
            p[v.left.parcours].id.as_str(),
            p[v.right.parcours].id.as_str(),
        )
    }

    /// `c`, then the second option (Urbain), then Enter.
    fn comparing() -> App {
        let mut app = browsing();
        update(&mut app, Action::OpenCompare);
        update(&mut app, Action::Down);
        update(&mut app, Action::Activate);
        app
    }

    #[test]
    fn c_opens_a_picker_without_the_current_parcours() {
        let mut app = browsing();
        update(&mut app, Action::OpenCompare);
        let p = picker(&app);
        assert_eq!(p.first, Some(app.parcours_ref(0)));
        let offered: Vec<&str> = p
            .options
            .iter()
            .map(|i| app.fiche().parcours[i.parcours].id.as_str())
            .collect();
        assert_eq!(
            offered,
            [
                "europe",
                "urbain",
                "collectivites",
                "recherche",
                "humanitaire"
            ]
        );
        assert_eq!(app.key_mode(), KeyMode::ComparePick);
        // Esc cancels: back to browsing, nothing changed.
        update(&mut app, Action::Close);
        assert_eq!(app.popup, None);
        assert_eq!(app.mode, Mode::Browse);
        assert_eq!(app.focus, Pane::Maquette);
    }

    #[test]
    fn clicking_an_option_picks_it_and_clicking_outside_cancels() {
        let mut app = browsing();
        update(&mut app, Action::OpenCompare);
        let rect = layout::compare_picker(app.layout.area, 5);
        let inner = layout::inner(rect);
        // Third option: Collectivités.
        update(
            &mut app,
            Action::Click {
                column: inner.x + 2,
                row: inner.y + 2,
            },
        );
        assert_eq!(ids(&app), ("communication", "collectivites"));
        update(&mut app, Action::OpenCompare);
        update(&mut app, Action::Click { column: 0, row: 0 });
        assert_eq!(app.popup, None);
        assert_eq!(ids(&app), ("communication", "collectivites"));
    }

    #[test]
    fn picking_opens_the_comparison() {
        let app = comparing();
        assert_eq!(app.popup, None);
        assert_eq!(ids(&app), ("communication", "urbain"));
        assert_eq!(app.key_mode(), KeyMode::Compare);
        let c = &view(&app).comparison;
        assert_eq!(c.summary.shared_ues, 10);
    }

    #[test]
    fn from_the_fiche_row_the_picker_asks_for_both_sides() {
        let mut app = App::new(embedded());
        update(&mut app, Action::OpenCompare);
        assert_eq!(picker(&app).first, None);
        assert_eq!(picker(&app).options.len(), 6);
        update(&mut app, Action::Bottom);
        update(&mut app, Action::Activate);
        // Humanitaire chosen first; it is no longer offered.
        assert_eq!(picker(&app).first, Some(app.parcours_ref(5)));
        assert!(!picker(&app).options.contains(&app.parcours_ref(5)));
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        update(&mut app, Action::Activate);
        assert_eq!(ids(&app), ("humanitaire", "urbain"));
    }

    #[test]
    fn both_columns_scroll_together_within_bounds() {
        let mut app = comparing();
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        assert_eq!(view(&app).scroll, 2);
        update(&mut app, Action::Up);
        assert_eq!(view(&app).scroll, 1);
        let page = body_rows(&app);
        assert!(page > 10, "{page} body rows at 120×40");
        update(&mut app, Action::PageDown);
        assert_eq!(view(&app).scroll, 1 + page);
        update(&mut app, Action::Bottom);
        let width = usize::from(layout::inner(layout::compare_screen(app.layout.area).view).width);
        let total = lines::body(app.fiche(), &view(&app).comparison, width).len();
        assert_eq!(view(&app).scroll, total - page);
        update(&mut app, Action::Down);
        assert_eq!(view(&app).scroll, total - page, "no scrolling past the end");
        update(&mut app, Action::Top);
        assert_eq!(view(&app).scroll, 0);
        update(&mut app, Action::Up);
        assert_eq!(view(&app).scroll, 0);
    }

    #[test]
    fn the_wheel_scrolls_both_columns() {
        let mut app = comparing();
        let wheel = |down| Action::Wheel {
            column: 60,
            row: 20,
            down,
        };
        update(&mut app, wheel(true));
        update(&mut app, wheel(true));
        assert_eq!(view(&app).scroll, 2 * WHEEL_STEP);
        update(&mut app, wheel(false));
        assert_eq!(view(&app).scroll, WHEEL_STEP);
    }

    #[test]
    fn s_swaps_the_sides_and_keeps_the_place() {
        let mut app = comparing();
        update(&mut app, Action::PageDown);
        let scroll = view(&app).scroll;
        update(&mut app, Action::Swap);
        assert_eq!(ids(&app), ("urbain", "communication"));
        assert_eq!(view(&app).comparison.left.id, "urbain");
        assert_eq!(view(&app).scroll, scroll);
        update(&mut app, Action::Swap);
        assert_eq!(ids(&app), ("communication", "urbain"));
    }

    #[test]
    fn c_in_the_comparison_picks_another_right_side() {
        let mut app = comparing();
        update(&mut app, Action::OpenCompare);
        let p = picker(&app);
        assert_eq!(p.first, Some(app.parcours_ref(0)));
        // The current right side is preselected.
        assert_eq!(p.current(), Some(app.parcours_ref(2)));
        update(&mut app, Action::Down);
        update(&mut app, Action::Activate);
        assert_eq!(ids(&app), ("communication", "collectivites"));
        // Cancelling a second pick leaves the comparison as it was.
        update(&mut app, Action::OpenCompare);
        update(&mut app, Action::Close);
        assert_eq!(ids(&app), ("communication", "collectivites"));
    }

    #[test]
    fn escape_returns_to_the_previous_focus() {
        let mut app = comparing();
        update(&mut app, Action::Swap);
        update(&mut app, Action::OpenCompare);
        update(&mut app, Action::Activate);
        update(&mut app, Action::Close);
        assert_eq!(app.mode, Mode::Browse);
        assert_eq!(app.focus, Pane::Maquette);
        assert_eq!(app.selected(), 1, "the browser's selection is untouched");
        assert_eq!(app.key_mode(), KeyMode::Browse);
    }

    #[test]
    fn help_over_the_comparison_closes_back_to_it() {
        let mut app = comparing();
        update(&mut app, Action::OpenHelp);
        assert_eq!(app.key_mode(), KeyMode::Help);
        update(&mut app, Action::Close);
        assert_eq!(app.key_mode(), KeyMode::Compare);
    }

    #[test]
    fn resize_keeps_the_scroll_in_bounds() {
        let mut app = comparing();
        update(&mut app, Action::Bottom);
        let before = view(&app).scroll;
        update(
            &mut app,
            Action::Resize {
                width: 200,
                height: 100,
            },
        );
        assert!(view(&app).scroll < before);
        let width = usize::from(layout::inner(layout::compare_screen(app.layout.area).view).width);
        let total = lines::body(app.fiche(), &view(&app).comparison, width).len();
        assert_eq!(view(&app).scroll, total.saturating_sub(body_rows(&app)));
    }

    #[test]
    fn key_table_binds_c_s_and_escape() {
        let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
        let c = press(KeyCode::Char('c'));
        assert_eq!(
            keys::action_for(KeyMode::Browse, &c),
            Some(Action::OpenCompare)
        );
        assert_eq!(
            keys::action_for(KeyMode::Compare, &c),
            Some(Action::OpenCompare)
        );
        let s = press(KeyCode::Char('s'));
        assert_eq!(keys::action_for(KeyMode::Compare, &s), Some(Action::Swap));
        let esc = press(KeyCode::Esc);
        assert_eq!(
            keys::action_for(KeyMode::Compare, &esc),
            Some(Action::Close)
        );
        assert_eq!(
            keys::action_for(KeyMode::ComparePick, &esc),
            Some(Action::Close)
        );
        for mode in [KeyMode::Compare, KeyMode::ComparePick] {
            let all: Vec<keys::Key> = keys::bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(k), "{k:?} bound twice in {mode:?}");
            }
        }
    }

    #[test]
    fn enter_expands_the_common_core_and_swap_keeps_it() {
        let mut app = comparing();
        let numbers = |app: &App| -> Vec<u8> {
            view(app)
                .comparison
                .maquette
                .semesters
                .iter()
                .map(|s| s.number)
                .collect()
        };
        assert_eq!(numbers(&app), [3, 4]);
        update(&mut app, Action::Activate);
        assert_eq!(numbers(&app), [1, 2, 3, 4]);
        update(&mut app, Action::Swap);
        assert!(view(&app).expanded);
        update(&mut app, Action::Activate);
        assert_eq!(numbers(&app), [3, 4]);
    }

    #[test]
    fn shared_with_list_agrees_with_the_comparison() {
        use crate::app::view::detail::sharing_parcours;
        let fiche = embedded();
        for (i, a) in fiche.parcours.iter().enumerate() {
            for (j, b) in fiche.parcours.iter().enumerate().filter(|(j, _)| *j != i) {
                let c = compare::compare(
                    Side::new(&fiche, a),
                    Side::new(&fiche, b),
                    Options::default(),
                );
                for ue in a.semesters.iter().flat_map(|s| &s.ues) {
                    let sharing = sharing_parcours(&fiche, ue, Some(i));
                    let shared = c.maquette.semesters.iter().flat_map(|s| &s.ues).any(|r| {
                        r.status == compare::Status::Shared
                            && r.left.as_ref().is_some_and(|l| l.code == ue.code)
                    });
                    assert_eq!(
                        sharing.contains(&j),
                        shared,
                        "{} {} / {}",
                        a.id,
                        ue.code,
                        b.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_fiche_with_one_parcours_offers_nothing_to_compare() {
        let text = include_str!("../../tests/fixtures/minimal.ron");
        let fiche = crate::model::parse_str(text, "minimal.ron").unwrap();
        let mut app = App::new(fiche);
        update(&mut app, Action::Down);
        update(&mut app, Action::OpenCompare);
        assert!(picker(&app).options.is_empty());
        update(&mut app, Action::Down);
        update(&mut app, Action::Activate);
        assert_eq!(app.popup, None);
        assert_eq!(app.mode, Mode::Browse);
    }

    #[test]
    fn narrow_screens_drop_the_list_then_stack() {
        let wide = layout::compare_screen(ratatui::layout::Rect::new(0, 0, 120, 40));
        assert!(wide.list.is_some());
        assert_eq!(wide.view.x + wide.view.width, 120);
        let medium = layout::compare_screen(ratatui::layout::Rect::new(0, 0, 99, 30));
        assert!(medium.list.is_none());
        assert_eq!(medium.view.width, 99);
        assert!(lines::columns(97).is_some());
        assert!(lines::columns(lines::STACK_BELOW - 1).is_none());
    }
}
