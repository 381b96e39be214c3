//! Texts of the facet bar and its menus (the fiche list and the search).

use super::grouped;
use crate::app::facet_bar::FacetValue;
use crate::model::facets::Dimension;

/// A facet's name in the bar: full, then short.
pub fn facet_name(dimension: Dimension) -> (&'static str, &'static str) {
    match dimension {
        Dimension::Repertoire => ("Répertoire", "Rép."),
        Dimension::Level => ("Niveau", "Niv."),
        Dimension::Active => ("État", "État"),
        Dimension::Nsf => ("NSF", "NSF"),
        Dimension::Rome => ("ROME", "ROME"),
        Dimension::Certifier => ("Certificateur", "Certif."),
    }
}

/// Above a facet's menu: what it chooses and what typing does.
pub fn facet_menu_title(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Repertoire => "Répertoire",
        Dimension::Level => "Niveau européen",
        Dimension::Active => "État des certifications",
        Dimension::Nsf => "NSF : code, début ou mots du libellé",
        Dimension::Rome => "ROME : code, début ou mots du libellé",
        Dimension::Certifier => "Certificateur : nom ou SIRET",
    }
}

/// "tous" where a facet narrows nothing.
pub const FACET_ALL: &str = "tous";
pub const FACET_ACTIVE_ONLY: &str = "actives";
pub const FACET_WITH_INACTIVE: &str = "toutes";
/// Before a facet menu's typed text.
pub const FACET_PROMPT: &str = "› ";
/// Marks the value in force in a menu.
pub const FACET_CURRENT: &str = "● ";
pub const FACET_NO_VALUE: &str = "Aucune valeur ne commence ainsi.";

/// The value of a facet in the bar ("tous", "RNCP", "7", "« lille »").
pub fn facet_value(value: &FacetValue) -> String {
    match value {
        FacetValue::Repertoire(None)
        | FacetValue::Level(None)
        | FacetValue::Nsf(None)
        | FacetValue::Rome(None)
        | FacetValue::Certifier(None) => FACET_ALL.to_string(),
        FacetValue::Repertoire(Some(r)) => r.prefix().to_string(),
        FacetValue::Level(Some(l)) => l.to_string(),
        FacetValue::IncludeInactive(false) => FACET_ACTIVE_ONLY.to_string(),
        FacetValue::IncludeInactive(true) => FACET_WITH_INACTIVE.to_string(),
        FacetValue::Nsf(Some(code)) | FacetValue::Rome(Some(code)) => code.clone(),
        FacetValue::Certifier(Some(name)) => format!("« {name} »"),
    }
}

/// A value as a menu row says it.
/// "M1805 Études et développement informatique"; the bare code when no
/// fiche gives its label.
pub fn facet_code(code: &str, label: Option<&str>) -> String {
    match label {
        Some(label) => format!("{code} {label}"),
        None => code.to_string(),
    }
}

pub fn facet_option(value: &FacetValue, typed: bool) -> String {
    match value {
        FacetValue::Repertoire(None) => "tous les répertoires".into(),
        FacetValue::Repertoire(Some(r)) => match r {
            crate::model::Repertoire::Rncp => "RNCP (répertoire national)".into(),
            crate::model::Repertoire::Rs => "RS (répertoire spécifique)".into(),
        },
        FacetValue::Level(None) => "tous les niveaux".into(),
        FacetValue::Level(Some(l)) => format!("niveau {l}"),
        FacetValue::IncludeInactive(false) => "actives seulement".into(),
        FacetValue::IncludeInactive(true) => "actives et inactives".into(),
        FacetValue::Nsf(None) => "tous les codes NSF".into(),
        FacetValue::Rome(None) => "tous les codes ROME".into(),
        FacetValue::Nsf(Some(code)) | FacetValue::Rome(Some(code)) if typed => {
            format!("commençant par « {code} »")
        }
        FacetValue::Nsf(Some(code)) | FacetValue::Rome(Some(code)) => code.clone(),
        FacetValue::Certifier(None) => "tous les certificateurs".into(),
        FacetValue::Certifier(Some(text))
            if typed && text.chars().all(|c| c.is_ascii_digit() || c == ' ') =>
        {
            format!("SIRET commençant par « {text} »")
        }
        FacetValue::Certifier(Some(text)) if typed => format!("nom contenant « {text} »"),
        FacetValue::Certifier(Some(name)) => name.clone(),
    }
}

/// How many codes or certifiers the fiches have ("12 codes").
pub fn facet_distinct(dimension: Dimension, n: usize) -> String {
    match (dimension, n) {
        (Dimension::Certifier, 1) => "1 certificateur".into(),
        (Dimension::Certifier, n) => format!("{} certificateurs", grouped(n)),
        (_, 1) => "1 code".into(),
        (_, n) => format!("{} codes", grouped(n)),
    }
}

/// "9 actives · 4 inactives" (and those whose state is unknown).
pub fn facet_states(active: usize, inactive: usize, unknown: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    let mut out = format!(
        "{} · {}",
        plural(active, "active", "actives"),
        plural(inactive, "inactive", "inactives")
    );
    if unknown > 0 {
        out.push_str(&format!(" · {} sans état", grouped(unknown)));
    }
    out
}

/// A level's count in the bar: "7 (3)"; fiches without a level: "sans (5)".
pub fn facet_level_count(level: Option<u8>, n: usize) -> String {
    match level {
        Some(l) => format!("{l} ({})", grouped(n)),
        None => format!("sans ({})", grouped(n)),
    }
}

/// The fiches a facet set to a value gives: "(3)".
pub fn facet_total(n: usize) -> String {
    format!("({})", grouped(n))
}

/// The status bar's place while a facet menu is open.
pub const FACETS_TITLE: &str = "Facettes";
pub const HELP_FACET_MENU: &str = "Dans le menu d'une facette";
/// Typing in a facet menu, in the help.
pub const HELP_FACET_TYPING: &str = "texte : Début d'un code NSF ou ROME ou mots de son libellé, partie du nom ou du SIRET d'un certificateur";
