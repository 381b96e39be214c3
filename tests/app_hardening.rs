//! Issue 15 at the `update` and rendering level: overflows the fuzzer found,
//! and wrapping that stays linear whatever the data.

mod common;

use rncp_explorer::app::{Action, update};

// 15.6: the fuzz case. `Bottom` parks the detail scroll at usize::MAX; a
// page down after it overflowed (a panic in debug builds, a wrap in release).
#[test]
fn page_down_after_bottom_in_a_tiny_detail_does_not_overflow() {
    let mut app = common::app::app_at(14, 28);
    for action in [
        Action::Resize {
            width: 14,
            height: 28,
        },
        Action::PrevPane,
        Action::Bottom,
        Action::PageDown,
        Action::Down,
        Action::Wheel {
            column: 5,
            row: 20,
            down: true,
        },
    ] {
        update(&mut app, action);
        common::app::drawn(&app);
    }
}
