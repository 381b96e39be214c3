//! The partners popup (`p`): the filter, the habilitation answer when the
//! filter is a SIRET or SIREN, the partners in columns (SIRET, role, state,
//! active since, name) — only the rows on screen are built — and the
//! partner under the cursor in full at the bottom.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{text, theme::Theme};
use crate::app::App;
use crate::app::list::follow;
use crate::app::partners::{PartnersPopup, record};
use crate::app::view::detail::{DocLine, wrap};
use crate::app::view::{Tone, layout, strings as s};
use crate::model::registry::{Partner, Record};
use crate::partners::habilitation_active;

const SIRET_WIDTH: usize = 14;
const ROLE_WIDTH: usize = 14;
const STATE_WIDTH: usize = 8;
const SINCE_WIDTH: usize = 10;
/// Below this width the "since" column gives its room to the name.
const SINCE_FROM: usize = 70;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, popup: &PartnersPopup, theme: &Theme) {
    let (Some(area), Some(record)) = (layout::partners_area(screen), record(app, popup)) else {
        return;
    };
    frame.render_widget(Clear, area.popup);
    let width = usize::from(area.list.width);
    let height = usize::from(area.list.height);
    let total = record.partners.len();
    let len = popup.rows.len();
    let offset = follow(popup.list.offset, popup.list.selected, height, len);
    let title = s::partners_title(
        &record.numero.to_string(),
        crate::partners::certification_active(record),
        len,
        total,
    );
    let mut block = Block::bordered()
        .border_style(theme.border(true))
        .title(Line::from(text::fit(&format!(" {title} "), width)));
    if len > height && width > 40 {
        let last = (offset + height).min(len);
        block = block.title(Line::from(format!(" ↑↓ {last}/{len} ")).right_aligned());
    }
    frame.render_widget(block, area.popup);

    // The filter, with the terminal cursor after it.
    let prompt = text::width(s::PARTNERS_PROMPT);
    let query = text::fit(&popup.query, width.saturating_sub(prompt + 1));
    let cursor_x = prompt + text::width(&query);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(s::PARTNERS_PROMPT, theme.tone(Tone::Label)),
            Span::raw(query),
        ])),
        area.query,
    );
    let x = area.query.x + u16::try_from(cursor_x).unwrap_or(u16::MAX);
    frame.set_cursor_position(Position::new(
        x.min(area.query.right().saturating_sub(1)),
        area.query.y,
    ));

    answer(frame, area.answer, record, popup, theme);

    let since = width >= SINCE_FROM;
    frame.render_widget(
        Paragraph::new(Line::styled(
            text::fit(
                &columns(width, since, s::PARTNERS_COLUMNS, s::PARTNERS_NAME_COLUMN),
                width,
            ),
            theme.tone(Tone::Heading),
        )),
        area.header,
    );

    let mut lines: Vec<Line> = popup
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .filter_map(|(i, &p)| {
            let partner = record.partners.get(p)?;
            Some(row(partner, width, since, i == popup.list.selected, theme))
        })
        .collect();
    if lines.is_empty() {
        let empty = if total == 0 {
            s::PARTNERS_EMPTY
        } else {
            s::PARTNERS_NONE
        };
        lines.push(Line::styled(
            text::fit(empty, width),
            theme.tone(Tone::Muted),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area.list);

    let chosen = popup
        .rows
        .get(popup.list.selected)
        .and_then(|&p| record.partners.get(p));
    if let Some(p) = chosen {
        frame.render_widget(
            Paragraph::new(Line::styled(
                text::fit(&describe(p), width),
                theme.tone(Tone::Muted),
            )),
            area.footer,
        );
    }
}

/// The two answer lines: the verdict when the filter is a SIRET or SIREN,
/// else how to ask.
fn answer(frame: &mut Frame, rect: Rect, record: &Record, popup: &PartnersPopup, theme: &Theme) {
    let width = usize::from(rect.width);
    let lines: Vec<Line> = match popup.answer(record) {
        Some((who, a)) => {
            let tone = if a.habilitated {
                Tone::Common
            } else {
                Tone::Warning
            };
            let said = s::habilitation_answer(&a, &who, record.partners.len());
            // Word-wrapped: the verdict is what the user asked for. More
            // than fits (a SIREN's many establishments): the list shows them.
            let doc: Vec<DocLine> = said
                .iter()
                .map(|l| DocLine {
                    spans: vec![(tone, l.clone())],
                    bullet: false,
                    sub: false,
                })
                .collect();
            let wrapped = wrap(&doc, width);
            let rows = usize::from(rect.height);
            wrapped
                .iter()
                .take(rows)
                .enumerate()
                .map(|(i, l)| {
                    let mut line: String = l.iter().map(|(_, t)| t.as_str()).collect();
                    if i + 1 == rows && wrapped.len() > rows {
                        line = text::fit(&line, width.saturating_sub(1)) + text::ELLIPSIS;
                    }
                    Line::styled(text::fit(&line, width), theme.tone(tone))
                })
                .collect()
        }
        None => vec![Line::styled(
            text::fit(s::PARTNERS_ASK, width),
            theme.tone(Tone::Muted),
        )],
    };
    frame.render_widget(Paragraph::new(lines), rect);
}

/// Four fixed columns and the name, padded to `width`.
fn columns(width: usize, since: bool, cells: [&str; 4], name: &str) -> String {
    let mut out = String::new();
    let widths = [SIRET_WIDTH, ROLE_WIDTH, STATE_WIDTH, SINCE_WIDTH];
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if i == 3 && !since {
            continue;
        }
        let cell = text::fit(cell, w);
        let pad = w.saturating_sub(text::width(&cell));
        out.push_str(&cell);
        out.push_str(&" ".repeat(pad + 1));
    }
    out.push_str(name);
    let pad = width.saturating_sub(text::width(&out));
    out + &" ".repeat(pad)
}

fn row(p: &Partner, width: usize, since: bool, selected: bool, theme: &Theme) -> Line<'static> {
    let date = p.active_since.map(|d| d.to_string()).unwrap_or_default();
    let state = p.state.as_deref().unwrap_or(s::UNKNOWN_VALUE);
    let cells = [
        p.siret.as_deref().unwrap_or("-"),
        &s::role_short(p.habilitation.as_ref()),
        state,
        &date,
    ];
    let line = text::fit(&columns(width, since, cells, &p.name), width);
    let style = if selected {
        theme.selected(true)
    } else if habilitation_active(p) {
        Style::new()
    } else {
        theme.tone(Tone::Muted)
    };
    Line::styled(line, style)
}

/// The partner under the cursor in full: name, SIRET, role in words, state, dates.
fn describe(p: &Partner) -> String {
    let role = p
        .habilitation
        .as_ref()
        .map_or_else(|| s::UNKNOWN_VALUE.to_string(), s::role);
    format!(
        "{} · {} {} · {} · {} {} · {}",
        p.name,
        s::RL_SIRET,
        p.siret.as_deref().unwrap_or("-"),
        role,
        s::RL_STATE_SHORT,
        p.state.as_deref().unwrap_or(s::UNKNOWN_VALUE),
        s::partner_dates(
            p.active_since.map(|d| d.to_string()),
            p.state_changed.map(|d| d.to_string())
        )
    )
}
