//! The fiche list screen: one row per fiche (number, level, title), the
//! filter in the frame's title, and a preview of the fiche under the cursor
//! on wide screens. Only the visible rows are built.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, text, theme::Theme};
use crate::app::App;
use crate::app::fiche_list::FicheList;
use crate::app::view::{Tone, layout, strings as s};
use crate::model::Fiche;
use crate::model::registry::{Date, Record};

/// Columns of the number column ("RNCP24759", "RS5000").
const NUMBER_WIDTH: usize = 10;

pub fn render(frame: &mut Frame, area: Rect, app: &App, state: &FicheList, theme: &Theme) {
    let screen = layout::fiche_list(area);
    let inner = layout::inner(screen.list);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let offset = crate::app::list::follow(
        state.list.offset,
        state.list.selected,
        height,
        state.rows.len(),
    );
    let mut lines: Vec<Line> = state
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, id)| {
            let fiche = app.catalogue.get(*id);
            let base = if i == state.list.selected {
                theme.selected(!state.editing)
            } else {
                Style::new()
            };
            row(fiche, width, base, theme)
        })
        .collect();
    if state.rows.is_empty() {
        lines.push(Line::styled(s::FICHES_NONE, theme.tone(Tone::Muted)));
    }
    let count = s::fiches_count(state.rows.len(), app.catalogue.len());
    let title = if state.filter.is_empty() && !state.editing {
        format!(
            "{} · {count} · {}",
            s::FICHES_TITLE,
            s::fiches_sort(state.sort)
        )
    } else {
        format!(
            "{} · {count} · {}{}",
            s::FICHES_TITLE,
            s::FICHES_FILTER,
            state.filter
        )
    };
    frame.render_widget(
        Paragraph::new(lines).block(block::pane(&title, None, true, theme, screen.list.width)),
        screen.list,
    );
    if state.editing {
        // The text cursor after the filter, in the frame's title.
        let x = screen.list.x + 2 + text::width(&format!(" {title}")) as u16;
        if x < screen.list.x + screen.list.width.saturating_sub(1) {
            frame.set_cursor_position(Position::new(x, screen.list.y));
        }
    }
    if let (Some(rect), Some(id)) = (screen.preview, state.current()) {
        preview(frame, rect, app.catalogue.get(id), theme);
    }
}

/// "RNCP24759  niv. 7  MASTER : MASTER Science Politique".
fn row(fiche: &Fiche, width: usize, base: Style, theme: &Theme) -> Line<'static> {
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
    // Only the registry says whether a fiche is active: unknown stays unmarked.
    let active = fiche.registry.as_ref().and_then(|r| r.active);
    let right = match active {
        Some(false) => vec![Span::styled(s::INACTIVE_MARK, theme.tone(Tone::Warning))],
        _ => Vec::new(),
    };
    text::row(left, right, width, base)
}

/// What the fiche under the cursor is, at a glance.
fn preview(frame: &mut Frame, area: Rect, fiche: &Fiche, theme: &Theme) {
    let mut lines = vec![
        Line::styled(fiche.numero().to_string(), theme.tone(Tone::Title)),
        Line::styled(fiche.intitule.clone(), theme.tone(Tone::Heading)),
        Line::default(),
    ];
    if let Some(level) = &fiche.levels.europe {
        lines.push(field(s::PREVIEW_LEVEL, s::level_short(level), theme));
    }
    if !fiche.authority.organisations.is_empty() {
        lines.push(field(
            s::PREVIEW_CERTIFIERS,
            fiche.authority.organisations.join(", "),
            theme,
        ));
    }
    if let Some(record) = &fiche.registry {
        lines.extend(validity(record, Date::today(), theme));
    }
    lines.push(field(
        s::PREVIEW_PARCOURS,
        fiche.parcours.len().to_string(),
        theme,
    ));
    if !fiche.rome.is_empty() {
        let rome: Vec<String> = fiche
            .rome
            .iter()
            .map(|r| format!("{} {}", r.code, r.label))
            .collect();
        lines.push(field(s::PREVIEW_ROME, rome.join(" · "), theme));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block::pane(
                s::PREVIEW_TITLE,
                None,
                false,
                theme,
                area.width,
            )),
        area,
    );
}

/// Active or not, the end of registration with the days left (or since),
/// the delivery deadline, and the replacement links.
fn validity(record: &Record, today: Date, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(active) = record.active {
        out.push(field(
            s::PREVIEW_ACTIVE,
            s::yes_no(active).to_string(),
            theme,
        ));
    }
    let dated = |label: &str, date: Option<Date>| {
        date.map(|d| {
            field(
                label,
                s::dated(&d.to_string(), d.day_number() - today.day_number()),
                theme,
            )
        })
    };
    out.extend(dated(s::PREVIEW_END, record.dates.end_of_registration));
    out.extend(dated(s::PREVIEW_DEADLINE, record.dates.delivery_deadline));
    for (label, numbers) in [
        (s::PREVIEW_REPLACED_BY, &record.replaced_by),
        (s::PREVIEW_REPLACES, &record.replaces),
    ] {
        if !numbers.is_empty() {
            let list: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
            out.push(field(label, list.join(", "), theme));
        }
    }
    out
}

fn field(label: &str, value: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label} : "), theme.tone(Tone::Label)),
        Span::raw(value),
    ])
}
