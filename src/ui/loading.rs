//! The loading screen: a gauge of the bytes read, the phase and the time
//! left, centred; drawn from a [`Snapshot`] only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use crate::app::loading::Loading;
use crate::app::view::strings;
use crate::model::progress::{self, Snapshot};

use super::Theme;

pub fn render(frame: &mut Frame, loading: &Loading, theme: &Theme) {
    render_snapshot(frame, &loading.snapshot(), loading.stop.is_some(), theme);
}

/// Pure on the snapshot, so tests draw a chosen state.
pub fn render_snapshot(frame: &mut Frame, s: &Snapshot, stopping: bool, theme: &Theme) {
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(80);
    let box_area = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(6) / 2,
        width,
        height: area.height.min(6),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(strings::LOADING_TITLE);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let [phase, gauge, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(Line::from(progress::describe(s))), phase);
    let label = match (s.total, s.fraction()) {
        (0, _) | (_, None) => progress::format_bytes(s.done),
        (total, Some(f)) => format!(
            "{} / {} ({} %)",
            progress::format_bytes(s.done),
            progress::format_bytes(total),
            (f * 100.0).floor()
        ),
    };
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.selected(true))
            .ratio(s.fraction().unwrap_or(0.0))
            .label(label),
        gauge,
    );
    let hint_text = if stopping {
        strings::LOADING_STOPPING
    } else {
        strings::LOADING_HINT
    };
    frame.render_widget(Paragraph::new(hint_text), hint);
}
