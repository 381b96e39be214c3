//! `rncp-explorer partners NUMBER [--siret N | --siren N] [--json]`: the
//! organisations habilitated on a certification, or whether one of them is.
//! Habilitated means listed, with an active habilitation, on a certification
//! that is itself active; the answer says which of these fails, per role.

use std::process::ExitCode;

use serde::Serialize;

use rncp_explorer::app::view::strings as s;
use rncp_explorer::model::registry::{Habilitation, Partner, Record};
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::model::{Catalogue, Fiche};

/// Which organisation is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Siret(String),
    Siren(String),
}

impl Who {
    fn matches(&self, partner: &Partner) -> bool {
        let Some(siret) = partner.siret.as_deref() else {
            return false;
        };
        let siret: String = siret.chars().filter(|c| !c.is_whitespace()).collect();
        match self {
            Who::Siret(n) => siret == *n,
            Who::Siren(n) => siret.starts_with(n.as_str()),
        }
    }

    fn label(&self) -> String {
        match self {
            Who::Siret(n) => format!("SIRET {n}"),
            Who::Siren(n) => format!("SIREN {n}"),
        }
    }
}

/// `--siret`: 14 digits (spaces allowed, as printed on documents).
pub fn parse_siret(value: &str) -> Result<String, String> {
    digits(value, 14).ok_or_else(|| "un SIRET de 14 chiffres est attendu".into())
}

/// `--siren`: 9 digits.
pub fn parse_siren(value: &str) -> Result<String, String> {
    digits(value, 9).ok_or_else(|| "un SIREN de 9 chiffres est attendu".into())
}

fn digits(value: &str, len: usize) -> Option<String> {
    let d: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    (d.len() == len && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

/// One partner, as `--json` writes it (field names documented in `docs/cli.md`).
#[derive(Debug, Serialize)]
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

/// The answer to "is this organisation habilitated?".
#[derive(Debug, Serialize)]
pub struct Answer {
    pub numero: String,
    pub certification_active: bool,
    pub siret: Option<String>,
    pub siren: Option<String>,
    pub listed: bool,
    pub habilitated: bool,
    /// What fails, when not habilitated: `not_listed`, `habilitation_inactive`,
    /// `certification_inactive`.
    pub reasons: Vec<&'static str>,
    pub partners: Vec<PartnerOut>,
}

/// The whole list, without `--siret`/`--siren`.
#[derive(Debug, Serialize)]
struct Listing {
    numero: String,
    certification_active: bool,
    count: usize,
    partners: Vec<PartnerOut>,
}

fn tag(h: &Habilitation) -> String {
    match h {
        Habilitation::TrainAndAssess => "HABILITATION_ORGA_FORM".into(),
        Habilitation::Train => "HABILITATION_FORMER".into(),
        Habilitation::Assess => "HABILITATION_ORGANISER".into(),
        Habilitation::Other(o) => o.clone(),
    }
}

fn role_key(h: &Habilitation) -> &'static str {
    match h {
        Habilitation::TrainAndAssess => "train_and_assess",
        Habilitation::Train => "train",
        Habilitation::Assess => "assess",
        Habilitation::Other(_) => "other",
    }
}

fn out(p: &Partner, certification_active: bool) -> PartnerOut {
    let active = p.state.as_deref() == Some("Actif");
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

/// Pure: whether `who` is habilitated on `record`, and why not.
pub fn answer(record: &Record, who: &Who) -> Answer {
    let certification_active = record.active == Some(true);
    let partners: Vec<PartnerOut> = record
        .partners
        .iter()
        .filter(|p| who.matches(p))
        .map(|p| out(p, certification_active))
        .collect();
    let listed = !partners.is_empty();
    let mut reasons = Vec::new();
    if !listed {
        reasons.push("not_listed");
    } else if !partners.iter().any(|p| p.active) {
        reasons.push("habilitation_inactive");
    }
    if !certification_active {
        reasons.push("certification_inactive");
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

pub fn run(catalogue: &Catalogue, number: &str, who: Option<Who>, json: bool) -> ExitCode {
    let Some(fiche) = super::find_fiche(catalogue, number) else {
        return ExitCode::from(super::EXIT_BAD_INPUT);
    };
    let Some(record) = fiche.registry.as_deref() else {
        eprintln!(
            "rncp-explorer: {} ne vient pas du registre : ses partenaires ne sont pas connus",
            fiche.numero()
        );
        return ExitCode::from(super::EXIT_BAD_INPUT);
    };
    match who {
        None => {
            list(fiche, record, json);
            ExitCode::SUCCESS
        }
        Some(who) => {
            let a = answer(record, &who);
            if json {
                println!("{}", serde_json::to_string_pretty(&a).expect("serialises"));
            } else {
                print!("{}", answer_text(&a, &who, record.partners.len()));
            }
            if a.habilitated {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn list(fiche: &Fiche, record: &Record, json: bool) {
    let active = record.active == Some(true);
    let partners: Vec<PartnerOut> = record.partners.iter().map(|p| out(p, active)).collect();
    if json {
        let listing = Listing {
            numero: record.numero.to_string(),
            certification_active: active,
            count: partners.len(),
            partners,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&listing).expect("serialises")
        );
        return;
    }
    println!(
        "{} — {} : {} partenaires{}",
        record.numero,
        escape_for_terminal(&fiche.intitule),
        s::grouped(partners.len()),
        if active {
            ""
        } else {
            " (certification inactive)"
        }
    );
    for (p, raw) in partners.iter().zip(&record.partners) {
        println!(
            "{}\t{}\t{}\t{}",
            p.siret.as_deref().unwrap_or("-"),
            escape_for_terminal(&p.name),
            raw.habilitation
                .as_ref()
                .map_or_else(|| "?".to_string(), s::role),
            p.state.as_deref().unwrap_or("?"),
        );
    }
}

/// The French answer: yes and for which role, or which condition fails.
fn answer_text(a: &Answer, who: &Who, total: usize) -> String {
    let mut text = String::new();
    let who_label = who.label();
    if !a.listed {
        text.push_str(&format!(
            "{who_label} : non habilité sur {} — absent des {} partenaires listés.\n",
            a.numero,
            s::grouped(total)
        ));
    }
    for p in &a.partners {
        let role = match (&p.habilitation, p.role) {
            (Some(tag), Some(key)) => format!("{} ({tag})", role_words(key, tag)),
            _ => "rôle non précisé".to_string(),
        };
        let siret = p.siret.as_deref().unwrap_or("-");
        let name = escape_for_terminal(&p.name);
        if p.habilitated {
            text.push_str(&format!(
                "SIRET {siret} — {name} : habilité sur {} pour {role}.\n",
                a.numero
            ));
        } else {
            let mut why = Vec::new();
            if !p.active {
                why.push(format!(
                    "habilitation « {} », non active",
                    escape_for_terminal(p.state.as_deref().unwrap_or("?"))
                ));
            }
            if !a.certification_active {
                why.push(format!("la certification {} n'est pas active", a.numero));
            }
            text.push_str(&format!(
                "SIRET {siret} — {name} : non habilité sur {} pour {role} : {}.\n",
                a.numero,
                why.join(" ; ")
            ));
        }
    }
    if !a.listed && !a.certification_active {
        text.push_str(&format!(
            "De plus, la certification {} n'est pas active.\n",
            a.numero
        ));
    }
    text
}

fn role_words(key: &str, tag: &str) -> String {
    match key {
        "train_and_assess" => "former et organiser l'évaluation".to_string(),
        "train" => "former seulement".to_string(),
        "assess" => "organiser l'évaluation seulement".to_string(),
        _ => format!("l'habilitation « {} »", escape_for_terminal(tag)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rncp_explorer::model::registry::Numero;

    fn record(active: bool, state: &str) -> Record {
        let mut r = Record::new(Numero::parse("RNCP1").unwrap(), "T".into());
        r.active = Some(active);
        r.partners.push(Partner {
            name: "ORG".into(),
            siret: Some("12345678900011".into()),
            habilitation: Some(Habilitation::Train),
            state: Some(state.into()),
            ..Default::default()
        });
        r
    }

    #[test]
    fn each_failing_condition_is_named() {
        let siret = Who::Siret("12345678900011".into());
        let yes = answer(&record(true, "Actif"), &siret);
        assert!(yes.habilitated && yes.reasons.is_empty());
        assert_eq!(yes.partners[0].role, Some("train"));
        let off = answer(&record(true, "Inactif"), &siret);
        assert_eq!(off.reasons, ["habilitation_inactive"]);
        let closed = answer(&record(false, "Actif"), &siret);
        assert_eq!(closed.reasons, ["certification_inactive"]);
        assert!(!closed.partners[0].habilitated);
        let other = answer(&record(true, "Actif"), &Who::Siret("99999999999999".into()));
        assert_eq!(other.reasons, ["not_listed"]);
        let siren = answer(&record(true, "Actif"), &Who::Siren("123456789".into()));
        assert!(siren.habilitated);
    }

    #[test]
    fn numbers_are_checked() {
        assert_eq!(parse_siret("880 552 237 00047").unwrap(), "88055223700047");
        assert!(parse_siret("8805522370004").is_err());
        assert!(parse_siren("88055223A").is_err());
        assert_eq!(parse_siren("880552237").unwrap(), "880552237");
    }
}
