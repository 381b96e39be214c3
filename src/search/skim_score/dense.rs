//! The crate's programme as it runs: two rows of cells over the whole
//! text, one pass per pattern char. Every cell costs a few dependent
//! operations, so `scan` replaces it on the texts of a fiche; it stays for
//! very long texts, where `scan`'s reasoning about unreachable scores no
//! longer holds, for words too long for its masks, and as the property
//! tests' second witness.

use std::cell::RefCell;

use super::{
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, CharType, GAP_EXTENSION, GAP_START,
    NEG_INFINITY, SCORE_MATCH, TYPES, role_bonus,
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

/// `cheap_matches`: the first in-order occurrence of each pattern char,
/// into `out`; false when `pattern` is not a subsequence of `choice`.
fn first_matches(choice: &[u8], pattern: &[u8], out: &mut Vec<usize>) -> bool {
    out.clear();
    let mut from = 0;
    for &p in pattern {
        match memchr::memchr(p, &choice[from..]) {
            Some(at) => {
                out.push(from + at);
                from += at + 1;
            }
            None => return false,
        }
    }
    true
}

/// SkimMatcherV2's score for `pattern` (any length, not empty) on `choice`.
pub(super) fn score(choice: &[u8], pattern: &[u8]) -> Option<i64> {
    SCRATCH.with(|s| score_with(&mut s.borrow_mut(), choice, pattern))
}

fn score_with(s: &mut Scratch, choice: &[u8], pattern: &[u8]) -> Option<i64> {
    if !first_matches(choice, pattern, &mut s.first_match) {
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
