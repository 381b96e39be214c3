//! A parsed query: its words (folded, acronyms expanded, stop words
//! dropped), a kind filter, a mode, facets, an optional limit.

use super::acronyms;
use super::kind::Filter;
use super::lookup::is_rome_code;
use super::terms::Matching;
use super::words::{is_stop_word, words};
use crate::model::facets::Facets;
use crate::model::normalize::fold_str;

/// Longest query taken into account, in chars. Longer input is cut here:
/// nobody types more, and a pasted page must not cost a page of work.
pub const MAX_QUERY_CHARS: usize = 200;

/// Words of a query taken into account; more are ignored (each costs a
/// pass over its matches, and nobody types twelve words to find one thing).
pub const MAX_QUERY_WORDS: usize = 12;

/// What a search answers with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// One row per fiche, ranked by how well the fiche as a whole answers
    /// (`Results::certifications`): the default for a catalogue of several fiches.
    Certifications,
    /// The matching items themselves (`Results::hits`): the default on one fiche.
    #[default]
    Items,
}

impl Mode {
    /// The mode a catalogue of `fiches` fiches opens in.
    pub fn default_for(fiches: usize) -> Mode {
        if fiches > 1 {
            Mode::Certifications
        } else {
            Mode::Items
        }
    }
}

/// One word of a query, as the engine matches it. Every group must match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Group {
    /// The folded word as typed.
    pub word: String,
    /// How `word` itself may match (`Exact` for an acronym of the table).
    pub matching: Matching,
    /// An acronym's expansion (folded words, stop words dropped): an
    /// entry holding all of them matches too.
    pub expansion: Vec<String>,
    /// A ROME code ("m1805"): the label of that code matches too.
    pub rome: bool,
}

impl Group {
    fn new(word: &str) -> Group {
        let expansion: Vec<String> = acronyms::expansion(word)
            .map(|phrase| {
                let folded = fold_str(phrase);
                words(&folded)
                    .map(|(_, w)| w)
                    .filter(|w| !is_stop_word(w))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        Group {
            word: word.to_string(),
            matching: if expansion.is_empty() {
                Matching::Normal
            } else {
                Matching::Exact
            },
            expansion,
            rome: is_rome_code(word),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// What must match, in the order typed, without repeats. Empty:
    /// nothing to match.
    pub(crate) groups: Vec<Group>,
    /// The words of `groups`, for `words()`.
    words: Vec<String>,
    pub filter: Filter,
    /// At most this many hits (or certifications), the best ones; `None`: all.
    pub limit: Option<usize>,
    pub mode: Mode,
    /// Which fiches may answer. The default keeps active fiches (and those
    /// whose state is unknown) of every kind.
    pub facets: Facets,
    /// What was typed (cut at `MAX_QUERY_CHARS`), for number lookups.
    raw: String,
}

impl Query {
    /// Parses what the user typed: folded like the index (so `elu` meets
    /// "élu"), cut into words at anything not a letter or digit ("d'élu"
    /// is "d" and "élu"). Articles and prepositions are dropped when other
    /// words remain ("chef de cabinet" asks for "chef" and "cabinet");
    /// acronyms of the table also match their expansion (`rh` →
    /// "ressources humaines"). A query without a letter or digit is empty.
    pub fn new(text: &str, filter: Filter) -> Query {
        let raw: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let folded = fold_str(&raw);
        let all: Vec<&str> = words(&folded).map(|(_, w)| w).collect();
        let content: Vec<&str> = all.iter().copied().filter(|w| !is_stop_word(w)).collect();
        let kept = if content.is_empty() { all } else { content };
        let mut words: Vec<String> = Vec::new();
        for word in kept {
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
            if !words.iter().any(|w| w == word) {
                words.push(word.to_string());
            }
        }
        Query {
            groups: words.iter().map(|w| Group::new(w)).collect(),
            words,
            filter,
            limit: None,
            mode: Mode::Items,
            facets: Facets::default(),
            raw,
        }
    }

    pub fn with_limit(mut self, limit: usize) -> Query {
        self.limit = Some(limit);
        self
    }

    pub fn with_mode(mut self, mode: Mode) -> Query {
        self.mode = mode;
        self
    }

    pub fn with_facets(mut self, facets: Facets) -> Query {
        self.facets = facets;
        self
    }

    /// What was typed (cut at `MAX_QUERY_CHARS` chars).
    pub fn text(&self) -> &str {
        &self.raw
    }

    /// The folded words that must all match.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// True when the query matches nothing by text (see `SearchIndex::search`).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_is_folded_and_cut_into_words() {
        let q = Query::new("  Chef   CABINET d’élu ", Filter::All);
        assert_eq!(q.words(), ["chef", "cabinet", "elu"]);
        let q = Query::new("web/mobile", Filter::All);
        assert_eq!(q.words(), ["web", "mobile"]);
    }

    #[test]
    fn stop_words_go_unless_they_are_all_there_is() {
        let q = Query::new("responsable de la communication", Filter::All);
        assert_eq!(q.words(), ["responsable", "communication"]);
        assert_eq!(Query::new("de la", Filter::All).words(), ["de", "la"]);
    }

    #[test]
    fn repeated_words_count_once() {
        assert_eq!(Query::new("web Web wEb", Filter::All).words(), ["web"]);
    }

    #[test]
    fn acronyms_match_themselves_exactly_or_their_expansion() {
        let q = Query::new("RH", Filter::All);
        assert_eq!(q.groups[0].matching, Matching::Exact);
        assert_eq!(q.groups[0].expansion, ["ressources", "humaines"]);
        let q = Query::new("bts", Filter::All);
        assert_eq!(q.groups[0].expansion, ["brevet", "technicien", "superieur"]);
        let q = Query::new("developpeur", Filter::All);
        assert_eq!(q.groups[0].matching, Matching::Normal);
        assert!(q.groups[0].expansion.is_empty());
    }

    #[test]
    fn rome_codes_are_recognised() {
        assert!(Query::new("M1805", Filter::All).groups[0].rome);
        assert!(!Query::new("M180", Filter::All).groups[0].rome);
    }

    #[test]
    fn spaces_or_punctuation_only_is_empty() {
        assert!(Query::new("", Filter::All).is_empty());
        assert!(Query::new("   \t ", Filter::All).is_empty());
        assert!(Query::new(" ' - … « » ", Filter::All).is_empty());
        assert!(!Query::new(" - a ", Filter::All).is_empty());
    }

    #[test]
    fn huge_query_is_cut() {
        let q = Query::new(&"ab ".repeat(10_000), Filter::All);
        assert_eq!(q.text().chars().count(), MAX_QUERY_CHARS);
        let many: String = (0..50).map(|i| format!("mot{i} ")).collect();
        assert_eq!(
            Query::new(&many, Filter::All).words().len(),
            MAX_QUERY_WORDS
        );
    }
}
