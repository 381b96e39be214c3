//! Words of a folded text, as the index and the queries cut them, and the
//! French words too common to search by.

/// The words of a folded text: maximal runs of letters and digits, with
/// their byte ranges (apostrophes, hyphens, slashes and spaces all cut:
/// "d'elu" is "d" + "elu", "web/mobile" is "web" + "mobile").
pub(crate) fn words(folded: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = folded.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip separators. ASCII is decided on the byte; anything else is
        // decoded (a non-ASCII letter kept by folding is a letter).
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                at += 1;
            } else {
                let c = folded[at..].chars().next()?;
                if c.is_alphanumeric() {
                    break;
                }
                at += c.len_utf8();
            }
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                at += 1;
            } else {
                let c = folded[at..].chars().next()?;
                if !c.is_alphanumeric() {
                    break;
                }
                at += c.len_utf8();
            }
        }
        Some((start, &folded[start..at]))
    })
}

/// Articles, prepositions and conjunctions (folded): not indexed, and
/// dropped from a query that has other words ("chef de cabinet" asks for
/// "chef" and "cabinet"). Sorted, for the binary search.
const STOP_WORDS: [&str; 30] = [
    "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et", "l", "la",
    "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que", "qui", "s", "sa", "ses", "sur",
    "un",
];

/// True for a folded word too common to search by. Called for every word
/// of every item when indexing: the words are compared as integers.
pub(crate) fn is_stop_word(word: &str) -> bool {
    // The longest is 5 letters ("leurs"): most words stop here.
    if word.len() > 5 {
        return false;
    }
    let Some(key) = packed(word.as_bytes()) else {
        return false;
    };
    PACKED.binary_search(&key).is_ok()
}

/// A word of at most 8 bytes as an integer that sorts like it.
const fn packed(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    Some(key)
}

/// `STOP_WORDS` packed (they are sorted, so these are too).
static PACKED: [u64; STOP_WORDS.len()] = {
    let mut out = [0u64; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        out[i] = match packed(STOP_WORDS[i].as_bytes()) {
            Some(key) => key,
            None => panic!("stop words are short"),
        };
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(usize, &str)> {
        words(text).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(
            cut("chef de cabinet d'elu"),
            [
                (0, "chef"),
                (5, "de"),
                (8, "cabinet"),
                (16, "d"),
                (18, "elu")
            ]
        );
        assert_eq!(
            cut(" web/mobile -- bac+2 "),
            [(1, "web"), (5, "mobile"), (15, "bac"), (19, "2")]
        );
        assert_eq!(cut("中x ÿ"), [(0, "中x"), (5, "ÿ")]);
        assert!(cut(" ' - ").is_empty());
    }

    #[test]
    fn the_stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("de") && is_stop_word("l") && is_stop_word("pour"));
        assert!(!is_stop_word("web") && !is_stop_word("rh"));
    }
}
