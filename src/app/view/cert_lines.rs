//! How a certification comparison becomes screen lines at a given width:
//! the same two columns (or stacked column) and marks as the parcours
//! comparison (`compare_lines`), with `≈` for a bloc aligned under another
//! libellé. Pure; `update` bounds the scrolling with the same lines.

use super::Tone;
use super::compare_lines::{Lines, MARK_WIDTH, ViewLine, bullet, text};
use super::strings::certs as cs;
use crate::compare::certs::{CertComparison, FacingBloc, labels as l};
use crate::compare::{self, Facing, Row, Status};

/// The fixed header: who is on which side, how they are related, what they share.
pub fn header(c: &CertComparison, width: usize) -> Vec<ViewLine> {
    let mut out = Lines::new(width);
    let name = |s: &compare::certs::CertSide| format!("{} — {}", s.numero, s.intitule);
    if out.columns.is_some() {
        out.pair(
            None,
            Some(text(Tone::Title, &name(&c.left))),
            Some(text(Tone::Title, &name(&c.right))),
        );
        out.full(
            None,
            vec![(Tone::Muted, cs::legend(&c.left.numero, &c.right.numero))],
        );
    } else {
        out.full(Some(Status::Left), vec![(Tone::Title, name(&c.left))]);
        out.full(Some(Status::Right), vec![(Tone::Title, name(&c.right))]);
    }
    let related = c.lineage.relation != compare::certs::Relation::None;
    out.full(
        None,
        vec![(
            if related { Tone::Label } else { Tone::Muted },
            l::lineage(c),
        )],
    );
    out.full(None, vec![(Tone::Text, cs::shared(&c.summary))]);
    let rule = "─".repeat(width.saturating_sub(MARK_WIDTH));
    out.full(None, vec![(Tone::Muted, rule)]);
    out.out
}

/// The lines of a comparison `height` rows tall: those that stay at the top
/// and those that scroll. As in the parcours comparison, the header stays
/// while it takes at most half the room; otherwise one line of numbers
/// stands for it and the full header ends the scrolling body.
pub fn screen_lines(
    c: &CertComparison,
    width: usize,
    height: usize,
) -> (Vec<ViewLine>, Vec<ViewLine>) {
    super::compare_lines::pinned_or_compact(
        header(c, width),
        body(c, width),
        height,
        cs::compact_header(&c.left.numero, &c.right.numero),
    )
}

/// The scrolling body: what changed (when one replaces the other), identity
/// and validity, certifiers and codes, the blocs, then the four lists.
pub fn body(c: &CertComparison, width: usize) -> Vec<ViewLine> {
    let mut out = Lines::new(width);
    let changes = l::changes(c);
    if !changes.is_empty() {
        out.heading(l::H_CHANGES);
        for line in changes {
            out.full(None, vec![(Tone::Text, format!("• {line}"))]);
        }
        out.blank();
    }
    out.heading(l::H_IDENTITY);
    for f in l::field_rows(c) {
        let mark = if f.same { Facing::Shared } else { Facing::Each };
        let cell = |value: &str| {
            Some(super::compare_lines::Cell::spans(vec![
                (Tone::Label, format!("{} : ", f.label)),
                (Tone::Text, value.to_string()),
            ]))
        };
        out.pair_marked(Some(mark), cell(&f.left), cell(&f.right));
    }

    for (title, rows) in l::who_and_codes(c) {
        list(&mut out, title, &rows);
    }

    out.blank();
    out.heading(&l::blocs_section(c));
    if c.blocs.is_empty() {
        out.full(None, vec![(Tone::Muted, l::NO_BLOC.to_string())]);
    }
    // Side by side, each fiche's own blocs face to face; stacked, in order.
    let blocs = if out.columns.is_some() {
        compare::certs::facing_blocs(&c.blocs)
    } else {
        compare::certs::plain_blocs(&c.blocs)
    };
    for b in &blocs {
        bloc(&mut out, c, b);
    }
    if !c.correspondences.is_empty() {
        out.blank();
        out.heading(l::H_CORRESPONDENCES);
        for k in &c.correspondences {
            out.full(None, vec![(Tone::Text, l::correspondence(c, k))]);
        }
    }
    for (title, rows) in l::lists(c) {
        list(&mut out, title, rows);
    }
    out.out
}

/// A bloc (or two faced), why it is one, and its competences.
fn bloc(out: &mut Lines, c: &CertComparison, b: &FacingBloc<'_>) {
    out.blank();
    let cell =
        |s: Option<&compare::certs::BlocSide>| s.map(|s| text(Tone::Label, &l::bloc_label(s)));
    out.pair_marked(Some(b.facing), cell(b.left), cell(b.right));
    if let Some(note) = b.row.and_then(|r| l::bloc_note(c, r)) {
        out.full(None, vec![(Tone::Muted, note)]);
    }
    for line in &b.lines {
        // A competence's details hang under it, further in.
        let detail = [line.left, line.right]
            .into_iter()
            .flatten()
            .all(|c| c.detail);
        let cell = |t: Option<&compare::certs::BlocCompetence>| {
            t.map(|t| {
                if t.detail {
                    text(Tone::Text, &l::competence(t))
                } else {
                    bullet(&t.text)
                }
            })
        };
        let indent = if detail { (4, 6) } else { (2, 2) };
        out.pair_indented(Some(line.facing), cell(line.left), cell(line.right), indent);
    }
}

/// A list: shared items first, each side's own face to face (stacked: in order).
fn list(out: &mut Lines, title: &str, rows: &[Row<String>]) {
    let shared = rows.iter().filter(|r| r.status == Status::Shared).count();
    out.blank();
    out.heading(&l::section(title, shared));
    if rows.is_empty() {
        out.full(None, vec![(Tone::Muted, l::EMPTY.to_string())]);
    }
    if out.columns.is_some() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::compare_lines::{Cells, columns};

    fn plain(line: &ViewLine) -> String {
        let join = |w: &super::super::detail::Wrapped| {
            w.iter().map(|(_, t)| t.as_str()).collect::<String>()
        };
        match &line.cells {
            Cells::Full(w) => join(w),
            Cells::Split(a, b) => format!("{} │ {}", join(a), join(b)),
        }
    }

    #[test]
    fn no_line_is_wider_than_its_column_at_any_width() {
        let fiche = crate::model::embedded();
        let mut other = fiche.clone();
        other.rncp_code = "1".into();
        let catalogue = crate::model::Catalogue::new();
        let c = crate::compare::certs::compare(
            &catalogue,
            &fiche,
            &other,
            crate::model::registry::Date {
                y: 2026,
                m: 1,
                d: 1,
            },
        );
        for width in [1, 10, 59, 60, 80, 200] {
            for line in body(&c, width).iter().chain(&header(&c, width)) {
                let room = |w: &super::super::detail::Wrapped| {
                    w.iter()
                        .map(|(_, t)| unicode_width::UnicodeWidthStr::width(t.as_str()))
                        .sum::<usize>()
                };
                match (&line.cells, columns(width)) {
                    (Cells::Split(a, b), Some((lw, rw))) => {
                        assert!(room(a) <= lw && room(b) <= rw, "{width}: {}", plain(line));
                    }
                    (Cells::Full(a), _) => {
                        assert!(
                            room(a) <= width.saturating_sub(MARK_WIDTH).max(1),
                            "{width}: {}",
                            plain(line)
                        );
                    }
                    (Cells::Split(..), None) => panic!("split line when stacked"),
                }
            }
        }
    }
}
