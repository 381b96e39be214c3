//! SkimMatcherV2's score (default configuration, case respected), computed
//! on ASCII bytes without allocating, for the folded index text, which is
//! ASCII almost always. The crate, per call, builds char vectors and a
//! bonus vector, classifies every char and fills a matrix over the whole
//! text: several times the cost of the score itself.
//!
//! A query word becomes a [`Pattern`] once; [`Pattern::score`] then reads
//! each text in one pass, visiting only the bytes that occur in the word
//! (`scan`), and finds where the word occurs as typed on the way. Very long
//! texts and words take the crate's own programme, on bytes (`dense`).
//!
//! Both start every call from a clean matrix: the crate reuses a
//! thread-local matrix whose `bonus` cells can leak from one call into the
//! next on doubled letters, so its scores may depend on what the thread
//! matched before. Equality with a fresh `SkimMatcherV2` is a property test.
//!
//! Non-ASCII text or words go to the crate (see `engine`): its char-level
//! gap penalties differ from a byte-level count.

mod dense;
mod scan;

use crate::search::as_typed::{self, AsTyped};

// SkimScoreConfig::default().
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

/// fuzzy-matcher's `CharType::of`, for one byte (any non-ASCII byte is part
/// of a non-ASCII char, which the crate classes as `Lower`).
const fn char_type(b: u8) -> CharType {
    match b {
        0 => CharType::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => CharType::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => CharType::SoftSep,
        b'0'..=b'9' => CharType::Number,
        b'A'..=b'Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

/// The in-place bonus of a char after `prev` (`CharRole::of_type` → bonus).
const fn role_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// `BONUS[prev][cur]` for every pair of bytes would be 64 KiB; classify
/// each byte once through this table instead.
static TYPES: [CharType; 256] = {
    let mut t = [CharType::Lower; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = char_type(i as u8);
        i += 1;
    }
    t
};

/// A query word made ready to score many texts: SkimMatcherV2's score and
/// the word's as-typed occurrence, in one pass per text.
pub(crate) struct Pattern {
    bytes: Box<[u8]>,
    /// `None` for words longer than `scan::MAX_WORD`.
    masks: Option<Box<scan::Masks>>,
}

/// What scoring one text found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scored {
    /// SkimMatcherV2's score.
    pub score: i64,
    /// Where the word occurs as typed, if it does.
    pub as_typed: Option<AsTyped>,
}

impl Pattern {
    /// `None` unless `word` is ASCII and not empty: other words go to the crate.
    pub(crate) fn new(word: &str) -> Option<Pattern> {
        if word.is_empty() || !word.is_ascii() {
            return None;
        }
        let bytes: Box<[u8]> = word.as_bytes().into();
        let masks = (bytes.len() <= scan::MAX_WORD).then(|| scan::masks(&bytes));
        Some(Pattern { bytes, masks })
    }

    /// The word scored on `text` (ASCII), `None` when it does not match.
    pub(crate) fn score(&self, text: &str) -> Option<Scored> {
        debug_assert!(text.is_ascii());
        let t = text.as_bytes();
        match &self.masks {
            Some(masks) if t.len() <= scan::MAX_LEN => {
                let (score, as_typed) = scan::run(t, &self.bytes, masks)?;
                Some(Scored { score, as_typed })
            }
            _ => {
                let score = dense::score(t, &self.bytes)?;
                let word = std::str::from_utf8(&self.bytes).expect("an ASCII word");
                Some(Scored {
                    score,
                    as_typed: as_typed::find(text, word),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    use super::{Pattern, dense, scan};
    use crate::search::as_typed;

    fn reference(choice: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .respect_case()
            .fuzzy_match(choice, pattern)
    }

    fn score(choice: &str, pattern: &str) -> Option<i64> {
        let pattern = Pattern::new(pattern).expect("an ASCII word");
        pattern.score(choice).map(|s| s.score)
    }

    /// Score and as-typed occurrence both agree with their plain definitions.
    fn check(choice: &str, pattern: &str) -> Result<(), TestCaseError> {
        let found = Pattern::new(pattern).unwrap().score(choice);
        prop_assert_eq!(found.map(|s| s.score), reference(choice, pattern));
        if let Some(found) = found {
            prop_assert_eq!(found.as_typed, as_typed::find(choice, pattern));
        }
        Ok(())
    }

    #[test]
    fn agrees_with_the_crate_on_fiche_like_text() {
        let choices = [
            "ingenieur de projets europeens",
            "directeur ou chef de cabinet d'elu",
            "lobbyiste",
            "communication (web/print) - s1_x:y",
            "",
            "a",
            "MixedCase Camel9Number",
        ];
        let patterns = [
            "i", "in", "elu", "lobiste", "nn", "mm", "cabinet", "zz", "aa", "cC", "9n",
        ];
        for c in choices {
            for p in patterns {
                assert_eq!(score(c, p), reference(c, p), "{c:?} {p:?}");
            }
        }
    }

    #[test]
    fn finds_the_word_as_typed_in_the_same_pass() {
        let found = Pattern::new("elu")
            .unwrap()
            .score("directeur ou chef de cabinet d'elu")
            .unwrap();
        let at = "directeur ou chef de cabinet d'".len();
        assert_eq!(
            found.as_typed.map(|a| (a.at, a.word_start)),
            Some((at, true))
        );
        let scattered = Pattern::new("elu").unwrap().score("elaborer une").unwrap();
        assert_eq!(scattered.as_typed, None);
    }

    /// The crate reads its answer from the last row's first column on, a
    /// column that row never writes: it holds the row two above's score, here
    /// the "a" just before the "c" (15), better than the real alignment's,
    /// which pays for two long gaps.
    #[test]
    fn the_stale_first_column_of_the_last_row_counts() {
        let text = format!("a{gap}b{gap}ac", gap = "x".repeat(30));
        assert_eq!(reference(&text, "abc"), Some(15));
        assert_eq!(score(&text, "abc"), Some(15));
        assert_eq!(dense::score(text.as_bytes(), b"abc"), Some(15));
    }

    #[test]
    fn texts_past_the_scan_limit_still_score_like_the_crate() {
        let long = format!("{} cabinet d'elu", "e ".repeat(scan::MAX_LEN / 2));
        assert!(long.len() > scan::MAX_LEN);
        for p in ["elu", "cabinet", "eeu", "e"] {
            check(&long, p).unwrap();
        }
    }

    #[test]
    fn words_past_the_mask_width_still_score_like_the_crate() {
        let word = "ab".repeat(scan::MAX_WORD / 2 + 3);
        let text = format!("x {word} y {word}");
        check(&text, &word).unwrap();
        check(&text, &format!("{word}a")).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        // A small alphabet makes repeated letters, separators and many
        // alignments common: the corners of the programme.
        #[test]
        fn agrees_with_a_fresh_skim_matcher(
            choice in "[abnlA9 '/(_.-]{0,40}",
            pattern in "[abnlA9 '_.]{1,6}",
        ) {
            check(&choice, &pattern)?;
        }

        // Long words on a two-letter text: doubled letters everywhere, where
        // the crate's reused rows carry scores from row to row.
        #[test]
        fn both_programmes_agree_on_doubled_letters(
            choice in "[ab -]{0,48}",
            pattern in "[ab]{1,9}",
        ) {
            check(&choice, &pattern)?;
            prop_assert_eq!(dense::score(choice.as_bytes(), pattern.as_bytes()), reference(&choice, &pattern));
        }

        // Long texts with rare pattern letters: long gaps, where the crate's
        // stale first column can beat the real alignment.
        #[test]
        fn both_programmes_agree_across_long_gaps(
            choice in "[abcxxxxxxxx -]{0,160}",
            pattern in "[abc]{1,7}",
        ) {
            check(&choice, &pattern)?;
            prop_assert_eq!(dense::score(choice.as_bytes(), pattern.as_bytes()), reference(&choice, &pattern));
        }
    }
}
