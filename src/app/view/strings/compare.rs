//! UI text of the comparison view and its parcours picker.

use crate::compare::Sides;

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

pub fn pick_second(first: &str) -> String {
    format!("Comparer « {first} » avec…")
}

pub fn legend(left: &str, right: &str) -> String {
    format!("{MARK_SHARED} commun   {MARK_LEFT} {left} seul   {MARK_RIGHT} {right} seul")
}

pub fn semester(n: u8, ects: Option<u32>) -> String {
    match ects {
        Some(e) => format!("Semestre {n} · {e} ECTS"),
        None => format!("Semestre {n} : {NOTHING}"),
    }
}

/// Stacked view: "Semestre 3 · 30|30 ECTS".
pub fn semester_both(n: u8, left: Option<u32>, right: Option<u32>) -> String {
    let cell = |e: Option<u32>| e.map_or_else(|| NOTHING.to_string(), |e| e.to_string());
    format!("Semestre {n} · {}|{} ECTS", cell(left), cell(right))
}

pub fn common_core(semesters: &[u8], ues: usize, ects: u32, expanded: bool) -> String {
    let list: Vec<String> = semesters.iter().map(|n| format!("S{n}")).collect();
    let action = if expanded { "replier" } else { "détailler" };
    format!(
        "{} · tronc commun : identiques ({ues} UE, {ects} ECTS) — Entrée pour {action}",
        list.join("–")
    )
}

pub fn ue(code: &str, title: &str, ects: Option<u32>, choose: Option<u32>) -> String {
    let mut out = format!("{code} {title}");
    if let Some(e) = ects {
        out.push_str(&format!(" · {e} ECTS"));
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
fn pair(p: Sides<u32>) -> String {
    if p.left == p.right {
        p.left.to_string()
    } else {
        format!("{}|{}", p.left, p.right)
    }
}

pub fn shared_ues(count: usize, ects: Sides<u32>) -> String {
    format!("UE communes : {count} ({} ECTS)", pair(ects))
}

pub fn semester_ects(n: u8, left: Option<u32>, right: Option<u32>) -> String {
    let cell = |e: Option<u32>| e.map_or_else(|| NOTHING.to_string(), |e| e.to_string());
    format!("S{n} {}|{}", cell(left), cell(right))
}

pub fn total_ects(total: Sides<u32>) -> String {
    format!("total {}|{}", total.left, total.right)
}

pub fn shared_lists(competences: usize, sectors: usize, jobs: usize) -> String {
    format!("En commun : {competences} compétence(s), {sectors} secteur(s), {jobs} emploi(s)")
}

pub fn findings(n: usize) -> String {
    format!("{n} constat(s)")
}
