//! Parcours ids and short names, derived from the parcours' names: the
//! rule the text importer applies and the registry reader follows for a
//! fiche's one implicit parcours (so it lives in `model`, below both).
//!
//! Rule: the id is the first significant word of the name, ASCII-folded and
//! lower-cased ("Communication publique et…" → `communication`). Words that
//! say nothing about the subject are skipped: articles and prepositions, and
//! words naming a kind of programme ("Management", "Métiers", "Ingénierie",
//! "Master", "Parcours"…), so "Management des collectivités territoriales"
//! → `collectivites`. Parcours sharing that word take their first two
//! significant words (`droit-public`, `droit-environnement`); if that still
//! collides, `-2`, `-3`… follow.
//! The short name is the name's word that folds to the id, capitalised
//! ("Collectivités"), else the id capitalised ("Europe").

use super::normalize::fold_str;

/// Words that never make an id.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par",
    "pour", "sur", "dans", "un", "une", "the", "of", "and", "in", "for", "to",
];

/// Words naming a kind of programme rather than its subject.
const GENERIC_WORDS: &[&str] = &[
    "master",
    "licence",
    "parcours",
    "specialite",
    "mention",
    "option",
    "management",
    "metiers",
    "metier",
    "ingenierie",
];

/// Folded words of `text`, ASCII letters and digits only.
pub(crate) fn words(text: &str) -> Vec<String> {
    fold_str(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words an id is made of: stop words dropped, and generic words too
/// unless nothing else is left.
fn significant_words(name: &str) -> Vec<String> {
    let all: Vec<String> = words(name)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    let specific: Vec<String> = all
        .iter()
        .filter(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    if specific.is_empty() { all } else { specific }
}

/// The id made of the first `count` significant words of `name`.
pub(crate) fn id_of_words(name: &str, count: usize) -> String {
    let ws = significant_words(name);
    if ws.is_empty() {
        return "parcours".to_string();
    }
    ws[..count.min(ws.len())].join("-")
}

/// The id the rule gives for `name` (before de-duplication).
pub fn derive_id(name: &str) -> String {
    id_of_words(name, 1)
}

/// True when `id` is a valid parcours id (lower-case ASCII, digits, "-").
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The short name: the words of `name` that fold to the id's parts, or the
/// id itself, capitalised ("Collectivités", "Droit public", "Europe").
pub fn short_name(name: &str, id: &str) -> String {
    let name_words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let parts: Vec<&str> = id
        .split('-')
        .map(|part| {
            name_words
                .iter()
                .find(|w| fold_str(w) == part)
                .copied()
                .unwrap_or(part)
        })
        .collect();
    let joined = parts.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
