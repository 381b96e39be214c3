//! Plain text of a certification comparison: the same two aligned columns
//! as the parcours comparison (`text.rs`), with the same marks, and `≈` for
//! a bloc aligned under another libellé.

use std::fmt::Write;

use rncp_explorer::compare::certs::{CertComparison, FacingBloc, labels as l};
use rncp_explorer::compare::{self, Facing, Row, Status};

use super::text::{columns, heading, row, wrap};

/// The mark and its space, and the separator (as in `text.rs`).
const MARGIN: usize = 2;
const SEPARATOR: usize = 3;

fn mark(facing: Facing) -> char {
    match facing {
        Facing::Shared => '=',
        Facing::Left => '<',
        Facing::Right => '>',
        Facing::Each => '≠',
        Facing::Renamed => '≈',
    }
}

/// The comparison as lines of at most `width` display columns.
pub fn render(c: &CertComparison, width: usize) -> String {
    let side = (width.saturating_sub(MARGIN + SEPARATOR) / 2).max(8);
    let mut out = String::new();
    let w = &mut out;
    let title = format!(
        "Comparaison de deux certifications — {} ↔ {}",
        c.left.numero, c.right.numero
    );
    for line in wrap(&title, width) {
        let _ = writeln!(w, "{line}");
    }
    let note = |w: &mut String, text: &str| {
        for (i, line) in wrap(text, width.saturating_sub(4)).iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(w, "{indent}{line}");
        }
    };
    note(
        w,
        &format!("à gauche : {} — {}", c.left.numero, c.left.intitule),
    );
    note(
        w,
        &format!("à droite : {} — {}", c.right.numero, c.right.intitule),
    );
    note(w, &l::lineage(c));
    note(
        w,
        "= commun aux deux · ≈ même bloc, autre intitulé · < seulement à gauche · > seulement à droite · \
         ≠ différent, ou propre à chaque côté face à face",
    );

    let changes = l::changes(c);
    if !changes.is_empty() {
        heading(w, &l::H_CHANGES.to_uppercase());
        for line in &changes {
            bullet(w, line, width);
        }
    }

    let (a, b) = (&c.left.numero, &c.right.numero);
    heading(w, &l::H_IDENTITY.to_uppercase());
    columns(w, a, b, side);
    for f in l::field_rows(c) {
        let m = if f.same { '=' } else { '≠' };
        let cell = |value: &str| format!("{} : {value}", f.label);
        row(w, m, &cell(&f.left), &cell(&f.right), 0, side);
    }

    heading(w, &l::H_SUMMARY.to_uppercase());
    columns(w, a, b, side);
    for (label, left, right) in l::summary_rows(c) {
        row(
            w,
            ' ',
            &format!("{label} : {left}"),
            &format!("{label} : {right}"),
            0,
            side,
        );
    }

    for (title, rows) in l::who_and_codes(c) {
        list(w, title, &rows, (a, b), side);
    }

    heading(w, &l::blocs_section(c).to_uppercase());
    if c.blocs.is_empty() {
        let _ = writeln!(w, "  ({})", l::NO_BLOC);
    } else {
        columns(w, a, b, side);
    }
    // Each fiche's own blocs face to face, not one list after the other.
    for b in &compare::certs::facing_blocs(&c.blocs) {
        bloc(w, c, b, side, width);
    }
    if !c.correspondences.is_empty() {
        let _ = writeln!(w);
        note(w, &format!("{} :", l::H_CORRESPONDENCES));
        for k in &c.correspondences {
            bullet(w, &l::correspondence(c, k), width);
        }
    }

    for (title, rows) in l::lists(c) {
        list(w, title, rows, (a, b), side);
    }
    out
}

/// A bloc (or two faced): its codes and libellés, why it is one, its competences.
fn bloc(w: &mut String, c: &CertComparison, b: &FacingBloc<'_>, side: usize, width: usize) {
    let _ = writeln!(w);
    let cell = |s: Option<&compare::certs::BlocSide>| s.map(l::bloc_label).unwrap_or_default();
    row(w, mark(b.facing), &cell(b.left), &cell(b.right), 0, side);
    if let Some(note) = b.row.and_then(|r| l::bloc_note(c, r)) {
        for (i, line) in wrap(&note, width.saturating_sub(4)).iter().enumerate() {
            let _ = writeln!(w, "{}{line}", if i == 0 { "    " } else { "      " });
        }
    }
    for line in &b.lines {
        // Details (◦) sit further in than the competences (·) they detail.
        let detail = [line.left, line.right]
            .into_iter()
            .flatten()
            .all(|c| c.detail);
        let cell = |c: Option<&compare::certs::BlocCompetence>| {
            c.map(|c| match c.detail {
                true => l::competence(c),
                false => format!("· {}", c.text),
            })
            .unwrap_or_default()
        };
        let indent = if detail { 4 } else { 2 };
        row(
            w,
            mark(line.facing),
            &cell(line.left),
            &cell(line.right),
            indent,
            side,
        );
    }
}

/// A list in two columns: shared items first, each side's own face to face.
fn list(w: &mut String, title: &str, rows: &[Row<String>], (a, b): (&str, &str), side: usize) {
    let shared = rows.iter().filter(|r| r.status == Status::Shared).count();
    heading(w, &l::section(title, shared).to_uppercase());
    if rows.is_empty() {
        let _ = writeln!(w, "  ({})", l::EMPTY);
        return;
    }
    columns(w, a, b, side);
    for r in compare::facing(rows) {
        let (l, r2) = (r.left.unwrap_or(""), r.right.unwrap_or(""));
        row(w, mark(r.facing), l, r2, 0, side);
    }
}

fn bullet(w: &mut String, text: &str, width: usize) {
    for (i, line) in wrap(text, width.saturating_sub(4)).iter().enumerate() {
        let _ = writeln!(w, "  {} {line}", if i == 0 { '-' } else { ' ' });
    }
}
