//! The organisations habilitated on a registry certification: the rule
//! that says whether one is, and the filter the explorer narrows the list
//! with. Shared by `rncp-explorer partners` and the explorer's partners
//! popup, so both give the same answer.
//!
//! Habilitated means **listed** among the record's partners, with an
//! **active habilitation** (`ETAT_HABILITATION` "Actif"), on a
//! certification that is itself **active** (`ACTIF` Oui). The answer names
//! each condition that fails, per listed establishment and its role
//! (`HABILITATION_ORGA_FORM`: train and assess; `HABILITATION_FORMER`:
//! train only; `HABILITATION_ORGANISER`: assess only).

use serde::Serialize;

use crate::model::normalize::fold_str;
use crate::model::registry::{Habilitation, Partner, Record};

/// Which organisation is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// One establishment: 14 digits.
    Siret(String),
    /// Every establishment of a company: the SIRET's first 9 digits.
    Siren(String),
}

impl Who {
    /// Whether `partner` is this organisation (spaces in its SIRET aside).
    pub fn matches(&self, partner: &Partner) -> bool {
        let Some(siret) = partner.siret.as_deref() else {
            return false;
        };
        let siret = without_spaces(siret);
        match self {
            Who::Siret(n) => siret == *n,
            Who::Siren(n) => siret.starts_with(n.as_str()),
        }
    }

    /// "SIRET 88055223700047", "SIREN 880552237".
    pub fn label(&self) -> String {
        match self {
            Who::Siret(n) => format!("SIRET {n}"),
            Who::Siren(n) => format!("SIREN {n}"),
        }
    }

    /// A SIRET (14 digits) or a SIREN (9), spaces allowed as printed on
    /// documents; anything else is no organisation number.
    pub fn parse(text: &str) -> Option<Who> {
        siret(text)
            .map(Who::Siret)
            .or_else(|| siren(text).map(Who::Siren))
    }
}

/// `text` as a SIRET: 14 digits once spaces are removed.
pub fn siret(text: &str) -> Option<String> {
    digits(text, 14)
}

/// `text` as a SIREN: 9 digits once spaces are removed.
pub fn siren(text: &str) -> Option<String> {
    digits(text, 9)
}

fn digits(text: &str, len: usize) -> Option<String> {
    let d = without_spaces(text);
    (d.len() == len && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The habilitation is in force: `ETAT_HABILITATION` is "Actif".
pub fn habilitation_active(partner: &Partner) -> bool {
    partner.state.as_deref() == Some("Actif")
}

/// The certification is active: `ACTIF` Oui (unknown is not active).
pub fn certification_active(record: &Record) -> bool {
    record.active == Some(true)
}

/// The export's spelling of a habilitation: `HABILITATION_ORGA_FORM`…
pub fn tag(h: &Habilitation) -> String {
    match h {
        Habilitation::TrainAndAssess => "HABILITATION_ORGA_FORM".into(),
        Habilitation::Train => "HABILITATION_FORMER".into(),
        Habilitation::Assess => "HABILITATION_ORGANISER".into(),
        Habilitation::Other(o) => o.clone(),
    }
}

/// The role's machine name in JSON: `train_and_assess`, `train`, `assess`, `other`.
pub fn role_key(h: &Habilitation) -> &'static str {
    match h {
        Habilitation::TrainAndAssess => "train_and_assess",
        Habilitation::Train => "train",
        Habilitation::Assess => "assess",
        Habilitation::Other(_) => "other",
    }
}

/// One partner and what the rule makes of it (field names documented in
/// `docs/cli.md`: `--json` writes this).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerOut {
    pub name: String,
    pub siret: Option<String>,
    /// The export's value: `HABILITATION_ORGA_FORM`, `HABILITATION_FORMER`…
    pub habilitation: Option<String>,
    /// `train_and_assess`, `train`, `assess`, `other`.
    pub role: Option<&'static str>,
    /// `ETAT_HABILITATION` as written.
    pub state: Option<String>,
    /// The habilitation is in force (`state` is "Actif").
    pub active: bool,
    /// This partner may act on the certification: active habilitation on an
    /// active certification.
    pub habilitated: bool,
}

impl PartnerOut {
    pub fn of(p: &Partner, certification_active: bool) -> PartnerOut {
        let active = habilitation_active(p);
        PartnerOut {
            name: p.name.clone(),
            siret: p.siret.clone(),
            habilitation: p.habilitation.as_ref().map(tag),
            role: p.habilitation.as_ref().map(role_key),
            state: p.state.clone(),
            active,
            habilitated: active && certification_active,
        }
    }
}

/// What fails, when an organisation is not habilitated.
pub const NOT_LISTED: &str = "not_listed";
pub const HABILITATION_INACTIVE: &str = "habilitation_inactive";
pub const CERTIFICATION_INACTIVE: &str = "certification_inactive";

/// The answer to "is this organisation habilitated on this certification?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub numero: String,
    pub certification_active: bool,
    pub siret: Option<String>,
    pub siren: Option<String>,
    pub listed: bool,
    pub habilitated: bool,
    /// What fails, when not habilitated: [`NOT_LISTED`],
    /// [`HABILITATION_INACTIVE`], [`CERTIFICATION_INACTIVE`].
    pub reasons: Vec<&'static str>,
    /// The listed establishments that match, each with its role.
    pub partners: Vec<PartnerOut>,
}

/// Whether `who` is habilitated on `record`, and why not.
pub fn answer(record: &Record, who: &Who) -> Answer {
    let certification_active = certification_active(record);
    let partners: Vec<PartnerOut> = record
        .partners
        .iter()
        .filter(|p| who.matches(p))
        .map(|p| PartnerOut::of(p, certification_active))
        .collect();
    let listed = !partners.is_empty();
    let mut reasons = Vec::new();
    if !listed {
        reasons.push(NOT_LISTED);
    } else if !partners.iter().any(|p| p.active) {
        reasons.push(HABILITATION_INACTIVE);
    }
    if !certification_active {
        reasons.push(CERTIFICATION_INACTIVE);
    }
    let (siret, siren) = match who {
        Who::Siret(n) => (Some(n.clone()), None),
        Who::Siren(n) => (None, Some(n.clone())),
    };
    Answer {
        numero: record.numero.to_string(),
        certification_active,
        siret,
        siren,
        listed,
        habilitated: reasons.is_empty(),
        reasons,
        partners,
    }
}

/// The partners `query` names, by index into `record.partners`, in list
/// order. A query of digits (spaces allowed) keeps the SIRETs starting with
/// them — 9 digits are a SIREN, 14 a SIRET; otherwise every word must be in
/// the name, accents and case aside. An empty query keeps them all.
pub fn matching(record: &Record, query: &str) -> Vec<usize> {
    let number = without_spaces(query);
    let keep: Box<dyn Fn(&Partner) -> bool> =
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            Box::new(move |p| {
                p.siret
                    .as_deref()
                    .is_some_and(|s| without_spaces(s).starts_with(&number))
            })
        } else {
            let words: Vec<String> = fold_str(query)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            Box::new(move |p| {
                let name = fold_str(&p.name);
                words.iter().all(|w| name.contains(w.as_str()))
            })
        };
    record
        .partners
        .iter()
        .enumerate()
        .filter(|(_, p)| keep(p))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registry::Numero;

    fn partner(name: &str, siret: &str, h: Habilitation, state: &str) -> Partner {
        Partner {
            name: name.into(),
            siret: Some(siret.into()),
            habilitation: Some(h),
            state: Some(state.into()),
            ..Default::default()
        }
    }

    fn record(active: bool, state: &str) -> Record {
        let mut r = Record::new(Numero::parse("RNCP1").unwrap(), "T".into());
        r.active = Some(active);
        r.partners
            .push(partner("ORG", "12345678900011", Habilitation::Train, state));
        r
    }

    #[test]
    fn each_failing_condition_is_named() {
        let siret = Who::Siret("12345678900011".into());
        let yes = answer(&record(true, "Actif"), &siret);
        assert!(yes.habilitated && yes.reasons.is_empty());
        assert_eq!(yes.partners[0].role, Some("train"));
        let off = answer(&record(true, "Inactif"), &siret);
        assert_eq!(off.reasons, [HABILITATION_INACTIVE]);
        let closed = answer(&record(false, "Actif"), &siret);
        assert_eq!(closed.reasons, [CERTIFICATION_INACTIVE]);
        assert!(!closed.partners[0].habilitated);
        let both = answer(&record(false, "Supprimé"), &siret);
        assert_eq!(
            both.reasons,
            [HABILITATION_INACTIVE, CERTIFICATION_INACTIVE]
        );
        let other = answer(&record(true, "Actif"), &Who::Siret("99999999999999".into()));
        assert_eq!(other.reasons, [NOT_LISTED]);
        let siren = answer(&record(true, "Actif"), &Who::Siren("123456789".into()));
        assert!(siren.habilitated);
    }

    #[test]
    fn an_unknown_certification_state_is_not_active() {
        let mut r = record(true, "Actif");
        r.active = None;
        let a = answer(&r, &Who::Siret("12345678900011".into()));
        assert_eq!(a.reasons, [CERTIFICATION_INACTIVE]);
    }

    #[test]
    fn numbers_are_read_with_spaces_and_checked() {
        assert_eq!(siret("880 552 237 00047").unwrap(), "88055223700047");
        assert!(siret("8805522370004").is_none());
        assert!(siren("88055223A").is_none());
        assert_eq!(
            Who::parse("880 552 237"),
            Some(Who::Siren("880552237".into()))
        );
        assert_eq!(
            Who::parse("88055223700047"),
            Some(Who::Siret("88055223700047".into()))
        );
        assert_eq!(Who::parse("8805"), None);
    }

    #[test]
    fn the_filter_reads_names_without_accents_and_numbers_as_prefixes() {
        let mut r = record(true, "Actif");
        r.partners.push(partner(
            "École Numérique de Lille",
            "98765432100012",
            Habilitation::TrainAndAssess,
            "Actif",
        ));
        r.partners.push(partner(
            "LILLE FORMATION",
            "98765432100099",
            Habilitation::Assess,
            "Inactif",
        ));
        assert_eq!(matching(&r, ""), [0, 1, 2]);
        assert_eq!(matching(&r, "ecole lille"), [1]);
        assert_eq!(matching(&r, "LILLE"), [1, 2]);
        assert_eq!(matching(&r, "987 654 321"), [1, 2], "a SIREN");
        assert_eq!(matching(&r, "98765432100099"), [2], "a SIRET");
        assert!(matching(&r, "nobody").is_empty());
    }
}
