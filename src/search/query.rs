//! A parsed query: folded words, a kind filter, a mode, facets, an optional limit.

use super::kind::Filter;
use crate::model::facets::Facets;
use crate::model::normalize::fold_str;

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

/// Longest query taken into account, in chars. Longer input is cut here:
/// nobody types more, and a pasted page must not make matching quadratic.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded words; every one must match. Empty: nothing to match.
    pub(crate) words: Vec<String>,
    pub filter: Filter,
    /// At most this many hits (or certifications), the best ones; `None`: all.
    pub limit: Option<usize>,
    pub mode: Mode,
    /// Which fiches may answer. The default keeps active fiches (and those
    /// whose state is unknown) of every kind.
    pub facets: Facets,
    /// What was typed (cut at `MAX_QUERY_CHARS`), for number lookups.
    pub(crate) raw: String,
}

impl Query {
    /// Parses what the user typed: folded like the index (so `elu` meets
    /// "élu"), split on whitespace like fzf. Words without a letter or digit
    /// are dropped, so a query of only spaces or punctuation is empty.
    pub fn new(text: &str, filter: Filter) -> Query {
        let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let words = fold_str(&text)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(str::to_string)
            .collect();
        Query {
            words,
            filter,
            limit: None,
            mode: Mode::Items,
            facets: Facets::default(),
            raw: text,
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
        self.words.is_empty()
    }

    /// True when every item matching `self` also matches `coarser`: same or
    /// narrower filter, and each of `coarser`'s words is a subsequence of the
    /// word at the same place here (typing more letters or more words).
    /// Lets a session search only the previous keystroke's matches.
    pub(crate) fn refines(&self, coarser: &Query) -> bool {
        self.filter.within(coarser.filter)
            && !coarser.words.is_empty()
            && coarser.words.len() <= self.words.len()
            && coarser
                .words
                .iter()
                .zip(&self.words)
                .all(|(old, new)| is_subsequence(old.as_bytes(), new.as_bytes()))
    }
}

/// True when `needle`'s bytes occur in `haystack` in order (not necessarily
/// together). On UTF-8 a char subsequence is always a byte subsequence, so a
/// `false` here proves the fuzzy matcher would find no match.
#[inline]
pub(crate) fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Kind;

    #[test]
    fn query_is_folded_and_split_on_spaces() {
        let q = Query::new("  Chef   CABINET d’élu ", Filter::All);
        assert_eq!(q.words(), ["chef", "cabinet", "d'elu"]);
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
        assert_eq!(q.words().len(), MAX_QUERY_CHARS.div_ceil(3));
    }

    #[test]
    fn subsequence_is_in_order_and_multi_byte_safe() {
        assert!(is_subsequence(b"ingr", b"ingenieur"));
        assert!(!is_subsequence(b"rgi", b"ingenieur"));
        assert!(is_subsequence(b"", b"x"));
        assert!(is_subsequence("中".as_bytes(), "a中b".as_bytes()));
    }

    #[test]
    fn typing_more_refines_deleting_does_not() {
        let q = |s: &str| Query::new(s, Filter::All);
        assert!(q("ing").refines(&q("in")));
        assert!(q("ingenieur p").refines(&q("ingenieur")));
        assert!(q("ingenieur pr").refines(&q("ingenieur p")));
        assert!(!q("in").refines(&q("ing")));
        assert!(!q("cabinet chef").refines(&q("chef")));
        let jobs = Query::new("ing", Filter::Only(Kind::Job));
        assert!(jobs.refines(&q("in")));
        assert!(!q("ing").refines(&Query::new("in", Filter::Only(Kind::Job))));
        assert!(!q("a").refines(&q("")));
    }
}
