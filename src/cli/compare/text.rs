//! Plain-text rendering: two aligned columns, wrapped by display width
//! (accents, CJK), a status mark in the margin.

use std::fmt::Write;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use rncp_explorer::compare::{Comparison, Status, UeSide};
use rncp_explorer::model::Fiche;

use super::{ects_cell, finding_line, lists, semesters_label, summary_rows, ue_label};

/// Width of each side's column: two columns, the margin and the separator fit in 100.
const SIDE: usize = 46;
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

pub fn render(fiche: &Fiche, c: &Comparison) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "Comparaison de deux parcours — RNCP {}", fiche.rncp_code);
    let _ = writeln!(w, "  à gauche : {} ({})", c.left.name, c.left.id);
    let _ = writeln!(w, "  à droite : {} ({})", c.right.name, c.right.id);
    let _ = writeln!(
        w,
        "  = commun aux deux   < seulement à gauche   > seulement à droite"
    );

    heading(w, "RÉSUMÉ");
    let (l, r) = (&c.left.short, &c.right.short);
    let _ = writeln!(w, "  {}  {}   {}", pad("", LABEL), pad(l, CELL), r);
    for (label, left, right) in summary_rows(c) {
        let _ = writeln!(
            w,
            "  {}  {}   {}",
            pad(&label, LABEL),
            pad(&left, CELL),
            right
        );
    }
    if !c.summary.findings.is_empty() {
        let _ = writeln!(
            w,
            "\n  Constats de « check » sur ces parcours ({}) :",
            c.summary.findings.len()
        );
        for f in &c.summary.findings {
            for (i, line) in wrap(&finding_line(fiche, f), 2 * SIDE).iter().enumerate() {
                let _ = writeln!(w, "  {} {line}", if i == 0 { '-' } else { ' ' });
            }
        }
    }

    heading(w, "MAQUETTE");
    columns(w, &c.left.short, &c.right.short);
    let m = &c.maquette;
    if let Some(core) = m.common_core.as_ref().filter(|core| !core.expanded) {
        let _ = writeln!(
            w,
            "= {} (tronc commun) : identiques — {} UE, {} ECTS (--expand pour le détail)",
            semesters_label(&core.semesters),
            core.ues,
            core.ects
        );
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
        );
        for ue in &s.ues {
            row(
                w,
                mark(ue.status),
                &ue.left.as_ref().map(ue_cell).unwrap_or_default(),
                &ue.right.as_ref().map(ue_cell).unwrap_or_default(),
                0,
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
        columns(w, &c.left.short, &c.right.short);
        for r in rows {
            row(
                w,
                mark(r.status),
                r.left.as_deref().unwrap_or(""),
                r.right.as_deref().unwrap_or(""),
                0,
            );
        }
    }
    out
}

/// The UE label, its "8 ECTS" kept on one line.
fn ue_cell(ue: &UeSide) -> String {
    ue_label(ue).replace(" ECTS", "\u{a0}ECTS")
}

fn heading(w: &mut String, title: &str) {
    let _ = writeln!(w, "\n{title}");
}

fn columns(w: &mut String, left: &str, right: &str) {
    row(w, ' ', left, right, 0);
    let _ = writeln!(w, "  {}─┼─{}", "─".repeat(SIDE), "─".repeat(SIDE));
}

/// One aligned row, wrapped over as many lines as its longer side needs.
/// `indent` shifts both cells right (courses under their UE); continuation
/// lines hang two columns further in, so each entry's start stands out.
fn row(w: &mut String, mark: char, left: &str, right: &str, indent: usize) {
    let width = SIDE - indent;
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
fn pad(text: &str, width: usize) -> String {
    let used = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// Wraps `text` at ASCII spaces (a no-break space holds "8 ECTS" together)
/// into lines of at most `width` display columns; a word wider than a line
/// is cut. Empty text gives no line.
fn wrap(text: &str, width: usize) -> Vec<String> {
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
        row(&mut out, '=', "Élu", "x", 0);
        row(&mut out, '<', "Eluuu 政治", "", 0);
        row(&mut out, '>', "", "y", 2);
        let bars: Vec<usize> = out
            .lines()
            .map(|l| l[..l.find('│').unwrap()].width())
            .collect();
        assert_eq!(bars, [SIDE + 3; 3]);
    }
}
