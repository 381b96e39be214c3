//! The fiche list screen: the facet bar, one row per fiche (number, level,
//! title, a mark for inactive ones; the selected one's title whole), the
//! filter in the frame's title, and a preview of the fiche under the cursor
//! on wide screens. Only the visible rows are built, from the summaries.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, facet_bar, text, theme::Theme};
use crate::app::App;
use crate::app::fiche_list::{self, FicheList};
use crate::app::view::fiche_list::{self as view, LEVEL_WIDTH, NUMBER_WIDTH};
use crate::app::view::{Tone, layout, strings as s};
use crate::model::registry::{Date, Record};
use crate::model::{Fiche, FicheSummary};

pub fn render(frame: &mut Frame, area: Rect, app: &App, state: &FicheList, theme: &Theme) {
    let screen = fiche_list::screen(area, state);
    facet_bar::render(frame, screen.facets, &state.bar, theme);
    let inner = layout::inner(screen.list);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let window = view::window(state, &app.catalogue, width, height);
    let mut lines: Vec<Line> = Vec::new();
    for (i, id) in state.rows.iter().enumerate().skip(window.offset) {
        if lines.len() >= height {
            break;
        }
        let fiche = app.catalogue.summary(*id);
        if i == state.list.selected {
            let base = theme.selected(state.bar.menu.is_none() && !state.editing);
            lines.extend(selected_rows(fiche, width, base, theme));
        } else {
            lines.push(row(fiche, width, Style::new(), theme));
        }
    }
    lines.truncate(height);
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
        preview(frame, rect, app.catalogue.get(id), app.today, theme);
    }
    if let Some(rect) = fiche_list::menu_rect(state, area, screen.facets) {
        facet_bar::render_menu(frame, rect, &state.bar, theme);
    }
}

/// The number and level columns of a row.
fn columns(fiche: &FicheSummary, theme: &Theme) -> Vec<Span<'static>> {
    let number = format!("{:<w$}", fiche.numero.to_string(), w = NUMBER_WIDTH);
    let level = match fiche.level {
        Some(l) => format!("{:<w$}", s::level_short(&l.to_string()), w = LEVEL_WIDTH),
        None => " ".repeat(LEVEL_WIDTH),
    };
    vec![
        Span::styled(number, theme.tone(Tone::Label)),
        Span::styled(level, theme.tone(Tone::Muted)),
    ]
}

/// Only the registry says whether a fiche is active: unknown stays unmarked.
fn mark(fiche: &FicheSummary, theme: &Theme) -> Vec<Span<'static>> {
    match fiche.active {
        Some(false) => vec![Span::styled(s::INACTIVE_MARK, theme.tone(Tone::Warning))],
        _ => Vec::new(),
    }
}

/// "RNCP24759  niv. 7  MASTER : MASTER Science Politique", cut with "…".
fn row(fiche: &FicheSummary, width: usize, base: Style, theme: &Theme) -> Line<'static> {
    let mut left = columns(fiche, theme);
    left.push(Span::raw(fiche.intitule.clone()));
    text::row(left, mark(fiche, theme), width, base)
}

/// The fiche under the cursor: its title whole, wrapped under the title column.
fn selected_rows(
    fiche: &FicheSummary,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let title = view::wrapped_title(&fiche.intitule, view::title_room(fiche, width));
    title
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let (left, right) = if i == 0 {
                let mut left = columns(fiche, theme);
                left.push(Span::raw(part));
                (left, mark(fiche, theme))
            } else {
                let indent = " ".repeat(NUMBER_WIDTH + LEVEL_WIDTH);
                (vec![Span::raw(indent), Span::raw(part)], Vec::new())
            };
            text::row(left, right, width, base)
        })
        .collect()
}

/// What the fiche under the cursor is, at a glance.
fn preview(frame: &mut Frame, area: Rect, fiche: &Fiche, today: Date, theme: &Theme) {
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
        // The app's day, as the detail pane counts it (tests fix it).
        lines.extend(validity(record, today, theme));
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
