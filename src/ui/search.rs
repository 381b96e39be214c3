//! The `/` search popup: query line, kind filter, results with their kind
//! badge, matched characters and parcours; or the parcours picker.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::search::{Picker, SearchPopup};
use crate::app::view::Tone;
use crate::app::view::layout::SearchArea;
use crate::app::view::search as view;
use crate::app::{
    App,
    view::{layout, strings as s},
};
use crate::search::{Entry, Filter, Location};

/// Badge column: the longest badge ("Compétence") and a space.
const BADGE_WIDTH: usize = 11;
/// Below this row width results use the short badges ("Comp.").
const SHORT_BADGES_BELOW: usize = 70;
/// The short badges' column: the longest ("Activ.") and a space.
const SHORT_BADGE_WIDTH: usize = 7;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, popup: &SearchPopup, theme: &Theme) {
    let Some(area) = layout::search_area(screen) else {
        return;
    };
    let rect = area.popup;
    frame.render_widget(Clear, rect);
    let width = usize::from(area.list.width);
    let title = match &popup.picker {
        Some(_) => s::PICK_TITLE,
        None => s::SEARCH_TITLE,
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(&format!(" {title} "), width)));
    frame.render_widget(block, rect);
    match &popup.picker {
        Some(picker) => render_picker(frame, &area, app, picker, theme),
        None => render_results(frame, &area, app, popup, theme),
    }
}

fn render_results(
    frame: &mut Frame,
    area: &SearchArea,
    app: &App,
    popup: &SearchPopup,
    theme: &Theme,
) {
    let width = usize::from(area.query.width);
    // The query, with the terminal cursor in it.
    let prompt = Span::styled(s::SEARCH_PROMPT, theme.tone(Tone::Label));
    let (cursor_x, skip) = view::query_view(popup, width);
    let shown: String = skip_columns(&popup.input, skip);
    let query_line = Line::from(vec![prompt, Span::raw(shown)]);
    frame.render_widget(Paragraph::new(query_line), area.query);
    let x = area.query.x + u16::try_from(cursor_x).unwrap_or(0);
    frame.set_cursor_position(Position::new(x.min(area.query.right() - 1), area.query.y));

    // The kind filter, then the count (or "recherche…").
    let chips = view::chips(popup, width);
    let room = width.saturating_sub(view::chips_width(&chips) + 1);
    let spans = chips
        .into_iter()
        .map(|chip| {
            let style = if chip.active {
                theme.selected(true)
            } else {
                theme.tone(Tone::Muted)
            };
            Span::styled(chip.text, style)
        })
        .collect();
    let right = vec![Span::styled(
        view::count_label(popup, room),
        theme.tone(Tone::Muted),
    )];
    frame.render_widget(
        Paragraph::new(text::row(spans, right, width, Style::new())),
        area.filters,
    );

    // Then the results.
    let rows = usize::from(area.list.height);
    let query = popup.query();
    let mut lines = Vec::new();
    if popup.results.hits.is_empty() && !popup.searching() {
        let note = if query.is_empty() && query.filter == Filter::All {
            s::SEARCH_EMPTY
        } else {
            s::SEARCH_NONE
        };
        lines.push(Line::from(Span::styled(
            text::fit(note, width),
            theme.tone(Tone::Muted),
        )));
    }
    let index = &app.search.index;
    let offset = view::results_offset(popup, rows);
    for (i, hit) in popup
        .results
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
    {
        let entry = index.entry(hit.id);
        let marked = index.highlight(hit.id, &query);
        let selected = i == popup.list.selected;
        lines.push(result_line(app, &entry, &marked, selected, width, theme));
    }
    frame.render_widget(Paragraph::new(lines), area.list);
}

/// `text` without its first `columns` display columns.
fn skip_columns(text: &str, columns: usize) -> String {
    let mut used = 0;
    text.chars()
        .skip_while(|c| {
            let skip = used < columns;
            used += text::width(&c.to_string());
            skip
        })
        .collect()
}

/// "Emploi     ingénieur de projets européens ········ Europe"
fn result_line(
    app: &App,
    entry: &Entry,
    marked: &[usize],
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let base = if selected {
        theme.selected(true)
    } else {
        Style::new()
    };
    let (badge, badge_width) = if width < SHORT_BADGES_BELOW {
        (s::badge_short(entry.kind), SHORT_BADGE_WIDTH)
    } else {
        (entry.kind.badge(), BADGE_WIDTH)
    };
    let mut left = vec![Span::styled(
        format!("{badge:<badge_width$}"),
        theme.badge(),
    )];
    left.extend(marked_spans(&entry.text, marked, theme));
    // The place takes what the text leaves, but never more than a third of
    // the row when the text needs it, so the matched text stays readable
    // whatever the width ("UE 13 · Communication, Eu…").
    let spare = width.saturating_sub(badge_width + text::width(&entry.text) + 1);
    let room = spare.max(width / 3);
    let place = text::fit(&where_label(app, entry, room), room);
    let right = vec![Span::styled(place, theme.tone(Tone::Muted))];
    text::row(left, right, width, base)
}

/// The text in runs, matched characters in `theme.matched()`.
fn marked_spans(text: &str, marked: &[usize], theme: &Theme) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let is_marked = marked.binary_search(&i).is_ok();
        if is_marked != run_marked && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_marked, theme));
        }
        run_marked = is_marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, run_marked, theme));
    }
    spans
}

fn styled_run(run: String, marked: bool, theme: &Theme) -> Span<'static> {
    if marked {
        Span::styled(run, theme.matched())
    } else {
        Span::raw(run)
    }
}

fn where_label(app: &App, entry: &Entry, room: usize) -> String {
    view::place_label(&app.catalogue, entry, room)
}

fn render_picker(frame: &mut Frame, area: &SearchArea, app: &App, picker: &Picker, theme: &Theme) {
    let width = usize::from(area.list.width);
    let entry = app.search.index.entry(picker.entry);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{:<w$}", entry.kind.badge(), w = BADGE_WIDTH),
                theme.badge(),
            ),
            Span::raw(text::fit(&entry.text, width.saturating_sub(BADGE_WIDTH))),
        ]),
        Line::default(),
    ];
    let rows = usize::from(area.list.height);
    let offset = view::picker_offset(picker, rows);
    // Short names in a column, full names after them.
    let labels: Vec<String> = picker
        .parcours
        .iter()
        .filter_map(|&p| app.catalogue.parcours(p))
        .map(|p| p.short_label())
        .collect();
    let column = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
    for (i, &p) in picker.parcours.iter().enumerate().skip(offset).take(rows) {
        let Some(parcours) = app.catalogue.parcours(p) else {
            continue;
        };
        let base = if i == picker.list.selected {
            theme.selected(true)
        } else {
            Style::new()
        };
        let place = entry
            .place_in(p)
            .and_then(|pl| match &pl.at {
                Location::Ue(ue) | Location::Course { ue, .. } => {
                    Some(format!("{} · {}", s::semester_short(ue.semester), ue.code))
                }
                Location::Item { .. } => None,
            })
            .unwrap_or_default();
        lines.push(text::row(
            vec![Span::raw(format!(
                "{}{}  {}",
                parcours.short_label(),
                " ".repeat(column.saturating_sub(text::width(&parcours.short_label()))),
                parcours.name
            ))],
            vec![Span::styled(place, theme.tone(Tone::Muted))],
            width,
            base,
        ));
    }
    // The heading takes the query and filter lines.
    let whole = Rect {
        height: area.list.bottom() - area.query.y,
        ..area.query
    };
    frame.render_widget(Paragraph::new(lines), whole);
}
