//! Where a query word occurs as typed (contiguously) in a folded text.
//!
//! The engine rewards such an occurrence (see `engine`) and highlights it;
//! the scorer finds it in the same pass as the score (`skim_score`). This
//! is the plain definition both agree with.

/// An occurrence of a word as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AsTyped {
    /// Byte offset in the text.
    pub at: usize,
    /// Whether it starts a word there (no letter or digit just before).
    pub word_start: bool,
}

impl AsTyped {
    /// Keeps the first occurrence at a word start, else the first one:
    /// call with occurrences left to right.
    pub(crate) fn keep(best: &mut Option<AsTyped>, found: AsTyped) {
        match best {
            None => *best = Some(found),
            Some(kept) if !kept.word_start && found.word_start => *kept = found,
            Some(_) => {}
        }
    }
}

/// Where `word` occurs as typed in `text`: the first occurrence at a word
/// start, else the first one.
pub(crate) fn find(text: &str, word: &str) -> Option<AsTyped> {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    let (&head, tail) = w.split_first()?;
    let mut best = None;
    let mut from = 0;
    // Scan for the first byte, then compare the rest: cheaper than a
    // general substring searcher's set-up on these short texts.
    while let Some(off) = t[from..].iter().position(|&b| b == head) {
        let at = from + off;
        from = at + 1;
        let rest = &t[from..];
        // Byte by byte: most candidates differ at once, before a call to
        // `memcmp` (what `starts_with` does) would have returned.
        if rest.len() < tail.len() || tail.iter().zip(rest).any(|(a, b)| a != b) {
            continue;
        }
        let word_start = match at.checked_sub(1).map(|i| t[i]) {
            None => true,
            Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
            // A non-ASCII char ends here: decode it (`at` is a char boundary,
            // since `word` starts with a whole char).
            Some(_) => text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric()),
        };
        AsTyped::keep(&mut best, AsTyped { at, word_start });
        if word_start {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, word: &str) -> Option<(usize, bool)> {
        find(text, word).map(|a| (a.at, a.word_start))
    }

    #[test]
    fn a_word_start_occurrence_wins_over_an_earlier_inner_one() {
        assert_eq!(found("candidat d'elu", "elu"), Some((11, true)));
        assert_eq!(found("delu elue", "elu"), Some((5, true)));
        assert_eq!(found("delu", "elu"), Some((1, false)));
        assert_eq!(found("elaborer une", "elu"), None);
    }

    #[test]
    fn a_non_ascii_letter_before_does_not_start_a_word() {
        assert_eq!(found("çelu", "elu"), Some((2, false)));
        assert_eq!(found("—elu", "elu"), Some((3, true)));
    }
}
