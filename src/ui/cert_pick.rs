//! The picker of the certification to compare with: the filter line, then
//! the matching fiches (number, level, title; those linked by a replacement
//! first, tagged). Only the rows on screen are built.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::App;
use crate::app::cert_compare::{self, CertPicker};
use crate::app::view::strings::{self as s, certs as cs};
use crate::app::view::{Tone, layout};
use crate::model::Fiche;

/// Columns of the number column ("RNCP24759", "RS5000").
const NUMBER_WIDTH: usize = 10;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, picker: &CertPicker, theme: &Theme) {
    let Some(area) = layout::cert_picker(screen) else {
        return;
    };
    let catalogue = &app.catalogue;
    let left = catalogue.get(picker.left);
    let room = usize::from(area.list.width);
    let rows = usize::from(area.list.height);
    let offset = cert_compare::picker_offset(picker, rows);
    let mut body: Vec<Line> = Vec::with_capacity(rows + 1);
    let filter = if picker.filter.is_empty() {
        vec![
            Span::styled(cs::PICK_FILTER, theme.tone(Tone::Label)),
            Span::styled(cs::PICK_FILTER_HINT, theme.tone(Tone::Muted)),
        ]
    } else {
        vec![
            Span::styled(cs::PICK_FILTER, theme.tone(Tone::Label)),
            Span::raw(picker.filter.clone()),
        ]
    };
    body.push(text::row(filter, Vec::new(), room, Style::new()));
    body.extend(
        picker
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, id)| {
                let base = if i == picker.list.selected {
                    theme.selected(true)
                } else {
                    Style::new()
                };
                let tag = tag(left, catalogue.get(*id));
                row(catalogue.get(*id), tag, room, base, theme)
            }),
    );
    if picker.rows.is_empty() {
        body.push(Line::styled(
            text::fit(cs::PICK_NONE, room),
            theme.tone(Tone::Muted),
        ));
    }
    let title = cs::pick_title(
        &left.numero().to_string(),
        picker.rows.len(),
        catalogue.len().saturating_sub(1),
    );
    frame.render_widget(Clear, area.popup);
    frame.render_widget(
        Paragraph::new(body).block(Block::bordered().border_style(theme.border(true)).title(
            Line::from(text::fit(
                &format!(" {title} "),
                usize::from(area.popup.width.saturating_sub(2)),
            )),
        )),
        area.popup,
    );
    // The text cursor after what is typed.
    let typed = text::width(cs::PICK_FILTER) + text::width(&picker.filter);
    if let Ok(dx) = u16::try_from(typed)
        && dx < area.filter.width
    {
        frame.set_cursor_position(Position::new(area.filter.x + dx, area.filter.y));
    }
}

/// How a fiche of the list relates to the left one by replacement, if it does.
fn tag(left: &Fiche, other: &Fiche) -> Option<&'static str> {
    let record = left.registry.as_deref()?;
    let number = other.numero();
    let names = |list: &[crate::model::registry::Numero]| {
        list.iter()
            .any(|n| crate::model::Numero::new(n.repertoire, &n.number) == number)
    };
    if names(&record.replaced_by) {
        Some(cs::TAG_REPLACED_BY)
    } else if names(&record.replaces) {
        Some(cs::TAG_REPLACES)
    } else {
        None
    }
}

/// "RNCP40792  niv. 5   Services informatiques…   la remplace · inactive".
fn row(
    fiche: &Fiche,
    tag: Option<&str>,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let number = format!("{:<w$}", fiche.numero().to_string(), w = NUMBER_WIDTH);
    let level = match &fiche.levels.europe {
        Some(l) => format!("{:<8}", s::level_short(l)),
        None => format!("{:<8}", ""),
    };
    let left = vec![
        Span::styled(number, theme.tone(Tone::Label)),
        Span::styled(level, theme.tone(Tone::Muted)),
        Span::raw(fiche.intitule.clone()),
    ];
    let mut right = Vec::new();
    if let Some(tag) = tag {
        right.push(Span::styled(tag.to_string(), theme.tone(Tone::Common)));
    }
    // Only the registry says whether a fiche is active: unknown stays unmarked.
    if fiche.registry.as_ref().and_then(|r| r.active) == Some(false) {
        if !right.is_empty() {
            right.push(Span::raw(" · "));
        }
        right.push(Span::styled(s::INACTIVE_MARK, theme.tone(Tone::Warning)));
    }
    text::row(left, right, width, base)
}
