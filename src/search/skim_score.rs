//! SkimMatcherV2's score (default configuration, case respected), computed
//! on ASCII bytes without allocating: the same dynamic programme as
//! fuzzy-matcher 0.3.7's `SkimMatcherV2::fuzzy` with positions off (two
//! rows), specialised for the folded index text, which is ASCII almost
//! always. It avoids the crate's per-call char vectors, bonus vector and
//! per-char classification, several times the cost of the programme itself,
//! and it starts every call from a clean matrix: the crate reuses a
//! thread-local matrix whose `bonus` cells can leak from one call into the
//! next on doubled letters, so its scores may depend on what the thread
//! matched before. Equality with a fresh `SkimMatcherV2` is a property test.
//!
//! Non-ASCII text or patterns go to the crate (see `engine`): its char-level
//! gap penalties differ from a byte-level count.

use std::cell::RefCell;

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

/// Per pattern char: its row's match and gap scores at the current column.
#[derive(Default)]
struct Scratch {
    first_match: Vec<usize>,
    m: Vec<i32>,
    p: Vec<i32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The score SkimMatcherV2 gives `pattern` on `choice`, both ASCII;
/// `None` when `pattern` is not a subsequence of `choice`.
pub(crate) fn score(choice: &[u8], pattern: &[u8]) -> Option<i64> {
    debug_assert!(choice.is_ascii() && pattern.is_ascii());
    match pattern {
        [] => return Some(0),
        [p] => return score_one(choice, *p),
        [p0, p1] => return score_two(choice, *p0, *p1),
        _ => {}
    }
    SCRATCH.with(|s| score_with(&mut s.borrow_mut(), choice, pattern))
}

/// One pattern char: the programme reduces to the best in-place bonus
/// among the positions of that char (row 0 has no match to extend, so each
/// cell is `gap_extension + bonus + score_match`). One pass, no matrix.
fn score_one(choice: &[u8], p: u8) -> Option<i64> {
    let mut best: Option<i32> = None;
    let mut prev = CharType::Empty;
    for (j, &c) in choice.iter().enumerate() {
        let cur = TYPES[c as usize];
        if c == p {
            let mut bonus = role_bonus(prev, cur);
            if j == 0 {
                bonus *= BONUS_FIRST_CHAR_MULTIPLIER;
            }
            best = Some(best.map_or(bonus, |b| b.max(bonus)));
        }
        prev = cur;
    }
    best.map(|b| i64::from(GAP_EXTENSION + b + SCORE_MATCH))
}

/// Two pattern chars: both rows of the programme in one pass, without a
/// matrix. Row 1 only ever reads row 0's initial cells and row 2 only reads
/// bonus cells that are still fresh (zero), so each row reduces to a
/// running value: `m1`/`p1` are row 1's match and gap scores at the column
/// before the current char.
fn score_two(choice: &[u8], p0: u8, p1: u8) -> Option<i64> {
    let f0 = choice.iter().position(|&c| c == p0)?;
    let f1 = f0 + 1 + choice[f0 + 1..].iter().position(|&c| c == p1)?;
    let mut m1 = NEG_INFINITY;
    let mut gap1 = NEG_INFINITY;
    let mut best = NEG_INFINITY;
    let mut prev = if f0 == 0 {
        CharType::Empty
    } else {
        TYPES[choice[f0 - 1] as usize]
    };
    for (j, &c) in choice.iter().enumerate().skip(f0) {
        let cur = TYPES[c as usize];
        let mut in_place = role_bonus(prev, cur);
        if j == 0 {
            in_place *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        prev = cur;
        if c == p1 && j >= f1 {
            let consecutive = in_place.max(BONUS_CONSECUTIVE);
            let m2 = (m1 + consecutive).max(gap1 + in_place) + SCORE_MATCH;
            best = best.max(m2);
        }
        let next_gap = (GAP_START + GAP_EXTENSION + m1).max(GAP_EXTENSION + gap1);
        m1 = if c == p0 {
            GAP_EXTENSION + in_place + SCORE_MATCH
        } else {
            NEG_INFINITY
        };
        gap1 = next_gap;
    }
    Some(i64::from(best))
}

/// Any pattern: the programme column by column, every row at once, in
/// O(pattern) memory. Equal to the crate's row-by-row two-row version
/// because, on a fresh matrix:
/// - its `bonus` cells only ever hold `max(in-place bonus, consecutive)`
///   of the char they are read for, so the consecutive bonus is that;
/// - the first cell of row i+1 (column `first_match[i]`) still holds, in
///   the reused row buffer, row i-1's values at that column (row 0's
///   initial ones for i = 1; a reset cell for i = 0), and the last row's
///   maximum starts at that cell. Reproduced here, exactly.
fn score_with(s: &mut Scratch, choice: &[u8], pattern: &[u8]) -> Option<i64> {
    // `cheap_matches`: the first in-order occurrence of each pattern char.
    s.first_match.clear();
    let mut rest = pattern.iter().peekable();
    for (i, &c) in choice.iter().enumerate() {
        match rest.peek() {
            Some(&&p) if p == c => {
                s.first_match.push(i);
                rest.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if rest.peek().is_some() {
        return None;
    }
    let rows = pattern.len();
    let last = rows - 1;
    s.m.clear();
    s.m.resize(rows, NEG_INFINITY);
    s.p.clear();
    s.p.resize(rows, NEG_INFINITY);
    let (first_match, m, p) = (&s.first_match, &mut s.m, &mut s.p);
    let start = first_match[0];
    let mut prev = if start == 0 {
        CharType::Empty
    } else {
        TYPES[choice[start - 1] as usize]
    };
    let mut best = NEG_INFINITY;
    // Rows 0..active have started (their first column is behind).
    let mut active = 0;
    for (j, &c) in choice.iter().enumerate().skip(start) {
        let cur = TYPES[c as usize];
        let mut in_place = role_bonus(prev, cur);
        if j == 0 {
            in_place *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        prev = cur;
        let consecutive = in_place.max(BONUS_CONSECUTIVE);
        while active < rows && first_match[active] == j {
            active += 1;
        }
        // Highest row first: each row reads the row above at this column
        // before that row moves on.
        for i in (0..active).rev() {
            if first_match[i] == j {
                // The row's first cell (see above).
                (m[i], p[i]) = match i {
                    0 => (NEG_INFINITY, NEG_INFINITY),
                    1 => (NEG_INFINITY, GAP_EXTENSION),
                    _ => (m[i - 2], p[i - 2]),
                };
                if i == last {
                    best = best.max(m[i]);
                }
            }
            let (above_m, above_p) = if i == 0 {
                (NEG_INFINITY, GAP_EXTENSION)
            } else {
                (m[i - 1], p[i - 1])
            };
            let new_m = if c == pattern[i] {
                (above_m + consecutive).max(above_p + in_place) + SCORE_MATCH
            } else {
                NEG_INFINITY
            };
            p[i] = (GAP_START + GAP_EXTENSION + m[i]).max(GAP_EXTENSION + p[i]);
            m[i] = new_m;
            if i == last {
                best = best.max(new_m);
            }
        }
    }
    Some(i64::from(best))
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    use super::score;

    fn reference(choice: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .respect_case()
            .fuzzy_match(choice, pattern)
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
                assert_eq!(
                    score(c.as_bytes(), p.as_bytes()),
                    reference(c, p),
                    "{c:?} {p:?}"
                );
            }
        }
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
            prop_assert_eq!(score(choice.as_bytes(), pattern.as_bytes()), reference(&choice, &pattern));
        }

        // One- and two-char words take their own single-pass paths.
        #[test]
        fn short_words_agree_with_a_fresh_skim_matcher(
            choice in "[abnlA9 '/(_.-]{0,40}",
            pattern in "[abnlA9 '_.]{1,2}",
        ) {
            prop_assert_eq!(score(choice.as_bytes(), pattern.as_bytes()), reference(&choice, &pattern));
        }
    }
}
