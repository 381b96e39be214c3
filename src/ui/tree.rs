//! Middle pane: the maquette tree of the selected parcours.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{block, text, theme::Theme};
use crate::app::tree::{self, NodeId, Row, Selection};
use crate::app::view::{Tone, detail};
use crate::app::{
    App, Pane,
    view::{layout, strings as s},
};
use crate::check::SEMESTER_ECTS;
use crate::model::registry::Item;
use crate::model::{Course, SemesterRef};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Maquette;
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let selection = app.selection();
    let sems = tree::semesters(app.fiche(), selection);
    let blocs = tree::blocs(app.fiche());
    let rows = app.tree_rows();
    let cursor = app.tree().cursor.min(rows.len().saturating_sub(1));
    let offset = app.tree().offset.min(rows.len().saturating_sub(height));
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, r)| {
            let base = if i == cursor {
                theme.selected(focused)
            } else {
                Style::new()
            };
            let (left, right) = node(app, selection, &sems, r, width, theme);
            text::row(left, right, width, base)
        })
        .collect();
    if rows.is_empty() {
        let empty = if blocs.is_some() {
            s::NO_BLOC
        } else {
            s::EMPTY_TREE
        };
        lines.push(Line::styled(empty, theme.tone(Tone::Muted)));
    }
    let title = match selection {
        _ if blocs.is_some() => s::counted(s::RH_BLOCS, blocs.map_or(0, <[_]>::len)),
        Selection::Fiche => s::COMMON_CORE_TITLE.to_string(),
        Selection::Parcours(i) => app
            .fiche()
            .parcours
            .get(i)
            .map(|p| {
                let short = format!(
                    "{} · {}",
                    p.short_label(),
                    s::ects_sum(app.fiche().ects_total(p))
                );
                let full = format!("{} — {short}", s::PANE_MAQUETTE);
                if text::width(&full) + 4 <= usize::from(area.width) {
                    full
                } else {
                    short
                }
            })
            .unwrap_or_else(|| s::PANE_MAQUETTE.to_string()),
    };
    let note = block::scroll_note(offset, height, rows.len(), &title, area.width);
    frame.render_widget(
        Paragraph::new(lines).block(block::pane(&title, note, focused, theme, area.width)),
        area,
    );
    // Where the visible rows sit in the whole tree, on the right border
    // (the title note may have no room beside a long title).
    if rows.len() > height && height > 0 {
        let mut state = ScrollbarState::new(rows.len() - height)
            .viewport_content_length(height)
            .position(offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("┃")
                .track_style(theme.border(focused))
                .thumb_style(theme.border(focused)),
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

type Spans = Vec<Span<'static>>;

/// A bloc's code in a narrow tree: "BC01" rather than "RNCP37674BC01", so
/// the label keeps some room.
fn bloc_code(code: &str, width: usize) -> &str {
    match code.find("BC") {
        Some(at) if width < NARROW_TREE_BELOW => &code[at..],
        _ => code,
    }
}

fn marker(r: &Row) -> &'static str {
    match (r.expandable, r.expanded) {
        (true, true) => "▾ ",
        (true, false) => "▸ ",
        (false, _) => "  ",
    }
}

/// Below this inner width semesters read "S1" rather than "Semestre 1" and
/// an elective UE's row gives its ECTS as a bare number beside the rule
/// ("2 au choix · 6"), so the code and a bit of the title keep their room.
const NARROW_TREE_BELOW: usize = 36;

fn node(
    app: &App,
    selection: Selection,
    sems: &[SemesterRef<'_>],
    r: &Row,
    width: usize,
    theme: &Theme,
) -> (Spans, Spans) {
    let indent = "  ".repeat(r.id.depth());
    let warn = |found: bool| {
        if found {
            vec![Span::styled(
                format!(" {}", s::WARNING_MARK),
                theme.tone(Tone::Warning),
            )]
        } else {
            Vec::new()
        }
    };
    match r.id {
        NodeId::Bloc(b) => {
            let Some(bloc) = tree::blocs(app.fiche()).and_then(|blocs| blocs.get(b)) else {
                return (Vec::new(), Vec::new());
            };
            let left = vec![
                Span::raw(format!("{indent}{}", marker(r))),
                Span::styled(
                    format!("{} ", bloc_code(&bloc.code, width)),
                    theme.tone(Tone::Label),
                ),
                Span::raw(bloc.label.clone()),
            ];
            (left, Vec::new())
        }
        NodeId::BlocItem(b, i) => {
            let blocs = tree::blocs(app.fiche()).unwrap_or_default();
            let Some(item) = tree::bloc_items(blocs, b).get(i) else {
                return (Vec::new(), Vec::new());
            };
            let (mark, tone) = match item {
                Item::Header(_) | Item::LeadIn(_) => ("", Tone::Muted),
                Item::Bullet(level, _) if *level > 1 => ("  ◦ ", Tone::Text),
                _ => ("• ", Tone::Text),
            };
            let left = vec![
                Span::raw(format!("{indent}  ")),
                Span::styled(mark, theme.tone(Tone::Muted)),
                Span::styled(item.text().to_string(), theme.tone(tone)),
            ];
            (left, Vec::new())
        }
        NodeId::Semester(si) => {
            let Some(sem) = sems.get(si) else {
                return (Vec::new(), Vec::new());
            };
            let mut left = vec![
                Span::raw(format!("{indent}{}", marker(r))),
                Span::styled(
                    if width < NARROW_TREE_BELOW {
                        s::semester_short(sem.semester.number)
                    } else {
                        s::semester(sem.semester.number)
                    },
                    theme.tone(Tone::Heading),
                ),
            ];
            if sem.common {
                left.push(Span::styled(
                    format!(" · {}", s::COMMON_CORE),
                    theme.tone(Tone::Common),
                ));
            }
            let total = sem.semester.ects_total();
            let tone = if total.is(SEMESTER_ECTS) {
                Tone::Label
            } else {
                Tone::Warning
            };
            let mut right = vec![Span::styled(s::ects_sum(total), theme.tone(tone))];
            let found = !detail::findings_at(app, selection, sem, None).is_empty();
            right.extend(warn(found));
            (left, right)
        }
        NodeId::Ue(si, ui) => {
            let (Some(sem), Some(ue)) = (sems.get(si), tree::ue(sems, si, ui)) else {
                return (Vec::new(), Vec::new());
            };
            let left = vec![
                Span::raw(format!("{indent}{}", marker(r))),
                Span::styled(format!("{} ", ue.code), theme.tone(Tone::Label)),
                Span::raw(ue.title.clone()),
            ];
            let mut right = Vec::new();
            if let Some(k) = ue.choose {
                right.push(Span::styled(
                    format!("{} · ", s::choose(k)),
                    theme.tone(Tone::Muted),
                ));
            }
            right.push(Span::raw(
                if ue.choose.is_some() && width < NARROW_TREE_BELOW {
                    ue.ects.map_or_else(|| "?".to_string(), |n| n.to_string())
                } else {
                    s::ects_or_unknown(ue.ects)
                },
            ));
            let found = !detail::findings_at(app, selection, sem, Some(&ue.code)).is_empty();
            right.extend(warn(found));
            (left, right)
        }
        NodeId::Course(si, ui, ci) => {
            let Some(c) = tree::course(sems, si, ui, ci) else {
                return (Vec::new(), Vec::new());
            };
            // A course of an "N au choix" UE is one to choose among, not a given.
            let elective = tree::ue(sems, si, ui).is_some_and(|ue| ue.choose.is_some());
            let mark = match c {
                Course::Course(_) if elective => s::MARK_ELECTIVE,
                Course::Course(_) => s::MARK_COURSE,
                Course::OneOf(_) => s::MARK_ONE_OF,
                Course::Optional(_) => s::MARK_OPTIONAL,
            };
            let mut left = vec![
                Span::raw(format!("{indent}  ")),
                Span::styled(format!("{mark} "), theme.tone(Tone::Muted)),
            ];
            left.extend(
                detail::course_spans(c)
                    .into_iter()
                    .map(|(tone, t)| Span::styled(t, theme.tone(tone))),
            );
            (left, Vec::new())
        }
    }
}
