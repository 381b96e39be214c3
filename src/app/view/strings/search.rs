//! Texts of the search popup beyond its first version: the index being
//! built, certification mode, the counts of fiches.

/// In the results area while the index is built (a large catalogue).
pub const SEARCH_INDEXING: &str =
    "Index de recherche en construction… la requête partira dès qu'il sera prêt.";
/// In place of the count while the index is built.
pub const SEARCH_INDEXING_SHORT: &str = "indexation…";

/// The popup's title on a catalogue, with its mode.
pub fn search_title(certifications: bool) -> String {
    if certifications {
        "Recherche — par certification (Ctrl-R : par élément)".to_string()
    } else {
        "Recherche — par élément (Ctrl-R : par certification)".to_string()
    }
}

/// Before anything is typed, on a catalogue.
pub const SEARCH_EMPTY_CATALOGUE: &str =
    "Tapez un métier, une compétence, un numéro (37674), un code ROME (M1805)… accents facultatifs";
/// Before a certification's best item.
pub const SEARCH_BEST_ITEM: &str = "  └ ";
/// Beneath a certification whose intitulé matched: its end of registration.
pub fn search_until(date: &str) -> String {
    format!("fin {date}")
}
/// A certification the data says is active.
pub const ACTIVE_MARK: &str = "active";

/// "12 certifications", "200 premières sur 1 234".
pub fn certifications_count(shown: usize, total: usize) -> String {
    match (shown, total) {
        (_, 0) => String::new(),
        (1, 1) => "1 certification".to_string(),
        (s, t) if s == t => format!("{} certifications", super::grouped(t)),
        (s, t) => format!("{s} premières sur {}", super::grouped(t)),
    }
}

/// Items found, and in how many fiches: "45 résultats · 12 fiches".
pub fn items_in_fiches(items: &str, fiches: usize) -> String {
    match fiches {
        0 => items.to_string(),
        1 => format!("{items} · 1 fiche"),
        n => format!("{items} · {} fiches", super::grouped(n)),
    }
}

/// The count when no certification holds every word: "3 certifications
/// avec une partie des mots", then shorter.
pub fn certifications_partial(shown: usize, total: usize) -> [String; 2] {
    [
        format!(
            "{} avec une partie des mots seulement",
            certifications_count(shown, total)
        ),
        format!(
            "{} (mots en partie)",
            super::search_count_short(shown, total)
        ),
    ]
}
