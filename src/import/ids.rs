//! Parcours ids and short names, derived from the parcours' names.
//!
//! Rule: the id is the first significant word of the name, ASCII-folded and
//! lower-cased ("Communication publique et…" → `communication`). Words that
//! say nothing about the subject are skipped: articles and prepositions, and
//! words naming a kind of programme ("Management", "Métiers", "Ingénierie",
//! "Master", "Parcours"…), so "Management des collectivités territoriales"
//! → `collectivites`. Parcours sharing that word take their first two
//! significant words (`droit-public`, `droit-environnement`); if that still
//! collides, `-2`, `-3`… follow.
//! An override (`--id KEY=ID`) wins; KEY names the parcours by its full name,
//! by the id the rule gives, or by words of its name ("urbaines").
//! The short name is the name's word that folds to the id, capitalised
//! ("Collectivités"), else the id capitalised ("Europe").

use crate::model::ids::{derive_id, id_of_words, is_valid_id, words};
use crate::model::normalize::item_key;

use super::ImportError;

/// True when the override key `key` designates the parcours called `name`.
fn key_matches(key: &str, name: &str) -> bool {
    if item_key(key) == item_key(name) || key == derive_id(name) {
        return true;
    }
    let wanted = words(key);
    let have = words(name);
    !wanted.is_empty() && have.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// Ids for `names`, in order: overrides first, then `preset` (from a
/// reference fiche), then the rule, de-duplicated.
pub(crate) fn assign_ids(
    names: &[String],
    preset: Vec<Option<String>>,
    overrides: &[(String, String)],
) -> Result<Vec<String>, ImportError> {
    let mut ids = preset;
    ids.resize(names.len(), None);
    for (key, id) in overrides {
        if !is_valid_id(id) {
            return Err(ImportError::options(format!(
                "--id {key}={id} : id invalide (minuscules ASCII, chiffres et « - » seulement)"
            )));
        }
        let matching: Vec<usize> = (0..names.len())
            .filter(|&i| key_matches(key, &names[i]))
            .collect();
        match matching.as_slice() {
            [i] => ids[*i] = Some(id.clone()),
            [] => {
                return Err(ImportError::options(format!(
                    "--id {key}={id} : aucun parcours ne correspond à « {key} »"
                )));
            }
            _ => {
                return Err(ImportError::options(format!(
                    "--id {key}={id} : « {key} » désigne plusieurs parcours ; donnez plus de mots du nom"
                )));
            }
        }
    }
    let mut taken: Vec<String> = ids.iter().flatten().cloned().collect();
    for (i, slot) in ids.iter().enumerate() {
        if let Some(id) = slot
            && taken.iter().filter(|t| *t == id).count() > 1
        {
            return Err(ImportError::options(format!(
                "--id : l'id « {id} » est donné à plusieurs parcours (dont « {} »)",
                names[i]
            )));
        }
    }
    // Parcours whose first word is shared ("Droit public…", "Droit de
    // l'environnement") take two words ("droit-public", "droit-environnement").
    let first: Vec<String> = names.iter().map(|n| derive_id(n)).collect();
    let mut out = Vec::with_capacity(names.len());
    for (i, (name, slot)) in names.iter().zip(ids).enumerate() {
        let id = match slot {
            Some(id) => id,
            None => {
                let shared = first
                    .iter()
                    .enumerate()
                    .any(|(j, f)| j != i && *f == first[i])
                    || taken.contains(&first[i]);
                let base = if shared {
                    id_of_words(name, 2)
                } else {
                    first[i].clone()
                };
                let mut id = base.clone();
                let mut n = 2;
                while taken.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                taken.push(id.clone());
                id
            }
        };
        out.push(id);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::short_name;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_rule_takes_the_first_significant_word() {
        assert_eq!(
            derive_id("Communication publique et démocratie participative"),
            "communication"
        );
        assert_eq!(
            derive_id("Management des collectivités territoriales"),
            "collectivites"
        );
        assert_eq!(
            derive_id("Métiers de la recherche en science politique"),
            "recherche"
        );
        assert_eq!(
            derive_id("European Policies and Project Management"),
            "european"
        );
        assert_eq!(derive_id("Management"), "management");
        assert_eq!(derive_id("« »"), "parcours");
    }

    #[test]
    fn overrides_name_parcours_by_words_and_duplicates_get_numbered() {
        let n = names(&[
            "Droit public",
            "Droit privé",
            "Ingénierie de projet en politiques urbaines",
        ]);
        let ids = assign_ids(&n, Vec::new(), &[("urbaines".into(), "urbain".into())]).unwrap();
        assert_eq!(ids, ["droit-public", "droit-prive", "urbain"]);
        let ids = assign_ids(&n, Vec::new(), &[("Droit privé".into(), "prive".into())]).unwrap();
        assert_eq!(ids, ["droit-public", "prive", "projet"]);
        let same = names(&["Droit", "Droit", "Droit"]);
        let ids = assign_ids(&same, Vec::new(), &[]).unwrap();
        assert_eq!(ids, ["droit", "droit-2", "droit-3"]);
        // A preset (from a reference fiche) beats the rule, an override beats both.
        let preset = vec![Some("public".into()), None, Some("ville".into())];
        let ids = assign_ids(&n, preset, &[("urbaines".into(), "urbain".into())]).unwrap();
        assert_eq!(ids, ["public", "droit-prive", "urbain"]);
    }

    #[test]
    fn bad_overrides_are_errors_not_guesses() {
        let n = names(&["Droit public", "Droit privé"]);
        assert!(assign_ids(&n, Vec::new(), &[("droit".into(), "x".into())]).is_err());
        assert!(assign_ids(&n, Vec::new(), &[("histoire".into(), "x".into())]).is_err());
        assert!(assign_ids(&n, Vec::new(), &[("public".into(), "Pas Bon".into())]).is_err());
        assert!(
            assign_ids(
                &n,
                Vec::new(),
                &[("public".into(), "x".into()), ("privé".into(), "x".into())]
            )
            .is_err()
        );
    }

    #[test]
    fn short_names_restore_accents_from_the_name() {
        assert_eq!(
            short_name(
                "Management des collectivités territoriales",
                "collectivites"
            ),
            "Collectivités"
        );
        assert_eq!(
            short_name("European Policies and Project Management", "europe"),
            "Europe"
        );
        assert_eq!(
            short_name("Droit de l’environnement", "droit-environnement"),
            "Droit environnement"
        );
        assert_eq!(short_name("Droit", "droit-2"), "Droit 2");
    }
}
