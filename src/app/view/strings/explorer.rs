//! Texts of the explorer's links and history (followable numbers, UEs,
//! ROME codes; the trail), of the partners popup, of the habilitation
//! answer (shared with `partners`) and of `list`.

use crate::partners::{Answer, Who};

// Links of the detail pane.

/// `n` with nothing to follow in the detail.
pub const NO_FOLLOWABLE: &str =
    "aucun lien à suivre dans le détail (un numéro absent des données ne se suit pas)";
/// Entrée in the detail before a link is chosen.
pub const NO_LINK_CHOSEN: &str = "n : choisir un lien du détail, puis Entrée pour le suivre";
/// "lien 2/5 (Entrée le suit) : RS7485 — intitulé": the key first, the
/// label may be cut by the bar.
pub fn link_chosen(label: &str, index: usize, count: usize) -> String {
    format!("lien {index}/{count} (Entrée le suit) : {label}")
}
/// A ROME code's link when the catalogue has no list to narrow (one fiche).
pub const ROME_NO_LIST: &str = "une seule fiche chargée : pas de liste à filtrer par code ROME";
/// After following a ROME code: "ROME M1805 : 3 fiches".
pub fn rome_followed(code: &str, count: usize) -> String {
    match count {
        0 => format!("ROME {code} : aucune fiche"),
        1 => format!("ROME {code} : 1 fiche"),
        n => format!("ROME {code} : {} fiches", super::grouped(n)),
    }
}
/// The label of a ROME link: "ROME M1805".
pub fn rome_label(code: &str) -> String {
    format!("ROME {code}")
}
/// The label of a shared UE's link: "UE 8 dans Europe".
pub fn ue_in(code: &str, parcours: &str) -> String {
    format!("{code} dans {parcours}")
}
/// The correspondences' line: "RNCP37674BC01 → RNCP31114BC01".
pub fn bloc_pairs(source: &[String], destination: &[String]) -> String {
    let side = |codes: &[String]| {
        if codes.is_empty() {
            "(sans bloc)".to_string()
        } else {
            codes.join(", ")
        }
    };
    format!("{} → {}", side(source), side(destination))
}
/// A correspondence without its other fiche's number.
pub const CORRESPONDENCE_NO_NUMBER: &str = "fiche non précisée";
/// The help's line about links.
pub const HELP_FOLLOW: &str =
    "Soulignés : Liens à suivre (n, Entrée) : numéros, UE partagées, codes ROME";

// History.

/// Between the places of the trail.
pub const TRAIL_SEP: &str = " › ";
/// Where the trail is cut (its older places).
pub const TRAIL_CUT: &str = "…";
/// The fiche list as a place of the trail.
pub const TRAIL_LIST: &str = "Liste";
/// "Liste (ROME M1805)", "Liste « web »".
pub fn trail_list(rome: Option<&str>, filter: &str) -> String {
    let mut label = TRAIL_LIST.to_string();
    if let Some(code) = rome {
        label.push_str(&format!(" (ROME {code})"));
    }
    if !filter.trim().is_empty() {
        label.push_str(&format!(" « {} »", filter.trim()));
    }
    label
}
/// Back or forward with nowhere to go.
pub const HISTORY_START: &str = "début de l'historique";
pub const HISTORY_END: &str = "fin de l'historique";

// Partners popup.

pub const PARTNERS_TITLE: &str = "Partenaires";
pub const HELP_PARTNERS: &str = "Dans les partenaires";
/// Typing in the partners popup, in the help.
pub const HELP_PARTNERS_TYPING: &str =
    "texte : Nom (mots, accents facultatifs), SIRET ou SIREN (début ou entier)";
pub const PARTNERS_PROMPT: &str = "Filtre : ";
/// The list's column headings, the name last.
pub const PARTNERS_COLUMNS: [&str; 4] = ["SIRET", "Rôle", "État", "Depuis"];
pub const PARTNERS_NAME_COLUMN: &str = "Organisme";
/// Under the filter while it names no organisation number.
pub const PARTNERS_ASK: &str = "Tapez un nom, ou un SIRET (14 chiffres) / SIREN (9) pour savoir s'il est habilité et pour quel rôle.";
pub const PARTNERS_NONE: &str = "Aucun partenaire ne correspond au filtre.";
pub const PARTNERS_EMPTY: &str = "Aucun partenaire listé pour cette certification.";
/// `p` on a fiche that does not come from the registry.
pub const PARTNERS_UNKNOWN: &str =
    "cette fiche ne vient pas du registre : ses partenaires ne sont pas connus";
/// "Partenaires de RNCP37674 (certification inactive) — 12/471".
pub fn partners_title(numero: &str, active: bool, shown: usize, total: usize) -> String {
    let state = if active {
        ""
    } else {
        " (certification inactive)"
    };
    let count = if shown == total {
        super::grouped(total)
    } else {
        format!("{}/{}", super::grouped(shown), super::grouped(total))
    };
    format!("{PARTNERS_TITLE} de {numero}{state} — {count}")
}
/// A role in a list row, short: the column is narrow.
pub fn role_short(h: Option<&crate::model::registry::Habilitation>) -> String {
    use crate::model::registry::Habilitation;
    match h {
        Some(Habilitation::TrainAndAssess) => "former+évaluer".to_string(),
        Some(Habilitation::Train) => "former".to_string(),
        Some(Habilitation::Assess) => "évaluer".to_string(),
        Some(Habilitation::Other(o)) => o.clone(),
        None => "?".to_string(),
    }
}
/// The selected partner's dates: "actif depuis 01/02/2023 · état changé le 05/06/2024".
pub fn partner_dates(since: Option<String>, changed: Option<String>) -> String {
    let mut parts = Vec::new();
    if let Some(d) = since {
        parts.push(format!("actif depuis {d}"));
    }
    if let Some(d) = changed {
        parts.push(format!("état changé le {d}"));
    }
    if parts.is_empty() {
        "dates non précisées".to_string()
    } else {
        parts.join(" · ")
    }
}

/// The French answer to "is `who` habilitated?", one sentence per line:
/// yes and for which role, or which condition fails. Shared by `partners`
/// and the explorer's popup; `total` is how many partners are listed.
pub fn habilitation_answer(a: &Answer, who: &Who, total: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if !a.listed {
        lines.push(format!(
            "{} : non habilité sur {} — absent des {} partenaires listés.",
            who.label(),
            a.numero,
            super::grouped(total)
        ));
    }
    for p in &a.partners {
        let role = match (&p.habilitation, p.role) {
            (Some(tag), Some(key)) => format!("{} ({tag})", role_words(key, tag)),
            _ => "rôle non précisé".to_string(),
        };
        let siret = p.siret.as_deref().unwrap_or("-");
        if p.habilitated {
            lines.push(format!(
                "SIRET {siret} — {} : habilité sur {} pour {role}.",
                p.name, a.numero
            ));
        } else {
            let mut why = Vec::new();
            if !p.active {
                why.push(format!(
                    "habilitation « {} », non active",
                    p.state.as_deref().unwrap_or("?")
                ));
            }
            if !a.certification_active {
                why.push(format!("la certification {} n'est pas active", a.numero));
            }
            lines.push(format!(
                "SIRET {siret} — {} : non habilité sur {} pour {role} : {}.",
                p.name,
                a.numero,
                why.join(" ; ")
            ));
        }
    }
    if !a.listed && !a.certification_active {
        lines.push(format!(
            "De plus, la certification {} n'est pas active.",
            a.numero
        ));
    }
    lines
}

fn role_words(key: &str, tag: &str) -> String {
    match key {
        "train_and_assess" => "former et organiser l'évaluation".to_string(),
        "train" => "former seulement".to_string(),
        "assess" => "organiser l'évaluation seulement".to_string(),
        _ => format!("l'habilitation « {tag} »"),
    }
}

// `list`.

/// `list` when no fiche passes the facets.
pub const LIST_NONE: &str = "aucune fiche ne correspond";
/// The state column of `list`.
pub fn list_state(active: Option<bool>) -> &'static str {
    match active {
        Some(true) => "active",
        Some(false) => "inactive",
        None => "?",
    }
}
