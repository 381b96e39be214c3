//! The `/` search popup: query line, kind filter, results with their kind
//! badge, matched characters and parcours; or the parcours picker.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::detail::Tone;
use crate::app::search::{Picker, SearchPopup};
use crate::app::{App, layout, strings as s};
use crate::search::{Entry, Filter, Kind, Location};

/// Badge column: the longest badge ("Compétence") and a space.
const BADGE_WIDTH: usize = 11;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, popup: &SearchPopup, theme: &Theme) {
    let rect = layout::search_popup(screen);
    let inner = layout::inner(rect);
    if inner.width < 4 || inner.height < 3 {
        return;
    }
    frame.render_widget(Clear, rect);
    let width = usize::from(inner.width);
    let title = match &popup.picker {
        Some(_) => s::PICK_TITLE,
        None => s::SEARCH_TITLE,
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(&format!(" {title} "), width)));
    frame.render_widget(block, rect);
    match &popup.picker {
        Some(picker) => render_picker(frame, inner, app, picker, theme),
        None => render_results(frame, inner, app, popup, theme),
    }
}

fn render_results(frame: &mut Frame, inner: Rect, app: &App, popup: &SearchPopup, theme: &Theme) {
    let width = usize::from(inner.width);
    // Line 1: the query, with the terminal cursor in it.
    let prompt = Span::styled(s::SEARCH_PROMPT, theme.tone(Tone::Label));
    let prompt_width = text::width(s::SEARCH_PROMPT);
    let before: String = popup.input.chars().take(popup.cursor).collect();
    let cursor_x = prompt_width + text::width(&before);
    // A query wider than the line scrolls so the cursor stays visible.
    let skip = (cursor_x + 1).saturating_sub(width);
    let shown: String = skip_columns(&popup.input, skip);
    let query_line = Line::from(vec![prompt, Span::raw(shown)]);
    frame.render_widget(Paragraph::new(query_line), line(inner, 0));
    let x = inner.x + u16::try_from(cursor_x - skip).unwrap_or(0);
    frame.set_cursor_position(Position::new(x.min(inner.right() - 1), inner.y));

    // Line 2: the kind filter, then the count (or "recherche…").
    let mut spans = Vec::new();
    let mut filter = Filter::All;
    loop {
        let style = if filter == popup.filter {
            theme.selected(true)
        } else {
            theme.tone(Tone::Muted)
        };
        spans.push(Span::styled(format!(" {} ", filter.label()), style));
        filter = filter.cycle();
        if filter == Filter::All {
            break;
        }
    }
    let count = if popup.searching() {
        s::SEARCH_RUNNING.to_string()
    } else {
        s::search_count(popup.results.hits.len(), popup.results.total)
    };
    let right = vec![Span::styled(count, theme.tone(Tone::Muted))];
    frame.render_widget(
        Paragraph::new(text::row(spans, right, width, Style::new())),
        line(inner, 1),
    );

    // Then the results.
    let rows = usize::from(inner.height).saturating_sub(2);
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
    // Kept in view here too: a resize can shrink the list under the cursor.
    let offset = layout::follow(popup.offset, popup.selected, rows, popup.results.hits.len());
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
        let selected = i == popup.selected;
        lines.push(result_line(app, entry, &marked, selected, width, theme));
    }
    let area = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    frame.render_widget(Paragraph::new(lines), area);
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

fn line(inner: Rect, n: u16) -> Rect {
    Rect::new(inner.x, inner.y + n, inner.width, 1)
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
    let mut left = vec![Span::styled(
        format!("{:<w$}", entry.kind.badge(), w = BADGE_WIDTH),
        theme.badge(),
    )];
    left.extend(marked_spans(&entry.text, marked, theme));
    let right = vec![Span::styled(
        where_label(app, entry),
        theme.tone(Tone::Muted),
    )];
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

/// Where an entry is: its parcours' short names ("tous les parcours" when
/// it is in all), and the UE code for UEs and courses.
fn where_label(app: &App, entry: &Entry) -> String {
    let all = app.fiche.parcours.len();
    let names = if entry.parcours.len() == all && all > 1 {
        s::SEARCH_ALL_PARCOURS.to_string()
    } else {
        entry
            .parcours
            .iter()
            .filter_map(|&p| app.fiche.parcours.get(p))
            .map(|p| p.short_label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match entry.kind {
        Kind::Ue | Kind::Course => match entry.places.first().map(|p| &p.at) {
            Some(Location::Ue(ue)) | Some(Location::Course { ue, .. }) => {
                format!("{} · {names}", ue.code)
            }
            _ => names,
        },
        _ => names,
    }
}

fn render_picker(frame: &mut Frame, inner: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let width = usize::from(inner.width);
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
    let rows = usize::from(inner.height).saturating_sub(2);
    let offset = layout::follow(0, picker.selected, rows, picker.parcours.len());
    // Short names in a column, full names after them.
    let labels: Vec<String> = picker
        .parcours
        .iter()
        .filter_map(|&p| app.fiche.parcours.get(p))
        .map(|p| p.short_label())
        .collect();
    let column = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
    for (i, &p) in picker.parcours.iter().enumerate().skip(offset).take(rows) {
        let Some(parcours) = app.fiche.parcours.get(p) else {
            continue;
        };
        let base = if i == picker.selected {
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
    frame.render_widget(Paragraph::new(lines), inner);
}
