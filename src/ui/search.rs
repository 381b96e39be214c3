//! The `/` search popup: query line, kind filter and count, the facet bar
//! (on a catalogue), results — certifications with their best item
//! beneath, or items with their kind badge, matched characters, fiche and
//! parcours; or the parcours picker.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{facet_bar, text, theme::Theme};
use crate::app::search::{self as popup_state, Picker, SearchPopup};
use crate::app::view::Tone;
use crate::app::view::layout::SearchArea;
use crate::app::view::search as view;
use crate::app::{App, view::strings as s};
use crate::model::FicheSummary;
use crate::search::{CertHit, Entry, Filter, Kind, Location, Mode};

/// Badge column: the longest badge ("Compétence") and a space; a longer
/// one ("Certificateur") takes its short form.
const BADGE_WIDTH: usize = 11;
/// A certification's number column ("RNCP37674 ").
const CERT_NUMBER_WIDTH: usize = 10;
/// Below this row width results use the short badges ("Comp.").
const SHORT_BADGES_BELOW: usize = 70;
/// The short badges' column: the longest ("Activ.") and a space.
const SHORT_BADGE_WIDTH: usize = 7;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, popup: &SearchPopup, theme: &Theme) {
    let Some(area) = popup_state::area(screen, popup) else {
        return;
    };
    let rect = area.popup;
    frame.render_widget(Clear, rect);
    let width = usize::from(area.list.width);
    let title = match (&popup.picker, &popup.bar) {
        (Some(_), _) => s::PICK_TITLE.to_string(),
        (None, Some(_)) => s::search_title(popup.mode == Mode::Certifications),
        (None, None) => s::SEARCH_TITLE.to_string(),
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(&format!(" {title} "), width)));
    frame.render_widget(block, rect);
    match &popup.picker {
        Some(picker) => render_picker(frame, &area, app, picker, theme),
        None => {
            render_results(frame, &area, app, popup, theme);
            if let Some(bar) = &popup.bar {
                facet_bar::render(frame, area.facets, bar, theme);
                if let Some(menu) = popup_state::menu_rect(&area, bar) {
                    facet_bar::render_menu(frame, menu, bar, theme);
                }
            }
        }
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
    let chips = view::chips(popup, &app.search.kinds, width);
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
        view::count_label(popup, room, app.search.ready),
        theme.tone(Tone::Muted),
    )];
    frame.render_widget(
        Paragraph::new(text::row(spans, right, width, Style::new())),
        area.filters,
    );

    // Then the results.
    let lines_per_row = popup_state::row_lines(popup);
    let rows = usize::from(area.list.height) / lines_per_row;
    let query = popup.query();
    let mut lines = Vec::new();
    if !app.search.ready {
        lines.push(Line::from(Span::styled(
            text::fit(s::SEARCH_INDEXING, width),
            theme.tone(Tone::Muted),
        )));
    } else if popup.rows() == 0 && !popup.searching() {
        let note = match (query.is_empty() && query.filter == Filter::All, &popup.bar) {
            (true, Some(_)) => s::SEARCH_EMPTY_CATALOGUE,
            (true, None) => s::SEARCH_EMPTY,
            (false, _) => s::SEARCH_NONE,
        };
        lines.push(Line::from(Span::styled(
            text::fit(note, width),
            theme.tone(Tone::Muted),
        )));
    }
    let index = &app.search.index;
    let offset = view::results_offset(popup, rows);
    match popup.mode {
        Mode::Items => {
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
        }
        Mode::Certifications => {
            for (i, cert) in popup
                .results
                .certifications
                .iter()
                .enumerate()
                .skip(offset)
                .take(rows)
            {
                let marked = index.highlight(cert.best, &query);
                let selected = i == popup.list.selected;
                lines.extend(cert_lines(app, cert, &marked, selected, width, theme));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), area.list);
}

/// A certification: its number, intitulé, level and state, then its best
/// item beneath with the matched characters marked. When the best item is
/// the intitulé itself, the marks go on the first line and the second says
/// who certifies and until when, rather than the intitulé twice.
fn cert_lines(
    app: &App,
    cert: &CertHit,
    marked: &[usize],
    selected: bool,
    width: usize,
    theme: &Theme,
) -> [Line<'static>; 2] {
    let base = if selected {
        theme.selected(true)
    } else {
        Style::new()
    };
    let fiche = app.catalogue.summary(cert.fiche);
    let entry = &app.search.index.entry(cert.best);
    let number = format!("{:<w$}", fiche.numero.to_string(), w = CERT_NUMBER_WIDTH);
    let mut head = vec![Span::styled(number, theme.tone(Tone::Label))];
    if entry.kind == Kind::Title {
        head.extend(
            marked_spans(&entry.text, marked, theme)
                .into_iter()
                // The marks drawn over the heading's style, not under it.
                .map(|span| {
                    let style = theme.tone(Tone::Heading).patch(span.style);
                    span.style(style)
                }),
        );
        let first = text::row(head, cert_state(fiche, theme), width, base);
        return [first, who_and_until(fiche, width, base, theme)];
    }
    head.push(Span::styled(
        fiche.intitule.clone(),
        theme.tone(Tone::Heading),
    ));
    let first = text::row(head, cert_state(fiche, theme), width, base);
    let (badge, badge_width) = badge(entry, width);
    let mut left = vec![
        Span::styled(s::SEARCH_BEST_ITEM, theme.tone(Tone::Muted)),
        Span::styled(format!("{badge:<badge_width$}"), theme.badge()),
    ];
    left.extend(marked_spans(&entry.text, marked, theme));
    // Which parcours, when the fiche has several and the item is not the fiche's own.
    let parcours = app.catalogue.get(cert.fiche).parcours.len();
    let right = if parcours > 1 && !entry.kind.is_fiche_level() {
        let room = width / 3;
        vec![Span::styled(
            text::fit(&view::place_label(&app.catalogue, entry, room), room),
            theme.tone(Tone::Muted),
        )]
    } else {
        Vec::new()
    };
    [first, text::row(left, right, width, base)]
}

/// "  └ Certificateur  MINISTERE DU TRAVAIL ····· fin 31/12/2027": what a
/// certification's row says beneath an intitulé that matched. Nothing is
/// said of what the fiche does not say (a RON fiche has no certifier).
fn who_and_until(fiche: &FicheSummary, width: usize, base: Style, theme: &Theme) -> Line<'static> {
    let mut left = Vec::new();
    if !fiche.certifiers.is_empty() {
        let names: Vec<&str> = fiche.certifiers.iter().map(|c| c.name.as_str()).collect();
        let (badge, badge_width) = kind_badge(Kind::Certifier, width);
        left.push(Span::styled(s::SEARCH_BEST_ITEM, theme.tone(Tone::Muted)));
        left.push(Span::styled(
            format!("{badge:<badge_width$}"),
            theme.badge(),
        ));
        left.push(Span::raw(names.join(", ")));
    }
    let right = fiche
        .end_of_registration
        .map(|end| {
            vec![Span::styled(
                s::search_until(&end.to_string()),
                theme.tone(Tone::Muted),
            )]
        })
        .unwrap_or_default();
    text::row(left, right, width, base)
}

/// "niv. 5  inactive": the level, and the state when the data says it.
fn cert_state(fiche: &FicheSummary, theme: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    if let Some(level) = fiche.level {
        out.push(Span::styled(
            s::level_short(&level.to_string()),
            theme.tone(Tone::Muted),
        ));
    }
    let state = match fiche.active {
        Some(true) => Some((s::ACTIVE_MARK, Tone::Muted)),
        Some(false) => Some((s::INACTIVE_MARK, Tone::Warning)),
        None => None,
    };
    if let Some((mark, tone)) = state {
        if !out.is_empty() {
            out.push(Span::raw("  "));
        }
        out.push(Span::styled(format!("{mark:<8}"), theme.tone(tone)));
    }
    out
}

/// The kind badge and its column at a row `width` wide.
fn badge(entry: &Entry, width: usize) -> (&'static str, usize) {
    kind_badge(entry.kind, width)
}

/// The badge of `kind` and the columns it takes, shortened when it does not fit.
fn kind_badge(kind: Kind, width: usize) -> (&'static str, usize) {
    if width < SHORT_BADGES_BELOW {
        (s::badge_short(kind), SHORT_BADGE_WIDTH)
    } else if text::width(kind.badge()) < BADGE_WIDTH {
        (kind.badge(), BADGE_WIDTH)
    } else {
        (s::badge_short(kind), BADGE_WIDTH)
    }
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
    let (badge, badge_width) = badge(entry, width);
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

/// Where an item is: its parcours; on a catalogue, its fiche first (alone
/// when the fiche has one parcours, or the item is the fiche's own).
fn where_label(app: &App, entry: &Entry, room: usize) -> String {
    if app.catalogue.len() == 1 {
        return view::place_label(&app.catalogue, entry, room);
    }
    let numero = app.catalogue.summary(entry.fiche).numero.to_string();
    if app.catalogue.get(entry.fiche).parcours.len() <= 1 || entry.kind.is_fiche_level() {
        return numero;
    }
    let room = room.saturating_sub(text::width(&numero) + 3);
    format!(
        "{numero} · {}",
        view::place_label(&app.catalogue, entry, room)
    )
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
