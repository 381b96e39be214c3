//! How a comparison becomes screen lines at a given width: a summary header
//! and a scrolling body, either as two aligned columns or, on narrow
//! screens, stacked in one column. Pure; `update` uses the same lines to
//! bound scrolling, so the view and the scroll limits cannot disagree.

use crate::app::view::Tone;
use crate::app::view::detail::{self, DocLine, Wrapped};
use crate::app::view::strings::{self as s, compare as cs};
use crate::compare::{self, Comparison, Facing, Row, Status, UeSide};
use crate::model::Fiche;

/// The status mark and its gap before each row.
pub const MARK_WIDTH: usize = 2;
/// Between the two columns.
pub const SEPARATOR: &str = " │ ";
/// Below this inner width the two sides are stacked instead of side by side.
pub const STACK_BELOW: usize = 60;

/// One screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewLine {
    /// The row's mark, on its first line only.
    pub mark: Option<Facing>,
    pub cells: Cells,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cells {
    /// One text across the width (headings, notes, stacked rows).
    Full(Wrapped),
    /// Left and right column.
    Split(Wrapped, Wrapped),
}

/// Widths of the left and right columns, or `None` when the sides stack.
pub fn columns(width: usize) -> Option<(usize, usize)> {
    if width < STACK_BELOW {
        return None;
    }
    let room = width - MARK_WIDTH - SEPARATOR.chars().count();
    Some((room / 2, room - room / 2))
}

/// The summary header: who is on which side, and what they share.
pub fn header(c: &Comparison, width: usize) -> Vec<ViewLine> {
    let mut out = Lines::new(width);
    let (l, r) = (&c.left, &c.right);
    if out.columns.is_some() {
        out.pair(
            None,
            Some(text(Tone::Title, &l.name)),
            Some(text(Tone::Title, &r.name)),
        );
        out.full(None, vec![(Tone::Muted, cs::legend(&l.short, &r.short))]);
    } else {
        // Stacked: the marked names are the legend.
        out.full(Some(Status::Left), vec![(Tone::Title, l.name.clone())]);
        out.full(Some(Status::Right), vec![(Tone::Title, r.name.clone())]);
    }
    let sm = &c.summary;
    let mut shared = vec![
        (Tone::Label, cs::shared_ues(sm.shared_ues, sm.shared_ects)),
        (Tone::Text, " · ".to_string()),
        (
            Tone::Text,
            cs::shared_lists(sm.competences.shared, sm.sectors.shared, sm.jobs.shared),
        ),
    ];
    if !sm.findings.is_empty() {
        shared.push((Tone::Text, " · ".to_string()));
        shared.push((
            Tone::Warning,
            format!(
                "{}\u{a0}{}",
                s::WARNING_MARK,
                cs::findings(sm.findings.len())
            ),
        ));
    }
    out.full(None, shared);
    let mut ects: Vec<String> = sm
        .semester_ects
        .iter()
        .map(|e| cs::semester_ects(e.number, e.left, e.right))
        .collect();
    ects.push(cs::total_ects(sm.total_ects));
    out.full(
        None,
        vec![(Tone::Text, format!("{} {}", cs::ECTS, ects.join(" · ")))],
    );
    let rule = "─".repeat(width.saturating_sub(MARK_WIDTH));
    out.full(None, vec![(Tone::Muted, rule)]);
    out.out
}

/// The lines of a comparison `height` rows tall: those that stay at the top
/// and those that scroll. The header stays while it takes at most half the
/// room; on a small screen one line of short names stands for it and the
/// full header (names, what is shared, ECTS) ends the scrolling body, so
/// the comparison itself is on screen from the start.
pub fn screen_lines(
    fiche: &Fiche,
    c: &Comparison,
    width: usize,
    height: usize,
) -> (Vec<ViewLine>, Vec<ViewLine>) {
    pinned_or_compact(
        header(c, width),
        body(fiche, c, width),
        height,
        cs::compact_header(&c.left.short, &c.right.short),
    )
}

/// `head` pinned over `rest` while it takes at most half of `height`;
/// otherwise the one line `compact` stands for it and `head` ends the
/// scrolling body, after a blank line. Both comparisons do this.
pub(super) fn pinned_or_compact(
    head: Vec<ViewLine>,
    mut rest: Vec<ViewLine>,
    height: usize,
    compact: String,
) -> (Vec<ViewLine>, Vec<ViewLine>) {
    if head.len() * 2 <= height {
        return (head, rest);
    }
    let compact = ViewLine {
        mark: None,
        cells: Cells::Full(vec![(Tone::Title, compact)]),
    };
    rest.push(ViewLine {
        mark: None,
        cells: Cells::Full(Vec::new()),
    });
    rest.extend(head);
    (vec![compact], rest)
}

/// The scrolling body: maquette, then the three lists, then the findings.
pub fn body(fiche: &Fiche, c: &Comparison, width: usize) -> Vec<ViewLine> {
    let mut out = Lines::new(width);
    out.heading(cs::MAQUETTE);
    if let Some(core) = &c.maquette.common_core {
        let note = cs::common_core(&core.semesters, core.ues, core.ects, core.expanded);
        out.full(Some(Status::Shared), vec![(Tone::Text, note)]);
    }
    for sem in &c.maquette.semesters {
        out.blank();
        if out.columns.is_some() {
            let label = |ects| {
                let t = cs::semester(sem.number, ects);
                let t = if sem.common_core {
                    format!("{t} · {}", s::COMMON_CORE)
                } else {
                    t
                };
                Some(text(Tone::Label, &t))
            };
            out.pair(None, label(sem.ects.left), label(sem.ects.right));
        } else {
            let both = cs::semester_both(sem.number, sem.ects.left, sem.ects.right);
            let both = if sem.common_core {
                format!("{both} · {}", s::COMMON_CORE)
            } else {
                both
            };
            out.full(None, vec![(Tone::Label, both)]);
        }
        for ue in &sem.ues {
            let cell = |u: &Option<UeSide>| {
                u.as_ref()
                    .map(|u| text(Tone::Label, &cs::ue(&u.code, &u.title, u.ects, u.choose)))
            };
            out.pair(Some(ue.status), cell(&ue.left), cell(&ue.right));
            for course in &ue.courses {
                let cell = |t: &Option<String>| t.as_ref().map(|t| bullet(t));
                out.pair(Some(course.status), cell(&course.left), cell(&course.right));
            }
        }
    }
    for (title, rows) in [
        (cs::COMPETENCES, &c.competences),
        (cs::SECTORS, &c.sectors),
        (cs::JOBS, &c.jobs),
    ] {
        out.blank();
        out.heading(&cs::section(title, shared(rows)));
        if rows.is_empty() {
            out.full(None, vec![(Tone::Muted, cs::EMPTY_LIST.to_string())]);
        }
        if out.columns.is_some() {
            // Each side's own items face to face, not one list after the other.
            for row in compare::facing(rows) {
                let cell = |t: Option<&str>| t.map(|t| text(Tone::Text, t));
                out.pair_marked(Some(row.facing), cell(row.left), cell(row.right));
            }
        } else {
            for row in rows {
                let cell = |t: &Option<String>| t.as_ref().map(|t| text(Tone::Text, t));
                out.pair(Some(row.status), cell(&row.left), cell(&row.right));
            }
        }
    }
    if !c.summary.findings.is_empty() {
        out.blank();
        out.heading(&s::counted(cs::FINDINGS, c.summary.findings.len()));
        for f in &c.summary.findings {
            let at = f.location.display(fiche);
            let mut spans = vec![(Tone::Warning, format!("{} ", s::WARNING_MARK))];
            spans.push((Tone::Label, format!("{at} : ")));
            spans.push((Tone::Text, s::guillemets(&f.message)));
            out.full(None, spans);
        }
    }
    out.out
}

fn shared(rows: &[Row<String>]) -> usize {
    rows.iter().filter(|r| r.status == Status::Shared).count()
}

/// A cell's content before wrapping.
pub(super) struct Cell {
    line: DocLine,
}

impl Cell {
    /// A cell of several styled parts ("Niveau : " then the value).
    pub(super) fn spans(spans: Vec<(Tone, String)>) -> Cell {
        Cell {
            line: DocLine {
                spans,
                bullet: false,
                sub: false,
            },
        }
    }
}

pub(super) fn text(tone: Tone, t: &str) -> Cell {
    Cell {
        line: DocLine {
            spans: vec![(tone, t.to_string())],
            bullet: false,
            sub: false,
        },
    }
}

pub(super) fn bullet(t: &str) -> Cell {
    Cell {
        line: DocLine {
            spans: vec![(Tone::Text, t.to_string())],
            bullet: true,
            sub: false,
        },
    }
}

/// Lines being laid out at one width (shared with the certification view).
pub(super) struct Lines {
    width: usize,
    pub(super) columns: Option<(usize, usize)>,
    pub(super) out: Vec<ViewLine>,
}

impl Lines {
    pub(super) fn new(width: usize) -> Self {
        Lines {
            width,
            columns: columns(width),
            out: Vec::new(),
        }
    }

    pub(super) fn heading(&mut self, title: &str) {
        self.full(None, vec![(Tone::Heading, title.to_string())]);
    }

    pub(super) fn blank(&mut self) {
        self.out.push(ViewLine {
            mark: None,
            cells: Cells::Full(Vec::new()),
        });
    }

    /// Text across the width, after the mark column.
    pub(super) fn full(&mut self, mark: Option<Status>, spans: Vec<(Tone, String)>) {
        self.full_marked(mark.map(Facing::from), spans);
    }

    /// Text across the width, after any mark.
    pub(super) fn full_marked(&mut self, mark: Option<Facing>, spans: Vec<(Tone, String)>) {
        let doc = [DocLine {
            spans,
            bullet: false,
            sub: false,
        }];
        let wrapped = detail::wrap(&doc, self.width.saturating_sub(MARK_WIDTH).max(1));
        for (i, line) in wrapped.into_iter().enumerate() {
            self.out.push(ViewLine {
                mark: if i == 0 { mark } else { None },
                cells: Cells::Full(line),
            });
        }
    }

    pub(super) fn pair(&mut self, mark: Option<Status>, left: Option<Cell>, right: Option<Cell>) {
        self.pair_marked(mark.map(Facing::from), left, right);
    }

    /// One aligned row. Side by side, each cell wraps in its column and the
    /// row takes the taller one's lines; stacked, a shared row shows the
    /// left wording once and a one-sided row its own side.
    pub(super) fn pair_marked(
        &mut self,
        mark: Option<Facing>,
        left: Option<Cell>,
        right: Option<Cell>,
    ) {
        self.pair_indented(mark, left, right, (0, 0));
    }

    /// [`Self::pair_marked`] with each cell shifted right: its first line by
    /// `indent.0` columns, the next ones by `indent.1` (a hanging indent for
    /// the sub-items of a list; the wrap cannot indent, it trims).
    pub(super) fn pair_indented(
        &mut self,
        mark: Option<Facing>,
        left: Option<Cell>,
        right: Option<Cell>,
        (first, rest): (usize, usize),
    ) {
        let wrap = |cell: Option<Cell>, w: usize| -> Vec<Wrapped> {
            let room = w.saturating_sub(first.max(rest)).max(1);
            let lines = cell
                .map(|c| detail::wrap(&[c.line], room))
                .unwrap_or_default();
            lines
                .into_iter()
                .enumerate()
                .map(|(i, mut line)| {
                    let pad = if i == 0 { first } else { rest };
                    // Only when it fits: a very narrow column keeps its text.
                    if pad > 0 && w > first.max(rest) {
                        line.insert(0, (Tone::Text, " ".repeat(pad)));
                    }
                    line
                })
                .collect()
        };
        let Some((lw, rw)) = self.columns else {
            let shown = left.or(right);
            for (i, line) in wrap(shown, self.width.saturating_sub(MARK_WIDTH).max(1))
                .into_iter()
                .enumerate()
            {
                self.out.push(ViewLine {
                    mark: if i == 0 { mark } else { None },
                    cells: Cells::Full(line),
                });
            }
            return;
        };
        let (l, r) = (wrap(left, lw), wrap(right, rw));
        let rows = l.len().max(r.len()).max(1);
        let mut l = l.into_iter();
        let mut r = r.into_iter();
        for i in 0..rows {
            self.out.push(ViewLine {
                mark: if i == 0 { mark } else { None },
                cells: Cells::Split(l.next().unwrap_or_default(), r.next().unwrap_or_default()),
            });
        }
    }
}
