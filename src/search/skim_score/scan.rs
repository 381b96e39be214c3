//! The crate's programme (see `dense`) in one pass over the text, visiting
//! only the cells where a row's pattern char occurs; and, in the same pass,
//! where the word occurs as typed.
//!
//! In row `i` (pattern char `p[i]`), a cell whose text char is not `p[i]`
//! has no match score, and its gap score is the previous cell's minus one,
//! or the previous match score minus four. So a row is known from its match
//! cells alone: the gap score at any column is the best of those, each
//! decayed by its distance ([`Row`]). The text is read once, column by
//! column; a per-byte mask says which rows the byte matches, and those rows
//! are updated last to first (row `i` reads row `i - 1` at the previous
//! column, so row `i - 1` must not have moved on yet). Bytes in no row,
//! most of any text, cost a load and a test.
//!
//! The crate's two reused rows are reproduced where they show: row `i`
//! starts from the cell row `i - 2` left at its first column, and the
//! answer is read from the last row's first column on, which still holds
//! row `k - 3`'s score there. The consecutive bonus a row may find left in
//! a cell by row `i - 2` needs no reproducing: in one call it was computed
//! at the same text position, so it is never more than the one this row
//! computes (it matters only across calls, see `super`). Scores of cells
//! no real alignment reaches (built on the `NEG_INFINITY` sentinel) are
//! only ever compared with real ones, which they never beat while the text
//! is at most [`MAX_LEN`] long; their exact values are not reproduced.
//!
//! The as-typed occurrence is Shift-And (bitap) on the same masks: bit `i`
//! of `typed` says the word's first `i + 1` bytes end at the current byte.

use std::cell::RefCell;

use super::{
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, CharType, GAP_EXTENSION, GAP_START,
    NEG_INFINITY, SCORE_MATCH, TYPES, role_bonus,
};
use crate::search::as_typed::AsTyped;
use crate::search::query::is_subsequence;

/// Longest text this evaluation is exact on: real scores stay above
/// `-(MAX_LEN + 4 × pattern length)`, unreachable ones below
/// `NEG_INFINITY + 48 × pattern length`, far apart for any typed word.
pub(super) const MAX_LEN: usize = 8192;

/// Longest word: one bit per pattern char in a `u64` mask.
pub(super) const MAX_WORD: usize = 64;

// `Row` decays gaps by one per column.
const _: () = assert!(GAP_EXTENSION == -1);

/// For each byte, the pattern positions holding it (bit `i`: `p[i]`).
pub(super) type Masks = [u64; 256];

pub(super) fn masks(pattern: &[u8]) -> Box<Masks> {
    debug_assert!(pattern.len() <= MAX_WORD);
    let mut masks = Box::new([0; 256]);
    for (i, &b) in pattern.iter().enumerate() {
        masks[b as usize] |= 1 << i;
    }
    masks
}

/// One row's state while the text is read: enough to answer "match and
/// gap scores at column `c`" for increasing `c`.
///
/// The gap score at column `c` is `reach - c`, where `reach` is the best of
/// `p0 + start` (the row's starting gap, decayed by one per column) and
/// `m + GAP_START + d` for every match score `m` at a column `d < c` (a gap
/// opens at `GAP_START + GAP_EXTENSION`, then decays by one per column).
/// The latest match is kept apart until a column past it is read.
#[derive(Clone, Copy)]
struct Row {
    reach: i32,
    /// The latest match: its text position (the crate's column `pos + 1`)
    /// and match score.
    last: Option<(usize, i32)>,
}

impl Row {
    /// A row starting at text position `start` from the scores `(m0, p0)`
    /// its reused buffer holds there.
    fn new(start: usize, (m0, p0): (i32, i32)) -> Row {
        let start = start as i32;
        Row {
            reach: (p0 + start).max(m0 + GAP_START + start),
            last: None,
        }
    }

    /// Match and gap scores at column `col`, never less than any column
    /// read before.
    #[inline]
    fn cell(&mut self, col: usize) -> (i32, i32) {
        if let Some((pos, m)) = self.last {
            if pos + 1 == col {
                return (m, self.reach - col as i32);
            }
            self.fold(pos, m);
        }
        (NEG_INFINITY, self.reach - col as i32)
    }

    /// A match at text position `pos` (later than any before) scoring `m`.
    #[inline]
    fn record(&mut self, pos: usize, m: i32) {
        if let Some((earlier, earlier_m)) = self.last {
            self.fold(earlier, earlier_m);
        }
        self.last = Some((pos, m));
    }

    /// Lets the match at `pos` open gaps: from now on only its gap reaches.
    #[inline]
    fn fold(&mut self, pos: usize, m: i32) {
        self.reach = self.reach.max(m + GAP_START + (pos + 1) as i32);
        self.last = None;
    }
}

thread_local! {
    static ROWS: RefCell<Vec<Row>> = const { RefCell::new(Vec::new()) };
}

/// SkimMatcherV2's score for `pattern` on `text` (ASCII, at most
/// [`MAX_LEN`] bytes) and the word's as-typed occurrence; `None` when
/// `pattern` is not a subsequence of `text`.
pub(super) fn run(text: &[u8], pattern: &[u8], masks: &Masks) -> Option<(i64, Option<AsTyped>)> {
    debug_assert!(text.len() <= MAX_LEN && (1..=MAX_WORD).contains(&pattern.len()));
    // Most texts that fail, fail here, for the price of a few `memchr`s;
    // and nothing happens before the first char's first occurrence.
    let first = memchr::memchr(pattern[0], text)?;
    if let [p] = pattern {
        return Some(run_one(text, *p, first));
    }
    if !is_subsequence(&pattern[1..], &text[first + 1..]) {
        return None;
    }
    ROWS.with(|rows| {
        let mut scan = Scan {
            text,
            pattern,
            rows: &mut rows.borrow_mut(),
            best: NEG_INFINITY,
            typed: 0,
            as_typed: None,
        };
        scan.rows.clear();
        let mut pos = first;
        while pos < text.len() {
            let mask = masks[text[pos] as usize];
            if mask == 0 {
                // The common case, kept tight: no row moves, no occurrence
                // of the word runs through this byte.
                scan.typed = 0;
            } else {
                scan.step(pos, mask);
            }
            pos += 1;
        }
        (scan.rows.len() == pattern.len()).then_some((i64::from(scan.best), scan.as_typed))
    })
}

/// A one-char word, whose char occurs at `first`: one row, which reads
/// nothing before it, so the score is the best in-place bonus among the
/// char's positions; every position is an as-typed occurrence.
fn run_one(text: &[u8], p: u8, first: usize) -> (i64, Option<AsTyped>) {
    let mut best = NEG_INFINITY;
    let mut as_typed = None;
    let mut prev = match first {
        0 => CharType::Empty,
        _ => TYPES[text[first - 1] as usize],
    };
    for (pos, &c) in text.iter().enumerate().skip(first) {
        let cur = TYPES[c as usize];
        if c == p {
            let mut bonus = role_bonus(prev, cur);
            if pos == 0 {
                bonus *= BONUS_FIRST_CHAR_MULTIPLIER;
            }
            best = best.max(bonus);
            if as_typed.is_none_or(|a: AsTyped| !a.word_start) {
                let word_start = pos == 0 || !text[pos - 1].is_ascii_alphanumeric();
                AsTyped::keep(
                    &mut as_typed,
                    AsTyped {
                        at: pos,
                        word_start,
                    },
                );
            }
        }
        prev = cur;
    }
    (i64::from(GAP_EXTENSION + best + SCORE_MATCH), as_typed)
}

/// The state of one pass.
struct Scan<'a> {
    text: &'a [u8],
    pattern: &'a [u8],
    /// Rows started so far. Row `i` starts at the first occurrence of
    /// `p[i]` after row `i - 1`'s start.
    rows: &'a mut Vec<Row>,
    /// The last row's best score so far.
    best: i32,
    /// Shift-And state: bit `i` set when `p[..=i]` ends at the last byte.
    typed: u64,
    as_typed: Option<AsTyped>,
}

impl Scan<'_> {
    /// The byte at `pos`, which is in the pattern (`mask`: where).
    #[inline(never)]
    fn step(&mut self, pos: usize, mask: u64) {
        let (text, pattern) = (self.text, self.pattern);
        let k = pattern.len();
        self.typed = ((self.typed << 1) | 1) & mask;
        if self.typed & (1 << (k - 1)) != 0 {
            let at = pos + 1 - k;
            let word_start = at == 0 || !text[at - 1].is_ascii_alphanumeric();
            AsTyped::keep(&mut self.as_typed, AsTyped { at, word_start });
        }
        let started = self.rows.len();
        let mut hits = mask & ((1 << started) - 1);
        if started < k && text[pos] == pattern[started] {
            // What the crate's reused buffer holds here before the row runs.
            let inherited = match started {
                0 => (NEG_INFINITY, NEG_INFINITY),
                1 => (NEG_INFINITY, GAP_EXTENSION),
                _ => self.rows[started - 2].cell(pos),
            };
            self.rows.push(Row::new(pos, inherited));
            if started == k - 1 {
                self.best = inherited.0;
            }
            hits |= 1 << started;
        }
        if hits == 0 {
            return;
        }
        let prev = match pos {
            0 => CharType::Empty,
            _ => TYPES[text[pos - 1] as usize],
        };
        let mut in_place = role_bonus(prev, TYPES[text[pos] as usize]);
        if pos == 0 {
            in_place *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        let consecutive = in_place.max(BONUS_CONSECUTIVE);
        // Last row first: row `i` reads row `i - 1` as it was at the
        // previous column.
        while hits != 0 {
            let i = (u64::BITS - 1 - hits.leading_zeros()) as usize;
            hits ^= 1 << i;
            // The crate's first row reads its untouched other buffer: no
            // match, gap score `GAP_EXTENSION`.
            let (left_m, left_gap) = match i {
                0 => (NEG_INFINITY, GAP_EXTENSION),
                _ => self.rows[i - 1].cell(pos),
            };
            let m = (left_m + consecutive).max(left_gap + in_place) + SCORE_MATCH;
            self.rows[i].record(pos, m);
            if i == k - 1 {
                self.best = self.best.max(m);
            }
        }
    }
}
