//! The load warnings popup (`w`): what reading the sources skipped or
//! repaired (a fiche without number, an unknown tag…), located, one row
//! each — never printed over the explorer.

use super::list::ListCursor;
use super::view::layout;
use super::{Action, App, Popup};

/// Opens the popup on the first warning.
pub(super) fn open(app: &mut App) {
    app.popup = Some(Popup::Warnings(ListCursor::default()));
}

/// Rows of warnings the popup shows at once.
pub fn page(app: &App) -> usize {
    let rect = layout::findings_popup(app.layout.area, app.load_warnings.len());
    usize::from(layout::inner(rect).height).max(1)
}

pub(super) fn handle(app: &mut App, action: Action) {
    let Some(Popup::Warnings(mut cursor)) = app.popup.clone() else {
        return;
    };
    let len = app.load_warnings.len();
    let page = page(app);
    match action {
        Action::Close | Action::OpenWarnings | Action::Activate => {
            app.popup = None;
            return;
        }
        Action::Click { column, row } => {
            let rect = layout::findings_popup(app.layout.area, len);
            if !layout::contains(rect, column, row) {
                app.popup = None;
                return;
            }
        }
        Action::Wheel { down, .. } => cursor.wheel(down, len, page),
        other => {
            cursor.step(other, len, page);
        }
    }
    app.popup = Some(Popup::Warnings(cursor));
}
