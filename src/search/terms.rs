//! Whether a query word matches a word of the index, and how well: the one
//! definition the vocabulary scan (`matching_words`) and the highlighting
//! (`word_marks`) share.
//!
//! From best to worst (scores out of 100):
//! - the same word, or it with a plural mark (`elu` and "elus"): 100;
//! - the word starts with the query word (`dev` → "developpeur"): 60–90,
//!   more when it covers more of the word; 1–2 letter query words match
//!   this way only, so `e` or `in` never find scattered letters;
//! - (3+ letters) the word contains it (`securite` → "cybersecurite"): 40–60;
//! - typos, when no word of the index starts with the query word as typed
//!   (a word that exists is never "corrected": `celta` does not find
//!   "cela"), and with the same first letter: letters left out, in at most
//!   one gap from 5 letters (two from 9: `lobiste` → "lobbyiste",
//!   `devlopeur` → "developpeur"), or one letter wrong, extra, missing or
//!   two swapped in the word's beginning from 6 letters (two from 10:
//!   `ingenieru` → "ingenieur"): 15–40.
//!
//! An acronym of the table (`acronyms`) matches only itself as a whole
//! word (`Matching::Exact`): `cap` must not find "capacite".

use super::index::vocab::{Vocab, letter_mask};

/// How a query word may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Matching {
    /// Every rule above.
    Normal,
    /// The same word only.
    Exact,
}

/// Longest words the typo rules look at (longer ones match by prefix and
/// substring only): bounds their tables.
const FUZZY_MAX_QUERY: usize = 24;
const FUZZY_MAX_WORD: usize = 48;

/// How a query word matched an index word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordMatch {
    pub score: u8,
    /// Byte positions of the index word the query word matched.
    pub marks: Marks,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marks {
    /// `len` bytes from `at`.
    Run { at: usize, len: usize },
    /// These bytes.
    Scattered(Vec<usize>),
}

/// `q` matched against index word `t`, both folded; `typos`: whether the
/// typo rules apply (`typos_allowed`).
pub(crate) fn word_match(q: &[u8], t: &[u8], how: Matching, typos: bool) -> Option<WordMatch> {
    let l = q.len();
    if l == 0 {
        return None;
    }
    let run = |at, score| {
        Some(WordMatch {
            score,
            marks: Marks::Run { at, len: l },
        })
    };
    if t == q || plural_of(t, q) || plural_of(q, t) {
        return run(0, 100);
    }
    if how == Matching::Exact {
        return None;
    }
    if t.starts_with(q) {
        return run(0, ratio(60, 30, l, t.len()));
    }
    if l >= 3
        && let Some(at) = memchr::memmem::find(t, q)
    {
        return run(at, ratio(40, 20, l, t.len()));
    }
    if typos { fuzzy(q, t) } else { None }
}

/// Whether typos of `q` are forgiven in `vocab`: only when no word of it
/// starts with `q` as typed.
pub(crate) fn typos_allowed(vocab: &Vocab, q: &[u8]) -> bool {
    vocab.prefixed(q).is_empty()
}

/// True when `plural` is `word` with a plural mark (`s`, `x`), as
/// `normalize::title_key` reads plurals (words of 4+ letters): "elus" is
/// the same word as "elu".
fn plural_of(plural: &[u8], word: &[u8]) -> bool {
    plural.len() == word.len() + 1
        && plural.len() >= 4
        && plural.starts_with(word)
        && matches!(plural.last(), Some(b's' | b'x'))
}

/// `base + extra × covered / whole`, the share of the word the query covers.
fn ratio(base: usize, extra: usize, covered: usize, whole: usize) -> u8 {
    (base + extra * covered.min(whole) / whole.max(1)) as u8
}

/// The typo rules (see the module's doc).
fn fuzzy(q: &[u8], t: &[u8]) -> Option<WordMatch> {
    let l = q.len();
    if !(5..=FUZZY_MAX_QUERY).contains(&l) || t.len() > FUZZY_MAX_WORD || t.first() != q.first() {
        return None;
    }
    let (mq, mt) = (letter_mask(q), letter_mask(t));
    let gaps = if l >= 9 { 2 } else { 1 };
    if mq & !mt == 0
        && let Some(positions) = gapped(q, t, gaps)
    {
        let gaps = count_runs(&positions) - 1;
        let score = ratio(30, 10, l, t.len()) - 4 * gaps as u8;
        return Some(WordMatch {
            score,
            marks: Marks::Scattered(positions),
        });
    }
    let edits = if l >= 10 { 2 } else { 1 };
    if l >= 6 && (mq & !mt).count_ones() as usize <= edits {
        let (distance, end) = prefix_distance(q, t, edits)?;
        let score = ratio(26, 10, l, t.len()) - 5 * distance as u8;
        return Some(WordMatch {
            score,
            marks: Marks::Run { at: 0, len: end },
        });
    }
    None
}

fn count_runs(positions: &[usize]) -> usize {
    1 + positions.windows(2).filter(|w| w[1] != w[0] + 1).count()
}

/// `q` as a subsequence of `t` starting at `t[0]`, in as few runs as
/// possible, at most `allowed + 1` runs: the matched positions.
fn gapped(q: &[u8], t: &[u8], allowed: usize) -> Option<Vec<usize>> {
    const INF: u8 = u8::MAX;
    let (l, n) = (q.len(), t.len());
    // runs[i][j]: fewest runs matching q[..=i] with q[i] at t[j].
    let mut runs = vec![INF; l * n];
    runs[0] = 1; // q[0] == t[0], checked by the caller.
    for i in 1..l {
        // Best runs of row i - 1 at columns before j - 1.
        let mut before = INF;
        for j in 1..n {
            if j >= 2 {
                before = before.min(runs[(i - 1) * n + j - 2]);
            }
            if t[j] == q[i] {
                let together = runs[(i - 1) * n + j - 1];
                let apart = before.saturating_add(1);
                runs[i * n + j] = together.min(apart);
            }
        }
    }
    let (mut j, &best) = runs[(l - 1) * n..]
        .iter()
        .enumerate()
        .min_by_key(|(j, r)| (**r, *j))?;
    if best == INF || usize::from(best) > allowed + 1 {
        return None;
    }
    // Back from the end: each char at the column its run count came from.
    let mut positions = vec![0; l];
    let mut want = best;
    for i in (0..l).rev() {
        positions[i] = j;
        if i == 0 {
            break;
        }
        let together = runs[(i - 1) * n + j - 1];
        if together == want {
            j -= 1;
        } else {
            want -= 1;
            j = (0..j - 1)
                .rev()
                .find(|&k| runs[(i - 1) * n + k] == want)
                .expect("a column with one run fewer");
        }
    }
    Some(positions)
}

/// The fewest edits (a letter wrong, extra or missing, or two adjacent
/// letters swapped) turning `q` into a beginning of `t`, if at most
/// `allowed`, with that beginning's length.
fn prefix_distance(q: &[u8], t: &[u8], allowed: usize) -> Option<(usize, usize)> {
    let (l, n) = (q.len(), t.len().min(q.len() + allowed));
    let width = n + 1;
    let mut d = vec![0usize; (l + 1) * width];
    for (j, cell) in d.iter_mut().enumerate().take(n + 1) {
        *cell = j;
    }
    for i in 1..=l {
        d[i * width] = i;
        for j in 1..=n {
            let cost = usize::from(q[i - 1] != t[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && q[i - 1] == t[j - 2] && q[i - 2] == t[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    let from = l.saturating_sub(allowed);
    (from..=n)
        .map(|j| (d[l * width + j], j))
        .filter(|(distance, _)| *distance <= allowed)
        .min()
}

/// Every vocabulary word `q` matches, with its score, by word index.
pub(crate) fn matching_words(vocab: &Vocab, q: &[u8], how: Matching, out: &mut Vec<(u32, u8)>) {
    out.clear();
    let Some(&first) = q.first() else {
        return;
    };
    if how == Matching::Exact {
        let range = vocab.prefixed(q);
        if let Some(i) = range.clone().next()
            && vocab.word(i) == q
        {
            out.push((i as u32, 100));
        }
        return;
    }
    // Prefix and typo matches start with the same letter: scan that range
    // when typos are forgiven, else only the words starting with `q`.
    let prefixed = vocab.prefixed(q);
    let typos = prefixed.is_empty();
    let scan = if typos && q.len() <= FUZZY_MAX_QUERY {
        vocab.prefixed(&[first])
    } else {
        prefixed
    };
    for i in scan.clone() {
        if let Some(m) = word_match(q, vocab.word(i), how, typos) {
            out.push((i as u32, m.score));
        }
    }
    // Words containing it elsewhere than at their start.
    if q.len() >= 3 {
        for (i, _) in vocab.containing(q) {
            if !scan.contains(&i)
                && let Some(m) = word_match(q, vocab.word(i), how, typos)
            {
                out.push((i as u32, m.score));
            }
        }
        out.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(q: &str, t: &str) -> Option<u8> {
        word_match(q.as_bytes(), t.as_bytes(), Matching::Normal, true).map(|m| m.score)
    }

    #[test]
    fn the_same_word_beats_a_prefix_which_beats_a_substring() {
        let same = score("web", "web").unwrap();
        let prefix = score("web", "webmaster").unwrap();
        let inside = score("securite", "cybersecurite").unwrap();
        assert_eq!(same, 100);
        assert!(prefix < same && inside < prefix);
        assert_eq!(score("elu", "elus"), Some(100), "plurals are the same word");
        assert_eq!(score("developpeurs", "developpeur"), Some(100));
        assert!(
            score("bu", "bus").is_some_and(|s| s < 100),
            "not under 4 letters"
        );
    }

    #[test]
    fn short_words_match_word_starts_only() {
        assert!(score("e", "elu").is_some());
        assert_eq!(score("e", "delu"), None);
        assert_eq!(score("in", "marin"), None);
        assert_eq!(score("elu", "evaluation"), None, "no scattered letters");
        assert!(
            score("elu", "delu").is_some(),
            "three letters: inside a word"
        );
    }

    #[test]
    fn typos_are_forgiven_within_limits() {
        for (typed, word) in [
            ("lobiste", "lobbyiste"),
            ("developeur", "developpeur"),
            ("devlopeur", "developpeur"),
            ("ingenieru", "ingenieur"),
            ("comptabilte", "comptabilite"),
            ("infirmeir", "infirmier"),
            ("managment", "management"),
        ] {
            let s = score(typed, word);
            assert!(s.is_some_and(|s| s < 60), "{typed} → {word}: {s:?}");
        }
        for (typed, word) in [
            ("elus", "electeurs"),
            ("chef", "cher"),
            ("celta", "cela"),
            ("xeveloppeur", "developpeur"),
            ("dev", "dve"),
        ] {
            assert_eq!(score(typed, word), None, "{typed} → {word}");
        }
    }

    #[test]
    fn marks_say_which_bytes_matched() {
        let m = word_match(b"lobiste", b"lobbyiste", Matching::Normal, true).unwrap();
        assert_eq!(m.marks, Marks::Scattered(vec![0, 1, 2, 5, 6, 7, 8]));
        let m = word_match(b"secu", b"cybersecurite", Matching::Normal, true).unwrap();
        assert_eq!(m.marks, Marks::Run { at: 5, len: 4 });
    }

    #[test]
    fn exact_matching_wants_the_whole_word() {
        assert!(word_match(b"cap", b"cap", Matching::Exact, true).is_some());
        assert!(word_match(b"cap", b"capacite", Matching::Exact, true).is_none());
    }

    #[test]
    fn the_vocabulary_scan_agrees_with_the_pairwise_rule() {
        let words = [
            "cybersecurite",
            "dev",
            "developpement",
            "developpeur",
            "developpeurs",
            "devis",
            "lobbyiste",
            "securite",
            "web",
            "webmaster",
        ];
        let vocab = Vocab::from_sorted(words);
        for q in [
            "d",
            "de",
            "dev",
            "devlopeur",
            "developeur",
            "securite",
            "web",
            "lobiste",
            "zz",
            "ecurit",
        ] {
            let mut found = Vec::new();
            matching_words(&vocab, q.as_bytes(), Matching::Normal, &mut found);
            let typos = typos_allowed(&vocab, q.as_bytes());
            let expected: Vec<(u32, u8)> = words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| {
                    word_match(q.as_bytes(), w.as_bytes(), Matching::Normal, typos)
                        .map(|m| (i as u32, m.score))
                })
                .collect();
            assert_eq!(found, expected, "{q}");
        }
    }

    #[test]
    fn a_word_found_as_typed_is_not_corrected() {
        let vocab = Vocab::from_sorted(["cela", "celta", "developpeur"]);
        let mut found = Vec::new();
        matching_words(&vocab, b"celta", Matching::Normal, &mut found);
        assert_eq!(found, [(1, 100)], "not cela");
        matching_words(&vocab, b"developeur", Matching::Normal, &mut found);
        assert_eq!(found.len(), 1, "a word found nowhere is: {found:?}");
    }
}
