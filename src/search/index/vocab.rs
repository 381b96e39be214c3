//! The index's vocabulary: every distinct word of its items (folded, stop
//! words aside), sorted, in one buffer. Sorted, the words starting with a
//! prefix are one range; in one buffer, the words containing a string are
//! found by one `memmem` pass over it.

use std::ops::Range;

/// Sorted distinct words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Vocab {
    /// `\n` + word 0 + `\n` + word 1 + `\n` … : a separator before each word
    /// so a match found by `memmem` never spans two words.
    pub(crate) bytes: Vec<u8>,
    /// Offset in `bytes` of each word's first byte, then one past the end.
    pub(crate) starts: Vec<u32>,
    /// Each word's letters (`letter_mask`): a cheap "cannot match" test.
    pub(crate) masks: Vec<u32>,
}

/// Bit `c - 'a'` for each ASCII letter of `word`, bit 26 for any digit,
/// bit 27 for anything else.
pub(crate) fn letter_mask(word: &[u8]) -> u32 {
    word.iter().fold(0, |mask, &b| {
        mask | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 1 << 27,
        }
    })
}

impl Vocab {
    /// The vocabulary of `words`, which must be sorted and distinct.
    pub(crate) fn from_sorted<'a>(words: impl IntoIterator<Item = &'a str>) -> Vocab {
        let mut vocab = Vocab::default();
        for word in words {
            debug_assert!(!word.contains('\n'));
            vocab.bytes.push(b'\n');
            vocab.starts.push(to_u32(vocab.bytes.len()));
            vocab.bytes.extend_from_slice(word.as_bytes());
            vocab.masks.push(letter_mask(word.as_bytes()));
        }
        vocab.bytes.push(b'\n');
        vocab.starts.push(to_u32(vocab.bytes.len()));
        vocab
    }

    pub(crate) fn len(&self) -> usize {
        self.masks.len()
    }

    /// Word `i`.
    pub(crate) fn word(&self, i: usize) -> &[u8] {
        // The next word's start is one past this word's separator.
        &self.bytes[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    /// The words starting with `prefix`, as a range of word indices.
    pub(crate) fn prefixed(&self, prefix: &[u8]) -> Range<usize> {
        let from = self.partition(|w| w < prefix);
        let to = self.partition(|w| w < prefix || w.starts_with(prefix));
        from..to
    }

    /// The first index whose word fails `before` (words are sorted, and
    /// `before` holds for a prefix of them).
    fn partition(&self, before: impl Fn(&[u8]) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if before(self.word(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The words containing `needle` (not empty) anywhere, each once, in
    /// order, with where the first occurrence starts in the word.
    pub(crate) fn containing<'a>(
        &'a self,
        needle: &'a [u8],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut last = usize::MAX;
        memchr::memmem::find_iter(&self.bytes, needle).filter_map(move |at| {
            // The word whose start is the last one at or before `at`.
            let i = self.starts.partition_point(|&s| s as usize <= at) - 1;
            if i == last {
                return None;
            }
            last = i;
            Some((i, at - self.starts[i] as usize))
        })
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + 4 * self.starts.capacity() + 4 * self.masks.capacity()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("vocabulary under 4 GiB")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        Vocab::from_sorted([
            "chef",
            "cheffe",
            "cyber",
            "cybersecurite",
            "securite",
            "web",
        ])
    }

    fn words(v: &Vocab, r: Range<usize>) -> Vec<String> {
        r.map(|i| String::from_utf8(v.word(i).to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn prefixes_are_ranges() {
        let v = vocab();
        assert_eq!(words(&v, v.prefixed(b"che")), ["chef", "cheffe"]);
        assert_eq!(words(&v, v.prefixed(b"cyber")), ["cyber", "cybersecurite"]);
        assert_eq!(words(&v, v.prefixed(b"w")), ["web"]);
        assert!(v.prefixed(b"zz").is_empty());
        assert!(v.prefixed(b"a").is_empty());
        assert_eq!(v.prefixed(b"").len(), v.len());
    }

    #[test]
    fn containing_finds_each_word_once_with_its_offset() {
        let v = vocab();
        let found: Vec<(usize, usize)> = v.containing(b"securite").collect();
        assert_eq!(found, [(3, 5), (4, 0)]);
        let f: Vec<(usize, usize)> = v.containing(b"f").collect();
        assert_eq!(f, [(0, 3), (1, 3)], "cheffe's two f count once");
        assert_eq!(v.containing(b"zz").count(), 0);
    }

    #[test]
    fn masks_say_which_letters_a_word_has() {
        assert_eq!(letter_mask(b"ab"), 0b11);
        assert_eq!(letter_mask(b"a1-"), 1 | 1 << 26 | 1 << 27);
    }
}
