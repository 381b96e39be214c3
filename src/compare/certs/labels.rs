//! The French labels of a certification comparison, shared by the CLI's
//! text and Markdown and by the explorer's view and copy, so they all say
//! the same.

use super::{BlocCompetence, BlocMatch, BlocRow, BlocSide, CertComparison, CertSide};
use super::{CertifierInfo, Correspondence, Relation};
use crate::compare::{ListCounts, Row, Status};
use crate::model::CodeLabel;
use crate::model::registry::Date;

/// Where a value is not known.
pub const UNKNOWN: &str = "non renseigné";
/// A side without the thing (no date, no replacement).
pub const NONE: &str = "—";

pub const H_IDENTITY: &str = "Identité et validité";
pub const H_CHANGES: &str = "Ce qui change";
pub const H_CERTIFIERS: &str = "Certificateurs";
pub const H_NSF: &str = "NSF";
pub const H_ROME: &str = "ROME";
pub const H_FORMACODES: &str = "Formacodes";
pub const H_BLOCS: &str = "Blocs de compétences";
pub const H_CORRESPONDENCES: &str = "Correspondances déclarées";
pub const H_COMPETENCES: &str = "Compétences";
pub const H_ACTIVITIES: &str = "Activités visées";
pub const H_SECTORS: &str = "Secteurs";
pub const H_JOBS: &str = "Emplois";
pub const H_SUMMARY: &str = "Résumé";
pub const EMPTY: &str = "aucun élément de part et d'autre";
pub const NO_BLOC: &str = "aucun bloc de part et d'autre";

/// "31/08/2025 (il y a 462 jours)", "(dans 12 jours)", "(aujourd'hui)".
pub fn dated(date: Date, days: i64) -> String {
    let when = match days {
        0 => "aujourd'hui".to_string(),
        1 => "demain".to_string(),
        -1 => "hier".to_string(),
        d if d > 0 => format!("dans {d} jours"),
        d => format!("il y a {} jours", -d),
    };
    format!("{date} ({when})")
}

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "oui".into(),
        Some(false) => "non".into(),
        None => UNKNOWN.into(),
    }
}

/// One line of the identity table: a label and each side's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRow {
    pub label: &'static str,
    pub left: String,
    pub right: String,
    /// Both sides say the same thing.
    pub same: bool,
}

/// Identity, levels and validity, side by side. Two values are "the same"
/// when they read the same: an unknown value never equals a known one.
pub fn field_rows(c: &CertComparison) -> Vec<FieldRow> {
    let (l, r) = (&c.left, &c.right);
    let mut rows = Vec::new();
    let mut push = |label, left: String, right: String| {
        let same = left == right;
        rows.push(FieldRow {
            label,
            left,
            right,
            same,
        })
    };
    // What only the registry says is unknown for another fiche, not absent.
    let registry = |s: &CertSide, text: String| if s.registry { text } else { UNKNOWN.into() };
    push("Intitulé", l.intitule.clone(), r.intitule.clone());
    push("Répertoire", l.repertoire.into(), r.repertoire.into());
    let kind = |s: &CertSide| {
        registry(
            s,
            s.abbreviation
                .as_ref()
                .map_or_else(|| NONE.to_string(), |a| format!("{} ({})", a.label, a.code)),
        )
    };
    push("Type", kind(l), kind(r));
    let level = |s: &CertSide| {
        s.level_label
            .clone()
            .or_else(|| s.level.map(|n| format!("Niveau {n}")))
            .unwrap_or_else(|| NONE.to_string())
    };
    push("Niveau", level(l), level(r));
    push(
        "Active",
        registry(l, yes_no(l.active)),
        registry(r, yes_no(r.active)),
    );
    let end = |s: &CertSide| {
        registry(
            s,
            match (s.end_of_registration, s.days_left) {
                (Some(d), Some(days)) => dated(d, days),
                _ => NONE.into(),
            },
        )
    };
    push("Fin d'enregistrement", end(l), end(r));
    let date = |s: &CertSide, d: Option<Date>| {
        registry(s, d.map_or_else(|| NONE.to_string(), |d| d.to_string()))
    };
    push(
        "Date limite de délivrance",
        date(l, l.delivery_deadline),
        date(r, r.delivery_deadline),
    );
    push("Date d'effet", date(l, l.effect), date(r, r.effect));
    let numbers = |s: &CertSide, list: &[String]| {
        registry(
            s,
            if list.is_empty() {
                NONE.into()
            } else {
                list.join(", ")
            },
        )
    };
    push(
        "Remplacée par",
        numbers(l, &l.replaced_by),
        numbers(r, &r.replaced_by),
    );
    push("Remplace", numbers(l, &l.replaces), numbers(r, &r.replaces));
    rows
}

/// How the two are related: "RNCP40792 remplace RNCP35340 (déclaré par les deux fiches)".
pub fn lineage(c: &CertComparison) -> String {
    let lin = &c.lineage;
    let (older, newer) = match lin.relation {
        Relation::None => {
            return "Aucune chaîne de remplacements ne relie ces deux fiches dans les données."
                .into();
        }
        Relation::LeftReplacedByRight => (&c.left.numero, &c.right.numero),
        Relation::RightReplacedByLeft => (&c.right.numero, &c.left.numero),
    };
    if lin.path.len() > 2 {
        return format!(
            "{newer} remplace {older} au bout de {} remplacements : {}.",
            lin.path.len() - 1,
            lin.path.join(" → ")
        );
    }
    let by = match (lin.declared_by_older, lin.declared_by_newer) {
        (true, true) => "déclaré par les deux fiches".to_string(),
        (true, false) => format!("déclaré par {older} seulement"),
        (false, true) => format!("déclaré par {newer} seulement"),
        (false, false) => "déclaré ailleurs".to_string(),
    };
    format!("{newer} remplace directement {older} ({by}).")
}

/// "RNCP35340BC02 · Option A : « … » : Administration des systèmes et des réseaux".
pub fn bloc_label(b: &BlocSide) -> String {
    format!("{} · {}", b.code, b.label)
}

/// Why two blocs are one, and how much they share: "renommé · mêmes
/// compétences · compétences principales en commun : 3 (sur 3 et 3)". A bloc
/// aligned under another libellé is "renommé" when one fiche replaces the
/// other, "autre intitulé" otherwise.
pub fn bloc_note(c: &CertComparison, row: &BlocRow) -> Option<String> {
    let matched = row.matched_by?;
    let how = match matched {
        BlocMatch::Declared => "correspondance déclarée",
        BlocMatch::SameLabel => "même intitulé",
        BlocMatch::SameCompetences => "mêmes compétences",
    };
    let mut parts = Vec::new();
    if row.renamed {
        parts.push(match c.lineage.relation {
            Relation::None => "autre intitulé",
            _ => "renommé",
        });
    }
    parts.push(how);
    let mut note = parts.join(" · ");
    if let Some(s) = row.similarity {
        note.push_str(&format!(
            " · compétences principales en commun : {} (sur {} et {})",
            s.shared, s.left, s.right
        ));
    }
    Some(note)
}

/// A bloc's competence line: details hang under their competence.
pub fn competence(c: &BlocCompetence) -> String {
    if c.detail {
        format!("◦ {}", c.text)
    } else {
        c.text.clone()
    }
}

/// "M1805 · Études et développement informatique".
pub fn coded(c: &CodeLabel) -> String {
    if c.label.is_empty() {
        c.code.clone()
    } else {
        format!("{} · {}", c.code, c.label)
    }
}

/// "MINISTERE … (SIRET 11004401300040)".
pub fn certifier(c: &CertifierInfo) -> String {
    match &c.siret {
        Some(s) => format!("{} (SIRET {s})", c.name),
        None => c.name.clone(),
    }
}

/// "RNCP36490 déclare : RNCP36490BC03 ↔ RNCP35419BC03".
pub fn correspondence(c: &CertComparison, k: &Correspondence) -> String {
    let by = match k.declared_by {
        Status::Right => &c.right.numero,
        _ => &c.left.numero,
    };
    let list = |codes: &[String]| {
        if codes.is_empty() {
            NONE.to_string()
        } else {
            codes.join(" + ")
        }
    };
    format!(
        "{by} déclare : {} ↔ {}",
        list(&k.left_blocs),
        list(&k.right_blocs)
    )
}

/// The lists of strings, in display order, with their headings.
pub fn lists(c: &CertComparison) -> [(&'static str, &[Row<String>]); 4] {
    [
        (H_COMPETENCES, &c.competences),
        (H_ACTIVITIES, &c.activities),
        (H_SECTORS, &c.sectors),
        (H_JOBS, &c.jobs),
    ]
}

/// The certifiers, then the NSF, ROME and Formacode lists, each row as the
/// text every rendering shows ("MINISTERE … (SIRET …)", "326 · Informatique…"),
/// with their headings, in display order.
pub fn who_and_codes(c: &CertComparison) -> Vec<(&'static str, Vec<Row<String>>)> {
    fn texts<T>(rows: &[Row<T>], text: impl Fn(&T) -> String) -> Vec<Row<String>> {
        rows.iter()
            .map(|r| Row {
                status: r.status,
                left: r.left.as_ref().map(&text),
                right: r.right.as_ref().map(&text),
            })
            .collect()
    }
    let mut out = vec![(H_CERTIFIERS, texts(&c.certifiers, certifier))];
    out.extend(
        code_lists(c)
            .into_iter()
            .map(|(title, rows)| (title, texts(rows, coded))),
    );
    out
}

/// The code lists, in display order, with their headings.
fn code_lists(c: &CertComparison) -> [(&'static str, &[Row<CodeLabel>]); 3] {
    [
        (H_NSF, &c.nsf),
        (H_ROME, &c.rome),
        (H_FORMACODES, &c.formacodes),
    ]
}

/// "Emplois (22 en commun)".
pub fn section(title: &str, shared: usize) -> String {
    format!("{title} ({shared} en commun)")
}

/// "Blocs de compétences (5 alignés, dont 4 renommés ; 0 seulement à gauche, 0 seulement à droite)".
pub fn blocs_section(c: &CertComparison) -> String {
    let b = c.summary.blocs;
    let renamed = if b.renamed > 0 {
        format!(", dont {}", counted(b.renamed, "renommé", "renommés"))
    } else {
        String::new()
    };
    format!(
        "{H_BLOCS} ({}{renamed} ; {} seulement à gauche, {} seulement à droite)",
        counted(b.shared, "aligné", "alignés"),
        b.left,
        b.right
    )
}

/// The summary as (label, left, right) lines: each list's size on each
/// side and how many items it shares.
pub fn summary_rows(c: &CertComparison) -> Vec<(String, String, String)> {
    let s = &c.summary;
    let cell = |counts: ListCounts, own: usize| {
        format!("{} ({} en commun)", counts.shared + own, counts.shared)
    };
    let blocs = ListCounts {
        shared: s.blocs.shared,
        left: s.blocs.left,
        right: s.blocs.right,
    };
    [
        ("Blocs", blocs),
        (H_CERTIFIERS, s.certifiers),
        (H_NSF, s.nsf),
        (H_ROME, s.rome),
        (H_FORMACODES, s.formacodes),
        (H_COMPETENCES, s.competences),
        (H_ACTIVITIES, s.activities),
        (H_SECTORS, s.sectors),
        (H_JOBS, s.jobs),
    ]
    .into_iter()
    .map(|(label, n)| (label.to_string(), cell(n, n.left), cell(n, n.right)))
    .collect()
}

/// When one fiche replaces the other, what changed from the older to the
/// newer: blocs renamed, removed, added, then codes and lists gained or
/// lost. Empty when they are not related.
pub fn changes(c: &CertComparison) -> Vec<String> {
    let (older, newer, gone, new) = match c.lineage.relation {
        Relation::None => return Vec::new(),
        Relation::LeftReplacedByRight => (&c.left, &c.right, Status::Left, Status::Right),
        Relation::RightReplacedByLeft => (&c.right, &c.left, Status::Right, Status::Left),
    };
    let side = |r: &BlocRow, s: Status| match s {
        Status::Left => r.left.clone(),
        _ => r.right.clone(),
    };
    let quoted = |b: &BlocSide| format!("{} « {} »", b.code, b.label);
    let b = c.summary.blocs;
    let (removed, added) = match gone {
        Status::Left => (b.left, b.right),
        _ => (b.right, b.left),
    };
    let mut out = vec![format!(
        "De {} à {} — blocs : {} ; dont {} ; {} ; {}.",
        older.numero,
        newer.numero,
        counted(b.shared, "conservé", "conservés"),
        counted(b.renamed, "renommé", "renommés"),
        counted(removed, "retiré", "retirés"),
        counted(added, "ajouté", "ajoutés"),
    )];
    for r in c.blocs.iter().filter(|r| r.renamed) {
        if let (Some(o), Some(n)) = (side(r, gone), side(r, new)) {
            out.push(format!("Renommé : {} → {}", quoted(&o), quoted(&n)));
        }
    }
    for r in c.blocs.iter().filter(|r| r.status == gone) {
        if let Some(o) = side(r, gone) {
            out.push(format!("Retiré : {}", quoted(&o)));
        }
    }
    for r in c.blocs.iter().filter(|r| r.status == new) {
        if let Some(n) = side(r, new) {
            out.push(format!("Ajouté : {}", quoted(&n)));
        }
    }
    // Codes and lists: "en moins" / "en plus", whatever the noun's gender.
    for (title, rows) in code_lists(c) {
        let pick = |s: Status| -> String {
            let codes: Vec<&str> = rows
                .iter()
                .filter(|r| r.status == s)
                .filter_map(|r| r.left.as_ref().or(r.right.as_ref()))
                .map(|c| c.code.as_str())
                .collect();
            if codes.is_empty() {
                NONE.to_string()
            } else {
                codes.join(", ")
            }
        };
        let kept = rows.iter().filter(|r| r.status == Status::Shared).count();
        out.push(format!(
            "{title} : {kept} en commun ; en moins : {} ; en plus : {}",
            pick(gone),
            pick(new)
        ));
    }
    for (title, rows) in lists(c) {
        let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
        out.push(format!(
            "{title} : {} en commun, {} en moins, {} en plus",
            count(Status::Shared),
            count(gone),
            count(new)
        ));
    }
    out
}

/// "0 retiré", "1 retiré", "4 retirés".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_say_how_far_they_are() {
        let d = Date {
            y: 2025,
            m: 8,
            d: 31,
        };
        assert_eq!(dated(d, -462), "31/08/2025 (il y a 462 jours)");
        assert_eq!(dated(d, 3), "31/08/2025 (dans 3 jours)");
        assert_eq!(dated(d, 0), "31/08/2025 (aujourd'hui)");
    }
}
