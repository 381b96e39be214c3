//! Markdown of a certification comparison: tables to paste into a
//! document. `compare A B --format markdown` and the explorer's copy (`y`)
//! both print this.

use std::fmt::Write;

use super::CertComparison;
use super::labels as l;
use crate::compare::{Facing, Row, Status, facing};
use crate::export::md;

fn mark(status: Status) -> &'static str {
    match status {
        Status::Shared => "=",
        Status::Left => "◀",
        Status::Right => "▶",
    }
}

pub fn render(c: &CertComparison) -> String {
    let mut out = String::new();
    let w = &mut out;
    let (a, b) = (md(&c.left.numero), md(&c.right.numero));
    let _ = writeln!(w, "# {a} ↔ {b}\n");
    let _ = writeln!(w, "Comparaison de deux certifications.\n");
    let _ = writeln!(w, "- **À gauche** : {a} — {}", md(&c.left.intitule));
    let _ = writeln!(w, "- **À droite** : {b} — {}", md(&c.right.intitule));
    let _ = writeln!(w, "- {}", md(&l::lineage(c)));
    let _ = writeln!(
        w,
        "- Légende : = commun aux deux (≈ même bloc, autre intitulé), ◀ seulement {a}, ▶ seulement {b}, \
         ◀ ▶ propre à chaque côté, face à face, ≠ valeurs différentes\n"
    );

    let changes = l::changes(c);
    if !changes.is_empty() {
        let _ = writeln!(w, "## {}\n", l::H_CHANGES);
        for line in &changes {
            let _ = writeln!(w, "- {}", md(line));
        }
        let _ = writeln!(w);
    }

    let _ = writeln!(w, "## {}\n", l::H_IDENTITY);
    let _ = writeln!(w, "| | | {a} | {b} |\n|:-:|---|---|---|");
    for f in l::field_rows(c) {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            if f.same { "=" } else { "≠" },
            md(f.label),
            md(&f.left),
            md(&f.right)
        );
    }

    let _ = writeln!(w, "\n## {}\n", l::H_SUMMARY);
    let _ = writeln!(w, "| | {a} | {b} |\n|---|---|---|");
    for (label, left, right) in l::summary_rows(c) {
        let _ = writeln!(w, "| {} | {} | {} |", md(&label), md(&left), md(&right));
    }

    for (title, rows) in l::who_and_codes(c) {
        list(w, title, &rows, &a, &b);
    }

    let _ = writeln!(w, "\n## {}\n", md(&l::blocs_section(c)));
    if c.blocs.is_empty() {
        let _ = writeln!(w, "{}.", capital(l::NO_BLOC));
    } else {
        let _ = writeln!(w, "| | {a} | {b} |\n|:-:|---|---|");
    }
    // Each fiche's own blocs face to face, not one list after the other.
    for b in super::facing_blocs(&c.blocs) {
        let cell = |s: Option<&super::BlocSide>| {
            s.map(|s| format!("**{}**", md(&l::bloc_label(s))))
                .unwrap_or_default()
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} |",
            facing_mark(b.facing),
            cell(b.left),
            cell(b.right)
        );
        if let Some(note) = b.row.and_then(|r| l::bloc_note(c, r)) {
            let _ = writeln!(w, "| | *{}* | |", md(&note));
        }
        for line in &b.lines {
            let cell = |t: Option<&super::BlocCompetence>| {
                t.map(|t| format!("↳ {}", md(&l::competence(t))))
                    .unwrap_or_default()
            };
            let _ = writeln!(
                w,
                "| {} | {} | {} |",
                facing_mark(line.facing),
                cell(line.left),
                cell(line.right)
            );
        }
    }
    if !c.correspondences.is_empty() {
        let _ = writeln!(w, "\n{} :\n", l::H_CORRESPONDENCES);
        for k in &c.correspondences {
            let _ = writeln!(w, "- {}", md(&l::correspondence(c, k)));
        }
    }

    for (title, rows) in l::lists(c) {
        list(w, title, rows, &a, &b);
    }
    out
}

/// One list as a table, shared items first, each side's own face to face.
fn list(w: &mut String, title: &str, rows: &[Row<String>], a: &str, b: &str) {
    let shared = rows.iter().filter(|r| r.status == Status::Shared).count();
    let _ = writeln!(w, "\n## {}\n", md(&l::section(title, shared)));
    if rows.is_empty() {
        let _ = writeln!(w, "{}.", capital(l::EMPTY));
        return;
    }
    let _ = writeln!(w, "| | {a} | {b} |\n|:-:|---|---|");
    for row in facing(rows) {
        let m = facing_mark(row.facing);
        let _ = writeln!(
            w,
            "| {m} | {} | {} |",
            row.left.map(md).unwrap_or_default(),
            row.right.map(md).unwrap_or_default()
        );
    }
}

fn facing_mark(f: Facing) -> &'static str {
    match f {
        Facing::Shared => mark(Status::Shared),
        Facing::Left => mark(Status::Left),
        Facing::Right => mark(Status::Right),
        Facing::Each => "◀ ▶",
        Facing::Renamed => "≈",
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
