//! What lists, facets and rankings need of a fiche without reading the whole
//! of it: its number, title, level, validity, codes and certifiers. The
//! catalogue keeps one per fiche (`Catalogue::summary`), so that a screen over
//! 30 000 fiches never walks the full records. The registry cache stores
//! them in its index frame, so that a reopened export lists its fiches before
//! their bodies are decoded (`registry::Bodies`).

use serde::{Deserialize, Serialize};

use super::Fiche;
use super::normalize::fold_str;
use super::numero::Numero;
use super::registry::Date;

/// A certifier as lists and filters need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifierRef {
    pub name: String,
    /// The name folded (`normalize::fold_str`), for filtering.
    pub folded: String,
    pub siret: Option<String>,
}

impl CertifierRef {
    pub fn new(name: &str, siret: Option<&str>) -> CertifierRef {
        CertifierRef {
            name: name.to_string(),
            folded: fold_str(name),
            siret: siret.map(str::to_string),
        }
    }
}

/// One fiche, in brief. Unknown stays unknown: `None` where the fiche is silent.
/// Every field is serialized (the cache's postcard has no field names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FicheSummary {
    pub numero: Numero,
    pub intitule: String,
    /// `ABREGE` code ("MASTER", "BTS"), when the export gives one.
    pub abbreviation: Option<String>,
    /// European level 1..=8; `None` when the fiche has none (most RS fiches).
    pub level: Option<u8>,
    /// Only the registry says whether a fiche is active.
    pub active: Option<bool>,
    /// `DATE_FIN_ENREGISTREMENT`.
    pub end_of_registration: Option<Date>,
    /// NSF codes ("313"), in fiche order.
    pub nsf: Vec<String>,
    /// ROME codes ("M1805"), in fiche order.
    pub rome: Vec<String>,
    pub certifiers: Vec<CertifierRef>,
}

impl FicheSummary {
    pub fn of(fiche: &Fiche) -> FicheSummary {
        let record = fiche.registry.as_deref();
        let level = record
            .and_then(|r| r.europe_level.as_ref())
            .and_then(|l| l.level)
            .or_else(|| parse_level(fiche.levels.europe.as_deref()?));
        let certifiers = match record {
            Some(r) => r
                .certifiers
                .iter()
                .map(|c| CertifierRef::new(&c.name, c.siret.as_deref()))
                .collect(),
            None => fiche
                .authority
                .organisations
                .iter()
                .map(|name| CertifierRef::new(name, None))
                .collect(),
        };
        FicheSummary {
            numero: fiche.numero(),
            intitule: fiche.intitule.clone(),
            abbreviation: record.and_then(|r| r.abbreviation.as_ref().map(|a| a.code.clone())),
            level,
            active: record.and_then(|r| r.active),
            end_of_registration: record.and_then(|r| r.dates.end_of_registration),
            nsf: fiche.nsf.iter().map(|c| c.code.clone()).collect(),
            rome: fiche.rome.iter().map(|c| c.code.clone()).collect(),
            certifiers,
        }
    }
}

/// "7" → 7; anything that is not a level of the European framework → `None`.
fn parse_level(text: &str) -> Option<u8> {
    let level: u8 = text.trim().trim_start_matches("NIV").parse().ok()?;
    (1..=8).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded;

    #[test]
    fn the_embedded_master_is_level_7_with_unknown_validity() {
        let summary = FicheSummary::of(&embedded());
        assert_eq!(summary.numero.to_string(), "RNCP24759");
        assert_eq!(summary.level, Some(7));
        assert_eq!(summary.active, None, "a RON fiche does not say");
        assert_eq!(summary.end_of_registration, None);
        assert_eq!(summary.certifiers.len(), 1);
        assert!(!summary.rome.is_empty());
    }

    #[test]
    fn levels_outside_the_framework_are_unknown() {
        assert_eq!(parse_level("7"), Some(7));
        assert_eq!(parse_level("NIV5"), Some(5));
        assert_eq!(parse_level("9"), None);
        assert_eq!(parse_level("AUCUN"), None);
    }
}
