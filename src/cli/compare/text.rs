//! Plain-text rendering: two aligned columns, wrapped by display width
//! (accents, CJK), a status mark in the margin.

use std::fmt::Write;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use rncp_explorer::compare::{self, Comparison, Facing, Sides, Status, UeSide};
use rncp_explorer::model::Fiche;

use rncp_explorer::compare::labels::{
    ects_cell, finding_fiche, finding_line, lists, one_fiche, semesters_label, side_id,
    summary_rows, ue_label,
};

/// Width of each side's column by default: two columns, the margin and the
/// separator make [`DEFAULT_WIDTH`].
const SIDE: usize = 46;
/// The mark and its space before the left column, and the separator.
const MARGIN: usize = 2;
const SEPARATOR: usize = 3;
/// The whole line's width when nothing says otherwise.
pub const DEFAULT_WIDTH: usize = MARGIN + SIDE + SEPARATOR + SIDE;
/// Widths of the summary's label and left-value columns.
const LABEL: usize = 20;
const CELL: usize = 24;

fn mark(status: Status) -> char {
    match status {
        Status::Shared => '=',
        Status::Left => '<',
        Status::Right => '>',
    }
}

/// The comparison as text lines of at most `width` display columns (names,
/// notes and cells wrap; the two columns share what is left after the margin).
/// `fiches` are the two parcours' fiches (the same one twice within a fiche).
pub fn render(fiches: Sides<&Fiche>, c: &Comparison, width: usize) -> String {
    let side = (width.saturating_sub(MARGIN + SEPARATOR) / 2).max(8);
    let mut out = String::new();
    let w = &mut out;
    let title = if one_fiche(c) {
        format!(
            "Comparaison de deux parcours — {}",
            fiches.left.numero().spaced()
        )
    } else {
        format!(
            "Comparaison de deux parcours — {} ↔ {}",
            c.left.fiche, c.right.fiche
        )
    };
    for line in wrap(&title, width) {
        let _ = writeln!(w, "{line}");
    }
    let note = |w: &mut String, text: &str| {
        for (i, line) in wrap(text, width.saturating_sub(4)).iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(w, "{indent}{}", line.replace('\u{a0}', " "));
        }
    };
    note(
        w,
        &format!("à gauche : {} ({})", c.left.name, side_id(c, &c.left)),
    );
    note(
        w,
        &format!("à droite : {} ({})", c.right.name, side_id(c, &c.right)),
    );
    // The legend's parts on as few lines as the width allows, never cut.
    let mut legend = String::new();
    for part in [
        "= commun aux deux",
        "< seulement à gauche",
        "> seulement à droite",
        "≠ propre à chaque côté, face à face",
    ] {
        if !legend.is_empty() && 2 + legend.width() + 3 + part.width() > width {
            let _ = writeln!(w, "  {legend}");
            legend.clear();
        }
        if !legend.is_empty() {
            legend.push_str("   ");
        }
        legend.push_str(part);
    }
    let _ = writeln!(w, "  {legend}");

    heading(w, "RÉSUMÉ");
    let (l, r) = (&c.left.short, &c.right.short);
    let rows = summary_rows(c);
    // Three columns when they fit; else "label : gauche | droite" lines.
    let label = rows
        .iter()
        .map(|(t, ..)| t.width())
        .max()
        .unwrap_or(0)
        .max(1);
    let cell = rows
        .iter()
        .map(|(_, t, _)| t.width())
        .chain([l.width()])
        .max();
    let right = rows
        .iter()
        .map(|(.., t)| t.width())
        .chain([r.width()])
        .max();
    let right = right.unwrap_or(0);
    let fits = |label: usize, cell: usize| 2 + label + 2 + cell + 3 + right <= width;
    // The roomy widths when they fit, else just the widths the cells need.
    let (label, cell) = if fits(LABEL, CELL) {
        (LABEL, CELL)
    } else {
        (label, cell.unwrap_or(0))
    };
    if fits(label, cell) {
        let _ = writeln!(w, "  {}  {}   {}", pad("", label), pad(l, cell), r);
        for (label_text, left, right) in rows {
            let _ = writeln!(
                w,
                "  {}  {}   {}",
                pad(&label_text, label),
                pad(&left, cell),
                right
            );
        }
    } else {
        note(w, &format!("{l} | {r}"));
        for (label_text, left, right) in rows {
            note(w, &format!("{label_text} : {left} | {right}"));
        }
    }
    if !c.summary.findings.is_empty() {
        let _ = writeln!(w);
        note(
            w,
            &format!(
                "Constats de « check » sur ces parcours ({}) :",
                c.summary.findings.len()
            ),
        );
        for (n, f) in c.summary.findings.iter().enumerate() {
            let fiche = finding_fiche(fiches, c, n);
            for (i, line) in wrap(&finding_line(fiche, f), width.saturating_sub(4))
                .iter()
                .enumerate()
            {
                let _ = writeln!(w, "  {} {line}", if i == 0 { '-' } else { ' ' });
            }
        }
    }

    heading(w, "MAQUETTE");
    columns(w, &c.left.short, &c.right.short, side);
    let m = &c.maquette;
    if let Some(core) = m.common_core.as_ref().filter(|core| !core.expanded) {
        let line = format!(
            "{} (tronc commun) : identiques — {} UE, {} ECTS (--expand pour le détail)",
            semesters_label(&core.semesters),
            core.ues,
            core.ects
        );
        for (i, part) in wrap(&line, width.saturating_sub(2)).iter().enumerate() {
            let _ = writeln!(w, "{} {part}", if i == 0 { '=' } else { ' ' });
        }
    }
    for s in &m.semesters {
        let core = if s.common_core { " (tronc commun)" } else { "" };
        let _ = writeln!(w);
        row(
            w,
            ' ',
            &format!(
                "Semestre {}{core} — {} ECTS",
                s.number,
                ects_cell(s.ects.left)
            ),
            &format!(
                "Semestre {}{core} — {} ECTS",
                s.number,
                ects_cell(s.ects.right)
            ),
            0,
            side,
        );
        for ue in &s.ues {
            row(
                w,
                mark(ue.status),
                &ue.left.as_ref().map(ue_cell).unwrap_or_default(),
                &ue.right.as_ref().map(ue_cell).unwrap_or_default(),
                0,
                side,
            );
            for course in &ue.courses {
                row(
                    w,
                    mark(course.status),
                    &course
                        .left
                        .as_ref()
                        .map(|t| format!("· {t}"))
                        .unwrap_or_default(),
                    &course
                        .right
                        .as_ref()
                        .map(|t| format!("· {t}"))
                        .unwrap_or_default(),
                    2,
                    side,
                );
            }
        }
    }

    for (title, rows) in lists(c) {
        heading(w, &title.to_uppercase());
        if rows.is_empty() {
            let _ = writeln!(w, "  (aucun élément de part et d'autre)");
            continue;
        }
        columns(w, &c.left.short, &c.right.short, side);
        for r in compare::facing(rows) {
            let mark = match r.facing {
                Facing::Shared => '=',
                Facing::Left => '<',
                Facing::Right => '>',
                Facing::Each => '≠',
                Facing::Renamed => '≈',
            };
            let (l, r) = (r.left.unwrap_or(""), r.right.unwrap_or(""));
            row(w, mark, l, r, 0, side);
        }
    }
    out
}

/// The UE label, its "8 ECTS" kept on one line.
fn ue_cell(ue: &UeSide) -> String {
    ue_label(ue).replace(" ECTS", "\u{a0}ECTS")
}

pub(super) fn heading(w: &mut String, title: &str) {
    let _ = writeln!(w, "\n{title}");
}

pub(super) fn columns(w: &mut String, left: &str, right: &str, side: usize) {
    row(w, ' ', left, right, 0, side);
    let _ = writeln!(w, "  {}─┼─{}", "─".repeat(side), "─".repeat(side));
}

/// One aligned row, wrapped over as many lines as its longer side needs.
/// `indent` shifts both cells right (courses under their UE); continuation
/// lines hang two columns further in, so each entry's start stands out.
pub(super) fn row(w: &mut String, mark: char, left: &str, right: &str, indent: usize, side: usize) {
    let width = side - indent;
    let (l, r) = (hanging(left, width), hanging(right, width));
    let gap = " ".repeat(indent);
    for i in 0..l.len().max(r.len()) {
        let m = if i == 0 { mark } else { ' ' };
        let lc = l.get(i).map_or("", String::as_str);
        let rc = r.get(i).map_or("", String::as_str);
        let line = format!("{m} {gap}{} │ {gap}{rc}", pad(lc, width));
        let _ = writeln!(w, "{}", line.trim_end());
    }
}

/// [`wrap`] with continuation lines indented by two columns.
fn hanging(text: &str, width: usize) -> Vec<String> {
    let mut lines = wrap(text, width).into_iter();
    let Some(first) = lines.next() else {
        return Vec::new();
    };
    let rest: String = lines.collect::<Vec<_>>().join(" ");
    let mut out = vec![first];
    out.extend(wrap(&rest, width - 2).into_iter().map(|l| format!("  {l}")));
    // The no-break spaces did their job; print plain ones (same width).
    out.iter().map(|l| l.replace('\u{a0}', " ")).collect()
}

/// Pads `text` with spaces to `width` display columns.
pub(super) fn pad(text: &str, width: usize) -> String {
    let used = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// Wraps `text` at ASCII spaces (a no-break space holds "8 ECTS" together)
/// into lines of at most `width` display columns; a word wider than a line
/// is cut. Empty text gives no line.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_display_width() {
        let lines = wrap("Métier d’élu et politiques locales comparées", 12);
        assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Métier d’élu et politiques locales comparées"
        );
        // Wide characters count twice; an over-long word is cut.
        let cjk = wrap("政治学政治学", 5);
        assert_eq!(cjk, ["政治", "学政", "治学"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn rows_align_the_separator_whatever_the_accents() {
        let mut out = String::new();
        row(&mut out, '=', "Élu", "x", 0, SIDE);
        row(&mut out, '<', "Eluuu 政治", "", 0, SIDE);
        row(&mut out, '>', "", "y", 2, SIDE);
        let bars: Vec<usize> = out
            .lines()
            .map(|l| l[..l.find('│').unwrap()].width())
            .collect();
        assert_eq!(bars, [SIDE + 3; 3]);
    }
}
