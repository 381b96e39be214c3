//! The certification comparison: a header over two aligned, jointly
//! scrolling columns (or one stacked column on narrow screens), over the
//! whole screen but the status bar. Draws the lines `update` laid out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{block, compare, theme::Theme};
use crate::app::App;
use crate::app::cert_compare::{self, CertView};
use crate::app::view::compare_lines::columns;
use crate::app::view::layout;
use crate::app::view::strings::certs as cs;

pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &CertView, theme: &Theme) {
    let frame_area = layout::cert_screen(area);
    let lines = cert_compare::lines(app, view);
    let (width, height) = (lines.width, lines.height);
    let header_rows = lines.header.len().min(height);
    let rows = height - header_rows;
    let scroll = view.scroll.min(lines.body.len().saturating_sub(rows));
    let c = &view.comparison;
    let title = cs::title(&c.left.numero, &c.right.numero);
    let note = block::scroll_note(scroll, rows, lines.body.len(), &title, frame_area.width);
    let columns = columns(width);
    let shown: Vec<Line> = lines
        .header
        .iter()
        .take(header_rows)
        .chain(lines.body.iter().skip(scroll).take(rows))
        .map(|l| compare::line(l, columns, width, theme))
        .collect();
    frame.render_widget(
        Paragraph::new(shown).block(block::pane(&title, note, true, theme, frame_area.width)),
        frame_area,
    );
}
