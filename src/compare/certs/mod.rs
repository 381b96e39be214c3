//! Two certifications side by side: identity and levels, validity and the
//! replacement links between them, certifiers, NSF / ROME / Formacodes,
//! blocs de compétences aligned by similarity, then the competences,
//! activities, sectors and jobs each fiche lists. Pure: the catalogue (to
//! follow replacement chains) and today's date are handed in.
//!
//! Comparing a fiche with the one that replaces it answers "what changed":
//! blocs kept, renamed, removed, added ([`blocs`]), jobs and ROME codes
//! gained or lost. The bloc rule is documented in `docs/compare.md`.

mod blocs;
pub mod labels;
mod lineage;
pub mod markdown;

#[cfg(test)]
mod tests;

use serde::Serialize;

use super::summary::ListCounts;
use super::{Row, Status, align, items, row};
use crate::model::normalize::{code_key, item_key};
use crate::model::registry::{Certifier, Date, Record};
use crate::model::{Catalogue, CodeLabel, Fiche, Parcours};

pub use blocs::{
    BlocCompetence, BlocMatch, BlocRow, BlocSide, FacingBloc, FacingCompetence, SIMILARITY,
    Similarity, facing as facing_blocs, main_competences, plain as plain_blocs,
};
pub use lineage::{Lineage, Relation};

/// The whole comparison of two certifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertComparison {
    pub left: CertSide,
    pub right: CertSide,
    /// How the two are related by replacements (`ANCIENNES` / `NOUVELLES_CERTIFICATIONS`).
    pub lineage: Lineage,
    /// Shared first (same SIRET, or same name under the item rule), then each side's own.
    pub certifiers: Vec<Row<CertifierInfo>>,
    /// Codes: shared first (same code), then each side's own.
    pub nsf: Vec<Row<CodeLabel>>,
    pub rome: Vec<Row<CodeLabel>>,
    pub formacodes: Vec<Row<CodeLabel>>,
    /// Shared blocs first (left order), then the left's own, then the right's own.
    pub blocs: Vec<BlocRow>,
    /// Bloc equivalences a fiche declares with the other (`CORRESPONDANCES`).
    pub correspondences: Vec<Correspondence>,
    pub competences: Vec<Row<String>>,
    pub activities: Vec<Row<String>>,
    pub sectors: Vec<Row<String>>,
    pub jobs: Vec<Row<String>>,
    pub summary: CertSummary,
}

/// One certification as the comparison shows it. Unknown stays `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertSide {
    /// "RNCP35340", "RS5000".
    pub numero: String,
    /// "RNCP" or "RS".
    pub repertoire: &'static str,
    pub intitule: String,
    /// `ABREGE`: the kind of diploma ("BTS", "Brevet de technicien supérieur").
    pub abbreviation: Option<CodeLabel>,
    /// European level, 3 to 8.
    pub level: Option<u8>,
    /// "Niveau 5" as the registry writes it.
    pub level_label: Option<String>,
    /// Whether the fiche comes from the registry export (otherwise its
    /// validity, blocs and replacements are unknown, not empty).
    pub registry: bool,
    /// `ACTIF`.
    pub active: Option<bool>,
    /// `ETAT_FICHE` ("Publiée").
    pub state: Option<String>,
    pub effect: Option<Date>,
    pub end_of_registration: Option<Date>,
    /// Days from the comparison's "today" to the end of registration (negative: past).
    pub days_left: Option<i64>,
    pub delivery_deadline: Option<Date>,
    /// `NOUVELLES_CERTIFICATIONS`, as numbers.
    pub replaced_by: Vec<String>,
    /// `ANCIENNES_CERTIFICATIONS`.
    pub replaces: Vec<String>,
    pub blocs: usize,
}

/// A certifier as compared: its name and SIRET when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertifierInfo {
    pub name: String,
    pub siret: Option<String>,
}

/// A bloc equivalence declared by one of the fiches about the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correspondence {
    /// The fiche that declares it: `left` or `right`.
    pub declared_by: Status,
    /// Bloc codes of the left fiche, and of the right one.
    pub left_blocs: Vec<String>,
    pub right_blocs: Vec<String>,
}

/// What the two share, in counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct CertSummary {
    pub blocs: BlocCounts,
    pub certifiers: ListCounts,
    pub nsf: ListCounts,
    pub rome: ListCounts,
    pub formacodes: ListCounts,
    pub competences: ListCounts,
    pub activities: ListCounts,
    pub sectors: ListCounts,
    pub jobs: ListCounts,
}

/// How the blocs split: aligned (of which renamed), the left's own
/// ("removed" when the right replaces the left), the right's own ("added").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct BlocCounts {
    pub shared: usize,
    pub renamed: usize,
    pub left: usize,
    pub right: usize,
}

/// Compares two certifications of `catalogue` (which gives the replacement
/// chains their intermediate fiches), as of `today`.
pub fn compare(catalogue: &Catalogue, left: &Fiche, right: &Fiche, today: Date) -> CertComparison {
    let (lr, rr) = (left.registry.as_deref(), right.registry.as_deref());
    let no_blocs = &[][..];
    let blocs = blocs::align(
        lr.map_or(no_blocs, |r| &r.blocs),
        rr.map_or(no_blocs, |r| &r.blocs),
        &declared_pairs(left, right),
    );
    let certifiers = certifiers(&certifier_infos(left), &certifier_infos(right));
    let nsf = codes(&left.nsf, &right.nsf);
    let rome = codes(&left.rome, &right.rome);
    let formacodes = codes(&left.formacodes, &right.formacodes);
    let list = |f: fn(&Parcours) -> &[String]| items(&union(left, f), &union(right, f));
    let competences = list(|p| &p.competences);
    let activities = list(|p| &p.activities);
    let sectors = list(|p| &p.sectors);
    let jobs = list(|p| &p.jobs);
    let summary = CertSummary {
        blocs: bloc_counts(&blocs),
        certifiers: ListCounts::of(&certifiers),
        nsf: ListCounts::of(&nsf),
        rome: ListCounts::of(&rome),
        formacodes: ListCounts::of(&formacodes),
        competences: ListCounts::of(&competences),
        activities: ListCounts::of(&activities),
        sectors: ListCounts::of(&sectors),
        jobs: ListCounts::of(&jobs),
    };
    CertComparison {
        left: side(left, today),
        right: side(right, today),
        lineage: lineage::between(catalogue, left, right),
        certifiers,
        nsf,
        rome,
        formacodes,
        blocs,
        correspondences: correspondences(left, right),
        competences,
        activities,
        sectors,
        jobs,
        summary,
    }
}

fn side(fiche: &Fiche, today: Date) -> CertSide {
    let numero = fiche.numero();
    let record = fiche.registry.as_deref();
    let europe = record.and_then(|r| r.europe_level.as_ref());
    let level = match record {
        Some(_) => europe.and_then(|e| e.level),
        None => fiche.levels.europe.as_deref().and_then(|l| l.parse().ok()),
    };
    let level_label = match record {
        Some(_) => europe.and_then(|e| e.label.clone()),
        None => fiche.levels.europe.as_ref().map(|l| format!("Niveau {l}")),
    };
    let dates = record.map(|r| &r.dates);
    let end = dates.and_then(|d| d.end_of_registration);
    let numbers = |list: fn(&Record) -> &[crate::model::registry::Numero]| {
        record
            .map(|r| list(r).iter().map(|n| n.to_string()).collect())
            .unwrap_or_default()
    };
    CertSide {
        numero: numero.to_string(),
        repertoire: numero.repertoire.prefix(),
        intitule: fiche.intitule.clone(),
        abbreviation: record
            .and_then(|r| r.abbreviation.as_ref())
            .map(|a| CodeLabel {
                code: a.code.clone(),
                label: a.label.clone(),
            }),
        level,
        level_label,
        registry: record.is_some(),
        active: record.and_then(|r| r.active),
        state: record.and_then(|r| r.state.clone()),
        effect: dates.and_then(|d| d.effect),
        end_of_registration: end,
        days_left: end.map(|d| d.day_number() - today.day_number()),
        delivery_deadline: dates.and_then(|d| d.delivery_deadline),
        replaced_by: numbers(|r| &r.replaced_by),
        replaces: numbers(|r| &r.replaces),
        blocs: record.map_or(0, |r| r.blocs.len()),
    }
}

/// The certifiers of a fiche: the registry's (with SIRET), else the fiche's organisations.
fn certifier_infos(fiche: &Fiche) -> Vec<CertifierInfo> {
    match &fiche.registry {
        Some(r) => r.certifiers.iter().map(certifier_info).collect(),
        None => fiche
            .authority
            .organisations
            .iter()
            .map(|name| CertifierInfo {
                name: name.clone(),
                siret: None,
            })
            .collect(),
    }
}

fn certifier_info(c: &Certifier) -> CertifierInfo {
    CertifierInfo {
        name: c.name.clone(),
        siret: c.siret.clone(),
    }
}

/// Certifiers pair when both give the same SIRET, or the same name under
/// the item rule (ministries often come without a SIRET).
fn certifiers(left: &[CertifierInfo], right: &[CertifierInfo]) -> Vec<Row<CertifierInfo>> {
    let same = |a: &CertifierInfo, b: &CertifierInfo| match (&a.siret, &b.siret) {
        (Some(x), Some(y)) if code_key(x) == code_key(y) => true,
        _ => item_key(&a.name) == item_key(&b.name),
    };
    let mut used = vec![false; right.len()];
    let mut shared = Vec::new();
    let mut left_only = Vec::new();
    for l in left {
        match (0..right.len()).find(|&j| !used[j] && same(l, &right[j])) {
            Some(j) => {
                used[j] = true;
                shared.push(row(Some(l.clone()), Some(right[j].clone())));
            }
            None => left_only.push(row(Some(l.clone()), None)),
        }
    }
    let right_only = right
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(r, _)| row(None, Some(r.clone())));
    shared
        .into_iter()
        .chain(left_only)
        .chain(right_only)
        .collect()
}

/// NSF, ROME, Formacode lists: the same code is the same entry (labels may differ).
fn codes(left: &[CodeLabel], right: &[CodeLabel]) -> Vec<Row<CodeLabel>> {
    align::shared_first(left, right, |c| code_key(&c.code))
        .into_iter()
        .map(|(l, r)| row(l.cloned(), r.cloned()))
        .collect()
}

/// A list over every parcours of a fiche, each item once (a registry fiche
/// has one parcours; a fiche with a curriculum may repeat items across them).
fn union(fiche: &Fiche, list: fn(&Parcours) -> &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    fiche
        .parcours
        .iter()
        .flat_map(list)
        .filter(|item| seen.insert(item_key(item)))
        .cloned()
        .collect()
}

/// The bloc pairs the two fiches declare one to one (`CORRESPONDANCES`
/// naming the other fiche, one bloc on each side), as (left code, right code).
fn declared_pairs(left: &Fiche, right: &Fiche) -> Vec<(String, String)> {
    correspondences(left, right)
        .into_iter()
        .filter_map(
            |c| match (c.left_blocs.as_slice(), c.right_blocs.as_slice()) {
                ([l], [r]) => Some((l.clone(), r.clone())),
                _ => None,
            },
        )
        .collect()
}

/// Every correspondence either fiche declares with the other, left's first.
fn correspondences(left: &Fiche, right: &Fiche) -> Vec<Correspondence> {
    let declared = |from: &Fiche, to: &Fiche| -> Vec<(Vec<String>, Vec<String>)> {
        let Some(record) = from.registry.as_deref() else {
            return Vec::new();
        };
        let target = to.numero();
        record
            .correspondences
            .iter()
            .filter(|c| {
                c.destination
                    .as_ref()
                    .is_some_and(|d| crate::model::Numero::new(d.repertoire, &d.number) == target)
            })
            .map(|c| (c.source_blocs.clone(), c.destination_blocs.clone()))
            .collect()
    };
    let mut out: Vec<Correspondence> = declared(left, right)
        .into_iter()
        .map(|(l, r)| Correspondence {
            declared_by: Status::Left,
            left_blocs: l,
            right_blocs: r,
        })
        .collect();
    out.extend(
        declared(right, left)
            .into_iter()
            .map(|(r, l)| Correspondence {
                declared_by: Status::Right,
                left_blocs: l,
                right_blocs: r,
            }),
    );
    out
}

fn bloc_counts(rows: &[BlocRow]) -> BlocCounts {
    let mut c = BlocCounts::default();
    for r in rows {
        match r.status {
            Status::Shared => c.shared += 1,
            Status::Left => c.left += 1,
            Status::Right => c.right += 1,
        }
        if r.renamed {
            c.renamed += 1;
        }
    }
    c
}
