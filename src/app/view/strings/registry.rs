//! Texts of a registry fiche's detail (every field of France Compétences'
//! export), of its blocs tree, and of `show` / `partners`.

pub const RH_IDENTITY: &str = "Identité et niveaux";
pub const RH_VALIDITY: &str = "Validité";
pub const RH_CERTIFIERS: &str = "Certificateurs";
pub const RH_CAPACITIES: &str = "Capacités attestées";
pub const RH_OBJECTIVES: &str = "Objectifs et contexte";
pub const RH_REGULATIONS: &str = "Réglementation des activités";
pub const RH_ENTRY_PREREQ: &str = "Prérequis d'entrée en formation";
pub const RH_VALIDATION_PREREQ: &str = "Prérequis de validation";
pub const RH_PARTIAL: &str = "Validation partielle";
pub const RH_RENEWAL: &str = "Modalités de renouvellement";
pub const RH_PUBLICATIONS: &str = "Base légale (publications)";
pub const RH_LINK: &str = "Lien";
pub const RH_OUTCOMES: &str = "Résultats des promotions";
pub const RH_PARTNERS: &str = "Partenaires";
pub const RH_BLOCS: &str = "Blocs de compétences";
pub const RH_IDCC: &str = "Conventions collectives";
pub const RH_ASSESSMENT: &str = "Modalités d'évaluation";
pub const RH_CORRESPONDENCES: &str = "Correspondances";
pub const RL_NUMBER: &str = "Numéro";
pub const RL_REPERTOIRE: &str = "Répertoire";
pub const RL_ABBREVIATION: &str = "Abrégé";
pub const RL_STATE: &str = "État de la fiche";
pub const RL_KIND: &str = "Type d'enregistrement";
pub const RL_EUROPE: &str = "Niveau européen";
pub const RL_MASTERY: &str = "Niveau de maîtrise";
pub const RL_ACTIVE: &str = "Active";
pub const RL_END: &str = "Fin d'enregistrement";
pub const RL_DEADLINE: &str = "Limite de délivrance";
pub const RL_EFFECT: &str = "Date d'effet";
pub const RL_DECISION: &str = "Date de décision";
pub const RL_DURATION: &str = "Durée d'enregistrement";
pub const RL_VALIDITY: &str = "Durée de validité";
pub const RL_REPLACED_BY: &str = "Remplacée par";
pub const RL_REPLACES: &str = "Remplace";
pub const RL_SIRET: &str = "SIRET";
pub const RL_STATE_SHORT: &str = "état";
pub const RL_WEBSITE: &str = "site";
pub const RL_TRAIN_ASSESS: &str = "Habilités à former et à organiser l'évaluation";
pub const RL_TRAIN: &str = "Habilités à former";
pub const RL_ASSESS: &str = "Habilités à organiser l'évaluation";
pub const RL_OTHER_ROLE: &str = "Autre habilitation";
pub const RL_ACTIVE_PARTNERS: &str = "dont habilitation active";
pub const RL_NEW_CALEDONIA: &str = "Accessible en Nouvelle-Calédonie";
pub const RL_POLYNESIA: &str = "Accessible en Polynésie française";
pub const ABSENT: &str = "absente des données";
pub const UNKNOWN_VALUE: &str = "?";
pub const NO_PROMOTION: &str = "Aucune statistique publiée.";
pub const NO_BLOC: &str = "Aucun bloc de compétences.";
pub const OUTCOMES_LEGEND: &str =
    "█ certifiés par année · VAE · insertion globale à 6 mois · insertion métier à 2 ans";

/// "RNCP34762 (absente des données)" or "RNCP39568 — intitulé".
pub fn replacement(number: &str, intitule: Option<&str>) -> String {
    match intitule {
        Some(t) => format!("{number} — {t}"),
        None => format!("{number} ({ABSENT})"),
    }
}

/// "5 ans".
pub fn years(n: u32) -> String {
    if n > 1 {
        format!("{n} ans")
    } else {
        format!("{n} an")
    }
}

/// A count or rate that may be unknown: "?" then, never 0.
pub fn maybe(n: Option<u32>) -> String {
    n.map_or_else(|| UNKNOWN_VALUE.to_string(), |n| n.to_string())
}

/// A percentage that may be unknown.
pub fn percent(n: Option<u32>) -> String {
    n.map_or_else(|| UNKNOWN_VALUE.to_string(), |n| format!("{n} %"))
}

/// The numbers beside one promotion's bar.
pub fn promotion(
    certified: Option<u32>,
    vae: Option<u32>,
    six_months: Option<u32>,
    two_years: Option<u32>,
) -> String {
    format!(
        "{} certifiés · VAE {} · 6 mois {} · 2 ans {}",
        maybe(certified),
        maybe(vae),
        percent(six_months),
        percent(two_years)
    )
}

/// The role a habilitation gives, in words.
pub fn role(h: &crate::model::registry::Habilitation) -> String {
    use crate::model::registry::Habilitation;
    match h {
        Habilitation::TrainAndAssess => "former et organiser l'évaluation".to_string(),
        Habilitation::Train => "former".to_string(),
        Habilitation::Assess => "organiser l'évaluation".to_string(),
        Habilitation::Other(o) => format!("habilitation « {o} »"),
    }
}
