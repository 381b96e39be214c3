//! UI text of the comparison view and its parcours picker.

use crate::compare::Sides;
use crate::model::EctsSum;

pub const PANE_COMPARE: &str = "Comparaison";
pub const HELP_COMPARE: &str = "Comparaison";
pub const HELP_PICK: &str = "Choix du parcours à comparer";
pub const PICK_FIRST: &str = "Comparer : premier parcours";
pub const PICK_NONE: &str = "Aucun autre parcours dans cette fiche.";
pub const MAQUETTE: &str = "Maquette";
pub const COMPETENCES: &str = "Compétences";
pub const SECTORS: &str = "Secteurs";
pub const JOBS: &str = "Emplois";
pub const FINDINGS: &str = "Constats";
pub const NOTHING: &str = "—";
pub const ECTS: &str = "ECTS :";
pub const EMPTY_LIST: &str = "aucun, de part et d'autre";
/// Row marks: a symbol, so the view reads the same without colour.
pub const MARK_SHARED: &str = "=";
pub const MARK_LEFT: &str = "<";
pub const MARK_RIGHT: &str = ">";
/// A list line with each side's own item face to face.
pub const MARK_EACH: &str = "≠";
/// The same bloc under another libellé (certification comparison).
pub const MARK_RENAMED: &str = "≈";

pub fn pick_second(first: &str) -> String {
    format!("Comparer « {first} » avec…")
}

pub fn legend(left: &str, right: &str) -> String {
    format!(
        "{MARK_SHARED} commun   {MARK_LEFT} {left} seul   {MARK_RIGHT} {right} seul   \
         {MARK_EACH} chacun le sien"
    )
}

pub fn semester(n: u8, ects: Option<EctsSum>) -> String {
    match ects {
        Some(e) => format!("Semestre {n} · {e} ECTS"),
        None => format!("Semestre {n} : {NOTHING}"),
    }
}

/// Stacked view: "Semestre 3 · 30|30 ECTS".
pub fn semester_both(n: u8, left: Option<EctsSum>, right: Option<EctsSum>) -> String {
    format!("Semestre {n} · {}|{} ECTS", cell(left), cell(right))
}

/// A side's ECTS in a "gauche|droite" pair: "30", "≥12", "?", or "—" where
/// the side has no such semester.
fn cell(e: Option<EctsSum>) -> String {
    e.map_or_else(|| NOTHING.to_string(), |e| e.to_string().replace(' ', ""))
}

pub fn common_core(semesters: &[u8], ues: usize, ects: EctsSum, expanded: bool) -> String {
    let list: Vec<String> = semesters.iter().map(|n| format!("S{n}")).collect();
    let action = if expanded { "replier" } else { "détailler" };
    format!(
        "{} · tronc commun : identiques ({ues} UE, {ects} ECTS) — Entrée pour {action}",
        list.join("–")
    )
}

pub fn ue(code: &str, title: &str, ects: Option<u32>, choose: Option<u32>) -> String {
    let mut out = format!("{code} {title}");
    match ects {
        Some(e) => out.push_str(&format!(" · {e} ECTS")),
        None => out.push_str(" · ? ECTS"),
    }
    if let Some(k) = choose {
        out.push_str(&format!(" · {k} au choix"));
    }
    out
}

pub fn section(title: &str, shared: usize) -> String {
    format!("{title} ({shared} en commun)")
}

/// "12|12" or "12" when both sides agree.
fn pair(p: Sides<EctsSum>) -> String {
    if p.left == p.right {
        p.left.to_string()
    } else {
        format!("{}|{}", cell(Some(p.left)), cell(Some(p.right)))
    }
}

pub fn shared_ues(count: usize, ects: Sides<EctsSum>) -> String {
    format!("UE communes : {count} ({} ECTS)", pair(ects))
}

pub fn semester_ects(n: u8, left: Option<EctsSum>, right: Option<EctsSum>) -> String {
    format!("S{n} {}|{}", cell(left), cell(right))
}

pub fn total_ects(total: Sides<EctsSum>) -> String {
    format!(
        "total {}|{}",
        cell(Some(total.left)),
        cell(Some(total.right))
    )
}

/// "aucune compétence", "1 secteur", "3 emplois".
fn count(n: usize, none: &str, one: &str, many: &str) -> String {
    match n {
        0 => none.to_string(),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

pub fn shared_lists(competences: usize, sectors: usize, jobs: usize) -> String {
    format!(
        "En commun : {}, {}, {}",
        count(
            competences,
            "aucune compétence",
            "compétence",
            "compétences"
        ),
        count(sectors, "aucun secteur", "secteur", "secteurs"),
        count(jobs, "aucun emploi", "emploi", "emplois"),
    )
}

/// "4 constats", held together by no-break spaces so a wrap never cuts it.
pub fn findings(n: usize) -> String {
    count(n, "aucun constat", "constat", "constats").replace(' ', "\u{a0}")
}

/// The one-line header of a comparison on a small screen: "< Europe · > Urbain".
pub fn compact_header(left: &str, right: &str) -> String {
    format!("< {left} · > {right}")
}
