//! Common French acronyms of training and work, expanded in queries only
//! (the index keeps the text as written): a query word `rh` finds the
//! acronym itself as a whole word, or "ressources humaines".
//!
//! To add one: a line in [`ACRONYMS`], the acronym folded (lower case, no
//! accents), its expansion as a user would write it (articles and
//! prepositions are dropped when matching). Keep the table sorted: a unit
//! test checks it. Documented in `docs/search.md`.

/// (acronym, expansion), sorted by acronym.
pub const ACRONYMS: &[(&str, &str)] = &[
    ("aes", "accompagnant éducatif et social"),
    ("bac", "baccalauréat"),
    ("bep", "brevet d'études professionnelles"),
    ("bp", "brevet professionnel"),
    (
        "bpjeps",
        "brevet professionnel de la jeunesse, de l'éducation populaire et du sport",
    ),
    ("btp", "bâtiment et travaux publics"),
    ("bts", "brevet de technicien supérieur"),
    ("but", "bachelor universitaire de technologie"),
    ("cap", "certificat d'aptitude professionnelle"),
    ("cqp", "certificat de qualification professionnelle"),
    ("cs", "certificat de spécialisation"),
    ("drh", "directeur des ressources humaines"),
    ("dsi", "direction des systèmes d'information"),
    ("dut", "diplôme universitaire de technologie"),
    ("grh", "gestion des ressources humaines"),
    ("hse", "hygiène sécurité environnement"),
    ("ia", "intelligence artificielle"),
    ("mc", "mention complémentaire"),
    ("pme", "petites et moyennes entreprises"),
    ("qse", "qualité sécurité environnement"),
    ("rh", "ressources humaines"),
    ("rse", "responsabilité sociétale des entreprises"),
    ("sav", "service après-vente"),
    ("si", "systèmes d'information"),
    ("tp", "titre professionnel"),
    ("vae", "validation des acquis de l'expérience"),
];

/// The expansion of a folded query word, if it is an acronym of the table.
pub fn expansion(word: &str) -> Option<&'static str> {
    ACRONYMS
        .binary_search_by(|(acronym, _)| (*acronym).cmp(word))
        .ok()
        .map(|i| ACRONYMS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::normalize::fold_str;

    #[test]
    fn the_table_is_sorted_folded_and_without_repeats() {
        assert!(ACRONYMS.windows(2).all(|w| w[0].0 < w[1].0));
        for (acronym, expansion) in ACRONYMS {
            assert_eq!(fold_str(acronym), *acronym);
            assert!(expansion.split_whitespace().count() >= 1);
        }
    }

    #[test]
    fn the_issues_acronyms_are_there() {
        for acronym in ["rh", "ia", "si", "bts", "cap", "but", "vae"] {
            assert!(expansion(acronym).is_some(), "{acronym}");
        }
        assert_eq!(expansion("rh"), Some("ressources humaines"));
        assert_eq!(expansion("xyz"), None);
        assert_eq!(expansion("RH"), None, "folded words only");
    }
}
