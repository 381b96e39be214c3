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

#[derive(Clone, Copy)]
struct Cell {
    m_score: i32,
    p_score: i32,
    bonus: i32,
}

const RESET: Cell = Cell {
    m_score: NEG_INFINITY,
    p_score: NEG_INFINITY,
    bonus: 0,
};

#[derive(Default)]
struct Scratch {
    rows: [Vec<Cell>; 2],
    bonuses: Vec<i32>,
    first_match: Vec<usize>,
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

    let cols = choice.len() + 1;
    s.bonuses.clear();
    s.bonuses.push(0);
    let mut prev = CharType::Empty;
    for &c in choice {
        let cur = TYPES[c as usize];
        s.bonuses.push(role_bonus(prev, cur));
        prev = cur;
    }
    if cols > 1 {
        s.bonuses[1] *= BONUS_FIRST_CHAR_MULTIPLIER;
    }

    // A fresh matrix, as a new matcher would allocate it.
    for row in &mut s.rows {
        row.clear();
        row.resize(cols, RESET);
    }
    s.rows[1][s.first_match[0]] = RESET;
    for cell in s.rows[0].iter_mut() {
        *cell = RESET;
        cell.p_score = GAP_EXTENSION;
    }

    let [row0, row1] = &mut s.rows;
    let bonuses = &s.bonuses[..cols];
    for (i, &p) in pattern.iter().enumerate() {
        // Row i+1 of the full matrix is row (i+1)&1 here; its previous row the other one.
        let (cur, prev_row) = if i & 1 == 0 {
            (&mut row1[..cols], &row0[..cols])
        } else {
            (&mut row0[..cols], &row1[..cols])
        };
        let to_skip = s.first_match[i];
        // The cell left of the current one, kept in registers.
        let mut last_m = cur[to_skip].m_score;
        let mut last_p = cur[to_skip].p_score;
        for (j, &c) in choice.iter().enumerate().skip(to_skip) {
            let m_score = if c == p {
                let in_place = bonuses[j + 1];
                // The crate stores the consecutive bonus in the cell to the left.
                let consecutive = cur[j].bonus.max(in_place.max(BONUS_CONSECUTIVE));
                cur[j].bonus = consecutive;
                let score_match = prev_row[j].m_score + consecutive;
                let score_skip = prev_row[j].p_score + in_place;
                score_match.max(score_skip) + SCORE_MATCH
            } else {
                cur[j + 1].bonus = 0;
                NEG_INFINITY
            };
            let p_score = (GAP_START + GAP_EXTENSION + last_m).max(GAP_EXTENSION + last_p);
            cur[j + 1].m_score = m_score;
            cur[j + 1].p_score = p_score;
            last_m = m_score;
            last_p = p_score;
        }
    }

    let last = if pattern.len() & 1 == 1 {
        &*row1
    } else {
        &*row0
    };
    let from = s.first_match[pattern.len() - 1];
    last[from..].iter().map(|c| c.m_score).max().map(i64::from)
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
